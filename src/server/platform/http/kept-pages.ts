// Pages kept once made, and how a kept page is served. The public share one
// copy of each page. People signed in share a copy with everyone of the same
// scope: what decides what they may read (role, organisation, council, the
// credential's actions, and how much of each early-sight metric they may
// read now), so a share granted or revoked, a role changed or an embargo
// ended gives them a different copy at once. Every copy lives in the same
// generation as the public's (page-cache.ts).
//
// What is one person's own (name, email, organisation's name, CSRF token,
// the count of their reminders not yet read, read from the store only for a
// page that shows it) is rendered as stand-ins and filled in as the page is sent
// (src/web/personal-slots.ts); templates of kept pages see nothing else of
// the viewer, not even their id. A handler behind `page` may depend on the
// viewer only through their scope: anything shown to one person alone
// (their drafts, their dashboard) is not a kept page.
//
// Reads of early-sight figures that making a page audited are audited again
// for each viewer the page is served to. A page is made once however many
// ask at the same time, and sent compressed, once per page and reader, to
// browsers that ask.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import type { RecordKind } from '../../../domain/access/index.ts';
import type { IndexMetric } from '../../../domain/benchmark/benchmark-index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { recordAudit, type AuditAction, type AuditEntry } from '../../../store/audit.ts';
import { publicReachOfEarlySight } from '../../../store/early-sight.ts';
import { unreadReminderCount } from '../../../store/reminders.ts';
import type { Sql } from '../../../store/store.ts';
import { cutAtSlots, fillSlots, PERSONAL, type PersonalField, type PersonalValues, type SlottedPage } from '../../../web/personal-slots.ts';
import { earlySightReach } from '../access/observations.ts';
import { accessOf, RequestAccess, viewerOf } from '../access/request-access.ts';
import { localsOf, type PageUser } from './locals.ts';
import { PageCache } from './page-cache.ts';

/** Makes a page: its body and type (HTML unless said), or where to send the reader instead. */
export type PageHandler = (req: Request, res: Response) => Promise<{ body: string | Buffer; type?: string } | { redirect: string }>;

export interface KeptPagesDeps {
  readonly sql: Sql;
  readonly engine: BenchmarkEngine;
  /** What else the pages show that changes apart from the index (agreements' targets): read each request, part of the generation. */
  readonly stamp?: () => Promise<string>;
}

export interface KeptPages {
  /** The route handler for a page made by `handler`, kept and served as above. */
  page(handler: PageHandler): (req: Request, res: Response) => Promise<void>;
  /** What the templates of kept pages see of the viewer: `user` (or null), `csrfToken` and `unreadReminders`, with stand-ins for what is theirs alone. */
  viewerContext(res: Response): { readonly user: Omit<PageUser, 'id'> | null; readonly csrfToken: string; readonly unreadReminders: string };
}

const gzip = promisify(zlib.gzip);
/** What is worth compressing: pages and SVG, not PNG. */
const COMPRESSIBLE = /^(text\/|image\/svg\+xml)/;

/** A read of a restricted record (early-sight figures) that making a page audited. */
interface AuditedRead {
  readonly kind: RecordKind;
  readonly id: string | null;
  readonly summary: string;
}

/** A page as kept: its pieces around the personal slots, and the reads its making audited, audited again for each viewer it is served to. */
interface KeptPage extends SlottedPage {
  readonly type: string;
  readonly etag: string;
  readonly reads: readonly AuditedRead[];
}

/** Where a page is kept: see placeOf. */
interface Place {
  readonly key: string;
  readonly generation: string;
}

/** A page just made, and whether it was kept (not when the viewer's scope changed while it was made). */
type Made = { readonly page: KeptPage; readonly kept: boolean } | { readonly page: { redirect: string }; readonly kept: false };

export function keptPages(deps: KeptPagesDeps): KeptPages {
  const cache = new PageCache<KeptPage>();
  const compressed = new PageCache<{ readonly body: Buffer; readonly bytes: number }>(64 * 1024 * 1024);
  const compressing = new Map<string, Promise<Buffer>>();
  const making = new Map<string, Promise<Made>>();
  const { engine } = deps;
  let early: { readonly generation: string; readonly metrics: readonly IndexMetric[] } = { generation: '', metrics: [] };

  const page = (handler: PageHandler) => async (req: Request, res: Response) => {
    const place = await placeOf(res, req.originalUrl);
    const kept = cache.get(place.key, place.generation);
    if (kept) await auditAgain(res, kept.reads);
    const found = kept ?? (await madeOnce(place, res, () => make(req, res, handler, place)));
    if ('redirect' in found) return void res.redirect(303, found.redirect);
    await send(req, res, found);
  };

  /**
   * The page for a place, made once however many ask for it at the same
   * time (after an import, every reader of a page asks again): the others
   * wait for it and are audited as its maker was. Should the maker fail, or
   * make a page not kept, each makes their own.
   */
  async function madeOnce(place: Place, res: Response, makeIt: () => Promise<Made>): Promise<KeptPage | { redirect: string }> {
    const id = `${place.generation}\n${place.key}`;
    const inFlight = making.get(id);
    const theirs = inFlight && (await inFlight.catch(() => undefined));
    if (theirs && 'redirect' in theirs.page) return theirs.page;
    if (theirs?.kept) {
      await auditAgain(res, theirs.page.reads);
      return theirs.page;
    }
    if (inFlight) return (await makeIt()).page;
    const mine = makeIt().finally(() => making.delete(id));
    making.set(id, mine);
    return (await mine).page;
  }

  async function make(req: Request, res: Response, handler: PageHandler, place: Place): Promise<Made> {
    const made = await recording(res, () => handler(req, res));
    if ('redirect' in made.page) return { page: made.page, kept: false };
    const slotted = cutAtSlots(made.page.body);
    const page: KeptPage = { ...slotted, type: made.page.type ?? 'text/html; charset=utf-8', etag: etagOf(slotted), reads: made.reads };
    // Kept only if what the viewer may read did not change while it was made.
    const after = await placeOf(res, req.originalUrl);
    if (after.key !== place.key || after.generation !== place.generation) return { page, kept: false };
    cache.put(place.key, place.generation, page);
    return { page, kept: true };
  }

  /**
   * Sends a kept page with the reader's own values in it, compressed for
   * those who ask (a browser: an area page is 600 KB, 45 KB compressed). The
   * same bytes for everyone may be kept by browsers and proxies; a page with
   * anyone's own name or token may not.
   */
  async function send(req: Request, res: Response, found: KeptPage): Promise<void> {
    const shared = !localsOf(res).user && found.slots.length === 0;
    const gzip = COMPRESSIBLE.test(found.type) && acceptsGzip(req);
    const etag = gzip ? found.etag.replace(/"$/, '-gzip"') : found.etag;
    res.vary('Accept-Encoding').set('Cache-Control', shared ? 'public, max-age=0, must-revalidate' : 'private, no-store');
    if (shared) {
      res.set('ETag', etag);
      if (req.headers['if-none-match'] === etag) return void res.status(304).end();
    }
    const values = await personalValues(res, found.slots, deps.sql);
    const parts = gzip ? [await compressedFor(found, values)] : fillSlots(found, values);
    if (gzip) res.set('Content-Encoding', 'gzip');
    res
      .status(200)
      .type(found.type)
      .set('Content-Length', String(parts.reduce((sum, part) => sum + part.length, 0)));
    if (req.method === 'HEAD') return void res.end();
    res.cork();
    for (const part of parts) res.write(part);
    res.end();
  }

  /**
   * A kept page filled for one reader and compressed, once per page and
   * reader rather than per request: kept by the page's hash and the values
   * filled in, so the bytes are always those of this page for this reader. Requests that arrive while it is made wait for it.
   */
  function compressedFor(found: KeptPage, values: PersonalValues): Promise<Buffer> {
    const key = JSON.stringify([found.etag, ...found.slots.map((field) => values[field])]);
    const kept = compressed.get(key, '');
    if (kept) return Promise.resolve(kept.body);
    let making = compressing.get(key);
    if (!making) {
      making = gzip(Buffer.concat(fillSlots(found, values)))
        .then((body) => compressed.put(key, '', { body, bytes: body.length }).body)
        .finally(() => compressing.delete(key));
      compressing.set(key, making);
    }
    return making;
  }

  /**
   * Where a page is kept: under its address, and for someone signed in also
   * under their scope, what decides what they may read; in the generation of
   * the index and of the embargoes that have ended.
   */
  async function placeOf(res: Response, address: string): Promise<Place> {
    const viewer = viewerOf(res);
    const ended = await publicReachOfEarlySight(deps.sql);
    const generation = `${engine.generation}/${ended}${deps.stamp ? `/${await deps.stamp()}` : ''}`;
    const reach = viewer.kind === 'user' ? await earlySightReach(res, deps.sql, earlySightMetrics(generation)) : '';
    if (viewer.kind === 'public') return { key: address, generation };
    return { key: JSON.stringify([viewer.role, viewer.organisationId, viewer.councilArea, viewer.actions, reach, address]), generation };
  }

  /** The index's early-sight metrics, found once a generation rather than once a request. */
  function earlySightMetrics(generation: string): readonly IndexMetric[] {
    if (early.generation !== generation) {
      early = {
        generation,
        metrics: engine.index
          .metricsByTitle()
          .map((s) => s.metric)
          .filter((m) => m.status === 'early_sight'),
      };
    }
    return early.metrics;
  }

  /** A page served from the cache audits the reads its making audited, as this viewer's. */
  async function auditAgain(res: Response, reads: readonly AuditedRead[]): Promise<void> {
    if (reads.length === 0) return;
    const access = accessOf(res);
    await recordAudit(
      deps.sql,
      reads.map((read) => access.entry('read', read.kind, read.id, read.summary)),
    );
  }

  return { page, viewerContext: (res) => ({ user: standInUser(res), csrfToken: PERSONAL.csrfToken, unreadReminders: PERSONAL.unreadReminders }) };
}

/** Runs `make` with the request's access noting each read it audits. */
async function recording<T>(res: Response, make: () => Promise<T>): Promise<{ page: T; reads: AuditedRead[] }> {
  const access = accessOf(res);
  const noting = new NotingAccess(access.viewer, () => access.actor, access.store, access.now);
  localsOf(res).access = noting;
  try {
    return { page: await make(), reads: noting.reads };
  } finally {
    localsOf(res).access = access;
  }
}

class NotingAccess extends RequestAccess {
  readonly reads: AuditedRead[] = [];

  override entry(action: AuditAction, kind: RecordKind, id: string | null, summary: string): AuditEntry {
    if (action === 'read') this.reads.push({ kind, id, summary });
    return super.entry(action, kind, id, summary);
  }
}

/**
 * The user as templates see them on a kept page: what their scope decides
 * (role, council) as it is, and what is theirs alone as stand-ins; no id,
 * which no one else's copy may show.
 */
function standInUser(res: Response): Omit<PageUser, 'id'> | null {
  const { user } = localsOf(res);
  if (!user) return null;
  return { name: PERSONAL.name, email: PERSONAL.email, organisationName: PERSONAL.organisationName, role: user.role, roleLabel: user.roleLabel, councilArea: user.councilArea, leads: user.leads };
}

async function personalValues(res: Response, slots: readonly PersonalField[], sql: Sql): Promise<PersonalValues> {
  const { user, csrfToken } = localsOf(res);
  const unread = user && slots.includes('unreadReminders') ? String(await unreadReminderCount(sql, user.id)) : '';
  return { name: user?.name ?? '', email: user?.email ?? '', organisationName: user?.organisationName ?? '', csrfToken: csrfToken ?? '', unreadReminders: unread };
}

/** Answers by Accept-Encoding header: browsers send a handful of them, and negotiating each request costs more than the rest of serving a kept page. */
const gzipAnswers = new Map<string, boolean>();

function acceptsGzip(req: Request): boolean {
  const header = req.headers['accept-encoding'] ?? '';
  let answer = gzipAnswers.get(header);
  if (answer === undefined) {
    answer = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    if (gzipAnswers.size < 100) gzipAnswers.set(header, answer);
  }
  return answer;
}

function etagOf(page: SlottedPage): string {
  const hash = crypto.createHash('sha1');
  for (const piece of page.pieces) hash.update(piece);
  return `"${hash.digest('base64url')}"`;
}
