import { monotonicFactory } from 'ulid';

/** Server-made ids: ULIDs, sortable by creation time (monotonic within one process). */
export const newId: () => string = monotonicFactory();
