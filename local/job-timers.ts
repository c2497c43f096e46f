import { randomUUID } from 'node:crypto';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { jobs as declaredJobs, type Job } from '../functions/jobs.ts';
import { loadHandler } from './api-server.ts';
import { lambdaContext } from './lambda-context.ts';

type JobHandler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

export interface JobTimerOptions {
  /** Run every job this often instead of its `localEveryMs` (tests). */
  everyMs?: number;
}

export interface JobRunner {
  /** Runs the job now (after the run in progress, if one is): the handler's result, or its error. */
  run(name: string): Promise<unknown>;
  /** Starts one timer per job (a tick while the job still runs is skipped, a failed run is logged in one line); answers how often each runs. */
  startTimers(options?: JobTimerOptions): { name: string; everyMs: number }[];
  /** Stops the timers and waits (at most `waitMs`) for the runs in progress. */
  stop(waitMs?: number): Promise<void>;
}

/** What EventBridge hands a scheduled function. */
function scheduledEvent(job: Job, id: string): ScheduledEvent {
  return {
    version: '0',
    id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: new Date().toISOString(),
    region: process.env.AWS_REGION ?? 'local',
    resources: [`arn:aws:events:local:000000000000:rule/${job.name}`],
    detail: {},
  };
}

const oneLine = (error: unknown) => (error instanceof Error ? error.message || error.name : String(error)).replace(/\s*\n\s*/g, ' ');

/**
 * The scheduled jobs of `functions/jobs.ts`, run locally as Lambda would: the handler with a
 * scheduled event and a context whose remaining time counts down from the job's timeout. One run of
 * a job at a time, whether started by its timer or by `run`.
 */
export function jobRunner(log: (line: string) => void, jobs: readonly Job[] = declaredJobs): JobRunner {
  const running = new Map<string, Promise<unknown>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  const jobNamed = (name: string) => {
    const job = jobs.find((candidate) => candidate.name === name);
    if (!job) throw new Error(`No job named ${name} (jobs: ${jobs.map((known) => known.name).join(', ')})`);
    return job;
  };

  /** Starts a run; `running` holds it from this very moment until it settles. */
  function runNow(job: Job): Promise<unknown> {
    const id = randomUUID();
    const run = loadHandler<JobHandler>(job.handler).then((handler) => handler(scheduledEvent(job, id), lambdaContext(id, job.handler, { timeoutMs: job.timeoutSeconds * 1000 })));
    const tracked = run.finally(() => {
      if (running.get(job.name) === tracked) running.delete(job.name);
    });
    running.set(job.name, tracked);
    return tracked;
  }

  return {
    async run(name) {
      const job = jobNamed(name);
      for (let current = running.get(name); current; current = running.get(name)) await current.catch(() => undefined);
      if (stopped) throw new Error(`The local runtime has stopped: ${name} not run`);
      return runNow(job);
    },

    startTimers(options = {}) {
      return jobs.map((job) => {
        const everyMs = options.everyMs ?? job.localEveryMs;
        const timer = setInterval(() => {
          if (stopped) return;
          if (running.has(job.name)) return log(`${job.name}: the previous run is still going, this one is skipped`);
          runNow(job).catch((error: unknown) => log(`${job.name} failed: ${oneLine(error)}`));
        }, everyMs);
        // The API server keeps npm start alive; a timer alone must not keep a test process running.
        timer.unref();
        timers.push(timer);
        return { name: job.name, everyMs };
      });
    },

    async stop(waitMs = 10_000) {
      stopped = true;
      for (const timer of timers.splice(0)) clearInterval(timer);
      const inFlight = [...running.values()].map((run) => run.catch(() => undefined));
      if (inFlight.length === 0) return;
      let timeout: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>((resolve) => (timeout = setTimeout(resolve, waitMs)));
      await Promise.race([Promise.all(inFlight), gaveUp]);
      clearTimeout(timeout);
    },
  };
}
