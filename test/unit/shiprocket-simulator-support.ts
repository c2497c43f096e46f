import { SIMULATOR_EMAIL, SIMULATOR_PASSWORD, startShiprocketSimulator, type ShiprocketSimulator, type ShiprocketSimulatorOptions } from '../../local/shiprocket-simulator/simulator.ts';

/** Helpers for the simulator's tests (not a test file): a simulator of the test's own, spoken to over HTTP. */

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function send<T = any>(url: string, method: string, options: { body?: unknown; token?: string; signal?: AbortSignal } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: options.signal });
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, headers: response.headers };
}

/** A client of one simulator: `api` under /v1/external (with a token once logged in), `control` under /__sim. */
export function clientOf(sim: Pick<ShiprocketSimulator, 'url' | 'controlUrl'>) {
  let token: string | undefined;
  const client = {
    get token() {
      return token;
    },
    async login(email = SIMULATOR_EMAIL, password = SIMULATOR_PASSWORD) {
      const answer = await send(`${sim.url}/auth/login`, 'POST', { body: { email, password } });
      if (answer.status === 200) token = answer.body.token;
      return answer;
    },
    api: <T = any>(method: string, path: string, body?: unknown, options: { token?: string; signal?: AbortSignal } = {}) =>
      send<T>(`${sim.url}${path}`, method, { body, token: options.token ?? token, signal: options.signal }),
    control: <T = any>(method: string, path: string, body?: unknown) => send<T>(`${sim.controlUrl}${path}`, method, { body }),
    /** Creates an order and returns Shiprocket's answer body. */
    async createOrder(overrides: Record<string, unknown> = {}) {
      const answer = await client.api('POST', '/orders/create/adhoc', anOrder(overrides));
      if (answer.status !== 200) throw new Error(`create: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body as { order_id: number; shipment_id: number };
    },
    /** Creates an order and assigns it an AWB (the recommended courier). */
    async shippableOrder(overrides: Record<string, unknown> = {}) {
      const created = await client.createOrder(overrides);
      const assigned = await client.api('POST', '/courier/assign/awb', { shipment_id: created.shipment_id });
      return { ...created, awb: assigned.body.response.data.awb_code as string, courierId: assigned.body.response.data.courier_company_id as number };
    },
  };
  return client;
}

let serial = 0;
/** A unique channel order id per call. */
export const channelOrderId = (prefix = 'parcel') => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++serial}`;

/** A valid create-order body (the project's own test values), with overrides. */
export function anOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_id: channelOrderId(),
    order_date: '2026-11-20 10:15',
    pickup_location: 'Primary',
    billing_customer_name: 'Kavya',
    billing_last_name: 'Nair',
    billing_address: '3 Temple Street',
    billing_city: 'Mysuru',
    billing_pincode: '570001',
    billing_state: 'Karnataka',
    billing_country: 'India',
    billing_email: 'kavya@example.com',
    billing_phone: '9000012345',
    shipping_is_billing: true,
    order_items: [{ name: 'Sandalwood box', sku: 'TST-BOX-1', units: 2, selling_price: 450, tax: 12, hsn: '4420' }],
    payment_method: 'Prepaid',
    sub_total: 900,
    length: 22,
    breadth: 16,
    height: 9,
    weight: 1.2,
    ...overrides,
  };
}

/** Starts a simulator on a free port; `close` it in afterAll/afterEach. */
export async function testSimulator(options: Partial<ShiprocketSimulatorOptions> = {}) {
  const sim = await startShiprocketSimulator({ port: 0, ...options });
  const client = clientOf(sim);
  await client.login();
  return { sim, client };
}
