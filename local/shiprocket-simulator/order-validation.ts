import { parseIstDateTime } from './ist-time.ts';

/**
 * `POST /orders/create/adhoc`'s validation, as Shiprocket (a Laravel application) words it:
 * `{ field: ["The field name field is required."] }`. Numbers may arrive as strings.
 */

export interface OrderItem {
  name: string;
  sku: string;
  units: number;
  sellingPrice: number;
  discount: number;
  tax: number;
  hsn: string;
}

export interface OrderParty {
  name: string;
  lastName: string;
  address: string;
  address2: string;
  city: string;
  pincode: string;
  state: string;
  country: string;
  email: string;
  phone: string;
}

export interface ValidOrder {
  channelOrderId: string;
  orderDate: Date;
  pickupLocation: string;
  billing: OrderParty;
  shipping: OrderParty;
  shippingIsBilling: boolean;
  items: OrderItem[];
  paymentMethod: 'COD' | 'Prepaid';
  subTotal: number;
  lengthCm: number;
  breadthCm: number;
  heightCm: number;
  weightKg: number;
}

export type FieldErrors = Record<string, string[]>;

const human = (field: string) => field.replace(/_/g, ' ');
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const text = (value: unknown) => (isBlank(value) ? '' : String(value).trim());

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function booleanOf(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  return undefined;
}

/** Collects errors field by field, Laravel's way: the first failed rule of a field wins. */
class Checker {
  readonly errors: FieldErrors = {};
  constructor(readonly body: Record<string, unknown>) {}

  fail(field: string, message: string) {
    (this.errors[field] ??= []).push(message);
  }

  required(field: string, value: unknown = this.body[field]): boolean {
    if (!isBlank(value)) return true;
    this.fail(field, `The ${human(field)} field is required.`);
    return false;
  }

  string(field: string, max: number): string {
    const value = this.body[field];
    if (!this.required(field)) return '';
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.fail(field, `The ${human(field)} must be a string.`);
      return '';
    }
    if (String(value).length > max) this.fail(field, `The ${human(field)} may not be greater than ${max} characters.`);
    return text(value);
  }

  digits(field: string, count: number): string {
    const value = this.body[field];
    if (!this.required(field)) return '';
    if (!new RegExp(`^\\d{${count}}$`).test(text(value))) this.fail(field, `The ${human(field)} must be ${count} digits.`);
    return text(value);
  }

  email(field: string): string {
    if (!this.required(field)) return '';
    const value = text(this.body[field]);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) this.fail(field, `The ${human(field)} must be a valid email address.`);
    return value;
  }

  /** A number above `min` (exclusive), e.g. dimensions > 0.5 cm, weight > 0 kg. */
  greaterThan(field: string, min: number, value: unknown = this.body[field]): number {
    if (!this.required(field, value)) return 0;
    const number = numberOf(value);
    if (number === undefined) this.fail(field, `The ${human(field)} must be a number.`);
    else if (number <= min) this.fail(field, `The ${human(field)} must be greater than ${min}.`);
    return number ?? 0;
  }

  atLeast(field: string, min: number, value: unknown, integer = false): number {
    if (!this.required(field, value)) return 0;
    const number = numberOf(value);
    if (number === undefined || (integer && !Number.isInteger(number))) this.fail(field, `The ${human(field)} must be ${integer ? 'an integer' : 'a number'}.`);
    else if (number < min) this.fail(field, `The ${human(field)} must be at least ${min}.`);
    return number ?? 0;
  }
}

function party(check: Checker, prefix: 'billing' | 'shipping'): OrderParty {
  const name = prefix === 'billing' ? 'billing_customer_name' : 'shipping_customer_name';
  return {
    name: check.string(name, 100),
    lastName: prefix === 'billing' ? check.string('billing_last_name', 100) : text(check.body.shipping_last_name),
    address: check.string(`${prefix}_address`, 190),
    address2: text(check.body[`${prefix}_address_2`]),
    city: check.string(`${prefix}_city`, 100),
    pincode: check.digits(`${prefix}_pincode`, 6),
    state: check.string(`${prefix}_state`, 100),
    country: check.string(`${prefix}_country`, 100),
    email: prefix === 'billing' ? check.email('billing_email') : text(check.body.shipping_email),
    phone: check.digits(`${prefix}_phone`, 10),
  };
}

/** The order, or the field errors of a 422. */
export function validateOrder(input: unknown): { order: ValidOrder } | { errors: FieldErrors } {
  const body = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const check = new Checker(body);

  const channelOrderId = check.string('order_id', 50);
  let orderDate = new Date(0);
  if (check.required('order_date')) {
    const parsed = parseIstDateTime(text(body.order_date));
    if (parsed) orderDate = parsed;
    else check.fail('order_date', 'The order date does not match the format Y-m-d H:i.');
  }
  const pickupLocation = check.string('pickup_location', 36);
  const billing = party(check, 'billing');
  let shippingIsBilling = true;
  if (check.required('shipping_is_billing')) {
    const flag = booleanOf(body.shipping_is_billing);
    if (flag === undefined) check.fail('shipping_is_billing', 'The shipping is billing field must be true or false.');
    else shippingIsBilling = flag;
  }
  const shipping = shippingIsBilling ? billing : party(check, 'shipping');

  const items: OrderItem[] = [];
  if (check.required('order_items', Array.isArray(body.order_items) && body.order_items.length === 0 ? undefined : body.order_items)) {
    if (!Array.isArray(body.order_items)) check.fail('order_items', 'The order items must be an array.');
    else
      body.order_items.forEach((raw: unknown, i) => {
        const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
        const at = (field: string) => `order_items.${i}.${field}`;
        check.required(at('name'), item.name);
        check.required(at('sku'), item.sku);
        items.push({
          name: text(item.name),
          sku: text(item.sku),
          units: check.atLeast(at('units'), 1, item.units, true),
          sellingPrice: check.atLeast(at('selling_price'), 0, item.selling_price),
          discount: numberOf(item.discount) ?? 0,
          tax: numberOf(item.tax) ?? 0,
          hsn: text(item.hsn),
        });
      });
  }

  let paymentMethod: ValidOrder['paymentMethod'] = 'Prepaid';
  if (check.required('payment_method')) {
    const method = text(body.payment_method).toLowerCase();
    if (method === 'cod') paymentMethod = 'COD';
    else if (method !== 'prepaid') check.fail('payment_method', 'The selected payment method is invalid.');
  }
  const subTotal = check.atLeast('sub_total', 0, body.sub_total);
  const lengthCm = check.greaterThan('length', 0.5);
  const breadthCm = check.greaterThan('breadth', 0.5);
  const heightCm = check.greaterThan('height', 0.5);
  const weightKg = check.greaterThan('weight', 0);

  if (Object.keys(check.errors).length > 0) return { errors: check.errors };
  return { order: { channelOrderId, orderDate, pickupLocation, billing, shipping, shippingIsBilling, items, paymentMethod, subTotal, lengthCm, breadthCm, heightCm, weightKg } };
}
