import type { Principal } from '../../../functions/domain/principal.ts';
import type { Api } from '../api.ts';
import { Tabs } from '../components/tabs.tsx';
import { AllParcelsTab } from './all-parcels-tab.tsx';
import { DeliveryPersonsTab } from './delivery-persons-tab.tsx';
import { ReturnActions } from '../returns/return-actions.tsx';
import { ReturnsList } from '../returns/returns-list.tsx';

export function AdminPanel({ api, principal }: { api: Api; principal: Principal }) {
  return (
    <Tabs
      label="Admin panel"
      tabs={[
        {
          label: 'Return requests',
          render: () => <ReturnsList api={api} label="Return requests" empty="No return requests." actions={(item, list) => <ReturnActions api={api} item={item} by="admin" onChanged={list.reload} />} />,
        },
        { label: 'Parcels', render: () => <AllParcelsTab api={api} principal={principal} /> },
        { label: 'Delivery persons', render: () => <DeliveryPersonsTab api={api} /> },
      ]}
    />
  );
}
