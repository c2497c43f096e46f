import { useId, useState } from 'preact/hooks';
import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import type { Principal } from '../../../functions/domain/principal.ts';
import type { Api } from '../api.ts';
import { PagedListView } from '../components/paged-list-view.tsx';
import { ErrorNotice } from '../components/states.tsx';
import { errorWords } from '../error-words.ts';
import { formatTime, StatusBadge } from '../format.tsx';
import type { PagedList } from '../use-paged-list.ts';
import { InvoiceButton } from './invoice-links.tsx';
import { deleteBlockedReason } from './parcel-rules.ts';
import { ParcelViewDialog } from './parcel-view-dialog.tsx';
import { UpdateStatusDialog } from './update-status-dialog.tsx';

type Open = { kind: 'view' | 'status'; parcel: Parcel } | undefined;

/** Parcels with their four buttons: View, Invoice, Update Status, Delete (seller's and admin's panels). */
export function ParcelList({ api, principal, list, label }: { api: Api; principal: Principal; list: PagedList<Parcel>; label: string }) {
  const [open, setOpen] = useState<Open>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const remove = async (parcel: Parcel) => {
    if (!window.confirm(`Delete parcel ${parcel.id}? Its items go back to the Order Items list.`)) return;
    setError(undefined);
    try {
      await api.delete(`/parcels/${encodeURIComponent(parcel.id)}`);
      setNotice(`Parcel ${parcel.id} deleted; its items can be packed again.`);
    } catch (failure) {
      setError(errorWords(failure, { conflict: 'The parcel has moved on meanwhile and can no longer be deleted.' }));
    }
    list.reload();
  };
  return (
    <section>
      {notice && <p role="status">{notice}</p>}
      {error && <ErrorNotice message={error} />}
      <PagedListView list={list} what="parcels" empty={`No parcels here${list.hasPrevious ? ' on this page' : ' yet'}.`}>
        {(parcels) => (
        <ul class="cards" aria-label={label} aria-busy={list.loading}>
          {parcels.map((parcel) => (
            <ParcelCard key={parcel.id} api={api} principal={principal} parcel={parcel} onOpen={(kind) => setOpen({ kind, parcel })} onDelete={() => remove(parcel)} />
          ))}
        </ul>
        )}
      </PagedListView>
      {open?.kind === 'view' && <ParcelViewDialog parcel={open.parcel} onClose={() => setOpen(undefined)} />}
      {open?.kind === 'status' && (
        <UpdateStatusDialog
          api={api}
          principal={principal}
          parcel={open.parcel}
          onChanged={(parcel) => setOpen({ kind: 'status', parcel })}
          onClose={() => {
            setOpen(undefined);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

function ParcelCard({ api, principal, parcel, onOpen, onDelete }: { api: Api; principal: Principal; parcel: Parcel; onOpen: (kind: 'view' | 'status') => void; onDelete: () => void }) {
  const reasonId = useId();
  const blocked = deleteBlockedReason(parcel);
  const headingId = useId();
  return (
    <li class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>Parcel {parcel.id}</h3>
      <p>
        <StatusBadge status={parcel.status} /> · Order {parcel.orderId} · {parcel.items.length} item{parcel.items.length === 1 ? '' : 's'}: {parcel.items.map((item) => item.productName).join(', ')}
      </p>
      <p class="meta">
        {parcel.shippingMethod === 'shiprocket' ? `Shiprocket${parcel.courier?.awb ? ` AWB ${parcel.courier.awb}` : ''}` : parcel.shippingMethod === 'local' ? `Local, delivery person ${parcel.deliveryPersonId ?? '—'}` : 'Not shipped yet'}
        {principal.role === 'admin' && ` · Seller ${parcel.sellerId}`} · Created {formatTime(parcel.createdAt)}
      </p>
      <div class="actions">
        <button type="button" onClick={() => onOpen('view')}>
          View
        </button>
        <InvoiceButton api={api} parcelId={parcel.id} />
        <button type="button" onClick={() => onOpen('status')}>
          Update Status
        </button>
        <button type="button" class="danger" disabled={blocked !== undefined} aria-describedby={blocked ? reasonId : undefined} onClick={onDelete}>
          Delete
        </button>
        {blocked && (
          <span id={reasonId} class="reason">
            {blocked}
          </span>
        )}
      </div>
    </li>
  );
}
