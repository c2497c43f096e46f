import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

const PERIOD = Duration.minutes(5);
/** Percentage of requests answered 5xx within one period. */
export const SERVER_ERROR_RATE_THRESHOLD = 5;
/**
 * Answers of one route within one period that make a spike. On the courier webhook, 4xx are
 * refused tokens and payloads that do not parse: a flood of wrong tokens or a Shiprocket payload
 * change. 5xx are pushes Shiprocket will send again, but the statuses arrive late meanwhile.
 */
export const ROUTE_SPIKE_THRESHOLDS = { clientErrors: 50, serverErrors: 5 } as const;

/** Alarms for the API and its functions, all notifying one SNS topic that operators subscribe to. */
export class ApiAlarms extends Construct {
  readonly topic: Topic;
  private readonly action: SnsAction;
  private readonly api: HttpApi;

  constructor(scope: Construct, id: string, api: HttpApi) {
    super(scope, id);
    this.api = api;
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

  /** Errors (uncaught, timeouts, crashes) and throttles of one function; `label` names its route or job. */
  watchFunction(id: string, label: string, fn: LambdaFunction): void {
    this.alarm(`${id}Errors`, fn.metricErrors({ statistic: 'Sum', period: PERIOD }), {
      description: `${label}: the function failed (error, timeout or crash).`,
      threshold: 1,
      evaluationPeriods: 1,
    });
    this.alarm(`${id}Throttles`, fn.metricThrottles({ statistic: 'Sum', period: PERIOD }), {
      description: `${label}: Lambda throttled invocations (concurrency limit reached).`,
      threshold: 1,
      evaluationPeriods: 1,
    });
  }

  /**
   * Spikes of 4xx and 5xx answers on one route. API Gateway publishes these per-route metrics only
   * for routes with detailed metrics on (the stage's route settings). The AWS guide names the
   * dimensions ApiId, Stage, Route; what HTTP APIs publish (and what cdk-monitoring-constructs
   * alarms on) is ApiId, Stage, Method, Resource, with the route's method and path template.
   */
  watchRouteResponses(id: string, route: { method: string; path: string }, stageName: string): void {
    const key = `${route.method} ${route.path}`;
    const metric = (metricName: '4xx' | '5xx') =>
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: this.api.apiId, Stage: stageName, Method: route.method, Resource: route.path },
        statistic: 'Sum',
        period: PERIOD,
      });
    this.alarm(`${id}ClientErrors`, metric('4xx'), {
      description: `${key}: at least ${ROUTE_SPIKE_THRESHOLDS.clientErrors} answers 4xx in 5 minutes (refused tokens or payloads; throttled floods).`,
      threshold: ROUTE_SPIKE_THRESHOLDS.clientErrors,
      evaluationPeriods: 1,
    });
    this.alarm(`${id}ServerErrors`, metric('5xx'), {
      description: `${key}: at least ${ROUTE_SPIKE_THRESHOLDS.serverErrors} answers 5xx in 5 minutes.`,
      threshold: ROUTE_SPIKE_THRESHOLDS.serverErrors,
      evaluationPeriods: 1,
    });
  }

  /** Any message in a scheduled job's dead-letter queue: runs failed after their retries, or the schedule could not invoke the job. */
  watchDeadLetterQueue(id: string, label: string, queue: IQueue): void {
    this.alarm(`${id}DeadLetters`, queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: PERIOD }), {
      description: `${label}: messages in its dead-letter queue (the job failed every retry, or could not be invoked); see docs/deploy.md.`,
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
