import * as z from 'zod/mini';
import type { Page } from '#storage/page-query.ts';

/** Every collection GET answers one page of this shape (API.md, "Lists"): newest first, `nextCursor` null on the last page. */
export const listPageSchema = <Item extends z.ZodMiniType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
  });

/** A page of `Item`s: the storage layer's `Page<T>` must stay this type (checked where it is defined). */
export type ListPage<Item> = z.infer<ReturnType<typeof listPageSchema<z.ZodMiniType<Item>>>>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<Condition extends true> = Condition;
/** Fails to compile if the storage layer's page drifts from the documented list envelope. */
export type PageIsListPage = Assert<Same<Page<{ id: string }>, ListPage<{ id: string }>>>;
