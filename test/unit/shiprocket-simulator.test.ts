import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShiprocketSimulator } from '../../local/shiprocket-simulator/simulator.ts';
import { anOrder, channelOrderId, clientOf, send, testSimulator } from './shiprocket-simulator-support.ts';

/** The simulator's Shiprocket API over HTTP (faults, control and webhooks: shiprocket-simulator-control.test.ts). */

let sim: ShiprocketSimulator;
let client: ReturnType<typeof clientOf>;
beforeAll(async () => ({ sim, client } = await testSimulator()));
afterAll(() => sim.close());

const IST_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('login and tokens', () => {
  it('issues a new random token on each login and counts logins', async () => {
    const before = sim.loginCount();
    const [first, second] = [await client.login(), await client.login()];
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ email: 'api-user@example.com', id: expect.any(Number), company_id: expect.any(Number), token: expect.any(String) });
    expect(second.body.token).not.toBe(first.body.token);
    expect(sim.loginCount()).toBe(before + 2);
    // Both stay valid: a login does not end the other functions' tokens.
    expect((await client.api('GET', '/orders', undefined, { token: first.body.token })).status).toBe(200);
  });

  it('refuses wrong credentials (400) and missing ones (422)', async () => {
    const wrong = await send(`${sim.url}/auth/login`, 'POST', { body: { email: 'api-user@example.com', password: 'guess' } });
    expect(wrong).toMatchObject({ status: 400, body: { message: expect.any(String), status_code: 400 } });
    const missing = await send(`${sim.url}/auth/login`, 'POST', { body: {} });
    expect(missing).toMatchObject({ status: 422, body: { errors: { email: [expect.any(String)], password: [expect.any(String)] }, status_code: 422 } });
  });

  it('answers 401 { message, status_code } without a token, with a bad one, and with an expired one', async () => {
    const noToken = await send(`${sim.url}/orders`, 'GET');
    expect(noToken).toMatchObject({ status: 401, body: { message: 'Token not provided', status_code: 401 } });
    expect((await client.api('GET', '/orders', undefined, { token: 'not-a-token' })).body).toEqual({ message: 'Token is invalid', status_code: 401 });
  });

  it('ends tokens after 10 days by default', async () => {
    let now = Date.parse('2026-11-26T08:00:00Z');
    const clocked = await testSimulator({ now: () => new Date(now) });
    try {
      now += 10 * 24 * 3_600_000 - 1_000;
      expect((await clocked.client.api('GET', '/orders')).status).toBe(200);
      now += 1_000;
      expect(await clocked.client.api('GET', '/orders')).toMatchObject({ status: 401, body: { message: 'Token has expired', status_code: 401 } });
      expect((await clocked.client.login()).status).toBe(200);
      expect((await clocked.client.api('GET', '/orders')).status).toBe(200);
    } finally {
      await clocked.sim.close();
    }
  });
});

describe('POST /orders/create/adhoc', () => {
  it('creates a NEW order with numeric ids and no courier yet', async () => {
    const answer = await client.api('POST', '/orders/create/adhoc', anOrder());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      order_id: expect.any(Number),
      shipment_id: expect.any(Number),
      status: 'NEW',
      status_code: 1,
      onboarding_completed_now: 0,
      awb_code: null,
      courier_company_id: null,
      courier_name: null,
    });
  });

  it('accepts numbers sent as strings, and shipping_is_billing false with the shipping_* set', async () => {
    const answer = await client.api(
      'POST',
      '/orders/create/adhoc',
      anOrder({ billing_pincode: 570001, billing_phone: 9000012345, sub_total: '900', length: '22', weight: '1.2', shipping_is_billing: false, shipping_customer_name: 'Ravi', shipping_address: '9 Lake Road', shipping_city: 'Kochi', shipping_pincode: '682011', shipping_state: 'Kerala', shipping_country: 'India', shipping_phone: '9000054321' }),
    );
    expect(answer.status).toBe(200);
  });

  it('answers 422 "Oops! Invalid Data." naming each bad field in Laravel\'s words', async () => {
    const { order_id: _, billing_city: __, ...body } = anOrder();
    const answer = await client.api('POST', '/orders/create/adhoc', { ...body, length: 0.5, weight: 0, breadth: 'wide', billing_pincode: '5700', payment_method: 'UPI', shipping_is_billing: false });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe('Oops! Invalid Data.');
    expect(answer.body.status_code).toBe(422);
    expect(answer.body.errors).toMatchObject({
      order_id: ['The order id field is required.'],
      billing_city: ['The billing city field is required.'],
      length: ['The length must be greater than 0.5.'],
      breadth: ['The breadth must be a number.'],
      weight: ['The weight must be greater than 0.'],
      billing_pincode: ['The billing pincode must be 6 digits.'],
      payment_method: ['The selected payment method is invalid.'],
      shipping_customer_name: ['The shipping customer name field is required.'],
    });
    expect((await client.api('POST', '/orders/create/adhoc', anOrder({ order_items: [{ name: 'x', units: 0, selling_price: 1 }] }))).body.errors).toEqual({
      'order_items.0.sku': ['The order items.0.sku field is required.'],
      'order_items.0.units': ['The order items.0.units must be at least 1.'],
    });
    expect((await client.api('POST', '/orders/create/adhoc', anOrder({ order_id: 'x'.repeat(51) }))).body.errors.order_id).toEqual(['The order id may not be greater than 50 characters.']);
  });

  it('refuses an unknown pickup nickname (matched exactly) with the valid ones in data, until it is registered', async () => {
    const nickname = `Godown ${channelOrderId()}`;
    for (const pickup of [nickname, 'primary']) {
      const refused = await client.api('POST', '/orders/create/adhoc', anOrder({ pickup_location: pickup }));
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/^Wrong Pickup location entered/);
      expect(refused.body.data.map((location: { pickup_location: string }) => location.pickup_location)).toContain('Primary');
    }
    sim.addPickupLocation(nickname, { city: 'Hubballi', state: 'Karnataka', pinCode: '580020' });
    expect((await client.api('POST', '/orders/create/adhoc', anOrder({ pickup_location: nickname }))).status).toBe(200);
    const viaControl = `Depot ${channelOrderId()}`;
    expect((await client.control('POST', '/pickup-locations', { name: viaControl })).status).toBe(201);
    expect((await client.api('POST', '/orders/create/adhoc', anOrder({ pickup_location: viaControl }))).status).toBe(200);
  });

  it('has no idempotency: the same create twice makes two orders', async () => {
    const body = anOrder();
    const [first, second] = [await client.createOrder(body), await client.createOrder(body)];
    expect(second.order_id).not.toBe(first.order_id);
    expect(second.shipment_id).not.toBe(first.shipment_id);
    expect(sim.orders().filter((order) => order.channelOrderId === body.order_id)).toHaveLength(2);
  });

  it('never takes a cancelled order\'s channel order id again (400)', async () => {
    const body = anOrder();
    const created = await client.createOrder(body);
    expect((await client.api('POST', '/orders/cancel', { ids: [created.order_id] })).status).toBe(204);
    const again = await client.api('POST', '/orders/create/adhoc', body);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: expect.stringContaining('cancelled'), status_code: 400 });
  });

  it('can be told to refuse a live duplicate channel order id instead', async () => {
    const strict = await testSimulator({ duplicateChannelOrderIds: 'refuse' });
    try {
      const body = anOrder();
      await strict.client.createOrder(body);
      expect((await strict.client.api('POST', '/orders/create/adhoc', body)).body).toEqual({ message: expect.stringContaining('already exists'), status_code: 400 });
    } finally {
      await strict.sim.close();
    }
  });
});

describe('GET /orders?search=', () => {
  it('finds the orders whose channel order id contains the text, newest first, with their shipments', async () => {
    const id = channelOrderId('lost');
    const first = await client.createOrder(anOrder({ order_id: id }));
    const retry = await client.shippableOrder(anOrder({ order_id: `${id}-2` }));
    const answer = await client.api('GET', `/orders?search=${encodeURIComponent(id)}`);
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((order: { channel_order_id: string }) => order.channel_order_id)).toEqual([`${id}-2`, id]);
    const [newest, oldest] = answer.body.data;
    expect(oldest).toMatchObject({ id: first.order_id, status: 'NEW', status_code: 1, shipments: [{ id: first.shipment_id, awb: '', courier: '' }] });
    expect(newest).toMatchObject({ id: retry.order_id, status: 'READY TO SHIP', status_code: 3, shipments: [{ id: retry.shipment_id, awb: retry.awb, courier: expect.any(String) }] });
    expect(oldest.created_at).toMatch(/^\d{2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} [AP]M$/);
    expect(answer.body.meta.pagination).toMatchObject({ total: 2, count: 2, current_page: 1, total_pages: 1 });
    // By AWB too; nothing found is an empty page.
    expect((await client.api('GET', `/orders?search=${retry.awb}`)).body.data.map((order: { id: number }) => order.id)).toEqual([retry.order_id]);
    expect((await client.api('GET', `/orders?search=nothing-${id}`)).body).toMatchObject({ data: [], meta: { pagination: { total: 0 } } });
  });

  it('pages with per_page and page', async () => {
    const id = channelOrderId('paged');
    for (const n of [1, 2, 3]) await client.createOrder(anOrder({ order_id: `${id}-${n}` }));
    const second = await client.api('GET', `/orders?search=${id}&per_page=2&page=2`);
    expect(second.body.data.map((order: { channel_order_id: string }) => order.channel_order_id)).toEqual([`${id}-1`]);
    expect(second.body.meta.pagination).toMatchObject({ total: 3, count: 1, per_page: 2, current_page: 2, total_pages: 2, links: { previous: expect.stringContaining('page=1') } });
  });
});

describe('GET /courier/serviceability/', () => {
  it('lists couriers for an order with a recommended one', async () => {
    const created = await client.createOrder();
    const answer = await client.api('GET', `/courier/serviceability/?order_id=${created.order_id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe(200);
    const companies = answer.body.data.available_courier_companies;
    expect(companies.length).toBeGreaterThan(1);
    expect(companies[0]).toMatchObject({ courier_company_id: expect.any(Number), courier_name: expect.any(String), rate: expect.any(Number), etd: expect.stringMatching(/^[A-Z][a-z]{2} \d{2}, \d{4}$/), estimated_delivery_days: expect.any(String) });
    expect(companies.map((company: { courier_company_id: number }) => company.courier_company_id)).toContain(answer.body.data.recommended_courier_company_id);
  });

  it('takes postcodes, cod and weight instead of an order; COD leaves out couriers without COD', async () => {
    const query = (cod: 0 | 1) => `/courier/serviceability/?pickup_postcode=560068&delivery_postcode=682011&cod=${cod}&weight=2.5`;
    const [prepaid, cod] = [await client.api('GET', query(0)), await client.api('GET', query(1))];
    expect(cod.body.data.available_courier_companies.length).toBeLessThan(prepaid.body.data.available_courier_companies.length);
    expect(cod.body.data.available_courier_companies.every((company: { cod: number }) => company.cod === 1)).toBe(true);
  });

  it('answers an unknown order as HTTP 200 with status 404 inside, and missing fields as 422', async () => {
    expect(await client.api('GET', '/courier/serviceability/?order_id=1')).toMatchObject({ status: 200, body: { status: 404, message: expect.any(String) } });
    const missing = await client.api('GET', '/courier/serviceability/?pickup_postcode=560068');
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['cod', 'delivery_postcode', 'order_id', 'weight']);
  });
});

describe('AWB, pickup and label', () => {
  it('assigns the recommended courier, then answers a second assign with awb_assign_status 0 (HTTP 200)', async () => {
    const created = await client.createOrder();
    const recommended = (await client.api('GET', `/courier/serviceability/?order_id=${created.order_id}`)).body.data.recommended_courier_company_id;
    const first = await client.api('POST', '/courier/assign/awb', { shipment_id: String(created.shipment_id) });
    expect(first.status).toBe(200);
    expect(first.body.awb_assign_status).toBe(1);
    expect(first.body.response.data).toMatchObject({
      awb_code: expect.stringMatching(/^\w{8,}$/),
      courier_company_id: recommended,
      courier_name: expect.any(String),
      shipment_id: created.shipment_id,
      order_id: created.order_id,
      pickup_scheduled_date: expect.stringMatching(IST_DATE_TIME),
      assigned_date_time: { date: expect.any(String), timezone_type: 3, timezone: 'Asia/Kolkata' },
    });
    const second = await client.api('POST', '/courier/assign/awb', { shipment_id: created.shipment_id });
    expect(second).toMatchObject({ status: 200, body: { awb_assign_status: 0, response: { data: { awb_assign_error: 'AWB is already assigned' } } } });
    const otherCourier = await client.api('POST', '/courier/assign/awb', { shipment_id: created.shipment_id, courier_id: recommended === 1 ? 43 : 1 });
    expect(otherCourier).toMatchObject({ status: 400, body: { message: expect.stringContaining('reassign'), status_code: 400 } });
  });

  it('assigns a given courier, refuses one that cannot carry the parcel, and answers a missing shipment_id with 422', async () => {
    const prepaid = await client.createOrder();
    expect((await client.api('POST', '/courier/assign/awb', { shipment_id: prepaid.shipment_id, courier_id: '51' })).body.response.data.courier_company_id).toBe(51);
    const cod = await client.createOrder(anOrder({ payment_method: 'COD' }));
    expect((await client.api('POST', '/courier/assign/awb', { shipment_id: cod.shipment_id, courier_id: 1 })).body).toMatchObject({ awb_assign_status: 0, response: { data: { awb_assign_error: expect.any(String) } } });
    expect(await client.api('POST', '/courier/assign/awb', {})).toMatchObject({ status: 422, body: { errors: { shipment_id: [expect.any(String)] }, status_code: 422 } });
  });

  it('schedules the pickup once (status 3), after the AWB', async () => {
    const noAwb = await client.createOrder();
    expect((await client.api('POST', '/courier/generate/pickup', { shipment_id: [noAwb.shipment_id] })).status).toBe(400);
    const order = await client.shippableOrder();
    const pickup = await client.api('POST', '/courier/generate/pickup', { shipment_id: [order.shipment_id] });
    expect(pickup.status).toBe(200);
    expect(pickup.body).toMatchObject({ pickup_status: 1, response: { pickup_scheduled_date: expect.stringMatching(IST_DATE_TIME), pickup_token_number: expect.any(String), status: 3 } });
    expect(sim.orders().find((o) => o.awb === order.awb)).toMatchObject({ shipmentStatus: 3, statusCode: 4 });
    expect(await client.api('POST', '/courier/generate/pickup', { shipment_id: [order.shipment_id] })).toMatchObject({ status: 400, body: { status_code: 400 } });
    expect(await client.api('POST', '/courier/generate/pickup', { shipment_id: [1] })).toMatchObject({ status: 400, body: { message: 'Invalid shipment id' } });
  });

  it('makes a label for shipments with an AWB; other ids are not_created; a non-array is 422', async () => {
    const order = await client.shippableOrder();
    const label = await client.api('POST', '/courier/generate/label', { shipment_id: [order.shipment_id, 42] });
    expect(label.body).toMatchObject({ label_created: 1, label_url: expect.stringMatching(/\.pdf$/), not_created: [42] });
    const pdf = await fetch(label.body.label_url);
    expect([pdf.status, pdf.headers.get('content-type'), Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    expect(sim.orders().find((o) => o.awb === order.awb)!.shipmentStatus).toBe(2);

    const noAwb = await client.createOrder();
    expect((await client.api('POST', '/courier/generate/label', { shipment_id: [noAwb.shipment_id] })).body).toMatchObject({ label_created: 0, not_created: [] });
    expect(await client.api('POST', '/courier/generate/label', { shipment_id: order.shipment_id })).toMatchObject({
      status: 422,
      body: { message: 'Oops! Invalid Data.', errors: { shipment_id: ['The shipment id must be an array.'] }, status_code: 422 },
    });
  });
});

describe('cancel', () => {
  it('cancels before pickup (204, shipment status 8), then says it is already cancelled', async () => {
    const order = await client.shippableOrder();
    await client.api('POST', '/courier/generate/pickup', { shipment_id: [order.shipment_id] });
    const cancelled = await client.api('POST', '/orders/cancel', { ids: [order.order_id] });
    expect([cancelled.status, cancelled.body]).toEqual([204, '']);
    expect(sim.orders().find((o) => o.orderId === order.order_id)).toMatchObject({ shipmentStatus: 8, cancelled: true, statusCode: 5 });
    expect((await client.api('GET', `/orders?search=${sim.orders().find((o) => o.orderId === order.order_id)!.channelOrderId}`)).body.data[0].status).toBe('CANCELED');
    expect(await client.api('POST', '/orders/cancel', { ids: [order.order_id] })).toMatchObject({ status: 400, body: { message: expect.stringContaining('already cancelled'), status_code: 400 } });
  });

  it('refuses once the courier has picked the parcel up, and without ids (422)', async () => {
    const order = await client.shippableOrder();
    await sim.setShipmentStatus(order.awb, 42, { webhook: false });
    expect(await client.api('POST', '/orders/cancel', { ids: [order.order_id] })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^Cancelation is not allowed/), status_code: 400 } });
    expect(await client.api('POST', '/orders/cancel', {})).toMatchObject({ status: 422, body: { message: 'Required field missing', errors: { ids: ['The ids field is required.'] }, status_code: 422 } });
    expect(await client.api('POST', '/orders/cancel', { ids: [1] })).toMatchObject({ status: 500, body: { status_code: 500 } });
  });

  it('cancels shipments by AWB before "Out for Pickup" only', async () => {
    const [early, late] = [await client.shippableOrder(), await client.shippableOrder()];
    await sim.setShipmentStatus(late.awb, 19, { webhook: false });
    expect((await client.api('POST', '/orders/cancel/shipment/awbs', { awbs: [early.awb] })).status).toBe(200);
    expect(sim.orders().find((o) => o.awb === early.awb)!.shipmentStatus).toBe(8);
    expect(await client.api('POST', '/orders/cancel/shipment/awbs', { awbs: [late.awb] })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^Cancelation is not allowed/) } });
    expect((await client.api('POST', '/orders/cancel/shipment/awbs', {})).status).toBe(422);
  });
});

describe('tracking', () => {
  it('has nothing before the AWB (track_status 0), then the scans newest first with IST dates and sr-status', async () => {
    const created = await client.createOrder();
    expect(await client.api('GET', `/courier/track/shipment/${created.shipment_id}`)).toMatchObject({ status: 200, body: { tracking_data: { track_status: 0, error: expect.any(String) } } });

    const order = await client.shippableOrder();
    await sim.setShipmentStatus(order.awb, 42, { webhook: false });
    await sim.setShipmentStatus(order.awb, 18, { webhook: false, location: 'Hosur Gateway (Tamil Nadu)' });
    const byAwb = await client.api('GET', `/courier/track/awb/${order.awb}`);
    expect(byAwb.status).toBe(200);
    const data = byAwb.body.tracking_data;
    expect(data).toMatchObject({ track_status: 1, shipment_status: 18, track_url: expect.any(String), etd: expect.stringMatching(IST_DATE_TIME) });
    expect(data.shipment_track[0]).toMatchObject({ awb_code: order.awb, shipment_id: order.shipment_id, order_id: order.order_id, current_status: 'In Transit', pickup_date: expect.stringMatching(IST_DATE_TIME) });
    expect(data.shipment_track_activities.map((a: Record<string, string>) => [a['sr-status'], a['sr-status-label']])).toEqual([
      ['18', 'IN TRANSIT'],
      ['42', 'PICKED UP'],
      ['NA', 'NA'],
    ]);
    expect(data.shipment_track_activities[0]).toMatchObject({ date: expect.stringMatching(IST_DATE_TIME), location: 'Hosur Gateway (Tamil Nadu)', status: expect.any(String), activity: expect.any(String) });
    expect((await client.api('GET', `/courier/track/shipment/${order.shipment_id}`)).body).toEqual(byAwb.body);
  });

  it('files a scan reported with an earlier time among the older ones, while the status is the one set last', async () => {
    const order = await client.shippableOrder();
    await sim.setShipmentStatus(order.awb, 18, { webhook: false });
    await sim.setShipmentStatus(order.awb, 42, { webhook: false, at: new Date(Date.now() - 3_600_000).toISOString() });
    const data = (await client.api('GET', `/courier/track/awb/${order.awb}`)).body.tracking_data;
    expect(data.shipment_status).toBe(42);
    expect(data.shipment_track_activities.map((a: Record<string, string>) => a['sr-status'])).toEqual(['18', 'NA', '42']);
  });

  it('tracks by channel order id as a top-level array, one entry per order with that id', async () => {
    const body = anOrder();
    await client.createOrder(body);
    const second = await client.shippableOrder(body);
    const answer = await client.api('GET', `/courier/track?order_id=${encodeURIComponent(body.order_id as string)}`);
    expect(Array.isArray(answer.body)).toBe(true);
    expect(answer.body.map((entry: { tracking_data: { track_status: number } }) => entry.tracking_data.track_status)).toEqual([0, 1]);
    expect(answer.body[1].tracking_data.shipment_track[0].awb_code).toBe(second.awb);
    expect((await client.api('GET', `/courier/track?order_id=unknown-${channelOrderId()}`)).body).toEqual([]);
  });

  it('tracks up to 50 AWBs at once, keyed by AWB; unknown AWBs are left out ({} when none is known)', async () => {
    const [a, b] = [await client.shippableOrder(), await client.shippableOrder()];
    const bulk = await client.api('POST', '/courier/track/awbs', { awbs: [a.awb, '000000000000', b.awb] });
    expect(Object.keys(bulk.body).sort()).toEqual([a.awb, b.awb].sort());
    expect(bulk.body[a.awb].tracking_data).toMatchObject({ track_status: 1, shipment_status: 1 });
    expect((await client.api('POST', '/courier/track/awbs', { awbs: ['000000000000'] })).body).toEqual({});
    expect((await client.api('POST', '/courier/track/awbs', { awbs: Array.from({ length: 51 }, (_, i) => String(i)) })).status).toBe(422);
  });

  it('answers a path without its id as 404 { message: "404 Not Found", status_code: 404 }', async () => {
    expect(await client.api('GET', '/courier/track/awb/')).toMatchObject({ status: 404, body: { message: '404 Not Found', status_code: 404 } });
    expect((await client.api('GET', '/no/such/endpoint')).status).toBe(404);
  });
});
