import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

const PERIOD = Duration.minutes(5);
/** Percentage of requests answered 5xx within one period. */
export const SERVER_ERROR_RATE_THRESHOLD = 5;

/** Alarms for the API and its functions, all notifying one SNS topic that operators subscribe to. */
export class ApiAlarms extends Construct {
  readonly topic: Topic;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, api: HttpApi) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Shipping API alarms', enforceSSL: true });
    this.action = new SnsAction(this.topic);

    const serverErrorRate = new MathExpression({
      label: '5xx % of requests',
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: {
        errors: api.metricServerError({ statistic: 'Sum', period: PERIOD }),
        requests: api.metricCount({ statistic: 'Sum', period: PERIOD }),
      },
      period: PERIOD,
    });
    this.alarm('ServerErrorRate', serverErrorRate, {
      description: `At least ${SERVER_ERROR_RATE_THRESHOLD}% of API requests answered 5xx in 2 of 3 periods of 5 minutes.`,
      threshold: SERVER_ERROR_RATE_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
  }

  /** Errors (uncaught, timeouts, crashes) and throttles of one route's function. */
  watchFunction(id: string, routeKey: string, fn: LambdaFunction): void {
    this.alarm(`${id}Errors`, fn.metricErrors({ statistic: 'Sum', period: PERIOD }), {
      description: `${routeKey}: the function failed (error, timeout or crash).`,
      threshold: 1,
      evaluationPeriods: 1,
    });
    this.alarm(`${id}Throttles`, fn.metricThrottles({ statistic: 'Sum', period: PERIOD }), {
      description: `${routeKey}: Lambda throttled invocations (concurrency limit reached).`,
      threshold: 1,
      evaluationPeriods: 1,
    });
  }

  private alarm(id: string, metric: IMetric, options: { description: string; threshold: number; evaluationPeriods: number; datapointsToAlarm?: number }): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: options.description,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods,
      datapointsToAlarm: options.datapointsToAlarm,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
  }
}
