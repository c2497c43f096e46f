import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { admin, itemInput, placeOrder, uniqueId } from './support/fixtures.ts';
import { as } from './support/api-client.ts';
import { tableClient } from './support/table.ts';

/**
 * The marketplace-wide lists (`byKind`) are spread over several index partitions so that no one
 * partition takes every write; a list merges them. These read a list spread over 4 partitions of
 * DynamoDB Local directly, then the admin's parcel list over HTTP.
 */
describe('lists spread over several partitions', () => {
  const list = `SPREAD-TEST-${randomUUID().slice(0, 8)}`;
  const partitions = [0, 1, 2, 3].map((i) => `${list}#${i}`);
  // 23 records with increasing sort keys, dealt unevenly: partition 3 holds a run of 8 in a row,
  // so pages must cross from one partition to another in the middle of a run.
  const placement = [0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 0, 1, 0, 1, 2, 2, 0, 1, 0, 0, 2, 1];
  const sortKeys = placement.map((_, i) => `${String(i).padStart(3, '0')}-${randomUUID().slice(0, 4)}`);

  beforeAll(async () => {
    process.env.TABLE_NAME = inject('tableName');
    process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
    await Promise.all(
      placement.map((partition, i) =>
        tableClient.send(
          new PutCommand({
            TableName: inject('tableName'),
            Item: { pk: `${list}-RECORD#${i}`, sk: 'RECORD', byKindPk: partitions[partition], byKindSk: sortKeys[i], shade: i % 3 === 0 ? 'red' : 'blue', n: i },
          }),
        ),
      ),
    );
  });

  async function readAll(limit: number, options: { oldestFirst?: boolean; shade?: string } = {}) {
    const { queryPage } = await import('../../functions/storage/page-query.ts');
    const pages: number[][] = [];
    let cursor: string | undefined;
    do {
      const page = await queryPage(
        { index: 'byKind', partition: partitions, oldestFirst: options.oldestFirst },
        options.shade ? [{ attribute: 'shade', equals: options.shade }] : [],
        { limit, cursor },
        (record: { n: number }) => record.n,
      );
      pages.push(page.items);
      cursor = page.nextCursor ?? undefined;
      expect(pages.length).toBeLessThan(60);
    } while (cursor);
    return pages;
  }

  const newestFirst = placement.map((_, i) => i).reverse();

  it.each([1, 2, 3, 5, 8, 23, 50])('returns every record once, newest first, in pages of %i, the last page with a null cursor', async (limit) => {
    const pages = await readAll(limit);
    expect(pages.flat()).toEqual(newestFirst);
    // Unfiltered pages are full except the last.
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
    expect(pages.at(-1)!.length).toBeGreaterThan(0);
  });

  it('reads oldest first when asked (queues)', async () => {
    expect((await readAll(4, { oldestFirst: true })).flat()).toEqual([...newestFirst].reverse());
  });

  it('keeps the merged order under a filter', async () => {
    expect((await readAll(2, { shade: 'red' })).flat()).toEqual(newestFirst.filter((i) => i % 3 === 0));
  });

  it('refuses a cursor of another list', async () => {
    const { queryPage } = await import('../../functions/storage/page-query.ts');
    const first = await queryPage({ index: 'byKind', partition: partitions }, [], { limit: 2 }, (record) => record);
    const other = ['A#0', 'A#1', 'A#2', 'A#3'];
    await expect(queryPage({ index: 'byKind', partition: other }, [], { limit: 2, cursor: first.nextCursor! }, (record) => record)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it("the admin's list of all parcels pages newest first with no parcel twice, across its partitions", async () => {
    const sellerId = uniqueId('seller-spread');
    const seller = as('seller', sellerId);
    const order = await placeOrder(uniqueId('customer-spread'), Array.from({ length: 6 }, (_, i) => itemInput(sellerId, { sku: `SPREAD-${i}` })));
    const created: string[] = [];
    for (const item of order.items) created.push((await seller.post('/parcels', { orderId: order.id, itemIds: [item.id] })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await admin.get(`/parcels?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((parcel) => parcel.id));
      cursor = page.body.nextCursor;
    } while (cursor && !created.every((id) => seen.includes(id)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(seen.filter((id) => created.includes(id))).toEqual([...created].reverse());
  });
});
