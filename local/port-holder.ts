import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port the local runtime means to listen on, and how the user changes it. */
export interface PortClaim {
  port: number;
  /** Who will listen there, e.g. `DynamoDB Local`. */
  service: string;
  /** The environment variable that picks another port, e.g. `DYNAMODB_PORT`. */
  variable?: string;
  /** The address the service binds: DynamoDB Local binds every interface, the others 127.0.0.1. */
  host?: string;
}

/** Raised when a port the runtime needs is held by a process it did not start. */
export class PortTakenError extends Error {
  override name = 'PortTakenError';
}

/**
 * The inodes of the sockets listening on `port` in a /proc/net/tcp or /proc/net/tcp6 table
 * (columns: sl, local address, remote address, state, ..., inode; state 0A is LISTEN).
 */
export function listeningInodes(table: string, port: number): string[] {
  const inodes: string[] = [];
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    if (!local || fields[3] !== '0A') continue;
    if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port && fields[9]) inodes.push(fields[9]);
  }
  return inodes;
}

const readText = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Linux: the inodes of the listeners on `port`, or undefined without /proc. */
function procListenerInodes(port: number): Set<string> | undefined {
  const tables = ['/proc/net/tcp', '/proc/net/tcp6'].map(readText);
  if (tables.every((table) => table === undefined)) return undefined;
  return new Set(tables.flatMap((table) => (table ? listeningInodes(table, port) : [])));
}

function processHoldsSocket(pid: number | string, inodes: Set<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false; // gone, or another user's: its fds cannot be read
  }
  return fds.some((fd) => {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      return target.startsWith('socket:[') && inodes.has(target.slice(8, -1));
    } catch {
      return false;
    }
  });
}

/**
 * The pids listening on `port` (any address): from /proc on Linux, else from `lsof`.
 * `undefined` when this machine cannot tell; an empty list when something listens but its owner
 * cannot be seen (another user's process).
 */
export function listenerPids(port: number): number[] | undefined {
  const inodes = procListenerInodes(port);
  if (inodes) {
    if (inodes.size === 0) return [];
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry) && processHoldsSocket(entry, inodes))
      .map(Number);
  }
  const lsof = spawnSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-t'], { encoding: 'utf8' });
  if (lsof.error) return undefined;
  return lsof.stdout.split('\n').filter(Boolean).map(Number);
}

/** Whether `pid` holds a listening socket on `port`; undefined when this machine cannot tell. */
export function pidListensOn(pid: number, port: number): boolean | undefined {
  const inodes = procListenerInodes(port);
  if (inodes) return processHoldsSocket(pid, inodes);
  return listenerPids(port)?.includes(pid);
}

/** A process's command line, shortened for one line of output. */
export function commandLine(pid: number): string | undefined {
  const fromProc = readText(`/proc/${pid}/cmdline`)?.split('\0').filter(Boolean).join(' ');
  const line = fromProc || spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout?.trim();
  if (!line) return undefined;
  return line.length > 240 ? `${line.slice(0, 237)}...` : line;
}

/** Whether nothing listens on `host:port` now: we can bind it ourselves, then let it go. */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Says who holds a claimed port and how to free it or pick another one. */
export function describeTakenPort(claim: PortClaim, pids = listenerPids(claim.port)): string {
  const holders = (pids ?? []).map((pid) => `pid ${pid} (${commandLine(pid) ?? 'command line unknown'})`);
  const who = holders.length > 0 ? `by ${holders.join(', ')}` : 'by a process npm start cannot identify';
  const stop =
    pids && pids.length > 0
      ? `Stop it (kill ${pids.join(' ')})`
      : `Find it with \`lsof -nP -iTCP:${claim.port} -sTCP:LISTEN\` or \`ss -ltnp 'sport = :${claim.port}'\` and stop it`;
  const elsewhere = claim.variable ? ` or choose another port (${claim.variable}=<port> npm start)` : '';
  return (
    `Port ${claim.port}, for ${claim.service}, is already in use ${who}. ` +
    `npm start only talks to processes it started itself (another one could be serving other data). ${stop}${elsewhere}.`
  );
}

/** Refuses, naming every holder, when any claimed port is already taken. */
export async function assertPortsFree(claims: readonly PortClaim[]): Promise<void> {
  const taken: string[] = [];
  for (const claim of claims) {
    if (claim.port !== 0 && !(await portIsFree(claim.port, claim.host))) taken.push(describeTakenPort(claim));
  }
  if (taken.length > 0) throw new PortTakenError(taken.join('\n'));
}
