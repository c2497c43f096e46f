import { DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyCourierStatus } from '../../functions/domain/courier/apply-courier-status.ts';
import type { CourierShipment, Parcel } from '../../functions/domain/parcels/parcel-types.ts';
import { afterChange, type StoredParcel } from '../../functions/storage/parcels-table.ts';

const documents = mockClient(DynamoDBDocumentClient);
beforeEach(() => {
  documents.reset();
  documents.on(UpdateCommand).resolves({});
  documents.on(TransactWriteCommand).resolves({});
});

const courier: CourierShipment = {
  provider: 'shiprocket', orderId: '1', channelOrderId: 'p-1', shipmentId: '2', awb: 'AWB1', courierId: 10, courierName: 'C',
  statusCode: 18, statusLabel: 'IN TRANSIT', pickupLocation: 'Primary', weightKg: 1, lengthCm: 1, breadthCm: 1, heightCm: 1,
  labelUrl: null, pickupScheduledAt: null, etd: null, lastSyncedAt: null, cancelledAt: null, scans: [], exception: null,
  progress: 'complete', attempt: 1, lastEventAt: '2026-11-27T10:00:00.000Z',
};
const parcel: Parcel = {
  id: 'p-1', orderId: 'o-1', sellerId: 's-1', customerId: 'c-1', status: 'shipped', shippingMethod: 'shiprocket', deliveryPersonId: null,
  items: [], courier, invoiceNumber: null, createdAt: '2026-11-27T09:00:00.000Z', updatedAt: '2026-11-27T09:00:00.000Z', events: [],
};
const stored: StoredParcel = { parcel, version: 3, itemRefs: [], invoice: null, eventCount: 0, whole: true };

describe('applyCourierStatus ordering', () => {
  it('ignores an update older than the newest courier event, and the same code at the same time again', async () => {
    expect((await applyCourierStatus(stored, { code: 42, at: '2026-11-27T09:59:59.000Z', source: 'webhook' })).outcome).toBe('older');
    expect((await applyCourierStatus(stored, { code: 18, at: '2026-11-27T10:00:00.000Z', source: 'sync' })).outcome).toBe('duplicate');
    expect(documents.calls()).toHaveLength(0);
  });

  it('applies an update without a courier time now, without moving the ordering mark: a later push with an earlier courier time still lands', async () => {
    const refreshed = await applyCourierStatus(stored, { code: 17, source: 'refresh' });
    expect(refreshed.outcome).toBe('applied');
    expect(refreshed.parcel.status).toBe('out_for_delivery');
    expect(refreshed.parcel.courier!.lastEventAt).toBe('2026-11-27T10:00:00.000Z');

    const pushed = await applyCourierStatus(afterChange(stored, refreshed.parcel), { code: 7, at: '2026-11-27T10:05:00.000Z', source: 'webhook' });
    expect([pushed.outcome, pushed.parcel.status]).toEqual(['applied', 'delivered']);
    // The same code again without a time is a duplicate.
    expect((await applyCourierStatus(afterChange(stored, pushed.parcel), { code: 7, source: 'sync' })).outcome).toBe('duplicate');
  });
});
