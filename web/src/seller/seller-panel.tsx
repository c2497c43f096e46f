import type { Principal } from '../../../functions/domain/principal.ts';
import type { Api } from '../api.ts';
import { Tabs } from '../components/tabs.tsx';
import { OrderItemsTab } from './order-items-tab.tsx';
import { ShipmentsTab } from './shipments-tab.tsx';
import { ReturnsList } from '../returns/returns-list.tsx';

export function SellerPanel({ api, principal }: { api: Api; principal: Principal }) {
  return (
    <Tabs
      label="Seller panel"
      tabs={[
        { label: 'Order Items', render: () => <OrderItemsTab api={api} /> },
        { label: 'Shipments', render: () => <ShipmentsTab api={api} principal={principal} /> },
        { label: 'Returns', render: () => <ReturnsList api={api} label="Returns of my items" note="Read-only: the marketplace decides returns and collects the items." empty="No returns of your items." /> },
      ]}
    />
  );
}
