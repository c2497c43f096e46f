import { istDateTime, istListDate } from './ist-time.ts';
import { orderStatusCode, type SimOrder } from './simulator-state.ts';
import { ORDER_STATUS_LABELS } from './status-codes.ts';

/**
 * `GET /orders` ("Get all orders"): `{ data: [order], meta: { pagination } }`, newest first.
 * `search` matches part of the channel order id or the AWB, case-insensitively, as the panel's
 * search box does: searching `P1` also finds `P1-2`, so clients must compare `channel_order_id`
 * exactly. Courier fields are `""` until there is an AWB; dates are `26 Nov 2026, 02:05 PM` (IST).
 */

const money = (rupees: number) => rupees.toFixed(2);

export function listedOrder(order: SimOrder, channelId: number) {
  const { order: o, shipment } = order;
  const status = orderStatusCode(order);
  return {
    id: order.id,
    channel_id: channelId,
    channel_name: 'CUSTOM',
    base_channel_code: 'CS',
    channel_order_id: order.channelOrderId,
    customer_name: `${o.shipping.name} ${o.shipping.lastName}`.trim(),
    customer_email: o.shipping.email || o.billing.email,
    customer_phone: o.shipping.phone,
    customer_address: o.shipping.address,
    customer_address_2: o.shipping.address2,
    customer_city: o.shipping.city,
    customer_state: o.shipping.state,
    customer_pincode: o.shipping.pincode,
    customer_country: o.shipping.country,
    pickup_location: order.pickup.name,
    payment_status: '',
    total: money(o.subTotal),
    tax: money(0),
    sla: '',
    shipping_method: 'SR',
    expedited: 0,
    status: ORDER_STATUS_LABELS.get(status) ?? 'NA',
    status_code: status,
    payment_method: o.paymentMethod === 'COD' ? 'cod' : 'prepaid',
    is_international: 0,
    purpose_of_shipment: 0,
    channel_created_at: istListDate(o.orderDate),
    created_at: istListDate(order.createdAt),
    products: o.items.map((item, i) => ({
      id: order.id * 10 + i,
      channel_order_product_id: '',
      name: item.name,
      channel_sku: item.sku,
      quantity: item.units,
      product_id: 0,
      available: 0,
      status: '',
      hsn: item.hsn,
    })),
    shipments: [
      {
        id: shipment.id,
        isd_code: '+91',
        courier: shipment.courier?.name ?? '',
        weight: o.weightKg,
        dimensions: `${o.lengthCm}x${o.breadthCm}x${o.heightCm}`,
        pickup_scheduled_date: shipment.pickupScheduledAt ? istDateTime(shipment.pickupScheduledAt) : null,
        pickup_token_number: shipment.pickupToken,
        awb: shipment.awb ?? '',
        return_awb: '',
        volumetric_weight: Math.round(((o.lengthCm * o.breadthCm * o.heightCm) / 5000) * 100) / 100,
        pod: null,
        etd: shipment.etd ? istDateTime(shipment.etd) : null,
        rto_delivered_date: null,
        delivered_date: shipment.deliveredAt ? istDateTime(shipment.deliveredAt) : null,
      },
    ],
    activities: [],
    allow_return: 0,
    is_incomplete: 0,
    errors: [],
  };
}

/** Orders whose channel order id or AWB contains `search` (all of them without it), newest first. */
export function searchOrders(orders: readonly SimOrder[], search: string | null): SimOrder[] {
  const needle = search?.trim().toLowerCase() ?? '';
  const found = needle === '' ? [...orders] : orders.filter((order) => order.channelOrderId.toLowerCase().includes(needle) || order.shipment.awb?.toLowerCase().includes(needle));
  return found.reverse();
}

/** One page of a list, with Laravel's pagination block. */
export function page<T>(items: readonly T[], query: URLSearchParams, pageUrl: (page: number) => string) {
  const perPage = Math.min(Math.max(Math.trunc(Number(query.get('per_page') ?? 15)) || 15, 1), 100);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.min(Math.max(Math.trunc(Number(query.get('page') ?? 1)) || 1, 1), totalPages);
  const data = items.slice((current - 1) * perPage, current * perPage);
  const links: Record<string, string> = {};
  if (current > 1) links.previous = pageUrl(current - 1);
  if (current < totalPages) links.next = pageUrl(current + 1);
  return { data, pagination: { total: items.length, count: data.length, per_page: perPage, current_page: current, total_pages: totalPages, links } };
}
