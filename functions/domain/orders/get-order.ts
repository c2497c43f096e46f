import { isInScope } from '../access.ts';
import { NotFoundError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { readOrderItems, toOrder } from '#storage/order-items-table.ts';
import type { Order } from './order-types.ts';

/** admin: the whole order; customer: its own; seller: only its own items (404 when none). */
export async function getOrder(orderId: string, principal: Principal): Promise<Order> {
  const records = await readOrderItems(orderId);
  const visible = records.filter((record) => isInScope(record, principal));
  const order = toOrder(visible);
  if (!order) throw new NotFoundError(`Order ${orderId} not found.`);
  return order;
}
