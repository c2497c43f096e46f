/**
 * POST /webhooks/courier: Shiprocket's tracking push, sent here as Shiprocket sends it (and once
 * through the simulator's own push), with the parcel's courier shipment made through the API.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { call, type Caller } from '../support/api-client.ts';
import { tableClient } from '../support/table.ts';
import { admin } from '../support/fixtures.ts';
import { newSeller, orderOf } from '../parcels/parcel-helpers.ts';

const TOKEN = 'local-webhook-token';

/** Shiprocket's `current_timestamp`: DD MM YYYY HH:mm:ss in IST, `minutesAfter` a fixed start. */
function istStamp(minutesAfter: number): string {
  const at = new Date(Date.UTC(2026, 10, 27, 4, 30) + minutesAfter * 60_000 + 5.5 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getUTCDate())} ${two(at.getUTCMonth() + 1)} ${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`;
}

/** A push in the shape of Shiprocket's published sample (own values), `code` a shipment status code. */
const push = (awb: string | number, code: number, minutesAfter: number, label = 'STATUS') => ({
  awb,
  courier_name: 'Delhivery Surface',
  current_status: label,
  current_status_id: 20,
  shipment_status: label,
  shipment_status_id: code,
  current_timestamp: istStamp(minutesAfter),
  order_id: 'channel-order',
  sr_order_id: 12345,
  awb_assigned_date: '2026-11-27 09:00:00',
  pickup_scheduled_date: '2026-11-27 15:00:00',
  etd: '2026-11-30 23:59:59',
  scans: [{ date: istStamp(minutesAfter).replace(/^(\d{2}) (\d{2}) (\d{4})/, '$3-$2-$1'), status: 'X-UCI', activity: label, location: 'Bengaluru_Hub', 'sr-status': String(code), 'sr-status-label': label }],
  is_return: 0,
  channel_id: 1,
  pod_status: '',
  pod: 'Not Available',
});

/** `key: null` sends no x-api-key header. */
const send = (body: unknown, key: string | null = TOKEN, rawBody?: string) =>
  call('POST', '/webhooks/courier', { rawBody: rawBody ?? JSON.stringify(body), headers: key === null ? {} : { 'x-api-key': key } });

async function shippedParcel(items = 2): Promise<{ seller: Caller; parcelId: string; awb: string }> {
  const seller = newSeller();
  await admin.put(`/sellers/${seller.sub}`, {
    name: 'N', storeName: 'S', pickupLocation: 'Primary',
    address: { name: 'S', phone: '+91 80 4000 1234', line1: 'L', city: 'Bengaluru', state: 'Karnataka', postalCode: '560034', country: 'India' },
  });
  const order = await orderOf(seller.sub, items);
  const parcel = await seller.post('/parcels', { orderId: order.id, itemIds: order.items.map((item) => item.id) });
  const shipped = await seller.post(`/parcels/${parcel.body.id}/shiprocket`, { weightKg: 0.5, lengthCm: 20, breadthCm: 15, heightCm: 5 });
  expect(shipped.status, JSON.stringify(shipped.body)).toBe(201);
  return { seller, parcelId: parcel.body.id, awb: shipped.body.courier.awb };
}

const view = async (seller: Caller, parcelId: string) => (await seller.get(`/parcels/${parcelId}`)).body;

describe('POST /webhooks/courier', () => {
  it('refuses a missing or wrong x-api-key with 401 before reading the body', async () => {
    expect((await send(push('ANY', 18, 1), null)).status).toBe(401);
    const wrong = await send(undefined, 'not-the-token', '{not json');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHORIZED');
  });

  it('answers malformed JSON with 400, a push without an AWB with 400, and an unknown AWB with 200 (ignored)', async () => {
    expect((await send(undefined, TOKEN, '{not json')).body.error.code).toBe('BAD_REQUEST');
    expect((await send({ current_status: 'x' })).status).toBe(400);
    const unknown = await send(push('NO-SUCH-AWB-123', 18, 1));
    expect([unknown.status, unknown.body]).toEqual([200, { ok: true }]);
  });

  it('moves the parcel with the push the simulator sends when the shipment is picked up', async () => {
    const { seller, parcelId, awb } = await shippedParcel();
    const pushed = await fetch(`${inject('shiprocketControlUrl')}/shipments/${awb}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ statusId: 42 }),
    }).then((response) => response.json() as Promise<{ webhook: { sent: boolean; status: number } }>);
    expect(pushed.webhook).toMatchObject({ sent: true, status: 200 });
    const parcel = await view(seller, parcelId);
    expect(parcel.status).toBe('shipped');
    expect(parcel.courier.statusCode).toBe(42);
    expect(parcel.events.at(-1)).toMatchObject({ status: 'shipped', source: 'webhook', actor: null });
  });

  it('ignores duplicates and older pushes; a newer failed attempt moves out_for_delivery back to shipped and shows the exception', async () => {
    const { seller, parcelId, awb } = await shippedParcel();
    expect((await send(push(awb, 18, 10, 'IN TRANSIT'))).status).toBe(200);
    expect((await send(push(awb, 17, 20, 'OUT FOR DELIVERY'))).status).toBe(200);
    const afterOfd = await view(seller, parcelId);
    expect(afterOfd.status).toBe('out_for_delivery');

    expect((await send(push(awb, 17, 20, 'OUT FOR DELIVERY'))).status).toBe(200);
    expect((await send(push(awb, 18, 15, 'IN TRANSIT'))).status).toBe(200);
    expect(await view(seller, parcelId)).toEqual(afterOfd);

    expect((await send(push(awb, 21, 30, 'UNDELIVERED'))).status).toBe(200);
    const failed = await view(seller, parcelId);
    expect(failed.status).toBe('shipped');
    expect(failed.courier.exception).toEqual({ code: 21, label: 'UNDELIVERED', at: expect.any(String) });
    expect(failed.courier.scans.map((scan: { code: number }) => scan.code)).toEqual([21, 17, 18, 3].filter((code) => failed.courier.scans.some((scan: { code: number }) => scan.code === code)));

    expect((await send(push(awb, 7, 40, 'DELIVERED'))).status).toBe(200);
    const delivered = await view(seller, parcelId);
    expect(delivered.status).toBe('delivered');
    expect(delivered.courier.exception).toBeNull();
    expect(delivered.items.every((item: { deliveredAt: string | null }) => item.deliveredAt === delivered.events.at(-1).at)).toBe(true);
  });

  it('follows the RTO path to rto_delivered, keeps unknown codes visible without moving the parcel, and takes numbers sent as strings', async () => {
    const { seller, parcelId, awb } = await shippedParcel();
    expect((await send({ ...push(Number(awb) || awb, 6, 5, 'SHIPPED'), shipment_status_id: '6' })).status).toBe(200);
    expect((await view(seller, parcelId)).status).toBe('shipped');
    expect((await send(push(awb, 99, 6, 'SOMETHING NEW'))).status).toBe(200);
    const unknown = await view(seller, parcelId);
    expect([unknown.status, unknown.courier.statusCode, unknown.courier.statusLabel]).toEqual(['shipped', 99, 'SOMETHING NEW']);
    expect((await send(push(awb, 9, 10, 'RTO INITIATED'))).status).toBe(200);
    expect((await view(seller, parcelId)).status).toBe('rto');
    expect((await send(push(awb, 10, 20, 'RTO DELIVERED'))).status).toBe(200);
    expect((await view(seller, parcelId)).status).toBe('rto_delivered');
    // The journey is over: the AWB no longer finds a live shipment, later pushes are ignored.
    expect((await send(push(awb, 7, 30, 'DELIVERED'))).status).toBe(200);
    expect((await view(seller, parcelId)).status).toBe('rto_delivered');
  });

  it('lands the same push sent twice at once as one event', async () => {
    const { seller, parcelId, awb } = await shippedParcel();
    const before = (await view(seller, parcelId)).events.length;
    const answers = await Promise.all([send(push(awb, 42, 50, 'PICKED UP')), send(push(awb, 42, 50, 'PICKED UP'))]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const parcel = await view(seller, parcelId);
    expect(parcel.events).toHaveLength(before + 1);
    expect(parcel.status).toBe('shipped');
  });

  it('keeps a 99-item parcel far under DynamoDB\'s 400 KB after 200 scans: the newest 50 kept, newest first', async () => {
    const { seller, parcelId, awb } = await shippedParcel(99);
    for (let minute = 1; minute <= 200; minute++) {
      // In transit with a new scan each time; the last one out for delivery.
      expect((await send(push(awb, minute === 200 ? 17 : 18, minute, `SCAN ${minute}`))).status).toBe(200);
    }
    const parcel = await view(seller, parcelId);
    expect(parcel.status).toBe('out_for_delivery');
    expect(parcel.courier.scans).toHaveLength(50);
    expect(parcel.courier.scans[0].activity).toBe('SCAN 200');
    const record = await tableClient.send(new GetCommand({ TableName: inject('tableName'), Key: { pk: `PARCEL#${parcelId}`, sk: 'PARCEL' } }));
    expect(Buffer.byteLength(JSON.stringify(record.Item))).toBeLessThan(120 * 1024);
  }, 60_000);

  it('keeps the history bounded: after 120 failed-attempt moves the parcel holds its first event and the newest 99', async () => {
    const { seller, parcelId, awb } = await shippedParcel(1);
    expect((await send(push(awb, 6, 1, 'Shipped'))).status).toBe(200);
    for (let attempt = 1; attempt <= 60; attempt++) {
      expect((await send(push(awb, 17, 10 * attempt, 'Out For Delivery'))).status).toBe(200);
      expect((await send(push(awb, 21, 10 * attempt + 5, `Undelivered ${attempt}`))).status).toBe(200);
    }
    const parcel = await view(seller, parcelId);
    expect(parcel.status).toBe('shipped');
    expect(parcel.events).toHaveLength(100);
    expect(parcel.events[0]).toMatchObject({ status: 'received' });
    expect(parcel.events.at(-1)).toMatchObject({ status: 'shipped', source: 'webhook' });
    expect(parcel.events.at(-2)).toMatchObject({ status: 'out_for_delivery', source: 'webhook' });
    const record = await tableClient.send(new GetCommand({ TableName: inject('tableName'), Key: { pk: `PARCEL#${parcelId}`, sk: 'PARCEL' } }));
    expect(record.Item?.eventCount).toBe(100);
  }, 90_000);

  /** Shiprocket's published sample (third-party text, not in this repository: read where the workplace keeps it). */
  const publishedSample = fileURLToPath(new URL('../../../../shared/fixtures/shiprocket/webhook-tracking.payload.json', import.meta.url));

  it.skipIf(!existsSync(publishedSample))("accepts Shiprocket's published sample payload as is, and applies it to a live shipment", async () => {
    const sample = JSON.parse(readFileSync(publishedSample, 'utf8')) as Record<string, unknown>;
    expect(await send(sample)).toMatchObject({ status: 200, body: { ok: true } });
    const { seller, parcelId, awb } = await shippedParcel();
    expect((await send({ ...sample, awb })).status).toBe(200);
    const parcel = await view(seller, parcelId);
    expect(parcel.courier.statusCode).toBe(Number(sample.shipment_status_id));
    expect(parcel.status).toBe('shipped');
  });
});

