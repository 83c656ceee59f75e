// How a route asks the access policy (src/domain/access/policy.ts).
//
// EVERY ROUTE DECLARES ITS ACCESS RULE AS ITS FIRST HANDLER. A test
// (test/server/access/route-declarations.test.ts) walks the application's
// router stack, every router mounted in it at any depth, and fails for any
// route whose first handler is not one of these rules, and for any
// `use`d middleware that is neither a router nor declared with `middleware()`.
// A router mounted later is covered by the same walk, with no list to update.
//
// Declaring a route:
//
//   import { reads, changes, shares, middleware, accessOf } from './access.ts';
//
//   router.get('/metrics/:code', reads('observation'), async (req, res) => { ... });
//   router.post('/intelligence', changes('intelligence_item'), express.json(), async (req, res) => { ... });
//   router.post('/intelligence/:id/shares', shares('intelligence_item'), ...);
//   router.get('/about', reads('service'), ...);            // a page that shows no record
//   router.use(middleware('answers 404 for unknown pages', (req) => { throw notFound(...) }));
//   app.use('/assets', middleware('serves static files', express.static(dir)));
//
// The rule asks the policy's grant (`permits`) before the handler runs: the
// public gets 401 for what needs a sign-in, a user 403 naming the access
// missing. Inside the handler, `accessOf(res)` asks about each record:
//
//   const access = accessOf(res);
//   access.require('change', recordOf(item), 'intelligence item 12');   // 404 when unreadable, 403 when readable but refused
//   const visible = await access.reveal(items, recordOf, (i) => String(i.id));  // filters, and audits restricted/confidential reads
//   if (access.may('read', record)) ...
//
// Observations and anything made from them (league tables, profiles, maps,
// charts) go through the early-sight helpers below: `metricAccess(res, sql,
// metrics)` says for each metric whether the viewer may read all of it
// (comparisons need all of it), only its own council's rows, or none; pages
// that read the benchmark index directly must leave out metrics it does not
// allow in full (`readableInFull`).
//
// `res.locals` carries, on every request: `viewer` (the policy's Viewer),
// `user` (null or { id, name, email, role, roleLabel, organisationName,
// councilArea }) and `csrfToken`: the session's token for a signed-in user
// (for the sign-out form: `<input type="hidden" name="_csrf" value="{{
// csrfToken }}">`); for the public it is '' unless the browser already has a
// pre-session cookie, and a page with a form for the public calls
// `formToken(req, res)` (auth/identify.ts), which makes one. Changes made with
// a session cookie need the token (form field `_csrf` or header
// `X-CSRF-Token`); see platform/identity/csrf.ts.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  decide, describeDenial, guardedRecord, metricClassification, permits, PUBLIC_VIEWER,
  type Action, type Decision, type GuardedRecord, type RecordKind, type Viewer,
} from '../domain/access/index.ts';
import type { MetricStatus } from '../domain/metric/index.ts';
import { recordAudit, type AuditAction, type AuditEntry } from '../store/audit.ts';
import { earlySightReleases, type EarlySightRelease } from '../store/early-sight.ts';
import type { Db, Sql } from '../store/store.ts';
import { HttpError, notFound } from './http-error.ts';

export const ACCESS_RULE = Symbol.for('lantern.access-rule');
export const MIDDLEWARE_PURPOSE = Symbol.for('lantern.middleware-purpose');

export interface AccessRule {
  readonly action: Action;
  readonly kind: RecordKind;
}

export type RuleHandler = RequestHandler & { readonly [ACCESS_RULE]: AccessRule };

/** The route reads records of `kind`: anything from public data to confidential intelligence. */
export function reads(kind: RecordKind): RuleHandler {
  return rule('read', kind);
}

/** The route creates or changes records of `kind`. */
export function changes(kind: RecordKind): RuleHandler {
  return rule('change', kind);
}

/** The route shares (or un-shares) records of `kind`. */
export function shares(kind: RecordKind): RuleHandler {
  return rule('share', kind);
}

function rule(action: Action, kind: RecordKind): RuleHandler {
  const handler = (_req: Request, res: Response, next: NextFunction) => {
    const viewer = viewerOf(res);
    const decision = permits(viewer, action, kind);
    if (!decision.allowed) throw refusal(decision, viewer, action, kind);
    next();
  };
  return Object.assign(handler, { [ACCESS_RULE]: Object.freeze({ action, kind }) });
}

/** Declares middleware that is not a route (headers, sessions, 404s, static files): what it is for. */
export function middleware<T extends (...args: never[]) => unknown>(purpose: string, handler: T): T {
  return Object.assign(handler, { [MIDDLEWARE_PURPOSE]: purpose });
}

/** The 401 or 403 for a refusal, saying which access is missing. */
export function refusal(decision: Decision, viewer: Viewer, action: Action, kind: RecordKind): HttpError {
  if (decision.allowed) throw new Error('refusal() of an allowed decision');
  const message = describeDenial(decision.reason, viewer, action, kind);
  return decision.reason === 'sign_in_required'
    ? new HttpError(401, 'sign_in_required', message)
    : new HttpError(403, 'forbidden', message, { missing: decision.reason, action, kind });
}

export function viewerOf(res: Response): Viewer {
  return (res.locals.viewer as Viewer | undefined) ?? PUBLIC_VIEWER;
}

/** Who did it and from where, as the audit trail records it. */
export interface Actor {
  readonly userId: number | null;
  readonly actor: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export function actorOf(req: Request, res: Response): Actor {
  const user = res.locals.user as { id: number; name: string; email: string } | null | undefined;
  return {
    userId: user?.id ?? null,
    actor: user ? `${user.name} <${user.email}>` : 'public',
    ip: req.ip ?? null,
    userAgent: req.get('user-agent') ?? null,
  };
}

/** What a handler asks the policy, for the request's viewer, at one instant. */
export class RequestAccess {
  private known: Actor | undefined;

  /** `actor` is worked out only when something is audited: most requests audit nothing. */
  constructor(readonly viewer: Viewer, private readonly actorOf: () => Actor, readonly store: Sql, readonly now: number) {}

  get actor(): Actor {
    return (this.known ??= this.actorOf());
  }

  decide(action: Action, record: GuardedRecord): Decision {
    return decide(this.viewer, action, record, this.now);
  }

  may(action: Action, record: GuardedRecord): boolean {
    return decide(this.viewer, action, record, this.now).allowed;
  }

  /**
   * Refuses unless allowed. A record the viewer may not read is not found (its
   * existence is not confirmed); one they read but may not change or share is
   * a 403 that says why.
   */
  require(action: Action, record: GuardedRecord, what: string): void {
    const decision = this.decide(action, record);
    if (decision.allowed) return;
    if (action !== 'read' && this.may('read', record)) throw refusal(decision, this.viewer, action, record.kind);
    throw notSeen(what);
  }

  /** The records the viewer may read, in order; each read of a restricted or confidential one is audited before it is returned. */
  async reveal<T>(records: readonly T[], describe: (record: T) => GuardedRecord, idOf: (record: T) => string, summary = ''): Promise<T[]> {
    const shown: T[] = [];
    const audited: AuditEntry[] = [];
    for (const record of records) {
      const guarded = describe(record);
      const decision = decide(this.viewer, 'read', guarded, this.now);
      if (!decision.allowed) continue;
      shown.push(record);
      if (decision.audited) audited.push(this.entry('read', guarded.kind, idOf(record), summary));
    }
    await recordAudit(this.store, audited);
    return shown;
  }

  /** Records reads already decided (and shown): one audit event per record. */
  async auditReads(kind: RecordKind, ids: readonly string[], summary: string): Promise<void> {
    await recordAudit(this.store, ids.map((id) => this.entry('read', kind, id, summary)));
  }

  /** Records a change (or share, export, sign-in) in the audit trail, in the caller's transaction where it has one. */
  async audit(db: Db, action: AuditAction, kind: RecordKind, id: string | null, summary: string): Promise<void> {
    await recordAudit(db, [this.entry(action, kind, id, summary)]);
  }

  entry(action: AuditAction, kind: RecordKind, id: string | null, summary: string): AuditEntry {
    return { ...this.actor, action, recordKind: kind, recordId: id, summary };
  }
}

/**
 * The one answer for a record that does not exist and for one the viewer may
 * not read: the same status and words, so that no one learns which ids exist.
 * `what` names the record as the path did ('intelligence item 12').
 */
export function notSeen(what: string): HttpError {
  return notFound(`there is no ${what} that you may see`);
}

/** The request's access: the viewer (set by the session middleware) and the store to audit into. */
export function accessOf(res: Response): RequestAccess {
  const found = res.locals.access as RequestAccess | undefined;
  if (!found) throw new Error('accessOf(res): the access middleware did not run for this request');
  return found;
}

// ---- Early sight: observations and everything made from them ---------------

/** How much of a metric's observations the viewer may read now. */
export type MetricReach = 'all' | 'own_council' | 'none';

const PUBLIC_OBSERVATION = guardedRecord('observation', 'public');

/** The policy's record for observations of a metric: one council's (`area`), or every council's (null). */
export function observationRecord(status: MetricStatus, release: EarlySightRelease | undefined, area: string | null): GuardedRecord {
  const classification = metricClassification(status);
  if (classification === 'public') return PUBLIC_OBSERVATION;
  return guardedRecord('observation', classification, {
    subjectArea: area, subjectReads: true, embargoUntil: release?.embargoUntil ? release.embargoUntil.getTime() : null,
    sharedWithOrganisations: release?.partnerOrganisations ?? [], sharedWithUsers: release?.partnerUsers ?? [], shareable: true,
  });
}

export interface MetricAccess {
  /** How much of a metric (by code) the viewer may read. */
  reach(code: string): MetricReach;
  /** The policy's record for one council's observations of a metric (`area`), or all of them (null). */
  record(code: string, area: string | null): GuardedRecord;
  /** Whether an early-sight metric is in question: read paths then ask row by row (filtering, and auditing what is shown). */
  readonly rowByRow: boolean;
}

/**
 * The policy's answers for observations, given the early-sight releases in
 * question; every other metric is published. Published metrics need no
 * store, so a league table of published data costs one decision and no query.
 */
function reachOf(access: RequestAccess, releases: ReadonlyMap<string, EarlySightRelease>, earlyCodes: Iterable<string> = releases.keys()): MetricAccess {
  const own = access.viewer.kind === 'user' ? access.viewer.councilArea : null;
  const reaches = new Map<string, MetricReach>();
  for (const code of earlyCodes) {
    const release = releases.get(code);
    reaches.set(code, access.may('read', observationRecord('early_sight', release, null)) ? 'all'
      : own !== null && access.may('read', observationRecord('early_sight', release, own)) ? 'own_council' : 'none');
  }
  return {
    reach: (code) => reaches.get(code) ?? (access.may('read', PUBLIC_OBSERVATION) ? 'all' : 'none'),
    record: (code, area) => (reaches.has(code) ? observationRecord('early_sight', releases.get(code), area) : PUBLIC_OBSERVATION),
    rowByRow: reaches.size > 0,
  };
}

/** The policy's answers for observations of one metric (`metricCode`) or of all of them. */
export async function observationAccess(res: Response, sql: Sql, metricCode?: string): Promise<MetricAccess> {
  return reachOf(accessOf(res), await earlySightReleases(sql, metricCode === undefined ? undefined : [metricCode]));
}

/** The policy's answers for the given metrics, as the benchmark index holds them (with their status). */
export async function metricAccess(res: Response, sql: Sql, metrics: Iterable<{ readonly code: string; readonly status: MetricStatus }>): Promise<MetricAccess> {
  const early = [...metrics].filter((m) => m.status === 'early_sight').map((m) => m.code);
  const releases = early.length === 0 ? new Map<string, EarlySightRelease>() : await earlySightReleases(sql, early);
  return reachOf(accessOf(res), releases, early);
}

/**
 * How much of each early-sight metric among `metrics` (as the benchmark
 * index holds them) the viewer may read now, as one text ('code:all,
 * code:none'; '' when none is early sight, with no query). Pages kept for a
 * signed-in viewer are kept under it, so that a share granted or revoked, or
 * an embargo ending, reaches their next page.
 */
export async function earlySightReach(res: Response, sql: Sql, metrics: Iterable<{ readonly code: string; readonly status: MetricStatus }>): Promise<string> {
  const early: string[] = [];
  for (const m of metrics) if (m.status === 'early_sight') early.push(m.code);
  if (early.length === 0) return '';
  const reach = reachOf(accessOf(res), await earlySightReleases(sql, early), early);
  return early.sort().map((code) => `${code}:${reach.reach(code)}`).join(',');
}

/** The metrics of `metrics` the viewer may read in full: what comparisons, tables, charts and maps may show. Reads of early-sight ones are audited. */
export async function readableInFull<T extends { readonly code: string; readonly status: MetricStatus }>(res: Response, sql: Sql, metrics: readonly T[]): Promise<T[]> {
  const reach = await metricAccess(res, sql, metrics);
  const readable = metrics.filter((m) => reach.reach(m.code) === 'all');
  await accessOf(res).reveal(readable.filter((m) => m.status === 'early_sight'), (m) => reach.record(m.code, null), (m) => m.code, 'early-sight observations of every council');
  return readable;
}

/** Refuses (401, or 403 saying why) unless the viewer may read every council's observations of the metric. */
export async function requireInFull(res: Response, sql: Sql, metric: { readonly code: string; readonly status: MetricStatus }): Promise<void> {
  if (metric.status !== 'early_sight') return accessOf(res).require('read', PUBLIC_OBSERVATION, `observations of ${metric.code}`);
  if ((await readableInFull(res, sql, [metric])).length === 1) return;
  const access = accessOf(res);
  if (access.viewer.kind === 'public') throw new HttpError(401, 'sign_in_required', `${metric.code} is early-sight data under embargo: sign in to see it`);
  throw new HttpError(403, 'forbidden', `${metric.code} is early-sight data under embargo: only its named partners may compare every council's figures until it is published`, { missing: 'not_in_audience', action: 'read', kind: 'observation' });
}

/**
 * The rows of observations the viewer may read, asking the policy for each;
 * the reads of early-sight rows are audited, once per metric and council.
 */
export async function* readableObservations<T extends { readonly metric: string; readonly area: string }>(res: Response, reach: MetricAccess, pages: AsyncIterable<readonly T[]>): AsyncIterable<T[]> {
  const access = accessOf(res);
  const audited = new Set<string>();
  try {
    for await (const rows of pages) yield filterObservations(access, reach, rows, audited);
  } finally {
    await access.auditReads('observation', [...audited], 'early-sight observations');
  }
}

/** One page of rows through the policy; `audited` collects 'metric/area' of the early-sight rows shown. */
export function filterObservations<T extends { readonly metric: string; readonly area: string }>(access: RequestAccess, reach: MetricAccess, rows: readonly T[], audited: Set<string>): T[] {
  const shown: T[] = [];
  for (const row of rows) {
    const decision = access.decide('read', reach.record(row.metric, row.area));
    if (!decision.allowed) continue;
    shown.push(row);
    if (decision.audited) audited.add(`${row.metric}/${row.area}`);
  }
  return shown;
}


/**
 * Observations as the public may read them, for exports made outside a
 * request (the command line): the policy asked row by row as the public
 * viewer, so early-sight data under embargo is left out.
 */
export async function* publicObservations<T extends { readonly metric: string; readonly area: string }>(sql: Sql, pages: AsyncIterable<readonly T[]>): AsyncIterable<T[]> {
  const releases = await earlySightReleases(sql);
  const now = Date.now();
  for await (const rows of pages) {
    yield releases.size === 0 ? [...rows] : rows.filter((row) => decide(PUBLIC_VIEWER, 'read', releases.has(row.metric) ? observationRecord('early_sight', releases.get(row.metric), row.area) : PUBLIC_OBSERVATION, now).allowed);
  }
}
