/** A process (or in-process server) the runtime started and watches. */
export interface Service {
  /** Resolves when it has ended, with how (`killed by SIGKILL`); also after `stop()`. */
  ended: Promise<string>;
  stop(): Promise<void>;
}

export interface SupervisorOptions<T extends Service> {
  /** `DynamoDB Local`, `the S3 emulator`. */
  name: string;
  /** Where it runs, for the messages: `on port 8000 with data in /x/.data/dynamodb`. */
  where: string;
  /** Starts it (again) on the same port and data directory. */
  start: () => Promise<T>;
  /** Its pid, for the messages, when it is a process of its own. */
  pidOf?: (service: T) => number;
  notice: (line: string) => void;
  /** It died and could not be restarted (or dies over and over): the caller stops everything. */
  fatal: (error: Error) => void;
  /** At most this many restarts within `windowMs` (default 3 in 60 s). */
  maxRestarts?: number;
  windowMs?: number;
}

export interface Supervisor<T extends Service> {
  /** The running instance (changes after a restart). */
  readonly current: T;
  stop(): Promise<void>;
}

/**
 * Watches a started service: when it ends while not being stopped, says so at once and starts it
 * again on the same port and data; if that fails (or it keeps dying), reports a fatal error.
 */
export function supervise<T extends Service>(first: T, options: SupervisorOptions<T>): Supervisor<T> {
  const maxRestarts = options.maxRestarts ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  const restarts: number[] = [];
  let current = first;
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const label = (service: T) => (options.pidOf ? `${options.name} (pid ${options.pidOf(service)})` : options.name);

  const restart = async (reason: string) => {
    const now = Date.now();
    while (restarts.length > 0 && restarts[0]! < now - windowMs) restarts.shift();
    if (restarts.length >= maxRestarts) throw new Error(`${options.name} died ${maxRestarts + 1} times within ${windowMs / 1000} s (last: ${reason}); not restarting it again.`);
    restarts.push(now);
    let next: T;
    try {
      next = await options.start();
    } catch (error) {
      throw new Error(`${options.name} died (${reason}) and could not be restarted: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (stopping) return next.stop();
    current = next;
    options.notice(`${label(next)} is back ${options.where}.`);
    watch(next);
  };

  const watch = (service: T) => {
    void service.ended.then((reason) => {
      if (stopping || service !== current) return;
      options.notice(`${label(service)} died (${reason}). Restarting it ${options.where}...`);
      restarting = restart(reason).catch((error: Error) => {
        if (!stopping) options.fatal(error);
      });
    });
  };
  watch(first);

  return {
    get current() {
      return current;
    },
    async stop() {
      stopping = true;
      await restarting;
      await current.stop();
    },
  };
}
