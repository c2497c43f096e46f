import { ConflictError, NotFoundError } from '../errors.ts';
import type { OrderItem } from '../orders/order-types.ts';
import type { Principal } from '../principal.ts';
import { CLOSED_FOR_NEW_REQUEST } from './return-status.ts';
import { isWithinReturnWindow, returnWindowEnd } from './return-window.ts';

export const noOpenRequest = (itemId: string) =>
  new ConflictError(`Rule "no open request": order item ${itemId} already has a return request in progress.`);

/**
 * The rules of `POST /returns`, in order; each failure says which rule. `now` is injectable for tests.
 * The same rules (but the window) are conditions of the write, so a race cannot slip past them.
 */
export function assertReturnable(item: OrderItem | undefined, itemId: string, customer: Principal, now: Date): asserts item is OrderItem & { deliveredAt: string } {
  if (!item || item.customerId !== customer.id) throw new NotFoundError(`Order item ${itemId} not found in your orders.`);
  if (item.status !== 'delivered' || !item.deliveredAt) {
    throw new ConflictError(`Rule "delivered": order item ${itemId} is ${item.status}; only delivered items can be returned.`);
  }
  if (!item.returnable) throw new ConflictError(`Rule "returnable": order item ${itemId} is not returnable.`);
  if (!isWithinReturnWindow(item.deliveredAt, item.returnWindowDays, now)) {
    const lastDay = returnWindowEnd(item.deliveredAt, item.returnWindowDays).toISOString();
    throw new ConflictError(`Rule "return window": order item ${itemId} could be returned until ${lastDay} (${item.returnWindowDays} days after delivery, end of day IST).`);
  }
  if (!CLOSED_FOR_NEW_REQUEST.includes(item.returnStatus)) throw noOpenRequest(itemId);
}
