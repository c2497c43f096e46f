import { useState } from 'preact/hooks';
import type { OrderItem } from '../../../functions/domain/orders/order-types.ts';
import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import type { Api } from '../api.ts';
import { PagedListView } from '../components/paged-list-view.tsx';
import { StatusBadge, statusWords } from '../format.tsx';
import { Timeline } from '../parcels/parcel-view-dialog.tsx';
import { canRequestReturn, RequestReturnDialog } from '../returns/request-return-dialog.tsx';
import { ReturnsList } from '../returns/returns-list.tsx';
import { usePagedList } from '../use-paged-list.ts';

/** Customer: my parcels with their tracking timeline, Request return on what may go back, my returns. */
export function CustomerView({ api }: { api: Api }) {
  const list = usePagedList<Parcel>(api, '/parcels', {});
  const [returning, setReturning] = useState<OrderItem>();
  const [requested, setRequested] = useState<string>();
  // A new key remounts the returns list, so a new request shows at once.
  const [returnsVersion, setReturnsVersion] = useState(0);
  return (
    <>
      <h2>My parcels</h2>
      {requested && <p role="status">{requested}</p>}
      <PagedListView list={list} what="your parcels" empty="No parcels yet. Sellers pack your orders into parcels; they show here with their tracking.">
        {(parcels) => (
          <ul class="cards" aria-label="My parcels">
            {parcels.map((parcel) => (
              <li key={parcel.id} class="card" aria-labelledby={`parcel-${parcel.id}`}>
                <h3 id={`parcel-${parcel.id}`}>Parcel {parcel.id}</h3>
                <p>
                  <StatusBadge status={parcel.status} /> · Order {parcel.orderId}
                  {parcel.courier?.awb && ` · AWB ${parcel.courier.awb} (${parcel.courier.courierName ?? 'courier'})`}
                </p>
                <ul aria-label="Items" class="items">
                  {parcel.items.map((item) => (
                    <li key={item.id}>
                      {item.productName} × {item.quantity}
                      {item.returnStatus && ` · return ${statusWords(item.returnStatus).toLowerCase()}`}{' '}
                      {canRequestReturn(item) && (
                        <button type="button" aria-label={`Request return of ${item.productName}`} onClick={() => setReturning(item)}>
                          Request return
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                <Timeline parcel={parcel} />
              </li>
            ))}
          </ul>
        )}
      </PagedListView>
      <ReturnsList key={returnsVersion} api={api} label="My returns" empty="No return requests." />
      {returning && (
        <RequestReturnDialog
          api={api}
          item={returning}
          onClose={() => setReturning(undefined)}
          onRequested={(request) => {
            setReturning(undefined);
            setRequested(`Return of ${returning.productName} requested (${request.id}). We will tell you when it is approved.`);
            setReturnsVersion((version) => version + 1);
            list.reload();
          }}
        />
      )}
    </>
  );
}
