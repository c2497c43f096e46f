/**
 * Shiprocket: courier calls per successful create (and which), logins per 100 creates (target 1),
 * DynamoDB round trips per create, cancel and refresh — against the simulator and DynamoDB Local.
 */
import { signLocalToken } from '../local/local-tokens.ts';
import { startLocalRuntime } from '../local/runtime.ts';
import { freePort } from '../test/support/free-port.ts';

export interface CourierBench {
  courierCallsPerCreate: string[];
  loginsPer100Creates: number;
  dynamoRoundTrips: { create: string[]; cancel: string[]; refresh: string[] };
}

const CREATES = 100;

export async function measureCourier(): Promise<CourierBench> {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.TABLE_NAME = 'bench-courier';
  delete process.env.SHIPROCKET_BASE_URL;
  const runtime = await startLocalRuntime({ apiPort: await freePort(), dynamoPort: await freePort(), shiprocketSimPort: await freePort() });
  const simulator = runtime.shiprocketSimulator!;
  const { documentClient } = await import('../functions/storage/dynamo-client.ts');
  let sent: string[] = [];
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      sent.push((context.commandName ?? 'unknown').replace('Command', ''));
      return next(args);
    },
    { step: 'finalizeRequest', name: 'countRoundTrips' },
  );
  const tokens = { system: await signLocalToken('system', 'storefront'), seller: await signLocalToken('seller', 'bench-courier-seller'), admin: await signLocalToken('admin', 'admin-1') };
  const request = async (role: keyof typeof tokens, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${runtime.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return JSON.parse(text);
  };
  const counted = async (call: () => Promise<unknown>) => {
    sent = [];
    await call();
    return [...sent];
  };
  try {
    const address = { name: 'Asha Rao', phone: '+91 98450 12345', line1: '12 MG Road', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'India' };
    await request('admin', 'PUT', '/sellers/bench-courier-seller', { name: 'S', storeName: 'S', address, pickupLocation: 'Primary' });
    const order = await request('system', 'POST', '/orders', {
      customerId: 'bench-customer',
      paymentMethod: 'prepaid',
      shippingAddress: address,
      items: Array.from({ length: CREATES }, (_, i) => ({ sellerId: 'bench-courier-seller', productName: 'P', sku: `S${i}`, quantity: 1, unitPrice: 49_900, taxPercent: 5 })),
    });
    const parcels: { id: string }[] = [];
    for (const item of order.items as { id: string }[]) parcels.push(await request('seller', 'POST', '/parcels', { orderId: order.id, itemIds: [item.id] }));

    const dimensions = { weightKg: 0.5, lengthCm: 20, breadthCm: 15, heightCm: 5 };
    const loginsBefore = simulator.loginCount();
    await request('seller', 'POST', `/parcels/${parcels[0]!.id}/shiprocket`, dimensions);
    // A create once the shared token exists (the very first one also logs in).
    const requestsBefore = simulator.requests().length;
    const create = await counted(() => request('seller', 'POST', `/parcels/${parcels[1]!.id}/shiprocket`, dimensions));
    const courierCallsPerCreate = simulator.requests().slice(requestsBefore).map((call) => `${call.method} ${call.path.replace('/v1/external', '')}`);
    for (const parcel of parcels.slice(2)) await request('seller', 'POST', `/parcels/${parcel.id}/shiprocket`, dimensions);
    const loginsPer100Creates = simulator.loginCount() - loginsBefore;
    const refresh = await counted(() => request('seller', 'POST', `/parcels/${parcels[1]!.id}/shiprocket/refresh`));
    const cancel = await counted(() => request('seller', 'POST', `/parcels/${parcels[2]!.id}/shiprocket/cancel`));
    return { courierCallsPerCreate, loginsPer100Creates, dynamoRoundTrips: { create, cancel, refresh } };
  } finally {
    await runtime.stop();
  }
}
