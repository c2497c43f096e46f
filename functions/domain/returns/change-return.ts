import * as z from 'zod/mini';
import { readReturn, readReturnAndDeliveryPerson, writeReturnChange, type Refusal, type StoredReturn } from '#storage/returns-table.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { idSchema, text } from '../schemas.ts';
import { assertInScope } from './return-scope.ts';
import { allowedChange, type ReturnChange } from './return-status.ts';
import type { Return, ReturnEvent, ReturnEventSource } from './return-types.ts';

const note = z.optional(text(500));
export const approveReturnBody = z.optional(z.object({ note }));
export const declineReturnBody = z.object({ reason: text(500), note });
export const assignReturnBody = z.object({ deliveryPersonId: idSchema, note });
export const pickupReturnBody = approveReturnBody;
export const receiveReturnBody = approveReturnBody;

type NoteOnly = z.infer<typeof approveReturnBody>;

/** Who acts on a return; sellers and the system never do (their routes' roles already refuse them). */
function sourceOf(principal: Principal): ReturnEventSource {
  if (principal.role === 'admin' || principal.role === 'delivery' || principal.role === 'customer') return principal.role;
  throw new ForbiddenError(`The role ${principal.role} may not change returns.`);
}

/** What a change sets besides status and history. */
type Details = Partial<Pick<Return, 'declineReason' | 'deliveryPersonId'>>;

function timestampsOf(status: Return['status'], at: string): Partial<Return> {
  switch (status) {
    case 'approved':
    case 'declined':
      return { decidedAt: at };
    case 'picked_up':
      return { pickedUpAt: at };
    case 'returned':
      return { receivedAt: at };
    default:
      return {};
  }
}

function refused(returnId: string, change: ReturnChange, refusal: Refusal): ConflictError {
  if (refusal.ret) return new ConflictError(`Return ${returnId} changed while it was being ${change}d (another decision came first); reload it.`);
  if (refusal.item) return new ConflictError(`The item of return ${returnId} has a newer return request; this one can no longer change it.`);
  return new ConflictError(`The parcel of return ${returnId} changed meanwhile; retry.`);
}

/**
 * The one way a return changes: scope (404), the state machine (409), then one transaction
 * conditioned on the status read (a racing change makes this one a 409).
 */
async function applyReturnChange(stored: StoredReturn | undefined, returnId: string, change: ReturnChange, principal: Principal, noteText: string | undefined, details: Details = {}): Promise<Return> {
  assertInScope(stored, returnId, principal);
  const current = stored.ret;
  const source = sourceOf(principal);
  const to = allowedChange(change, current.status, source);
  if (!to) throw new ConflictError(`Return ${returnId} is ${current.status}: it cannot be ${change === 'pickup' ? 'picked up' : `${change}d`} now.`);
  const at = new Date().toISOString();
  const event: ReturnEvent = { at, status: to, source, actor: principal.id, note: noteText ?? null };
  const next: Return = { ...current, ...details, ...(to === current.status ? {} : timestampsOf(to, at)), status: to, events: [...current.events, event] };
  const refusal = await writeReturnChange(stored, { next, event, from: current.status, assignedTo: source === 'delivery' ? principal.id : undefined });
  if (refusal) throw refused(returnId, change, refusal);
  return next;
}

const simpleChange = (change: ReturnChange) => async (returnId: string, body: NoteOnly, principal: Principal) =>
  applyReturnChange(await readReturn(returnId), returnId, change, principal, body?.note);

/** requested → approved (admin). */
export const approveReturn = simpleChange('approve');
/** approved → picked_up (admin, or the delivery person assigned: others see 404). */
export const pickupReturn = simpleChange('pickup');
/** approved | picked_up → returned (admin); the item becomes `returned`. */
export const receiveReturn = simpleChange('receive');

/** requested → declined (admin), with the reason the customer sees. */
export async function declineReturn(returnId: string, body: z.infer<typeof declineReturnBody>, principal: Principal): Promise<Return> {
  return applyReturnChange(await readReturn(returnId), returnId, 'decline', principal, body.note, { declineReason: body.reason });
}

/** Who collects the item, only while approved (admin): return and person read in one round trip. */
export async function assignReturn(returnId: string, body: z.infer<typeof assignReturnBody>, principal: Principal): Promise<Return> {
  const { stored, deliveryPerson } = await readReturnAndDeliveryPerson(returnId, body.deliveryPersonId);
  if (stored && !deliveryPerson?.active) throw ValidationError.of('deliveryPersonId', `no active delivery person ${body.deliveryPersonId}`);
  return applyReturnChange(stored, returnId, 'assign', principal, body.note, { deliveryPersonId: body.deliveryPersonId });
}
