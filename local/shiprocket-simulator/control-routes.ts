import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { faultSchema } from './faults.ts';
import { json, matchRoute, readJson, route, send, type Handler, type Reply } from './http-exchange.ts';
import { istDateTime } from './ist-time.ts';
import { labelPdf } from './label-pdf.ts';
import type { ShiprocketSimulator } from './simulator.ts';
import type { SimulatorState } from './simulator-state.ts';
import { StatusChangeError } from './status-change.ts';
import { trackingData } from './tracking.ts';

/**
 * Control endpoints under `/__sim` (not Shiprocket's API; no token): drive shipments, queue
 * faults, register pickup locations, configure the webhook, inspect and reset the state.
 * Answers are JSON; errors are `{ error: message }`.
 */

const statusChangeBody = z.object({
  statusId: z.number().int(),
  webhook: z.boolean().optional(),
  activity: z.string().min(1).optional(),
  location: z.string().min(1).optional(),
  scanCode: z.string().min(1).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});
const faultsBody = z.union([faultSchema, z.array(faultSchema), z.object({ faults: z.array(faultSchema) })]);
const pickupLocationBody = z.object({ name: z.string().min(1).max(36), address: z.string().optional(), city: z.string().optional(), state: z.string().optional(), pinCode: z.string().optional() });
const webhookBody = z.object({ url: z.string(), token: z.string() });

const problem = (status: number, message: string): Reply => json(status, { error: message });

/** Parses a control body; a bad one answers 400 with zod's account of it. */
function withBody<T>(schema: z.ZodType<T>, handler: (body: T) => Reply | Promise<Reply>): Handler {
  return async ({ body }) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) return problem(400, z.prettifyError(parsed.error));
    try {
      return await handler(parsed.data);
    } catch (error) {
      if (error instanceof StatusChangeError) return problem(error.status, error.message);
      throw error;
    }
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function controlRoutes(simulator: ShiprocketSimulator, state: SimulatorState) {
  const stateOf = () => ({
    orders: simulator.orders(),
    loginCount: simulator.loginCount(),
    pickupLocations: simulator.pickupLocations(),
    pendingFaults: simulator.pendingFaults(),
    webhookDeliveries: simulator.webhookDeliveries(),
  });
  const pending = () => json(200, { pending: simulator.pendingFaults() });

  const routes = [
    route(
      'POST',
      '/shipments/{awb}/status',
      async (exchange) =>
        withBody(statusChangeBody, async ({ statusId, ...options }) => json(200, await simulator.setShipmentStatus(exchange.params.awb!, statusId, options)))(exchange),
    ),
    route('GET', '/state', () => json(200, stateOf())),
    route('POST', '/reset', () => {
      simulator.reset();
      return json(200, stateOf());
    }),
    route('GET', '/faults', pending),
    route(
      'POST',
      '/faults',
      withBody(faultsBody, (body) => {
        simulator.injectFaults(...(Array.isArray(body) ? body : 'faults' in body ? body.faults : [body]));
        return pending();
      }),
    ),
    route('DELETE', '/faults', () => {
      simulator.clearFaults();
      return pending();
    }),
    route('GET', '/pickup-locations', () => json(200, { pickupLocations: simulator.pickupLocations() })),
    route(
      'POST',
      '/pickup-locations',
      withBody(pickupLocationBody, ({ name, ...address }) => json(201, { pickupLocation: simulator.addPickupLocation(name, address), pickupLocations: simulator.pickupLocations() })),
    ),
    route('POST', '/tokens/expire', () => {
      simulator.expireTokens();
      return json(200, { expired: true });
    }),
    route(
      'PUT',
      '/webhook',
      withBody(webhookBody, (webhook) => {
        simulator.setWebhook(webhook);
        return json(200, { webhook: { url: webhook.url } });
      }),
    ),
    route('DELETE', '/webhook', () => {
      simulator.setWebhook(undefined);
      return json(200, { webhook: null });
    }),
    route('GET', '/labels/{file}', ({ params }) => {
      const ids = /^(\d+(?:-\d+)*)\.pdf$/.exec(params.file!)?.[1]?.split('-') ?? [];
      const orders = ids.map((id) => state.orderByShipmentId(id)).filter((order) => order?.shipment.labelUrl);
      if (orders.length === 0 || orders.length !== ids.length) return problem(404, `No label ${params.file}.`);
      const lines = orders.flatMap((order) => [
        `${order!.shipment.courier!.name}  AWB ${order!.shipment.awb}`,
        `Order ${order!.channelOrderId} (Shiprocket ${order!.id}), shipment ${order!.shipment.id}`,
        `To: ${order!.order.shipping.name} ${order!.order.shipping.lastName}, ${order!.order.shipping.city} ${order!.order.shipping.pincode}`,
        `From: ${order!.pickup.name}, ${order!.pickup.city} ${order!.pickup.pinCode}`,
        `${order!.order.paymentMethod}  ${order!.order.weightKg} kg  (Shiprocket simulator)`,
      ]);
      return { status: 200, body: labelPdf(lines), headers: { 'content-type': 'application/pdf' } };
    }),
    route('GET', '/tracking/{awb}', ({ params }) => {
      const order = state.orderByAwb(params.awb);
      const tracking = trackingData(order, () => '');
      if (!order || tracking.track_status === 0) return { status: 404, body: `<p>No tracking for ${escapeHtml(params.awb!)} yet.</p>`, headers: { 'content-type': 'text/html; charset=utf-8' } };
      const rows = tracking.shipment_track_activities ?? [];
      const html =
        `<!doctype html><title>AWB ${escapeHtml(params.awb!)}</title><h1>AWB ${escapeHtml(params.awb!)} (${escapeHtml(order.shipment.courier!.name)})</h1>` +
        `<p>Order ${escapeHtml(order.channelOrderId)}, as of ${istDateTime(state.now())} IST</p><table>` +
        rows.map((row) => `<tr><td>${row.date}</td><td>${escapeHtml(row.activity)}</td><td>${escapeHtml(row.location)}</td></tr>`).join('') +
        '</table>';
      return { status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8' } };
    }),
  ];

  return async (request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): Promise<void> => {
    const method = request.method ?? 'GET';
    const found = matchRoute(routes, method, path);
    const body = await readJson(request);
    if (!found) return send(response, problem(404, `No control endpoint ${method} /__sim${path}.`));
    send(response, await found.route.handler({ method, path, query, params: found.params, body, headers: request.headers }));
  };
}
