// A long list a page at a time: which rows a page holds, "51 to 100 of
// 5,000", and GOV.UK's pagination (previous, next, the first and last pages
// and those around the current one, with ellipses between) for a list whose
// addresses the caller makes. A page past the last shows none of the rows and
// offers the way back.
export interface ListPage {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly pages: number;
  /** The first and last row shown, counting from 1; 0 and 0 when none. */
  readonly from: number;
  readonly to: number;
  readonly offset: number;
  readonly pagination: {
    readonly items: readonly ({ readonly number: number; readonly href: string; readonly current: boolean } | { readonly ellipsis: true })[];
    readonly previous?: { readonly href: string };
    readonly next?: { readonly href: string };
  } | null;
}

/** Page `page` (from 1) of `total` rows, `pageSize` a page. */
export function listPage(total: number, page: number, pageSize: number, href: (page: number) => string): ListPage {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const offset = (page - 1) * pageSize;
  const shown = Math.max(0, Math.min(pageSize, total - offset));
  const near = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  let last = 0;
  for (const n of [...near].sort((a, b) => a - b)) {
    if (n > last + 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === page });
    last = n;
  }
  return {
    page,
    pageSize,
    total,
    pages,
    from: shown === 0 ? 0 : offset + 1,
    to: shown === 0 ? 0 : offset + shown,
    offset,
    pagination: pages > 1 || page > pages ? { items, previous: page > 1 ? { href: href(Math.min(page - 1, pages)) } : undefined, next: page < pages ? { href: href(page + 1) } : undefined } : null,
  };
}
