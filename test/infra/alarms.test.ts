import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { jobs } from '../../functions/jobs.ts';
import { routes } from '../../functions/routes.ts';
import { jobDescription } from '../../lib/scheduled-jobs.ts';
import { functionsByRouteKey, schedulesOf, synthShipping } from './infra-fixture.ts';

describe('alarms', () => {
  const { api } = synthShipping({ stage: 'dev' });
  const alarms = Object.values(api.findResources('AWS::CloudWatch::Alarm'));
  const topicRef = { Ref: Match.stringLikeRegexp('^AlarmsTopic') };
  /** The same, for vitest's own assertions. */
  const topic = { Ref: expect.stringMatching(/^AlarmsTopic/) };

  it('watches the API 5xx rate', () => {
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 5,
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'IF(requests > 0, 100 * errors / requests, 0)' })]),
      AlarmActions: [topicRef],
    });
  });

  it('watches errors and throttles of every function', () => {
    const metricNames = alarms.map((alarm) => alarm.Properties.MetricName).filter(Boolean);
    expect(metricNames.filter((name) => name === 'Errors')).toHaveLength(routes.length + 1 + jobs.length);
    expect(metricNames.filter((name) => name === 'Throttles')).toHaveLength(routes.length + 1 + jobs.length);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([topic]);
  });

  it('watches each scheduled job: any error or throttle of its function, any message in its dead-letter queue', () => {
    for (const job of jobs) {
      const fn = functionsByRouteKey(api).get(jobDescription(job))!;
      for (const metric of ['Errors', 'Throttles']) {
        api.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn.id } }],
          Statistic: 'Sum',
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [topicRef],
        });
      }
      const { queueId } = schedulesOf(api, fn.id)[0]!;
      api.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        Statistic: 'Maximum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        AlarmActions: [topicRef],
      });
    }
  });

  it('watches the courier webhook for spikes of 4xx (≥ 50 in 5 minutes) and 5xx (≥ 5 in 5 minutes) on its own route metrics', () => {
    const routeMetric = (name: string) =>
      alarms.filter((alarm) => alarm.Properties.Namespace === 'AWS/ApiGateway' && alarm.Properties.MetricName === name).map((alarm) => alarm.Properties);
    const dimensions = [
      { Name: 'ApiId', Value: { Ref: Match.stringLikeRegexp('^HttpApi') } },
      { Name: 'Method', Value: 'POST' },
      { Name: 'Resource', Value: '/webhooks/courier' },
      { Name: 'Stage', Value: '$default' },
    ];
    const spike = { Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [topic] };
    expect(routeMetric('4xx')).toEqual([expect.objectContaining({ ...spike, Threshold: 50 })]);
    expect(routeMetric('5xx')).toEqual([expect.objectContaining({ ...spike, Threshold: 5 })]);
    for (const name of ['4xx', '5xx']) api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: name, Dimensions: dimensions });
  });

  it('notifies one SNS topic that refuses plain HTTP, and outputs its ARN', () => {
    api.resourceCountIs('AWS::SNS::Topic', 1);
    api.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
    api.hasOutput('AlarmTopicArn', { Value: topicRef });
  });
});
