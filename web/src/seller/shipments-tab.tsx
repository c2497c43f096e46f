import { useState } from 'preact/hooks';
import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import type { Principal } from '../../../functions/domain/principal.ts';
import type { Api } from '../api.ts';
import { ParcelList } from '../parcels/parcel-list.tsx';
import { usePagedList } from '../use-paged-list.ts';
import { CreateParcelDialog } from './create-parcel-dialog.tsx';

/** Shipments: Create a Parcel and the Created Parcels List. */
export function ShipmentsTab({ api, principal }: { api: Api; principal: Principal }) {
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string>();
  const list = usePagedList<Parcel>(api, '/parcels', {});
  return (
    <>
      <div class="toolbar">
        <button type="button" class="primary" onClick={() => setCreating(true)}>
          Create a Parcel
        </button>
        {created && <p role="status">{created}</p>}
      </div>
      <h2>Created Parcels List</h2>
      <ParcelList api={api} principal={principal} list={list} label="Created Parcels List" />
      {creating && (
        <CreateParcelDialog
          api={api}
          onCreated={(parcel) => {
            setCreating(false);
            setCreated(`Parcel ${parcel.id} created with ${parcel.items.length} item${parcel.items.length === 1 ? '' : 's'}.`);
            list.reload();
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </>
  );
}
