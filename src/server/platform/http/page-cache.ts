// Rendered pages kept per key (an address, and for someone signed in what
// they may read: see kept-pages.ts), for one generation: the benchmark index's
// generation and what the public may read of early-sight data (whose
// embargoes have ended), together. A page made under an earlier generation
// is never served again, so a page changes as soon as an import that
// touches it has loaded, and as soon as an embargo is set, moved or ends. A
// page is also kept for a minute at most, and the pages kept together stay
// within a byte budget, the least recently used going first.

export interface MadePage {
  /** What the page holds, counted against the budget. */
  readonly bytes: number;
}

export type CachedPage<P extends MadePage> = P & { readonly madeAt: number };

export class PageCache<P extends MadePage> {
  private readonly pages = new Map<string, CachedPage<P>>();
  private generation = '';
  private bytes = 0;

  constructor(
    private readonly budgetBytes = 256 * 1024 * 1024,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** The page kept for a key at this generation of the index. */
  get(key: string, generation: string): CachedPage<P> | undefined {
    if (generation !== this.generation) {
      this.pages.clear();
      this.bytes = 0;
      this.generation = generation;
      return undefined;
    }
    const page = this.pages.get(key);
    if (page && Date.now() - page.madeAt > this.maxAgeMs) {
      this.drop(key, page);
      return undefined;
    }
    if (page) {
      // Most recently used last, so the oldest is the first to go.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  put(key: string, generation: string, made: P): CachedPage<P> {
    const page = { ...made, madeAt: Date.now() };
    if (generation !== this.generation || page.bytes > this.budgetBytes) return page;
    const before = this.pages.get(key);
    if (before) this.drop(key, before);
    this.pages.set(key, page);
    this.bytes += page.bytes;
    for (const [oldest, kept] of this.pages) {
      if (this.bytes <= this.budgetBytes) break;
      this.drop(oldest, kept);
    }
    return page;
  }

  private drop(key: string, page: CachedPage<P>): void {
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }
}
