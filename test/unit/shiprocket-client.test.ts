import { describe, expect, it } from 'vitest';
import { ShiprocketError, type CourierOrderInput } from '../../functions/courier/shiprocket-api.ts';
import { phoneDigits, splitName } from '../../functions/courier/shiprocket-client.ts';
import { FakeShiprocket, MemoryTokenStore, fakeClient, json, type FakeRequest } from './shiprocket-client-fakes.ts';

const billing = { name: 'Asha Devi Rao', phone: '+91 98450 12345', email: 'asha@example.test', line1: '12 MG Road', line2: 'Flat 4B', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'India' };
const order: CourierOrderInput = {
  channelOrderId: 'P-01JD7Y-2',
  orderDate: '2026-11-26T08:35:00.000Z',
  pickupLocation: 'Aurora Warehouse',
  billing,
  shipping: { ...billing },
  items: [
    { name: 'Brass lamp', sku: 'LAMP-7', units: 2, sellingPrice: 1499.5, tax: 12, hsn: '9405' },
    { name: 'Cotton wick', sku: 'WICK-1', units: 10, sellingPrice: 5, tax: 5, hsn: null },
  ],
  paymentMethod: 'COD',
  subTotal: 3049,
  lengthCm: 30,
  breadthCm: 20,
  heightCm: 15,
  weightKg: 1.25,
};

const client = (fake: FakeShiprocket) => fakeClient(fake, new MemoryTokenStore());
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a ShiprocketError'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(ShiprocketError);
      return error as ShiprocketError;
    },
  );

describe('createOrder', () => {
  it('sends the order in Shiprocket’s fields and maps the answer ("" courier fields → null)', async () => {
    let sent: FakeRequest | undefined;
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', (request) => {
      sent = request;
      return json({ order_id: 700123, shipment_id: '600456', status: 'NEW', status_code: 1, onboarding_completed_now: 0, awb_code: '', courier_company_id: '', courier_name: null });
    });
    await expect(client(fake).createOrder(order)).resolves.toEqual({
      orderId: '700123',
      shipmentId: '600456',
      channelOrderId: 'P-01JD7Y-2',
      awb: null,
      courierId: null,
      courierName: null,
    });
    expect(sent?.body).toEqual({
      order_id: 'P-01JD7Y-2',
      order_date: '2026-11-26 14:05',
      pickup_location: 'Aurora Warehouse',
      billing_customer_name: 'Asha Devi',
      billing_last_name: 'Rao',
      billing_address: '12 MG Road',
      billing_address_2: 'Flat 4B',
      billing_city: 'Bengaluru',
      billing_pincode: '560001',
      billing_state: 'Karnataka',
      billing_country: 'India',
      billing_email: 'asha@example.test',
      billing_phone: '9845012345',
      shipping_is_billing: true,
      order_items: [
        { name: 'Brass lamp', sku: 'LAMP-7', units: 2, selling_price: 1499.5, tax: 12, hsn: '9405' },
        { name: 'Cotton wick', sku: 'WICK-1', units: 10, selling_price: 5, tax: 5 },
      ],
      payment_method: 'COD',
      sub_total: 3049,
      length: 30,
      breadth: 20,
      height: 15,
      weight: 1.25,
    });
  });

  it('sends the shipping address apart when it differs', async () => {
    let sent: Record<string, unknown> = {};
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', (request) => {
      sent = request.body as Record<string, unknown>;
      return json({ order_id: 1, shipment_id: 2, status: 'NEW', status_code: 1 });
    });
    await client(fake).createOrder({ ...order, shipping: { ...billing, name: 'Ravi', line1: '7 Park Street', city: 'Kolkata', state: 'West Bengal', postalCode: '700016', email: undefined } });
    expect(sent).toMatchObject({
      shipping_is_billing: false,
      shipping_customer_name: 'Ravi',
      shipping_last_name: '.',
      shipping_address: '7 Park Street',
      shipping_city: 'Kolkata',
      shipping_pincode: '700016',
      shipping_state: 'West Bengal',
      shipping_email: '',
      shipping_phone: '9845012345',
    });
  });

  it('422: rejected with Shiprocket’s message and field errors', async () => {
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', () =>
      json({ message: 'Oops! Invalid Data.', errors: { billing_pincode: ['The billing pincode must be 6 digits.'], length: ['The length must be at least 0.5.'] }, status_code: 422 }, 422),
    );
    const error = await rejection(client(fake).createOrder(order));
    expect(error).toMatchObject({
      failure: 'rejected',
      httpStatus: 422,
      message: 'Oops! Invalid Data.',
      fieldErrors: { billing_pincode: ['The billing pincode must be 6 digits.'], length: ['The length must be at least 0.5.'] },
    });
  });

  it('an unknown pickup nickname: rejected with its message kept whole, as an error of pickup_location', async () => {
    const message = 'Wrong Pickup location entered. Please choose one location from data given';
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', () => json({ message, data: { data: [{ pickup_location: 'Aurora Warehouse 2' }] }, status_code: 422 }, 422));
    const error = await rejection(client(fake).createOrder(order));
    expect(error).toMatchObject({ failure: 'rejected', httpStatus: 422, message, fieldErrors: { pickup_location: [message] } });
  });

  it('the same refusal with HTTP 200 and no status_code: rejected all the same', async () => {
    const message = 'Wrong Pickup location entered. Please choose one location from data given';
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', () => json({ message, data: { data: [] } }));
    await expect(client(fake).createOrder(order)).rejects.toMatchObject({ failure: 'rejected', httpStatus: 200, message });
  });

  it('status_code ≥ 400 inside an HTTP 200 answer: rejected', async () => {
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', () => json({ message: 'Given channel id does not exist', status_code: 400 }));
    await expect(client(fake).createOrder(order)).rejects.toMatchObject({ failure: 'rejected', httpStatus: 200, message: 'Given channel id does not exist' });
  });

  it('an answer without the shipment: unavailable (not what a created order looks like), saying the order may exist', async () => {
    const fake = new FakeShiprocket().on('POST /orders/create/adhoc', () => json({ order_id: 5, status: 'NEW', status_code: 1 }));
    await expect(client(fake).createOrder(order)).rejects.toMatchObject({ failure: 'unavailable', message: expect.stringMatching(/shipment_id.*may or may not have been created/) });
  });
});

describe('findOrder', () => {
  const listed = (channelOrderId: string, id: number, shipment: Record<string, unknown>) => ({
    id,
    channel_id: 42,
    channel_order_id: channelOrderId,
    customer_name: 'Asha Devi Rao',
    status: 'READY TO SHIP',
    status_code: 3,
    created_at: '26 Nov 2026, 02:05 PM',
    shipments: [{ id: id + 1, isd_code: '+91', courier: '', weight: 1.25, dimensions: '30x20x15', pickup_scheduled_date: null, awb: '', ...shipment }],
    awb_data: { awb: '', charges: { zone: '' } },
  });

  it('searches by the channel order id and picks the exact match among similar ones', async () => {
    let query: URLSearchParams | undefined;
    const fake = new FakeShiprocket().on('GET /orders', (request) => {
      query = request.query;
      return json({
        data: [listed('P-01JD7Y-2-2', 100, {}), listed('P-01JD7Y-2', 200, { awb: '190412345678', courier: 'Delhivery Surface', courier_id: '14' })],
        meta: { pagination: { total: 2, count: 2, per_page: 15, current_page: 1, total_pages: 1 } },
      });
    });
    await expect(client(fake).findOrder('P-01JD7Y-2')).resolves.toEqual({
      orderId: '200',
      shipmentId: '201',
      channelOrderId: 'P-01JD7Y-2',
      awb: '190412345678',
      courierId: 14,
      courierName: 'Delhivery Surface',
    });
    expect(query?.get('search')).toBe('P-01JD7Y-2');
  });

  it('no AWB yet: awb and courier null', async () => {
    const fake = new FakeShiprocket().on('GET /orders', () => json({ data: [listed('P-9', 300, {})], meta: { pagination: { current_page: 1, total_pages: 1 } } }));
    await expect(client(fake).findOrder('P-9')).resolves.toMatchObject({ orderId: '300', shipmentId: '301', awb: null, courierId: null, courierName: null });
  });

  it('none: undefined; further pages are read when there are some', async () => {
    const fake = new FakeShiprocket().on('GET /orders', (request) =>
      request.query.get('page') === '2'
        ? json({ data: [listed('P-7', 500, {})], meta: { pagination: { current_page: 2, total_pages: 2 } } })
        : json({ data: [listed('P-7-2', 400, {})], meta: { pagination: { current_page: 1, total_pages: 2 } } }),
    );
    await expect(client(fake).findOrder('P-7')).resolves.toMatchObject({ orderId: '500' });
    await expect(client(fake).findOrder('P-8')).resolves.toBeUndefined();
    await expect(client(new FakeShiprocket().on('GET /orders', () => json({ data: [], meta: { pagination: { total: 0 } } }))).findOrder('P-8')).resolves.toBeUndefined();
  });

  it('{status: 404, message} inside an HTTP 200 answer: rejected with the message', async () => {
    const fake = new FakeShiprocket().on('GET /orders', () => json({ status: 404, message: 'Order does not exist!' }));
    await expect(client(fake).findOrder('P-1')).rejects.toMatchObject({ failure: 'rejected', httpStatus: 200, message: 'Order does not exist!' });
  });
});

describe('assignAwb', () => {
  it('sends the shipment (and courier when given) and maps the assignment', async () => {
    let sent: unknown;
    const fake = new FakeShiprocket().on('POST /courier/assign/awb', (request) => {
      sent = request.body;
      return json({
        awb_assign_status: 1,
        response: {
          data: {
            courier_company_id: '24',
            awb_code: 77001234567,
            cod: 1,
            order_id: 700123,
            shipment_id: 600456,
            assigned_date_time: { date: '2026-11-26 14:10:02.123456', timezone_type: 3, timezone: 'Asia/Kolkata' },
            courier_name: 'Xpressbees Surface',
            child_courier_name: null,
            pickup_scheduled_date: '2026-11-27 10:00:00',
            routing_code: '',
          },
        },
      });
    });
    await expect(client(fake).assignAwb('600456', 24)).resolves.toEqual({ awb: '77001234567', courierId: 24, courierName: 'Xpressbees Surface', pickupScheduledAt: '2026-11-27T04:30:00.000Z' });
    expect(sent).toEqual({ shipment_id: 600456, courier_id: 24 });
  });

  it('awb_assign_status 0 with response.data.awb_assign_error inside an HTTP 200: rejected with that reason', async () => {
    const fake = new FakeShiprocket().on('POST /courier/assign/awb', () =>
      json({ awb_assign_status: 0, response: { data: { awb_assign_error: 'Please recharge your wallet to assign AWB.' } } }),
    );
    await expect(client(fake).assignAwb('600456')).rejects.toMatchObject({ failure: 'rejected', httpStatus: 200, message: 'Please recharge your wallet to assign AWB.' });
  });

  it('"AWB is already assigned": rejected', async () => {
    const fake = new FakeShiprocket().on('POST /courier/assign/awb', () => json({ awb_assign_status: 0, response: { data: { awb_assign_error: 'AWB is already assigned' } } }));
    await expect(client(fake).assignAwb('600456')).rejects.toMatchObject({ failure: 'rejected', message: 'AWB is already assigned' });
  });
});

describe('requestPickup', () => {
  it('sends the shipment as an array and maps the pickup', async () => {
    let sent: unknown;
    const fake = new FakeShiprocket().on('POST /courier/generate/pickup', (request) => {
      sent = request.body;
      return json({ pickup_status: 1, response: { pickup_scheduled_date: '2026-11-27 10:00:00', pickup_token_number: 'Ref 123', status: 3, pickup_generated_date: { date: '2026-11-26 14:12:00.5', timezone_type: 3, timezone: 'Asia/Kolkata' } } });
    });
    await expect(client(fake).requestPickup('600456')).resolves.toEqual({ pickupScheduledAt: '2026-11-27T04:30:00.000Z', tokenNumber: 'Ref 123' });
    expect(sent).toEqual({ shipment_id: [600456] });
  });

  it('pickup_status 0 inside an HTTP 200: rejected with the reason', async () => {
    const fake = new FakeShiprocket().on('POST /courier/generate/pickup', () => json({ pickup_status: 0, response: { data: 'Pickup is already generated for this shipment' } }));
    await expect(client(fake).requestPickup('600456')).rejects.toMatchObject({ failure: 'rejected', httpStatus: 200, message: 'Pickup is already generated for this shipment' });
  });
});

describe('generateLabel', () => {
  it('sends the shipment as an array and answers the label URL', async () => {
    let sent: unknown;
    const fake = new FakeShiprocket().on('POST /courier/generate/label', (request) => {
      sent = request.body;
      return json({ label_created: 1, label_url: 'https://labels.example.test/600456.pdf', response: 'Label has been created and uploaded successfully!', not_created: [] });
    });
    await expect(client(fake).generateLabel('600456')).resolves.toEqual({ labelUrl: 'https://labels.example.test/600456.pdf' });
    expect(sent).toEqual({ shipment_id: [600456] });
  });

  it('label_created 0 inside an HTTP 200: rejected with the reason', async () => {
    const fake = new FakeShiprocket().on('POST /courier/generate/label', () => json({ label_created: 0, not_created: [600456], response: 'No valid shipment ids to print label' }));
    await expect(client(fake).generateLabel('600456')).rejects.toMatchObject({ failure: 'rejected', httpStatus: 200, message: 'No valid shipment ids to print label' });
  });
});

describe('cancelOrder', () => {
  const cancelWith = async (answer: () => Response) => {
    const fake = new FakeShiprocket().on('POST /orders/cancel', answer);
    await client(fake).cancelOrder('700123');
    return fake.requestsTo('POST /orders/cancel')[0]!.body;
  };

  it('204 with no body: done', async () => {
    await expect(cancelWith(() => new Response(null, { status: 204 }))).resolves.toEqual({ ids: [700123] });
  });

  it('200 with JSON: done', async () => {
    await expect(cancelWith(() => json({ status: 200, message: 'Order cancelled successfully.' }))).resolves.toBeDefined();
  });

  it('already cancelled (as an error, or inside a 200): done', async () => {
    await expect(cancelWith(() => json({ message: 'Order is already cancelled.', status_code: 400 }, 400))).resolves.toBeDefined();
    await expect(cancelWith(() => json({ message: 'Order already cancelled', status_code: 422 }))).resolves.toBeDefined();
  });

  it('not allowed any more: rejected with the message (as an error, or inside a 200)', async () => {
    const message = 'Cancelation is not allowed for orders which are already picked up.';
    await expect(cancelWith(() => json({ message, status_code: 400 }, 400))).rejects.toMatchObject({ failure: 'rejected', httpStatus: 400, message });
    await expect(cancelWith(() => json({ message }))).rejects.toMatchObject({ failure: 'rejected', httpStatus: 200, message });
  });

  it('422 field errors: rejected with them', async () => {
    await expect(cancelWith(() => json({ message: 'Required field missing', errors: { ids: ['The ids field is required.'] }, status_code: 422 }, 422))).rejects.toMatchObject({
      failure: 'rejected',
      fieldErrors: { ids: ['The ids field is required.'] },
    });
  });
});

const trackingOf = (awb: string, shipmentStatus: number) => ({
  tracking_data: {
    track_status: 1,
    shipment_status: shipmentStatus,
    shipment_track: [{ id: 1, awb_code: awb, courier_company_id: 51, shipment_id: 2, order_id: 3, pickup_date: '2026-11-26 18:00:00', delivered_date: null, weight: '1.25', packages: 1, current_status: 'IN TRANSIT', edd: '2026-11-29 20:00:00' }],
    shipment_track_activities: [
      { date: '2026-11-27 09:15:00', status: 'IT', activity: 'Bag received at hub', location: 'Chennai Hub', 'sr-status': '18', 'sr-status-label': 'IN TRANSIT' },
      { date: '2026-11-26 18:00:00', status: 'X-DWS', activity: 'Weight captured', location: 'Bengaluru', 'sr-status': 'NA', 'sr-status-label': 'NA' },
      { date: '2026-11-26 17:30:00', activity: 'Shipment information sent', location: 'NA' },
    ],
    track_url: 'https://shiprocket.example.test/tracking/' + awb,
    etd: '2026-11-29 20:00:00',
  },
});

describe('trackAwb', () => {
  it('maps the snapshot: codes from strings, "NA" → null, IST → UTC, newest first as sent', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', (request) => json(trackingOf(request.path.split('/').at(-1)!, 18)));
    await expect(client(fake).trackAwb('77001234567')).resolves.toEqual({
      found: true,
      shipmentStatus: 18,
      currentStatus: 'IN TRANSIT',
      awb: '77001234567',
      etd: '2026-11-29T14:30:00.000Z',
      activities: [
        { at: '2026-11-27T03:45:00.000Z', status: 'IT', activity: 'Bag received at hub', location: 'Chennai Hub', srStatus: 18, srStatusLabel: 'IN TRANSIT' },
        { at: '2026-11-26T12:30:00.000Z', status: 'X-DWS', activity: 'Weight captured', location: 'Bengaluru', srStatus: null, srStatusLabel: null },
        { at: '2026-11-26T12:00:00.000Z', status: '', activity: 'Shipment information sent', location: 'NA', srStatus: null, srStatusLabel: null },
      ],
    });
  });

  it('track_status 0 (nothing yet): found false, not an error', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => json({ tracking_data: { track_status: 0, error: 'There is no activities found in our DB.' } }));
    await expect(client(fake).trackAwb('77001234567')).resolves.toEqual({ found: false, shipmentStatus: null, currentStatus: null, awb: '77001234567', etd: null, activities: [] });
  });

  it('a scan time that is no time: unavailable (an answer not understood), not a made-up time', async () => {
    const broken = trackingOf('A1', 18);
    broken.tracking_data.shipment_track_activities[0]!.date = '2026-02-30 10:00:00';
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => json(broken));
    await expect(client(fake).trackAwb('A1')).rejects.toMatchObject({ failure: 'unavailable', message: expect.stringContaining('shipment_track_activities.0.date') });
  });

  it('404 for a path Shiprocket does not know: rejected', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => json({ message: '404 Not Found', status_code: 404 }, 404));
    await expect(client(fake).trackAwb('A1')).rejects.toMatchObject({ failure: 'rejected', httpStatus: 404, message: '404 Not Found' });
  });
});

describe('trackAwbs', () => {
  it('sends 50 AWBs a call (120 → 50, 50, 20), each AWB once; unknown AWBs are absent', async () => {
    const fake = new FakeShiprocket().on('POST /courier/track/awbs', (request) => {
      const { awbs } = request.body as { awbs: string[] };
      // Shiprocket knows the even ones only.
      return json(Object.fromEntries(awbs.filter((awb) => Number(awb.slice(3)) % 2 === 0).map((awb) => [awb, trackingOf(awb, 6)])));
    });
    const awbs = Array.from({ length: 120 }, (_, index) => `AWB${index}`);
    const snapshots = await client(fake).trackAwbs([...awbs, 'AWB0', 'AWB1']);
    expect(fake.requestsTo('POST /courier/track/awbs').map((request) => (request.body as { awbs: string[] }).awbs.length)).toEqual([50, 50, 20]);
    expect(fake.requestsTo('POST /courier/track/awbs').flatMap((request) => (request.body as { awbs: string[] }).awbs)).toEqual(awbs);
    expect(snapshots.size).toBe(60);
    expect([...snapshots.keys()].slice(0, 3)).toEqual(['AWB0', 'AWB2', 'AWB4']);
    expect(snapshots.get('AWB2')).toMatchObject({ found: true, shipmentStatus: 6, awb: 'AWB2' });
    expect(snapshots.has('AWB1')).toBe(false);
  });

  it('{} (or PHP’s []) when none is known: an empty map; an empty list asks nothing', async () => {
    const fake = new FakeShiprocket().on('POST /courier/track/awbs', () => json({}));
    expect((await client(fake).trackAwbs(['X1', 'X2'])).size).toBe(0);
    expect((await client(new FakeShiprocket().on('POST /courier/track/awbs', () => json([]))).trackAwbs(['X1'])).size).toBe(0);
    expect((await client(fake).trackAwbs([])).size).toBe(0);
    expect(fake.requestsTo('POST /courier/track/awbs')).toHaveLength(1);
  });

  it('a known AWB without tracking yet: present, found false', async () => {
    const fake = new FakeShiprocket().on('POST /courier/track/awbs', () => json({ Y1: { tracking_data: { track_status: 0, error: 'No activities found' } }, Y2: {} }));
    const snapshots = await client(fake).trackAwbs(['Y1', 'Y2']);
    expect([...snapshots.entries()]).toEqual([['Y1', { found: false, shipmentStatus: null, currentStatus: null, awb: 'Y1', etd: null, activities: [] }]]);
  });
});

describe('helpers', () => {
  it('splits a name into first and last names', () => {
    expect(splitName('Asha Devi Rao')).toEqual({ first: 'Asha Devi', last: 'Rao' });
    expect(splitName('  Ravi  ')).toEqual({ first: 'Ravi', last: '.' });
  });

  it('writes Indian phone numbers as 10 digits', () => {
    expect(phoneDigits('+91 98450 12345')).toBe('9845012345');
    expect(phoneDigits('09845012345')).toBe('9845012345');
    expect(phoneDigits('98450-12345')).toBe('9845012345');
  });
});
