import { istShortDate } from './ist-time.ts';

/**
 * The couriers the simulator offers (ids and names from Shiprocket's public courier id list; rates,
 * speeds and ratings are the simulator's own). Rates are rupees per started half kilogram.
 */
export interface SimCourier {
  id: number;
  name: string;
  firstHalfKg: number;
  perExtraHalfKg: number;
  codCharge: number;
  days: number;
  rating: number;
  surface: boolean;
  cod: boolean;
  /** The first digits of its AWBs, and how many random digits follow. */
  awbPrefix: string;
  awbDigits: number;
}

export const COURIERS: readonly SimCourier[] = [
  { id: 43, name: 'Delhivery Surface', firstHalfKg: 47, perExtraHalfKg: 33, codCharge: 38, days: 5, rating: 4.4, surface: true, cod: true, awbPrefix: '3791', awbDigits: 10 },
  { id: 51, name: 'Xpressbees Surface', firstHalfKg: 44, perExtraHalfKg: 36, codCharge: 35, days: 5, rating: 4.1, surface: true, cod: true, awbPrefix: '1452', awbDigits: 11 },
  { id: 54, name: 'Ekart Logistics Surface', firstHalfKg: 51, perExtraHalfKg: 29, codCharge: 40, days: 6, rating: 3.9, surface: true, cod: true, awbPrefix: 'SRX', awbDigits: 10 },
  { id: 1, name: 'Blue Dart', firstHalfKg: 93, perExtraHalfKg: 71, codCharge: 0, days: 2, rating: 4.7, surface: false, cod: false, awbPrefix: '7760', awbDigits: 7 },
];

export const courierById = (id: number) => COURIERS.find((courier) => courier.id === id);

const halfKilos = (weightKg: number) => Math.max(1, Math.ceil(weightKg / 0.5));

/** What a courier charges for `weightKg`, COD charge included. */
export function courierRate(courier: SimCourier, weightKg: number, cod: boolean): number {
  return courier.firstHalfKg + courier.perExtraHalfKg * (halfKilos(weightKg) - 1) + (cod ? courier.codCharge : 0);
}

/** The couriers that take this parcel (COD needs a COD courier), cheapest first. */
export function availableCouriers(cod: boolean, weightKg: number): SimCourier[] {
  return COURIERS.filter((courier) => !cod || courier.cod).sort((a, b) => courierRate(a, weightKg, cod) - courierRate(b, weightKg, cod));
}

export const etdOf = (courier: SimCourier, from: Date) => new Date(from.getTime() + courier.days * 24 * 3_600_000);

/** One entry of `available_courier_companies`, with the fields clients read and a plausible rest. */
export function courierCompany(courier: SimCourier, query: { weightKg: number; cod: boolean; deliveryPostcode: string; now: Date; rowId: number }) {
  const rate = courierRate(courier, query.weightKg, query.cod);
  const codCharges = query.cod ? courier.codCharge : 0;
  return {
    id: query.rowId,
    courier_company_id: courier.id,
    courier_name: courier.name,
    courier_type: '0',
    rate,
    freight_charge: rate - codCharges,
    cod_charges: codCharges,
    cod: courier.cod ? 1 : 0,
    charge_weight: halfKilos(query.weightKg) / 2,
    min_weight: 0.5,
    etd: istShortDate(etdOf(courier, query.now)),
    etd_hours: courier.days * 24,
    estimated_delivery_days: String(courier.days),
    edd: '',
    rating: courier.rating,
    delivery_performance: courier.rating,
    pickup_performance: courier.rating,
    rto_performance: courier.rating,
    tracking_performance: courier.rating,
    rto_charges: rate - codCharges,
    is_surface: courier.surface,
    mode: courier.surface ? 0 : 1,
    realtime_tracking: 'Real Time',
    pod_available: 'Instant',
    call_before_delivery: 'Available',
    delivery_boy_contact: 'Not Available',
    pickup_availability: '1',
    cutoff_time: '14:00',
    postcode: query.deliveryPostcode,
    zone: 'z_d',
    blocked: 0,
    is_hyperlocal: false,
    is_international: 0,
    others: JSON.stringify({ cancel_real_time: true, simulated: true }),
    // The rest of what Shiprocket sends per courier, with plain values.
    air_max_weight: courier.surface ? '0.00' : '10.00',
    surface_max_weight: courier.surface ? '20.00' : '0.00',
    volumetric_max_weight: null,
    weight_cases: 0,
    assured_amount: 0,
    base_courier_id: null,
    base_weight: '',
    city: '',
    state: '',
    region: 0,
    local_region: 0,
    metro: 0,
    cod_multiplier: courier.cod ? 0.015 : 0,
    cost: '',
    coverage_charges: 0,
    other_charges: 0,
    entry_tax: 0,
    description: '',
    is_custom_rate: 0,
    is_rto_address_available: true,
    new_edd: 0,
    odablock: false,
    pickup_priority: '',
    pickup_supress_hours: 0,
    seconds_left_for_pickup: 0,
    qc_courier: 0,
    rank: '',
    secure_shipment_disabled: false,
    ship_type: 1,
    suppress_date: '',
    suppress_text: '',
    suppression_dates: null,
  };
}
