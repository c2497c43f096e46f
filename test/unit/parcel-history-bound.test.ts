import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Parcel, ParcelEvent } from '../../functions/domain/parcels/parcel-types.ts';
import { MAX_PARCEL_EVENTS, writeParcelChange, type StoredParcel } from '../../functions/storage/parcels-table.ts';

/**
 * The sync writes from the live-shipments index's copy, which has neither items nor history: a
 * change that needs them (trimming a full history here) reads the parcel whole first.
 */
const documents = mockClient(DynamoDBDocumentClient);
beforeEach(() => documents.reset());

const event = (n: number): ParcelEvent => ({ at: `2026-11-27T10:${String(n % 60).padStart(2, '0')}:00.000Z`, status: 'shipped', source: 'webhook', actor: null, note: `event ${n}`, noteVisibleToCustomer: false });
const parcel = (events: ParcelEvent[]): Parcel => ({
  id: 'p-1', orderId: 'o-1', sellerId: 's-1', customerId: 'c-1', status: 'shipped', shippingMethod: 'shiprocket', deliveryPersonId: null,
  items: [], courier: null, invoiceNumber: null, createdAt: '2026-11-27T09:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z', events,
});
const history = Array.from({ length: MAX_PARCEL_EVENTS }, (_, n) => event(n));
const record = { pk: 'PARCEL#p-1', sk: 'PARCEL', kind: 'PARCEL', ...parcel(history), items: [], deliveredAt: null, version: 7, eventCount: MAX_PARCEL_EVENTS };
const newest = event(100);

describe('the bounded history of a parcel', () => {
  it('from an index copy at the bound: reads the parcel whole, then writes the first event and the newest, 100 in all', async () => {
    documents.on(GetCommand).resolves({ Item: record });
    documents.on(UpdateCommand).resolves({});
    const copy: StoredParcel = { parcel: parcel([]), version: 7, itemRefs: [], invoice: null, eventCount: MAX_PARCEL_EVENTS, whole: false };
    expect(await writeParcelChange(copy, { parcel: parcel([newest]), event: newest })).toBe('written');
    expect(documents.commandCalls(GetCommand)).toHaveLength(1);
    const values = documents.commandCalls(UpdateCommand)[0]!.args[0].input.ExpressionAttributeValues!;
    const written = values[':events'] as ParcelEvent[];
    expect(written).toHaveLength(MAX_PARCEL_EVENTS);
    expect(written[0]).toEqual(history[0]);
    expect(written[1]).toEqual(history[2]);
    expect(written.at(-1)).toEqual(newest);
    expect(values[':eventCount']).toBe(MAX_PARCEL_EVENTS);
    expect(values[':version']).toBe(7);
  });

  it('from an index copy whose parcel changed meanwhile: stale, nothing written', async () => {
    documents.on(GetCommand).resolves({ Item: { ...record, version: 8 } });
    const copy: StoredParcel = { parcel: parcel([]), version: 7, itemRefs: [], invoice: null, eventCount: MAX_PARCEL_EVENTS, whole: false };
    expect(await writeParcelChange(copy, { parcel: parcel([newest]), event: newest })).toBe('stale');
    expect(documents.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('under the bound, from an index copy: appends without reading', async () => {
    documents.on(UpdateCommand).resolves({});
    const copy: StoredParcel = { parcel: parcel([]), version: 7, itemRefs: [], invoice: null, eventCount: 12, whole: false };
    expect(await writeParcelChange(copy, { parcel: parcel([newest]), event: newest })).toBe('written');
    expect(documents.commandCalls(GetCommand)).toHaveLength(0);
    const input = documents.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(input.UpdateExpression).toContain('events = list_append(events, :event)');
    expect(input.ExpressionAttributeValues![':eventCount']).toBe(13);
  });
});
