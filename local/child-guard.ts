import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';

/**
 * The guard: `sh` starts the command in the background with stdin from /dev/null, reports its pid
 * on fd 3, and keeps our stdin pipe open in a watcher. When that pipe closes — `stop()` closes it,
 * and the kernel closes it when our process ends in any way, `kill -9` included — the watcher
 * sends SIGTERM, then SIGKILL after 5 s. The guard exits with the command's status.
 */
const GUARD_SCRIPT = `
exec 4<&0 0</dev/null
"$@" 3>&- 4<&- &
child=$!
echo "$child" >&3
exec 3>&-
{
  cat <&4 >/dev/null
  kill -TERM "$child" 2>/dev/null
  i=0
  while kill -0 "$child" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  kill -KILL "$child" 2>/dev/null
} &
watcher=$!
exec 4<&-
wait "$child"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
`;

export interface GuardedProcess {
  /** The command's own pid (not the guard's). */
  pid: number;
  /** The guard; its stdout and stderr are the command's. */
  guard: ChildProcess;
  /** Resolves once the command has ended, with how: `exit code 1`, `killed by SIGKILL`. */
  ended: Promise<string>;
  hasEnded(): boolean;
  /** Ends the command (SIGTERM, SIGKILL after 5 s) and waits until it is gone. */
  stop(): Promise<void>;
}

const signalName = (number: number) => Object.entries(constants.signals).find(([, value]) => value === number)?.[0] ?? `signal ${number}`;

function kill(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Running, and not a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** Resolves once `pid` is gone (its sockets closed), or after 5 s. */
async function gone(pid: number): Promise<void> {
  for (let waited = 0; pid > 0 && waited < 5_000 && isAlive(pid); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

function firstLine(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    });
    stream.once('end', () => reject(new Error('the guard ended before reporting the pid')));
  });
}

/**
 * Spawns `command` so that it cannot outlive this process: it is stopped when this process
 * exits, crashes or is killed with SIGKILL (process groups alone do not survive that). It runs in
 * its own session, so a terminal's Ctrl-C reaches only us and we stop it in order.
 */
export async function spawnGuarded(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<GuardedProcess> {
  const guard = spawn('sh', ['-c', GUARD_SCRIPT, 'guard', command, ...args], {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    env: options.env,
    detached: true,
  });
  let endedHow: string | undefined;
  let pid = 0;
  const ended = new Promise<string>((resolve) =>
    guard.once('exit', (code, signal) => {
      const how = signal ? `its guard was killed by ${signal}` : code !== null && code > 128 ? `killed by ${signalName(code - 128)}` : `exit code ${code}`;
      // The guard exits after the command, unless the guard itself was killed: then end the command here.
      if (signal && pid > 0 && isAlive(pid)) kill(pid, 'SIGKILL');
      void gone(pid).then(() => {
        endedHow = how;
        resolve(how);
      });
    }),
  );
  guard.stdin!.on('error', () => undefined); // EPIPE when the guard is already gone
  pid = Number(await firstLine(guard.stdio[3] as Readable));
  const stop = async () => {
    if (endedHow !== undefined) return;
    guard.stdin!.end();
    const fallback = setTimeout(() => kill(pid, 'SIGKILL'), 8_000);
    await ended;
    clearTimeout(fallback);
  };
  return { pid, guard, ended, hasEnded: () => endedHow !== undefined, stop };
}
