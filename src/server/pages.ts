// The web pages: server-rendered HTML in the GOV.UK style that works without
// script, made from the benchmark index. Handlers read the request, ask the
// engine, build the page's view (src/web/views) and render its template.
// Pages are kept in a cache until the index changes: one copy for the
// public, and for people signed in one copy per scope of what they may read
// (role, organisation, council, and how much of each early-sight metric),
// with their own name and CSRF token put in as it is sent
// (src/web/personal-slots.ts), compressed once per reader for browsers that
// ask. A repeat visit from the public with the page's ETag gets a 304.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import express, { type Request, type Response } from 'express';
import type { AuditAction, AuditEntry } from '../store/audit.ts';
import { recordAudit } from '../store/audit.ts';
import type { RecordKind } from '../domain/access/index.ts';
import { ENGLAND_CODE, isGssCode } from '../domain/area/index.ts';
import { areaProfile } from '../domain/benchmark/area-profile.ts';
import type { BenchmarkIndex, IndexArea } from '../domain/benchmark/benchmark-index.ts';
import { isCouncil } from '../domain/benchmark/comparator-group.ts';
import { themeOf } from '../domain/metric/index.ts';
import { render } from '../web/render.ts';
import { cutAtSlots, fillSlots, PERSONAL, type PersonalValues, type SlottedPage } from '../web/personal-slots.ts';
import { accessOf, earlySightReach, middleware, readableInFull, reads, RequestAccess, viewerOf } from './access.ts';
import { accessPageErrors } from './auth/page.ts';
import type { PageUser } from './auth/identify.ts';
import { areaPage } from '../web/views/area-page.ts';
import { chosenMetrics, comparePage } from '../web/views/compare-page.ts';
import { councilList, metricLibrary } from '../web/views/library.ts';
import type { AreaMaps } from '../web/views/comparison-map.ts';
import { metricPage, type MetricPage, type MetricRequest } from '../web/views/metric-page.ts';
import { findAreas, fold, search } from '../web/views/search.ts';
import type { Sql } from '../store/store.ts';
import type { Assets } from './assets.ts';
import type { BenchmarkEngine } from '../engine/benchmark-engine.ts';
import { groupSpec, neighboursOf } from './benchmark-requests.ts';
import { badRequest, notFound } from './http-error.ts';
import { publicReachOfEarlySight } from '../store/early-sight.ts';
import { PageCache } from './page-cache.ts';
import { onlyKnown, optionalMetricCode, optionalText } from './query-params.ts';
import { svgToPng } from './svg-png.ts';

export interface PagesDeps {
  readonly sql: Sql;
  readonly engine: BenchmarkEngine;
  readonly assets: Assets;
  /** The boundaries for maps, or null where they could not be read. */
  readonly maps: Promise<AreaMaps | null>;
  readonly log: (line: string) => void;
}

type Page = (req: Request, res: Response) => Promise<{ body: string | Buffer; type?: string } | { redirect: string }>;

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

export function pagesRouter(deps: PagesDeps): express.Router {
  const router = express.Router();
  const cache = new PageCache<KeptPage>();
  const compressed = new PageCache<{ readonly body: Buffer; readonly bytes: number }>(64 * 1024 * 1024);
  const compressing = new Map<string, Promise<Buffer>>();
  const making = new Map<string, Promise<Made>>();
  const { engine } = deps;

  /** A page handler behind the cache; `html` renders a template with stand-ins for the viewer's own name and token. */
  const page = (handler: Page) => async (req: Request, res: Response) => {
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

  async function make(req: Request, res: Response, handler: Page, place: Place): Promise<Made> {
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

  const html = (res: Response, template: string, context: Record<string, unknown>) =>
    ({ body: render(template, { user: standInUser(res), csrfToken: PERSONAL.csrfToken, assetVersion: deps.assets.version, ...context }) });

  router.get('/', reads('service'), page(async (_req, res) => {
    const index = engine.index;
    const councils = index.areas.filter((a) => isCouncil(a.type) && a.code.startsWith('E') && a.endDate === null).length;
    const metrics = index.metricsByTitle();
    return html(res, 'pages/home.njk', {
      holdings: { councils, metrics: metrics.length, themes: new Set(metrics.map((s) => themeOf(s.metric))).size, observations: index.size().observations },
    });
  }));

  router.get('/search', reads('metric'), page(async (req, res) => {
    onlyKnown(req.query, ['q']);
    const query = optionalText(req.query, 'q') ?? '';
    const index = engine.index;
    const exact = findAreas(index, query).filter((a) => a.code === query.toUpperCase() || (fold(a.name) === fold(query) && a.endDate === null));
    if (exact.length === 1) return { redirect: `/areas/${exact[0]!.code}` };
    return html(res, 'pages/search.njk', { query, found: search(index, query) });
  }));

  router.get('/areas', reads('area'), page(async (req, res) => {
    onlyKnown(req.query, ['q']);
    return html(res, 'pages/areas.njk', { list: councilList(engine.index, optionalText(req.query, 'q') ?? '') });
  }));

  router.get('/areas/:code', reads('observation'), page(async (req, res) => {
    onlyKnown(req.query, ['group', 'period']);
    const index = engine.index;
    const area = areaOf(index, String(req.params.code));
    const groupKind = optionalText(req.query, 'group') ?? (isCouncil(area.type) ? 'neighbours' : 'england');
    const spec = await groupSpec(res, deps.sql, index, area, { group: groupKind }, 'neighbours');
    const metrics = await readableCodes(res, index);
    const profile = areaProfile(index, area, { period: optionalText(req.query, 'period'), group: spec, level: 0.95, metrics });
    return html(res, 'pages/area.njk', { page: areaPage(index, profile, spec, groupKind) });
  }));

  router.get('/areas/:code/compare', reads('observation'), page(async (req, res) => {
    onlyKnown(req.query, ['metrics']);
    const index = engine.index;
    const area = areaOf(index, String(req.params.code));
    const asked = [req.query.metrics ?? []].flat().filter((m): m is string => typeof m === 'string');
    if (asked.length > 50) throw badRequest("choose at most 50 'metrics'");
    const found = await neighboursOf(res, deps.sql, index, area, {});
    const readable = new Set(await readableCodes(res, index));
    const page = comparePage(index, area, found, chosenMetrics(index, asked).filter((code) => readable.has(code)));
    return html(res, 'pages/compare.njk', { page: { ...page, choices: page.choices.filter((c) => readable.has(c.value)) } });
  }));

  router.get('/metrics', reads('metric'), page(async (req, res) => {
    onlyKnown(req.query, ['q', 'theme']);
    return html(res, 'pages/metrics.njk', { library: metricLibrary(engine.index, optionalText(req.query, 'q') ?? '', optionalText(req.query, 'theme')) });
  }));

  router.get('/metrics/:code', reads('observation'), page(async (req, res) => {
    const asked = await metricRequest(req, res);
    if ('redirect' in asked) return asked;
    return html(res, 'pages/metric.njk', { page: metricPage(engine.index, asked, await deps.maps) });
  }));

  const parts = { chart: (p: MetricPage) => p.barChart, map: (p: MetricPage) => p.map, trend: (p: MetricPage) => p.trend.chart } as const;
  for (const [name, part] of Object.entries(parts)) {
    router.get(`/metrics/:code/${name}.:format`, reads('observation'), page(async (req, res) => {
      const format = req.params.format;
      if (format !== 'svg' && format !== 'png') throw notFound(`there is no ${name}.${format}: ask for .svg or .png`);
      const asked = await metricRequest(req, res);
      if ('redirect' in asked) return { redirect: asked.redirect.replace(/(\/metrics\/[^/?]+)/, `$1/${name}.${format}`) };
      const svg = part(metricPage(engine.index, asked, await deps.maps));
      if (!svg) throw notFound('no map can be drawn: the boundary files are not available');
      return format === 'svg' ? { body: svg, type: 'image/svg+xml' } : { body: svgToPng(svg), type: 'image/png' };
    }));
  }

  router.get('/about-the-data', reads('service'), page(async (_req, res) => html(res, 'pages/about.njk', {})));

  router.use(middleware('answers 404 for unknown pages', () => {
    throw notFound('There is nothing at this address. If you typed it, check it is correct.');
  }));
  router.use(accessPageErrors(deps.log));
  return router;

  /**
   * Sends a kept page with the reader's own values in it, compressed for
   * those who ask (a browser: an area page is 600 KB, 45 KB compressed). The
   * same bytes for everyone may be kept by browsers and proxies; a page with
   * anyone's own name or token may not.
   */
  async function send(req: Request, res: Response, found: KeptPage): Promise<void> {
    const shared = !res.locals.user && found.slots.length === 0;
    const gzip = COMPRESSIBLE.test(found.type) && req.acceptsEncodings('gzip', 'identity') === 'gzip';
    const etag = gzip ? found.etag.replace(/"$/, '-gzip"') : found.etag;
    res.vary('Accept-Encoding').set('Cache-Control', shared ? 'public, max-age=0, must-revalidate' : 'private, no-store');
    if (shared) {
      res.set('ETag', etag);
      if (req.headers['if-none-match'] === etag) return void res.status(304).end();
    }
    const values = personalValues(res);
    const parts = gzip ? [await compressedFor(found, values)] : fillSlots(found, values);
    if (gzip) res.set('Content-Encoding', 'gzip');
    res.status(200).type(found.type).set('Content-Length', String(parts.reduce((sum, part) => sum + part.length, 0)));
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
    const [ended, reach] = await Promise.all([
      publicReachOfEarlySight(deps.sql),
      viewer.kind === 'user' ? earlySightReach(res, deps.sql, engine.index.metricsByTitle().map((s) => s.metric)) : '',
    ]);
    const generation = `${engine.generation}/${ended}`;
    if (viewer.kind === 'public') return { key: address, generation };
    return { key: JSON.stringify([viewer.role, viewer.organisationId, viewer.councilArea, viewer.actions, reach, address]), generation };
  }

  /** A page served from the cache audits the reads its making audited, as this viewer's. */
  async function auditAgain(res: Response, reads: readonly AuditedRead[]): Promise<void> {
    if (reads.length === 0) return;
    const access = accessOf(res);
    await recordAudit(deps.sql, reads.map((read) => access.entry('read', read.kind, read.id, read.summary)));
  }

  /** The metrics whose figures the viewer may read in full: all but early-sight data not yet open to them. */
  async function readableCodes(res: Response, index: BenchmarkIndex): Promise<string[]> {
    return (await readableInFull(res, deps.sql, index.metricsByTitle().map((s) => s.metric))).map((m) => m.code);
  }

  async function metricRequest(req: Request, res: Response): Promise<MetricRequest | { redirect: string }> {
    onlyKnown(req.query, ['area', 'group', 'period', 'with', 'rows']);
    const rows = optionalText(req.query, 'rows');
    if (rows !== undefined && rows !== 'all') throw badRequest(`'rows' may only be 'all', not '${rows}'`);
    const index = engine.index;
    const code = optionalMetricCode({ code: req.params.code }, 'code')!;
    const series = index.metric(code);
    // A metric whose figures the viewer may not read in full (early sight) is not shown at all.
    if (!series || (await readableInFull(res, deps.sql, [series.metric])).length === 0) throw notFound(`Lantern holds no metric with the code ‘${code}’ that you may see.`);
    const period = optionalText(req.query, 'period');
    const slice = period === undefined ? series.latest() : series.slice(period);
    if (!slice) throw notFound(`${series.metric.title} has no figures for ${period ?? 'any period'}.`);
    const areaText = optionalText(req.query, 'area');
    let area: IndexArea | undefined;
    if (areaText !== undefined) {
      area = index.area(areaText.toUpperCase());
      if (!area) {
        const named = findAreas(index, areaText)[0];
        if (!named) throw notFound(`No council matches ‘${areaText}’.`);
        const query = new URLSearchParams(req.query as Record<string, string>);
        query.set('area', named.code);
        return { redirect: `/metrics/${code}?${query}` };
      }
    }
    const chosen = area !== undefined;
    area ??= index.area(ENGLAND_CODE)!;
    const groupKind = optionalText(req.query, 'group') ?? 'england';
    const spec = await groupSpec(res, deps.sql, index, area, { group: groupKind }, 'england');
    const also = (optionalText(req.query, 'with') ?? '').split(',').map((c) => c.trim().toUpperCase()).filter((c) => c !== '').slice(0, 5)
      .map((c) => index.area(c)).filter((a): a is IndexArea => a !== undefined);
    return { series, slice, area, chosen, spec, groupKind, also, allRows: rows === 'all' };
  }
}

function areaOf(index: BenchmarkIndex, code: string): IndexArea {
  const area = isGssCode(code.toUpperCase()) ? index.area(code.toUpperCase()) : undefined;
  if (!area) throw notFound(`Lantern holds no council or place with the code ‘${code}’.`);
  return area;
}

/** Runs `make` with the request's access noting each read it audits. */
async function recording<T>(res: Response, make: () => Promise<T>): Promise<{ page: T; reads: AuditedRead[] }> {
  const access = accessOf(res);
  const noting = new NotingAccess(access.viewer, () => access.actor, access.store, access.now);
  res.locals.access = noting;
  try {
    return { page: await make(), reads: noting.reads };
  } finally {
    res.locals.access = access;
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
  const user = res.locals.user as PageUser | null;
  if (!user) return null;
  return { name: PERSONAL.name, email: PERSONAL.email, organisationName: PERSONAL.organisationName, role: user.role, roleLabel: user.roleLabel, councilArea: user.councilArea };
}

function personalValues(res: Response): PersonalValues {
  const user = res.locals.user as PageUser | null;
  return { name: user?.name ?? '', email: user?.email ?? '', organisationName: user?.organisationName ?? '', csrfToken: (res.locals.csrfToken as string | undefined) ?? '' };
}

function etagOf(page: SlottedPage): string {
  const hash = crypto.createHash('sha1');
  for (const piece of page.pieces) hash.update(piece);
  return `"${hash.digest('base64url')}"`;
}
