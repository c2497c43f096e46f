import type { Principal } from '../../../functions/domain/principal.ts';
import type { Parcel } from '../../../functions/domain/parcels/parcel-types.ts';
import type { Api } from '../api.ts';
import { Dialog } from '../components/dialog.tsx';
import { Tabs } from '../components/tabs.tsx';
import { StatusBadge } from '../format.tsx';
import { LocalShippingForm } from './local-shipping-form.tsx';
import { ShiprocketOrders } from './shiprocket-orders.tsx';

/** Update Status: Local Shipping (delivery person + next status) or Shiprocket Orders (courier). */
export function UpdateStatusDialog({ api, principal, parcel, onChanged, onClose }: { api: Api; principal: Principal; parcel: Parcel; onChanged: (parcel: Parcel) => void; onClose: () => void }) {
  return (
    <Dialog title={`Update Status — parcel ${parcel.id}`} onClose={onClose}>
      <p>
        Now: <StatusBadge status={parcel.status} />
      </p>
      <Tabs
        label="Shipping method"
        tabs={[
          { label: 'Local Shipping', render: () => <LocalShippingForm api={api} principal={principal} parcel={parcel} onChanged={onChanged} /> },
          { label: 'Shiprocket Orders', render: () => <ShiprocketOrders api={api} principal={principal} parcel={parcel} onChanged={onChanged} /> },
        ]}
      />
    </Dialog>
  );
}
