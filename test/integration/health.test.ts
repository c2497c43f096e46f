import { describe, expect, it } from 'vitest';
import { call } from './support/api-client.ts';
import { parcelFor, uniqueId } from './support/fixtures.ts';
import { storedOrderItems } from './support/table.ts';

describe('local runtime', () => {
  it('answers GET /health without a token', async () => {
    const response = await call('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('stores parcels in DynamoDB Local', async () => {
    const { order, parcel } = await parcelFor(uniqueId('seller'));
    const items = await storedOrderItems(order.id);
    expect(items.map((item) => item.parcelId)).toEqual([parcel.id]);
  });
});
