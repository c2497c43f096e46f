/** Every `GET` of a collection answers one page (API.md, "Lists"). */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}
