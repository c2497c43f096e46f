import type { Principal } from '../../../functions/domain/principal.ts';
import type { Api } from '../api.ts';
import { Tabs } from '../components/tabs.tsx';
import { AllParcelsTab } from './all-parcels-tab.tsx';
import { DeliveryPersonsTab } from './delivery-persons-tab.tsx';

export function AdminPanel({ api, principal }: { api: Api; principal: Principal }) {
  return (
    <Tabs
      label="Admin panel"
      tabs={[
        { label: 'Parcels', render: () => <AllParcelsTab api={api} principal={principal} /> },
        { label: 'Delivery persons', render: () => <DeliveryPersonsTab api={api} /> },
      ]}
    />
  );
}
