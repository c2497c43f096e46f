import { useState } from 'preact/hooks';
import { PARCEL_STATUSES, type ParcelStatus } from '../../../functions/domain/parcels/parcel-status.ts';
import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import type { Principal } from '../../../functions/domain/principal.ts';
import type { Api } from '../api.ts';
import { StatusSelect } from '../components/status-select.tsx';
import { ParcelList } from '../parcels/parcel-list.tsx';
import { usePagedList } from '../use-paged-list.ts';

/** All parcels, filtered by status, seller and order. */
export function AllParcelsTab({ api, principal }: { api: Api; principal: Principal }) {
  const [status, setStatus] = useState<ParcelStatus | ''>('');
  const [sellerId, setSellerId] = useState('');
  const [orderId, setOrderId] = useState('');
  const list = usePagedList<Parcel>(api, '/parcels', { status, sellerId: sellerId.trim(), orderId: orderId.trim() });
  return (
    <>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <StatusSelect label="Status" value={status} statuses={PARCEL_STATUSES} anyLabel="Any status" onChange={setStatus} />
        <label>
          Seller id
          <input value={sellerId} onChange={(event) => setSellerId(event.currentTarget.value)} />
        </label>
        <label>
          Order id
          <input value={orderId} onChange={(event) => setOrderId(event.currentTarget.value)} />
        </label>
      </form>
      <h2>All parcels</h2>
      <ParcelList api={api} principal={principal} list={list} label="All parcels" />
    </>
  );
}
