// Rendered pages kept per address for the people who are not signed in (the
// same page for all of them), for one generation: the benchmark index's
// generation and what the public may read of early-sight data (whose
// embargoes have ended), together. A page made under an earlier generation
// is never served again, so a page changes as soon as an import that
// touches it has loaded, and as soon as an embargo is set, moved or ends. A
// page is also kept for a minute at most.
import crypto from 'node:crypto';

export interface CachedPage {
  readonly body: string | Buffer;
  readonly type: string;
  readonly etag: string;
  readonly madeAt: number;
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private generation = '';

  constructor(private readonly limit = 2000, private readonly maxAgeMs = 60_000) {}

  /** The page kept for an address at this generation of the index. */
  get(address: string, generation: string): CachedPage | undefined {
    if (generation !== this.generation) {
      this.pages.clear();
      this.generation = generation;
      return undefined;
    }
    const page = this.pages.get(address);
    if (page && Date.now() - page.madeAt > this.maxAgeMs) {
      this.pages.delete(address);
      return undefined;
    }
    if (page) {
      // Most recently used last, so the oldest is the first to go.
      this.pages.delete(address);
      this.pages.set(address, page);
    }
    return page;
  }

  put(address: string, generation: string, body: string | Buffer, type: string): CachedPage {
    const page = { body, type, etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"`, madeAt: Date.now() };
    if (generation !== this.generation) return page;
    this.pages.set(address, page);
    if (this.pages.size > this.limit) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }
}
