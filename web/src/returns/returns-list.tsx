import { useId, useState } from 'preact/hooks';
import type { Return, ReturnStatus } from '../../../functions/domain/returns/return-types.ts';
import type { Api } from '../api.ts';
import { PagedListView } from '../components/paged-list-view.tsx';
import { StatusSelect } from '../components/status-select.tsx';
import { usePagedList, type PagedList } from '../use-paged-list.ts';
import { ReturnCard } from './return-card.tsx';
import type { ComponentChildren } from 'preact';

/**
 * Every return status, checked complete against the domain's type by the compiler. (The domain's
 * RETURN_STATUSES lives beside its zod schemas: importing that value would ship zod to the browser.)
 */
const EVERY_RETURN_STATUS: Record<ReturnStatus, true> = { requested: true, approved: true, declined: true, picked_up: true, returned: true };
const RETURN_STATUSES = Object.keys(EVERY_RETURN_STATUS) as ReturnStatus[];

/** The returns a role may see (GET /returns), filtered by status; `actions` adds what the role may do. */
export function ReturnsList({ api, label, empty, actions, note }: { api: Api; label: string; empty: string; note?: string; actions?: (item: Return, list: PagedList<Return>) => ComponentChildren }) {
  const [status, setStatus] = useState<ReturnStatus | ''>('');
  const list = usePagedList<Return>(api, '/returns', { status });
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{label}</h2>
      {note && <p class="notice">{note}</p>}
      <div class="filters">
        <StatusSelect label="Return status" value={status} statuses={RETURN_STATUSES} anyLabel="Any status" onChange={setStatus} />
      </div>
      <PagedListView list={list} what="returns" empty={empty}>
        {(returns) => (
          <ul class="cards" aria-label={label}>
            {returns.map((item) => (
              <ReturnCard key={item.id} item={item}>
                {actions?.(item, list)}
              </ReturnCard>
            ))}
          </ul>
        )}
      </PagedListView>
    </section>
  );
}
