import { Duration, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Job } from '../functions/jobs.ts';
import { bindAccess, filesShippedWith, type AccessTargets } from './access-bindings.ts';
import type { ApiAlarms } from './api-alarms.ts';
import type { StageSettings } from './deploy-config.ts';
import { HouseFunction } from './house-function.ts';

/** A run that fails (or cannot be delivered) is tried this many more times... */
export const JOB_RETRY_ATTEMPTS = 2;
/** ...for at most this long after its schedule fired; then it goes to the job's dead-letter queue. */
export const JOB_MAX_EVENT_AGE = Duration.hours(1);
/** SQS's longest: time to read what failed, long after the alarm. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/** The function's description, which names it in the console, in alarms and in the bench: `job sync-courier-tracking`. */
export const jobDescription = (job: Pick<Job, 'name'>): string => `job ${job.name}`;

/** `sync-courier-tracking` → `SyncCourierTrackingJob`. */
export function jobConstructId(job: Pick<Job, 'name'>): string {
  const words = job.name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return `${words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')}Job`;
}

/**
 * How often `job` runs in this stage: the stage's `jobMinutes` entry, else the job's own. Whole
 * minutes (EventBridge rates are), and longer than the job's timeout so that runs never overlap.
 */
export function jobScheduleMinutes(job: Job, settings: StageSettings): number {
  const minutes = settings.jobMinutes?.[job.name] ?? job.everyMinutes;
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error(`job ${job.name}: runs every ${minutes} minutes; it must be a whole number of minutes, at least 1`);
  if (job.timeoutSeconds >= minutes * 60) {
    throw new Error(`job ${job.name}: its timeout (${job.timeoutSeconds} s) is not shorter than its schedule (every ${minutes} min), so runs could overlap`);
  }
  return minutes;
}

/** Refuses `jobMinutes` entries naming no job (a typo or a renamed job would silently keep the default). */
export function checkJobMinutes(jobs: readonly Job[], settings: StageSettings): void {
  const unknown = Object.keys(settings.jobMinutes ?? {}).filter((name) => !jobs.some((job) => job.name === name));
  if (unknown.length > 0) throw new Error(`jobMinutes names ${unknown.join(', ')}, which is no job of functions/jobs.ts`);
}

export interface ScheduledJobProps {
  job: Job;
  /** The handler module to bundle. */
  entry: string;
  settings: StageSettings;
  targets: AccessTargets;
  alarms: ApiAlarms;
}

/**
 * One job of `functions/jobs.ts`: its function (the house function, granted exactly the job's
 * declared access, like a route's), an EventBridge schedule invoking it, one dead-letter queue,
 * and alarms on the function's errors and throttles and on any message in the queue.
 *
 * Retries happen in two places, both bounded by the same policy: EventBridge retries delivering the
 * schedule's event to Lambda (throttled, Lambda unavailable), and Lambda retries the asynchronous
 * invocation when the run itself fails. Either, once out of retries, puts a message in the queue.
 */
export class ScheduledJob extends Construct {
  readonly fn: HouseFunction;
  readonly rule: Rule;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const { job, settings } = props;
    const description = jobDescription(job);
    const minutes = jobScheduleMinutes(job, settings);

    this.fn = new HouseFunction(this, 'Function', {
      entry: props.entry,
      description,
      settings,
      timeout: Duration.seconds(job.timeoutSeconds),
      bundledFiles: filesShippedWith(job.access),
    });
    bindAccess(this.fn.lambda, job.access, props.targets);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself the dead-letter queue of ${description} (its schedule and its failed runs); a message here is only read by an operator, never consumed, so it needs no dead-letter queue of its own.`,
    });

    // Failed runs: Lambda's own retries of the asynchronous invocation, then the queue (with the error).
    this.fn.lambda.configureAsyncInvoke({
      retryAttempts: JOB_RETRY_ATTEMPTS,
      maxEventAge: JOB_MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
    // Undelivered schedules: EventBridge's retries, then the queue.
    this.rule = new Rule(this, 'Schedule', {
      description: `Runs ${description} every ${minutes} minutes.`,
      schedule: Schedule.rate(Duration.minutes(minutes)),
      targets: [
        new LambdaTarget(this.fn.lambda, {
          retryAttempts: JOB_RETRY_ATTEMPTS,
          maxEventAge: JOB_MAX_EVENT_AGE,
          deadLetterQueue: this.deadLetterQueue,
        }),
      ],
    });

    props.alarms.watchFunction(id, description, this.fn.lambda);
    props.alarms.watchDeadLetterQueue(id, description, this.deadLetterQueue);
  }
}
