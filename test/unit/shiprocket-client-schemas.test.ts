import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isoToIstMinutes, istToIso } from '../../functions/courier/ist-time.ts';
import { FakeShiprocket, MemoryTokenStore, fakeClient, json } from './shiprocket-client-fakes.ts';
import {
  assignAwbResponse,
  assignedAwb,
  createOrderResponse,
  istTime,
  labelResponse,
  optionalIstTime,
  optionalNumber,
  optionalText,
  pickupResponse,
  scheduledPickup,
  shiprocketId,
  trackAwbResponse,
  trackAwbsResponse,
} from '../../functions/courier/shiprocket-schemas.ts';

describe('IST times', () => {
  it.each([
    ['2026-11-26 14:05', '2026-11-26T08:35:00.000Z'],
    ['2026-11-26 11:37:00', '2026-11-26T06:07:00.000Z'],
    ['2022-11-25 11:17:52.878599', '2022-11-25T05:47:52.878Z'],
    ['23 05 2023 11:43:52', '2023-05-23T06:13:52.000Z'],
    ['2026-01-01 03:00:00', '2025-12-31T21:30:00.000Z'],
    ['2026-11-26T14:05:00', '2026-11-26T08:35:00.000Z'],
    ['2026-11-26', '2026-11-25T18:30:00.000Z'],
    ['2026-11-26T14:05:00+05:30', '2026-11-26T08:35:00.000Z'],
    ['2026-11-26T08:35:00Z', '2026-11-26T08:35:00.000Z'],
  ])('%s (IST) is %s', (text, iso) => {
    expect(istToIso(text)).toBe(iso);
  });

  it.each(['2026-02-30 10:00:00', '2026-11-26 24:00', '31 04 2026 10:00:00', '0000-00-00 00:00:00', 'Dec 19, 2021', 'yesterday', ''])('%j names no time', (text) => {
    expect(istToIso(text)).toBeUndefined();
  });

  it('formats an instant as order_date (IST, to the minute), across midnight too', () => {
    expect(isoToIstMinutes('2026-11-26T08:35:00.000Z')).toBe('2026-11-26 14:05');
    expect(isoToIstMinutes('2026-12-31T20:00:59.999Z')).toBe('2027-01-01 01:30');
    expect(() => isoToIstMinutes('not a time')).toThrow(RangeError);
  });

  it('reads PHP DateTime objects (microseconds, the zone they name) and "none" as null', () => {
    expect(istTime.parse({ date: '2022-11-25 11:17:52.878599', timezone_type: 3, timezone: 'Asia/Kolkata' })).toBe('2022-11-25T05:47:52.878Z');
    expect(istTime.parse({ date: '2022-11-25 11:17:52.000000', timezone_type: 3, timezone: 'UTC' })).toBe('2022-11-25T11:17:52.000Z');
    expect(istTime.safeParse({ date: '2022-11-25 11:17:52', timezone: 'America/New_York' }).success).toBe(false);
    for (const none of ['', null, undefined, '0000-00-00 00:00:00']) expect(optionalIstTime.parse(none)).toBeNull();
    expect(istTime.safeParse('').success).toBe(false);
  });
});

describe('awkward values', () => {
  it('numbers sent as strings, "" / null / "NA" for none', () => {
    expect(optionalNumber.parse('42')).toBe(42);
    expect(optionalNumber.parse(7)).toBe(7);
    expect(optionalNumber.parse('NA')).toBeNull();
    expect(optionalNumber.parse('')).toBeNull();
    expect(optionalNumber.parse(null)).toBeNull();
    expect(optionalNumber.safeParse('forty').success).toBe(false);
    expect(optionalText.parse('')).toBeNull();
    expect(optionalText.parse(null)).toBeNull();
    expect(optionalText.parse(321055706540)).toBe('321055706540');
    expect(shiprocketId.parse(16161616)).toBe('16161616');
    expect(shiprocketId.parse('16090281')).toBe('16090281');
    expect(shiprocketId.safeParse('').success).toBe(false);
  });
});

/** Shiprocket's published examples (shared/, beside the repository): the schemas must accept the real shapes. */
const published = fileURLToPath(new URL('../../../shared/fixtures/shiprocket/', import.meta.url));
const example = (name: string): unknown => JSON.parse(readFileSync(`${published}${name}`, 'utf8'));

describe.skipIf(!existsSync(published))('Shiprocket’s published examples', () => {
  it('create order: ids as numbers, courier fields null', () => {
    expect(createOrderResponse.parse(example('orders-create-adhoc.response.json'))).toMatchObject({ order_id: '16161616', shipment_id: '15151515', awb_code: null, courier_company_id: null, courier_name: null });
  });

  it('AWB: the assignment inside response.data, its pickup time in IST', () => {
    const answer = assignAwbResponse.parse(example('courier-assign-awb.response.json'));
    expect(answer.awb_assign_status).toBe(1);
    expect(assignedAwb.parse(answer.response).data).toMatchObject({ awb_code: '321055706540', courier_company_id: 142, courier_name: 'Amazon Surface', pickup_scheduled_date: '2022-11-25T08:30:00.000Z' });
    const assigned = (example('courier-assign-awb.response.json') as { response: { data: { assigned_date_time: unknown } } }).response.data.assigned_date_time;
    expect(istTime.parse(assigned)).toBe('2022-11-25T05:47:52.878Z');
  });

  it('pickup, label (created and not created)', () => {
    const pickup = pickupResponse.parse(example('courier-generate-pickup.response.json'));
    expect(scheduledPickup.parse(pickup.response)).toEqual(expect.objectContaining({ pickup_scheduled_date: '2021-12-10T07:09:54.000Z', pickup_token_number: 'Reference No: 194_BIGFOOT 1966840_11122021' }));
    expect(labelResponse.parse(example('courier-generate-label.response.json'))).toMatchObject({ label_created: 1, label_url: expect.stringContaining('.pdf') });
    expect(labelResponse.parse(example('courier-generate-label.not-created.response.json'))).toMatchObject({ label_created: 0, label_url: null });
  });

  it('tracking by AWB and shipment, not found, bulk (and bulk none)', () => {
    for (const name of ['track-awb.response.json', 'track-shipment.response.json', 'track-not-found.response.json']) {
      expect(trackAwbResponse.safeParse(example(name)).success, name).toBe(true);
    }
    for (const entry of example('track-order.response.json') as unknown[]) expect(trackAwbResponse.safeParse(entry).success).toBe(true);
    expect(trackAwbsResponse.safeParse(example('track-awbs-bulk.response.json')).success).toBe(true);
    expect(trackAwbsResponse.parse(example('track-awbs-bulk.not-found.response.json'))).toEqual({});
  });

  it('the webhook’s times: current_timestamp (DD MM YYYY) and scan dates', () => {
    const payload = example('webhook-tracking.payload.json') as { current_timestamp: string; scans: { date: string }[]; awb_assigned_date: string };
    expect(istToIso(payload.current_timestamp)).toBe('2023-05-23T06:13:52.000Z');
    expect(payload.scans.every((scan) => istToIso(scan.date) !== undefined)).toBe(true);
    expect(istToIso(payload.awb_assigned_date)).toBe('2023-05-19T06:29:16.000Z');
  });

  it('through the client: the published answers served by a fake map to the interface', async () => {
    const fake = new FakeShiprocket()
      .on('POST /orders/create/adhoc', () => json(example('orders-create-adhoc.response.json')))
      .on('POST /courier/assign/awb', () => json(example('courier-assign-awb.response.json')))
      .on('POST /courier/generate/pickup', () => json(example('courier-generate-pickup.response.json')))
      .on('POST /courier/generate/label', () => json(example('courier-generate-label.response.json')))
      .on('GET /courier/track/awb/*', () => json(example('track-awb.response.json')))
      .on('POST /courier/track/awbs', () => json(example('track-awbs-bulk.response.json')));
    const client = fakeClient(fake, new MemoryTokenStore());
    const request = example('orders-create-adhoc.request.json') as Record<string, unknown>;
    const address = { name: 'A B', phone: '9000000000', line1: 'x', city: 'c', state: 's', postalCode: '110002', country: 'India' };
    const created = await client.createOrder({
      channelOrderId: String(request.order_id),
      orderDate: '2019-07-24T05:41:00Z',
      pickupLocation: String(request.pickup_location),
      billing: address,
      shipping: address,
      items: [{ name: 'n', sku: 's', units: 1, sellingPrice: 1, tax: 0, hsn: null }],
      paymentMethod: 'Prepaid',
      subTotal: 1,
      lengthCm: 10,
      breadthCm: 10,
      heightCm: 10,
      weightKg: 1,
    });
    expect(created).toMatchObject({ orderId: '16161616', shipmentId: '15151515', awb: null });
    expect((fake.requestsTo('POST /orders/create/adhoc')[0]!.body as { order_date: string }).order_date).toBe(request.order_date);
    await expect(client.assignAwb('16090281')).resolves.toMatchObject({ awb: '321055706540', courierId: 142 });
    await expect(client.requestPickup('16091084')).resolves.toMatchObject({ tokenNumber: expect.stringContaining('Reference No') });
    await expect(client.generateLabel('16104408')).resolves.toMatchObject({ labelUrl: expect.stringContaining('shipping-label-16104408') });
    const tracked = await client.trackAwb('141123221084922');
    expect(tracked).toMatchObject({ found: true, shipmentStatus: 7, currentStatus: 'Delivered', etd: '2022-07-20T13:58:00.000Z' });
    expect(tracked.activities.at(-1)).toMatchObject({ srStatus: null, srStatusLabel: null, at: '2022-07-18T04:21:00.000Z' });
    expect([...(await client.trackAwbs(['788830567028', '788829354408', 'UNKNOWN'])).keys()]).toEqual(['788830567028', '788829354408']);
  });

  it('the published errors become rejections with their message and field errors', async () => {
    const fake = new FakeShiprocket()
      .on('POST /courier/assign/awb', () => json(example('courier-assign-awb.error-422.json'), 422))
      .on('POST /courier/generate/label', () => json(example('courier-generate-label.not-created.response.json')))
      .on('POST /courier/generate/pickup', () => json(example('courier-generate-pickup.error-400.json'), 400))
      .on('GET /orders', () => json(example('courier-serviceability.order-not-found.response.json')));
    const client = fakeClient(fake, new MemoryTokenStore());
    await expect(client.assignAwb('1')).rejects.toMatchObject({ failure: 'rejected', fieldErrors: { shipment_id: ['The shipment id field is required.'] } });
    await expect(client.generateLabel('1')).rejects.toMatchObject({ failure: 'rejected', message: 'No valid shipment ids to print label' });
    await expect(client.requestPickup('1')).rejects.toMatchObject({ failure: 'rejected', httpStatus: 400, message: 'Invalid shipment id' });
    await expect(client.findOrder('1')).rejects.toMatchObject({ failure: 'rejected', httpStatus: 200, message: 'Order does not exist!' });
  });
});
