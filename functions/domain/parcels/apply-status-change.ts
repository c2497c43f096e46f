import { writeParcelChange, type StoredParcel } from '#storage/parcels-table.ts';
import { ConflictError } from '../errors.ts';
import { canMove, type EventSource, type ParcelStatus } from './parcel-status.ts';
import type { Parcel, ParcelEvent } from './parcel-types.ts';

export interface StatusChange {
  to: ParcelStatus;
  source: EventSource;
  actor: string | null;
  note?: string | null;
  noteVisibleToCustomer?: boolean;
  /** When it happened; now unless the courier says otherwise. */
  at?: string;
  /** Fields of the parcel that change with its status. */
  set?: Partial<Pick<Parcel, 'shippingMethod' | 'deliveryPersonId' | 'courier'>>;
}

export function assertCanMove(parcel: Parcel, to: ParcelStatus, source: EventSource): void {
  if (!canMove(parcel.status, to, source)) throw new ConflictError(`Parcel ${parcel.id} cannot move from ${parcel.status} to ${to}.`);
}

export const changedMeanwhile = (parcelId: string) => new ConflictError(`Parcel ${parcelId} changed while this update was made; reload it and try again.`);

/**
 * The one way a parcel's status changes, whoever asks (seller, admin, delivery person, courier
 * webhook, sync, refresh): the state machine decides, then one transaction conditional on the
 * version read writes the parcel, its new event and its items (which follow it; `deliveredAt` once
 * delivered). Answers the parcel as written.
 */
export async function applyStatusChange(stored: StoredParcel, change: StatusChange): Promise<Parcel> {
  const current = stored.parcel;
  assertCanMove(current, change.to, change.source);
  const at = change.at ?? new Date().toISOString();
  const deliveredAt = change.to === 'delivered' ? at : (current.items[0]?.deliveredAt ?? null);
  const event: ParcelEvent = {
    at,
    status: change.to,
    source: change.source,
    actor: change.actor,
    note: change.note ?? null,
    noteVisibleToCustomer: change.noteVisibleToCustomer ?? false,
  };
  const next: Parcel = {
    ...current,
    ...change.set,
    status: change.to,
    items: current.items.map((item) => ({ ...item, status: item.status === 'returned' ? item.status : change.to, deliveredAt })),
    updatedAt: at,
    events: [...current.events, event],
  };
  const written = await writeParcelChange(stored, { parcel: next, event, items: { status: change.to, deliveredAt } });
  if (written === 'stale') throw changedMeanwhile(current.id);
  return next;
}
