import type { ComponentChildren } from 'preact';
import type { PagedList } from '../use-paged-list.ts';
import { Pager } from './pager.tsx';
import { Empty, ErrorNotice, Loading } from './states.tsx';

/** A list route's page with its loading, empty and error states and the pager. */
export function PagedListView<T>({ list, what, empty, children }: { list: PagedList<T>; what: string; empty: ComponentChildren; children: (items: T[]) => ComponentChildren }) {
  return (
    <>
      {list.error ? (
        <ErrorNotice message={list.error} onRetry={list.reload} />
      ) : !list.items ? (
        <Loading what={what} />
      ) : list.items.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        children(list.items)
      )}
      <Pager page={list.page} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
    </>
  );
}
