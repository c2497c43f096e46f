import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { send, tableName } from './dynamo-client.ts';
import { reading, storageFault } from './faults.ts';
import { courierSyncCursorKey } from './keys.ts';
import type { LiveShipmentPosition } from './parcels-table.ts';

/** Where the scheduled sync stopped: the next run continues there (a pass ends → it starts over). */
export interface SyncCursor {
  segment: number;
  after?: LiveShipmentPosition;
}

export async function readSyncCursor(): Promise<SyncCursor | undefined> {
  const output = await reading(() => send(new GetCommand({ TableName: tableName(), Key: courierSyncCursorKey(), ConsistentRead: true })));
  return (output.Item as { cursor?: SyncCursor } | undefined)?.cursor;
}

/** Saves where the sync got to; `undefined` when a whole pass finished. */
export async function writeSyncCursor(cursor: SyncCursor | undefined, at: string): Promise<void> {
  try {
    await send(new PutCommand({ TableName: tableName(), Item: { ...courierSyncCursorKey(), kind: 'SYNC_CURSOR', cursor: cursor ?? null, savedAt: at } }));
  } catch (error) {
    throw storageFault(error, 'retry-safe');
  }
}
