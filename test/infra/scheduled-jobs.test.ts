import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, type Job } from '../../functions/jobs.ts';
import { jobConstructId, jobDescription } from '../../lib/scheduled-jobs.ts';
import { functionsByRouteKey, logicalIdOf, schedulesOf, synthShipping, type SynthesizedShipping } from './infra-fixture.ts';

type Resource = { Type: string; Properties: Record<string, any> };
const FOURTEEN_DAYS = 14 * 24 * 60 * 60;

/** The job's function, its one schedule, its dead-letter queue and that queue's policy. */
function deployedJob(shipping: SynthesizedShipping, job: Pick<Job, 'name'>) {
  const fn = functionsByRouteKey(shipping.api).get(jobDescription(job))!;
  const schedules = schedulesOf(shipping.api, fn.id);
  expect(schedules, `one schedule invokes ${jobDescription(job)}`).toHaveLength(1);
  const { ruleId, rule, target, queueId } = schedules[0]!;
  const queue = (shipping.api.findResources('AWS::SQS::Queue') as Record<string, Resource>)[queueId]!;
  const queuePolicy = Object.values(shipping.api.findResources('AWS::SQS::QueuePolicy') as Record<string, Resource>).find((policy) =>
    policy.Properties.Queues.some((ref: unknown) => logicalIdOf(ref) === queueId),
  );
  return { fn, ruleId, rule, target, queueId, queue, queuePolicy };
}

describe('scheduled jobs', () => {
  let shipping: SynthesizedShipping;
  beforeAll(() => {
    shipping = synthShipping({ stage: 'dev' });
  });

  it('deploys one function per job, described `job <name>`, with the job\'s timeout', () => {
    for (const job of jobs) {
      const fn = functionsByRouteKey(shipping.api).get(jobDescription(job));
      expect(fn, job.name).toBeDefined();
      expect(fn!.properties.Timeout).toBe(job.timeoutSeconds);
      expect(fn!.properties.Runtime).toBe('nodejs22.x');
    }
    shipping.api.resourceCountIs('AWS::Events::Rule', jobs.length);
    shipping.api.resourceCountIs('AWS::SQS::Queue', jobs.length);
  });

  it.each(jobs.map((job) => [job.name, job] as const))('%s: a rate schedule invokes it, retried twice within an hour, then dead-lettered', (_name, job) => {
    const { fn, ruleId, rule, target, queueId } = deployedJob(shipping, job);
    expect(rule.ScheduleExpression).toBe(`rate(${job.everyMinutes} minutes)`);
    expect(rule.State).toBe('ENABLED');
    expect(rule.Targets).toHaveLength(1);
    expect(target).toMatchObject({
      Arn: { 'Fn::GetAtt': [fn.id, 'Arn'] },
      RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    });
    // EventBridge may invoke it, and only from this schedule.
    shipping.api.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fn.id, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
  });

  it.each(jobs.map((job) => [job.name, job] as const))('%s: a run that fails is retried twice within an hour by Lambda, then lands in the same queue', (_name, job) => {
    const { fn, queueId } = deployedJob(shipping, job);
    shipping.api.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn.id },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });

  it.each(jobs.map((job) => [job.name, job] as const))('%s: its dead-letter queue is encrypted, TLS only, keeps messages 14 days, and takes them only from the schedule', (_name, job) => {
    const { ruleId, queue, queueId, queuePolicy } = deployedJob(shipping, job);
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: FOURTEEN_DAYS });
    expect(queue.Properties.KmsMasterKeyId).toBeUndefined();
    const statements = queuePolicy!.Properties.PolicyDocument.Statement;
    expect(statements).toEqual([
      expect.objectContaining({ Effect: 'Deny', Action: 'sqs:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Principal: { Service: 'events.amazonaws.com' },
        Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
      }),
    ]);
  });

  it('outputs each job\'s dead-letter queue URL and log group, which the deploy guide uses', () => {
    for (const job of jobs) {
      const { queueId, fn } = deployedJob(shipping, job);
      shipping.api.hasOutput(`${jobConstructId(job)}DeadLetterQueueUrl`, { Value: { Ref: queueId } });
      shipping.api.hasOutput(`${jobConstructId(job)}LogGroup`, { Value: { Ref: logicalIdOf(fn.properties.LoggingConfig.LogGroup) } });
    }
  });

  it('keeps the job table\'s rate in prod', () => {
    const prod = synthShipping({ stage: 'prod' });
    for (const job of jobs) expect(deployedJob(prod, job).rule.ScheduleExpression).toBe(`rate(${job.everyMinutes} minutes)`);
  });
});

describe('a job\'s schedule per stage', () => {
  const job: Job = {
    name: 'probe-job',
    handler: 'jobs/probe-job',
    everyMinutes: 10,
    localEveryMs: 1000,
    timeoutSeconds: 60,
    access: { table: ['GetItem'] },
  };
  const synthWith = (minutes: Record<string, number>, table: readonly Job[] = [job]) => synthShipping({ stage: 'dev' }, undefined, { jobs: table, settings: { jobMinutes: minutes } });

  it('follows the stage\'s jobMinutes, else the job\'s everyMinutes (one minute is `rate(1 minute)`)', () => {
    expect(deployedJob(synthWith({}), job).rule.ScheduleExpression).toBe('rate(10 minutes)');
    expect(deployedJob(synthWith({ 'probe-job': 30 }), job).rule.ScheduleExpression).toBe('rate(30 minutes)');
    const quick = { ...job, timeoutSeconds: 30 };
    expect(deployedJob(synthWith({ 'probe-job': 1 }, [quick]), quick).rule.ScheduleExpression).toBe('rate(1 minute)');
  });

  it('refuses an override naming no job, a rate that is no whole number of minutes, and a timeout as long as the rate', () => {
    expect(() => synthWith({ 'probe-jobs': 5 })).toThrow(/jobMinutes names probe-jobs, which is no job/);
    expect(() => synthWith({ 'probe-job': 2.5 })).toThrow(/whole number of minutes/);
    expect(() => synthWith({ 'probe-job': 0 })).toThrow(/whole number of minutes/);
    expect(() => synthWith({ 'probe-job': 1 })).toThrow(/timeout \(60 s\) is not shorter than its schedule/);
  });

  it('refuses a job whose construct id is taken', () => {
    expect(() => synthShipping({ stage: 'dev' }, undefined, { jobs: [job, { ...job, name: 'probe_job' }] })).toThrow(/construct id ProbeJobJob/);
  });
});
