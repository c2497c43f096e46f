import type { Context } from 'aws-lambda';
import { syncCourierTracking, type SyncReport } from '#domain/courier/sync-courier-tracking.ts';
import { logger } from '#http/logger.ts';

/** Kept free at the end of a run: the cursor is saved and the last writes finish well before the timeout. */
export const STOP_WITH_MS = 20_000;

/** The scheduled sync (EventBridge; locally a timer): a failed run is retried, then dead-lettered. */
export async function handler(_event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<SyncReport> {
  const report = await syncCourierTracking({ remainingMs: () => context.getRemainingTimeInMillis(), stopWithMs: STOP_WITH_MS });
  logger.info('courier sync', { ...report });
  return report;
}
