import * as z from 'zod/mini';
import { readOrder } from '#storage/order-items-table.ts';
import { isInScope } from '../access.ts';
import { NotFoundError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { idSchema } from '../schemas.ts';
import type { Order } from './order-types.ts';

export const getOrderParams = z.object({ orderId: idSchema });

/** admin: the whole order; customer: its own; seller: only its own items (404 when none). */
export async function getOrder(orderId: string, principal: Principal): Promise<Order> {
  const order = (await readOrder(orderId))?.order;
  const visible = order?.items.filter((item) => isInScope(item, principal)) ?? [];
  if (!order || visible.length === 0) throw new NotFoundError(`Order ${orderId} not found.`);
  return { ...order, items: visible };
}
