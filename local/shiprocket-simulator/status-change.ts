import { orderStatusCode, type SimOrder, type SimulatorState } from './simulator-state.ts';
import { ORDER_STATUS_LABELS, shipmentStatus } from './status-codes.ts';
import { webhookPayload } from './tracking.ts';

/**
 * The courier's side, driven by tests and demos: a shipment reaches a status (a scan is recorded)
 * and, when a webhook is configured, Shiprocket pushes the tracking webhook.
 */

export interface WebhookConfig {
  url: string;
  token: string;
}

export interface StatusChangeOptions {
  /** false: record the scan but push nothing (default: push when a webhook is configured). */
  webhook?: boolean;
  /** The scan's activity, location and courier scan code (defaults from the status table). */
  activity?: string;
  location?: string;
  scanCode?: string;
  /** When the scan happened (ISO 8601; default now): an earlier time files the scan among older ones. */
  at?: string | Date;
}

export interface WebhookDelivery {
  at: string;
  url: string;
  awb: string;
  /** The receiver's HTTP status; undefined when it could not be reached (`error` says why). */
  status?: number;
  error?: string;
  payload: ReturnType<typeof webhookPayload>;
}

export interface StatusChangeResult {
  awb: string;
  shipmentId: number;
  orderId: number;
  channelOrderId: string;
  shipmentStatusId: number;
  shipmentStatus: string;
  currentStatusId: number;
  currentStatus: string;
  webhook: { sent: false; reason: string } | { sent: true; status?: number; error?: string };
}

export class StatusChangeError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 422,
  ) {
    super(message);
  }
}

/** Shiprocket's panel refuses webhook URLs containing these words. */
const FORBIDDEN_IN_WEBHOOK_URL = ['shiprocket', 'kartrocket', 'sr', 'kr'];

export function checkWebhookConfig(config: WebhookConfig): WebhookConfig {
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    throw new StatusChangeError(`The webhook URL ${config.url} is not a URL.`, 422);
  }
  const word = FORBIDDEN_IN_WEBHOOK_URL.find((forbidden) => config.url.toLowerCase().includes(forbidden));
  if (word) throw new StatusChangeError(`Shiprocket refuses webhook URLs containing "${word}": ${config.url}`, 422);
  if (!/^https?:$/.test(url.protocol)) throw new StatusChangeError(`The webhook URL must be http(s): ${config.url}`, 422);
  if (!config.token) throw new StatusChangeError('The webhook needs a token (sent as x-api-key).', 422);
  return { url: config.url, token: config.token };
}

/** Where a courier scans the parcel: the delivery end for the last mile, else the pickup city. */
function defaultLocation(order: SimOrder, code: number): string {
  const lastMile = [7, 17, 21, 22, 23, 38].includes(code);
  const { city, state } = lastMile ? order.order.shipping : order.pickup;
  return `${city} ${lastMile ? 'Delivery Centre' : 'Hub'} (${state})`;
}

export class ShipmentStatusChanger {
  readonly deliveries: WebhookDelivery[] = [];

  constructor(
    private readonly state: SimulatorState,
    public webhook: WebhookConfig | undefined,
  ) {}

  async change(awb: string, statusId: number, options: StatusChangeOptions = {}): Promise<StatusChangeResult> {
    if (!Number.isInteger(statusId) || statusId < 1 || statusId > 999) throw new StatusChangeError(`statusId must be an integer from 1 to 999, not ${statusId}.`, 422);
    const order = this.state.orderByAwb(awb);
    if (!order) throw new StatusChangeError(`No shipment has the AWB ${awb}.`, 404);
    const at = options.at === undefined ? this.state.now() : new Date(options.at);
    if (Number.isNaN(at.getTime())) throw new StatusChangeError(`at is not a date: ${String(options.at)}`, 422);
    const known = shipmentStatus(statusId);
    this.state.setShipmentStatus(order, statusId, {
      at,
      status: options.scanCode ?? known?.scan ?? 'UNK',
      activity: options.activity ?? known?.activity ?? `Status ${statusId}`,
      location: options.location ?? defaultLocation(order, statusId),
      srStatus: statusId,
    });
    const currentStatusId = orderStatusCode(order);
    return {
      awb: order.shipment.awb!,
      shipmentId: order.shipment.id,
      orderId: order.id,
      channelOrderId: order.channelOrderId,
      shipmentStatusId: statusId,
      shipmentStatus: known?.label ?? 'NA',
      currentStatusId,
      currentStatus: ORDER_STATUS_LABELS.get(currentStatusId) ?? 'NA',
      webhook: options.webhook === false ? { sent: false, reason: 'webhook: false' } : await this.push(order, at),
    };
  }

  private async push(order: SimOrder, at: Date): Promise<StatusChangeResult['webhook']> {
    const config = this.webhook;
    if (!config) return { sent: false, reason: 'no webhook configured' };
    const payload = webhookPayload(order, at, this.state.channelId);
    const delivery: WebhookDelivery = { at: this.state.now().toISOString(), url: config.url, awb: order.shipment.awb!, payload };
    this.deliveries.push(delivery);
    try {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': config.token, 'user-agent': 'shiprocket-simulator' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
      return { sent: true, status: response.status };
    } catch (error) {
      delivery.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { sent: true, error: delivery.error };
    }
  }
}
