import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { errorWords } from './error-words.ts';

export interface PagedList<T> {
  items: T[] | undefined;
  error: string | undefined;
  loading: boolean;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  next(): void;
  previous(): void;
  /** Loads the current page again (after a change). */
  reload(): void;
}

/** One page of a list route at a time, following `nextCursor`; a change of `query` starts at page 1. */
export function usePagedList<T>(api: Api, path: string, query: Record<string, string | undefined>): PagedList<T> {
  const queryKey = JSON.stringify(query);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [items, setItems] = useState<T[]>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  useEffect(() => setCursors([undefined]), [queryKey, path]);
  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    api
      .list<T>(path, { ...query, cursor })
      .then((page) => {
        if (!current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch((failure: unknown) => current && setError(errorWords(failure)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, path, queryKey, cursor, generation]);
  return {
    items,
    error,
    loading,
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null,
    next: () => nextCursor && setCursors([...cursors, nextCursor]),
    previous: () => setCursors(cursors.slice(0, -1)),
    reload: useCallback(() => setGeneration((value) => value + 1), []),
  };
}
