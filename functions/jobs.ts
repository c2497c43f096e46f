/**
 * Scheduled jobs, the way `routes.ts` lists routes: the CDK stack gives each an EventBridge schedule
 * (with retries and a dead-letter queue), the local runtime runs each on its own timer.
 */
import type { RouteAccess } from './routes.ts';

export interface Job {
  /** Also the function's name and the schedule's id. */
  name: string;
  /** Handler module under `functions/handlers/`, without extension; it exports `handler`. */
  handler: string;
  /** How often in AWS (minutes), per stage in lib/deploy-config.ts when it differs. */
  everyMinutes: number;
  /** How often `npm start` runs it. */
  localEveryMs: number;
  /** The function's timeout; the job stops early enough to save where it got to. */
  timeoutSeconds: number;
  access: RouteAccess;
}

export const jobs: readonly Job[] = [
  {
    name: 'sync-courier-tracking',
    handler: 'jobs/sync-courier-tracking',
    everyMinutes: 15,
    localEveryMs: 60_000,
    timeoutSeconds: 120,
    access: { table: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], queries: ['liveShipments'], courier: 'shiprocket' },
  },
];
