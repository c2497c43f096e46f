import { randomInt } from 'node:crypto';
import { availableCouriers, courierById, courierCompany, etdOf } from './couriers.ts';
import { failure, fieldsOf, invalid, json, route, type Reply, type Route } from './http-exchange.ts';
import { istDateTime, nextIstDayAt, phpDateTime } from './ist-time.ts';
import { listedOrder, page, searchOrders } from './order-list.ts';
import { validateOrder, type FieldErrors } from './order-validation.ts';
import { isCancelled, type SimOrder, type SimulatorState } from './simulator-state.ts';
import {
  BEFORE_OUT_FOR_PICKUP_STATUSES,
  BEFORE_PICKUP_STATUSES,
  SHIPMENT_AWB_ASSIGNED,
  SHIPMENT_CANCELED,
  SHIPMENT_LABEL_GENERATED,
  SHIPMENT_PICKUP_SCHEDULED,
} from './status-codes.ts';
import { trackingData } from './tracking.ts';

/** The Shiprocket API under `/v1/external`, as SHIPROCKET.md and the published examples show it. */

export interface ShiprocketRouteContext {
  state: SimulatorState;
  /** Where the simulator serves a shipment's label PDF and tracking page. */
  labelUrl: (shipmentIds: readonly number[]) => string;
  trackUrl: (awb: string) => string;
  ordersPageUrl: (query: URLSearchParams, page: number) => string;
  /** 204 (documented) or 200 with a JSON body (also seen). */
  cancelAnswer: 204 | 200;
}

const human = (field: string) => field.replace(/_/g, ' ');
const required = (field: string): FieldErrors => ({ [field]: [`The ${human(field)} field is required.`] });

/** A non-empty array field (`shipment_id: [..]`, `ids`, `awbs`), or the 422 that Shiprocket answers. */
function listField(body: unknown, field: string, message?: string): unknown[] | Reply {
  const value = fieldsOf(body)[field];
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return invalid(required(field), message);
  if (!Array.isArray(value)) return invalid({ [field]: [`The ${human(field)} must be an array.`] }, message);
  return value;
}
const isReply = (value: unknown): value is Reply => typeof value === 'object' && value !== null && 'status' in value && !Array.isArray(value);

const sixDigits = (value: string | null) => value !== null && /^\d{6}$/.test(value.trim());

export function shiprocketRoutes(context: ShiprocketRouteContext): { login: Route; routes: Route[] } {
  const { state } = context;
  const now = () => state.now();

  const login = route('POST', '/auth/login', ({ body }) => {
    const { email, password } = fieldsOf(body);
    const errors: FieldErrors = {};
    if (typeof email !== 'string' || email === '') Object.assign(errors, required('email'));
    if (typeof password !== 'string' || password === '') Object.assign(errors, required('password'));
    if (Object.keys(errors).length > 0) return invalid(errors);
    const token = state.login(email, password);
    if (!token) return failure(400, 'Invalid email and password combination');
    return json(200, { id: state.userId, first_name: 'API', last_name: 'User', email, company_id: state.companyId, created_at: istDateTime(now()), token });
  });

  const createOrder = route('POST', '/orders/create/adhoc', ({ body }) => {
    const validated = validateOrder(body);
    if ('errors' in validated) return invalid(validated.errors);
    const { order } = validated;
    const pickup = state.pickupLocations.get(order.pickupLocation);
    if (!pickup) {
      const data = [...state.pickupLocations.values()].map((location) => ({
        id: location.id,
        pickup_location: location.name,
        address: location.address,
        city: location.city,
        state: location.state,
        country: 'India',
        pin_code: location.pinCode,
      }));
      return failure(422, 'Wrong Pickup location entered. Please choose one location from data given', { data });
    }
    const refusal = state.channelOrderIdRefusal(order.channelOrderId);
    if (refusal) return failure(400, refusal);
    const created = state.createOrder(order, body, pickup);
    return json(200, {
      order_id: created.id,
      shipment_id: created.shipment.id,
      status: 'NEW',
      status_code: 1,
      onboarding_completed_now: 0,
      awb_code: null,
      courier_company_id: null,
      courier_name: null,
    });
  });

  const listOrders = route('GET', '/orders', ({ query }) => {
    const found = searchOrders(state.orders, query.get('search'));
    const { data, pagination } = page(found, query, (n) => context.ordersPageUrl(query, n));
    return json(200, { data: data.map((order) => listedOrder(order, state.channelId)), meta: { pagination } });
  });

  const serviceability = route('GET', '/courier/serviceability', ({ query }) => {
    const orderId = query.get('order_id');
    let order: SimOrder | undefined;
    if (orderId) {
      order = state.orderById(orderId);
      if (!order) return json(200, { status: 404, message: 'Order does not exist for this account.' });
    } else {
      const errors: FieldErrors = {};
      for (const field of ['pickup_postcode', 'delivery_postcode', 'cod', 'weight']) {
        if (!query.get(field)) errors[field] = [`The ${human(field)} field is required when order id is not present.`];
      }
      if (Object.keys(errors).length > 0) {
        errors.order_id = ['The order id field is required when pickup postcode / delivery postcode / cod / weight is not present.'];
        return invalid(errors, 'Required field missing');
      }
    }
    const pickupPostcode = query.get('pickup_postcode') ?? order!.pickup.pinCode;
    const deliveryPostcode = query.get('delivery_postcode') ?? order!.order.shipping.pincode;
    const weightKg = order ? order.order.weightKg : Number(query.get('weight'));
    const cod = order ? order.order.paymentMethod === 'COD' : query.get('cod') === '1';
    const errors: FieldErrors = {};
    if (!sixDigits(pickupPostcode)) errors.pickup_postcode = ['The pickup postcode must be 6 digits.'];
    if (!sixDigits(deliveryPostcode)) errors.delivery_postcode = ['The delivery postcode must be 6 digits.'];
    if (!(weightKg > 0)) errors.weight = ['The weight must be greater than 0.'];
    if (!order && !['0', '1'].includes(query.get('cod')!)) errors.cod = ['The selected cod is invalid.'];
    if (Object.keys(errors).length > 0) return invalid(errors);
    // No Indian PIN code starts with 0: the simulator's way to show an unserviceable pair.
    if (pickupPostcode.startsWith('0') || deliveryPostcode.startsWith('0')) return json(200, { status: 404, message: 'No courier is serviceable for this pickup and delivery postcode.' });
    const couriers = availableCouriers(cod, weightKg);
    const recommended = couriers[0]!.id;
    return json(200, {
      company_auto_shipment_insurance_setting: false,
      covid_zones: { delivery_zone: null, pickup_zone: null },
      currency: 'INR',
      data: {
        available_courier_companies: couriers.map((courier, i) => courierCompany(courier, { weightKg, cod, deliveryPostcode, now: now(), rowId: (order?.id ?? 0) + i + 1 })),
        blocked_courier_companies: [],
        child_courier_id: null,
        is_recommendation_enabled: 1,
        recommendation_advance_rule: 0,
        recommended_by: { id: 6, title: 'Recommendation By Shiprocket' },
        recommended_courier_company_id: recommended,
        shiprocket_recommended_courier_id: recommended,
      },
      dg_courier: 0,
      eligible_for_insurance: false,
      insurace_opted_at_order_creation: false,
      is_allow_templatized_pricing: false,
      is_latlong: 0,
      is_old_zone_opted: false,
      is_zone_from_mongo: false,
      label_generate_type: 2,
      on_new_zone: 1,
      seller_address: [],
      status: 200,
      user_insurance_manadatory: false,
    });
  });

  const assignAwb = route('POST', '/courier/assign/awb', ({ body }) => {
    const fields = fieldsOf(body);
    if (fields.shipment_id === undefined || fields.shipment_id === null || fields.shipment_id === '') return invalid(required('shipment_id'), 'Required field missing');
    const order = state.orderByShipmentId(fields.shipment_id);
    if (!order) return failure(400, 'Invalid shipment id');
    if (isCancelled(order)) return failure(400, 'AWB cannot be assigned: the order is cancelled.');
    const { shipment } = order;
    const wanted = fields.courier_id === undefined || fields.courier_id === null || fields.courier_id === '' ? undefined : Number(fields.courier_id);
    const assignFailure = (message: string) => json(200, { awb_assign_status: 0, response: { data: { awb_assign_error: message } } });
    if (shipment.awb && shipment.courier) {
      if (wanted !== undefined && wanted !== shipment.courier.id) return failure(400, 'Oops! Cannot reassign courier for this shipment.');
      return assignFailure('AWB is already assigned');
    }
    const cod = order.order.paymentMethod === 'COD';
    const couriers = availableCouriers(cod, order.order.weightKg);
    const courier = wanted === undefined ? couriers[0]! : couriers.find((candidate) => candidate.id === wanted);
    if (!courier) return assignFailure(`${courierById(wanted!)?.name ?? `Courier ${wanted}`} is not serviceable for this shipment.`);

    const at = now();
    shipment.awb = state.newAwb(courier);
    shipment.courier = courier;
    shipment.awbAssignedAt = at;
    shipment.pickupScheduledAt = nextIstDayAt(at, 11);
    shipment.etd = etdOf(courier, shipment.pickupScheduledAt);
    // The courier's first record of the shipment maps to no shipment status: "NA".
    state.setShipmentStatus(order, SHIPMENT_AWB_ASSIGNED, { at, status: 'DRC', activity: 'Manifest data received from the seller', location: order.pickup.city, srStatus: null });
    const pickup = order.pickup;
    return json(200, {
      awb_assign_status: 1,
      response: {
        data: {
          courier_company_id: courier.id,
          awb_code: shipment.awb,
          cod: cod ? 1 : 0,
          order_id: order.id,
          shipment_id: shipment.id,
          awb_code_status: 1,
          assigned_date_time: phpDateTime(at),
          applied_weight: order.order.weightKg,
          company_id: state.companyId,
          courier_name: courier.name,
          child_courier_name: null,
          pickup_scheduled_date: istDateTime(shipment.pickupScheduledAt),
          routing_code: '',
          rto_routing_code: '',
          invoice_no: `SIM-${order.id}`,
          transporter_id: '',
          transporter_name: '',
          shipped_by: {
            shipper_company_name: pickup.name,
            shipper_address_1: pickup.address,
            shipper_address_2: '',
            shipper_city: pickup.city,
            shipper_state: pickup.state,
            shipper_country: 'India',
            shipper_postcode: pickup.pinCode,
            shipper_first_mile_activated: 0,
            shipper_phone: '',
            shipper_email: '',
            lat: '',
            long: '',
            rto_company_name: pickup.name,
            rto_address_1: pickup.address,
            rto_address_2: '',
            rto_city: pickup.city,
            rto_state: pickup.state,
            rto_country: 'India',
            rto_postcode: pickup.pinCode,
            rto_phone: '',
            rto_email: '',
          },
        },
      },
    });
  });

  const generatePickup = route('POST', '/courier/generate/pickup', ({ body }) => {
    const ids = listField(body, 'shipment_id');
    if (isReply(ids)) return ids;
    const orders = ids.map((id) => state.orderByShipmentId(id));
    if (orders.some((order) => !order)) return failure(400, 'Invalid shipment id');
    for (const order of orders as SimOrder[]) {
      if (isCancelled(order)) return failure(400, 'Pickup cannot be generated for a cancelled shipment.');
      if (!order.shipment.awb) return failure(400, 'Please assign an AWB to the shipment before generating its pickup.');
      if (order.shipment.status !== SHIPMENT_AWB_ASSIGNED && order.shipment.status !== SHIPMENT_LABEL_GENERATED) return failure(400, 'Already in Pickup Queue.');
    }
    const at = now();
    const token = `Reference No: SIM${randomInt(10_000_000, 99_999_999)}`;
    for (const order of orders as SimOrder[]) {
      order.shipment.pickupScheduledAt ??= nextIstDayAt(at, 11);
      order.shipment.pickupToken = token;
      state.setShipmentStatus(order, SHIPMENT_PICKUP_SCHEDULED);
    }
    const first = (orders as SimOrder[])[0]!.shipment;
    return json(200, {
      pickup_status: 1,
      response: {
        pickup_scheduled_date: istDateTime(first.pickupScheduledAt!),
        pickup_token_number: token,
        status: SHIPMENT_PICKUP_SCHEDULED,
        others: JSON.stringify({ tier_id: 1, etd_zone: 'z_d', actual_etd: istDateTime(first.etd!), selected_courier_type: 'Best in price', simulated: true }),
        pickup_generated_date: phpDateTime(at),
        data: `Pickup is confirmed by ${first.courier!.name} For AWB :- ${(orders as SimOrder[]).map((order) => order.shipment.awb).join(', ')}`,
      },
    });
  });

  const generateLabel = route('POST', '/courier/generate/label', ({ body }) => {
    const ids = listField(body, 'shipment_id');
    if (isReply(ids)) return ids;
    const printable: SimOrder[] = [];
    const notCreated: unknown[] = [];
    for (const id of ids) {
      const order = state.orderByShipmentId(id);
      if (order?.shipment.awb && !isCancelled(order)) printable.push(order);
      else notCreated.push(id);
    }
    // As published: nothing printable → label_created 0 with an empty not_created.
    if (printable.length === 0) return json(200, { label_created: 0, not_created: [], response: 'No valid shipment ids to print label' });
    const labelUrl = context.labelUrl(printable.map((order) => order.shipment.id));
    for (const order of printable) {
      order.shipment.labelUrl = labelUrl;
      if (order.shipment.status === SHIPMENT_AWB_ASSIGNED) state.setShipmentStatus(order, SHIPMENT_LABEL_GENERATED);
    }
    return json(200, { label_created: 1, label_url: labelUrl, response: 'Label has been created and uploaded successfully!', not_created: notCreated });
  });

  const cancelOrders = route('POST', '/orders/cancel', ({ body }) => {
    const ids = listField(body, 'ids', 'Required field missing');
    if (isReply(ids)) return ids;
    const orders: SimOrder[] = [];
    for (const id of ids) {
      const order = state.orderById(id);
      // Shiprocket answers an id it does not know with a server error.
      if (!order) return failure(500, 'Attempt to read property "status" on null');
      if (isCancelled(order)) return failure(400, `Order ${order.id} is already cancelled.`);
      if (order.shipment.status !== null && !BEFORE_PICKUP_STATUSES.has(order.shipment.status)) {
        return failure(400, `Cancelation is not allowed for order ${order.id}: the shipment has already been picked up by the courier.`);
      }
      orders.push(order);
    }
    for (const order of orders) state.setShipmentStatus(order, SHIPMENT_CANCELED);
    return context.cancelAnswer === 204 ? { status: 204 } : json(200, { status: 200, message: `${orders.length} order(s) cancelled successfully.` });
  });

  const cancelShipments = route('POST', '/orders/cancel/shipment/awbs', ({ body }) => {
    const awbs = listField(body, 'awbs', 'Required field missing');
    if (isReply(awbs)) return awbs;
    const orders: SimOrder[] = [];
    for (const awb of awbs) {
      const order = state.orderByAwb(awb);
      if (!order) return failure(400, `Invalid AWB: ${String(awb)}`);
      if (isCancelled(order)) return failure(400, `The shipment of AWB ${order.shipment.awb} is already cancelled.`);
      if (!BEFORE_OUT_FOR_PICKUP_STATUSES.has(order.shipment.status!)) {
        return failure(400, `Cancelation is not allowed for AWB ${order.shipment.awb}: the courier is out for pickup or has picked it up.`);
      }
      orders.push(order);
    }
    for (const order of orders) state.setShipmentStatus(order, SHIPMENT_CANCELED);
    return json(200, { message: `Cancellation requested for ${orders.length} shipment(s).` });
  });

  const track = (order: SimOrder | undefined) => ({ tracking_data: trackingData(order, context.trackUrl) });
  const trackAwb = route('GET', '/courier/track/awb/{awb}', ({ params }) => json(200, track(state.orderByAwb(params.awb))));
  const trackShipment = route('GET', '/courier/track/shipment/{shipmentId}', ({ params }) => json(200, track(state.orderByShipmentId(params.shipmentId))));
  const trackOrder = route('GET', '/courier/track', ({ query }) => {
    const channelOrderId = query.get('order_id');
    if (!channelOrderId) return invalid(required('order_id'));
    return json(200, state.ordersByChannelId(channelOrderId).map(track));
  });
  const trackAwbs = route('POST', '/courier/track/awbs', ({ body }) => {
    const awbs = listField(body, 'awbs');
    if (isReply(awbs)) return awbs;
    if (awbs.length > 50) return invalid({ awbs: ['The awbs may not have more than 50 items.'] });
    const tracked: Record<string, unknown> = {};
    for (const awb of awbs) {
      const order = state.orderByAwb(awb);
      if (order) tracked[order.shipment.awb!] = track(order);
    }
    return json(200, tracked);
  });

  return {
    login,
    routes: [createOrder, listOrders, serviceability, assignAwb, generatePickup, generateLabel, cancelOrders, cancelShipments, trackAwb, trackShipment, trackOrder, trackAwbs],
  };
}
