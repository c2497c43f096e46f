import { useState } from 'preact/hooks';
import { DELIVERY_PERSON_TARGETS, type ParcelStatus } from '../../../functions/domain/parcels/parcel-status.ts';
import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import type { Api } from '../api.ts';
import { PagedListView } from '../components/paged-list-view.tsx';
import { ErrorNotice } from '../components/states.tsx';
import { errorWords } from '../error-words.ts';
import { StatusBadge, statusWords } from '../format.tsx';
import { nextStatuses } from '../parcels/parcel-rules.ts';
import { ReturnActions } from '../returns/return-actions.tsx';
import { ReturnsList } from '../returns/returns-list.tsx';
import { usePagedList } from '../use-paged-list.ts';

const ACTION_WORDS: Partial<Record<ParcelStatus, string>> = { out_for_delivery: 'Mark out for delivery', delivered: 'Mark delivered' };

/** Delivery person: the parcels assigned to me, moved forward to out for delivery / delivered. */
export function DeliveryView({ api }: { api: Api }) {
  const list = usePagedList<Parcel>(api, '/parcels', {});
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const move = async (parcel: Parcel, status: ParcelStatus) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await api.post<Parcel>(`/parcels/${encodeURIComponent(parcel.id)}/status`, { status });
      setNotice(`Parcel ${parcel.id}: ${statusWords(status).toLowerCase()}.`);
    } catch (failure) {
      setError(errorWords(failure, { conflict: 'The parcel changed meanwhile; the list is refreshed.' }));
    } finally {
      setBusy(false);
      list.reload();
    }
  };
  return (
    <>
      <h2>Parcels assigned to me</h2>
      {notice && <p role="status">{notice}</p>}
      {error && <ErrorNotice message={error} />}
      <PagedListView list={list} what="your parcels" empty="No parcels assigned to you.">
        {(parcels) => (
        <ul class="cards" aria-label="Parcels assigned to me">
          {parcels.map((parcel) => {
            const moves = nextStatuses(parcel.status, 'delivery').filter((status) => DELIVERY_PERSON_TARGETS.includes(status));
            return (
              <li key={parcel.id} class="card" aria-labelledby={`parcel-${parcel.id}`}>
                <h3 id={`parcel-${parcel.id}`}>Parcel {parcel.id}</h3>
                <p>
                  <StatusBadge status={parcel.status} /> · Order {parcel.orderId} · {parcel.items.map((item) => `${item.productName} × ${item.quantity}`).join(', ')}
                </p>
                <div class="actions">
                  {moves.map((status) => (
                    <button key={status} type="button" class="primary" disabled={busy} onClick={() => move(parcel, status)}>
                      {ACTION_WORDS[status]}
                    </button>
                  ))}
                </div>
              </li>
            );
          })}
        </ul>
        )}
      </PagedListView>
      <ReturnsList api={api} label="Returns to collect" empty="No returns to collect." actions={(item, returns) => <ReturnActions api={api} item={item} by="delivery" onChanged={returns.reload} />} />
    </>
  );
}
