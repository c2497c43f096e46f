import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import type { Api } from '../api.ts';
import { PagedListView } from '../components/paged-list-view.tsx';
import { StatusBadge } from '../format.tsx';
import { Timeline } from '../parcels/parcel-view-dialog.tsx';
import { usePagedList } from '../use-paged-list.ts';

/** Customer: my parcels with their tracking timeline. */
export function CustomerView({ api }: { api: Api }) {
  const list = usePagedList<Parcel>(api, '/parcels', {});
  return (
    <>
      <h2>My parcels</h2>
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
              <ul aria-label="Items">
                {parcel.items.map((item) => (
                  <li key={item.id}>
                    {item.productName} × {item.quantity}
                  </li>
                ))}
              </ul>
              <Timeline parcel={parcel} />
            </li>
          ))}
        </ul>
        )}
      </PagedListView>
    </>
  );
}
