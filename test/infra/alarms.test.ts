import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.ts';
import { synthShipping } from './infra-fixture.ts';

describe('alarms', () => {
  const { api } = synthShipping({ stage: 'dev' });
  const alarms = Object.values(api.findResources('AWS::CloudWatch::Alarm'));
  const topicRef = { Ref: Match.stringLikeRegexp('^AlarmsTopic') };

  it('watches the API 5xx rate', () => {
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 5,
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'IF(requests > 0, 100 * errors / requests, 0)' })]),
      AlarmActions: [topicRef],
    });
  });

  it('watches errors and throttles of every function', () => {
    const metricNames = alarms.map((alarm) => alarm.Properties.MetricName).filter(Boolean);
    expect(metricNames.filter((name) => name === 'Errors')).toHaveLength(routes.length + 1);
    expect(metricNames.filter((name) => name === 'Throttles')).toHaveLength(routes.length + 1);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('notifies one SNS topic that refuses plain HTTP, and outputs its ARN', () => {
    api.resourceCountIs('AWS::SNS::Topic', 1);
    api.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
    api.hasOutput('AlarmTopicArn', { Value: topicRef });
  });
});
