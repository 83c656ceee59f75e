// The risk view's use-cases, called by the API and the pages alike: one
// council's rows by cause, a patch's (or England's) councils side by side,
// each read through the access policy (every flag and restricted item read
// audited), and the adviser's patch and visits.
import { isGssCode } from '../../../domain/area/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { openFlagsOfCouncil, type RiskFlag } from '../../../store/flags.ts';
import { patchOf, recordVisit } from '../../../store/patches.ts';
import { itemsAbout, type GridFlag as RiskFlagRow, type RiskItem } from '../../../store/risk-reads.ts';
import type { Sql } from '../../../store/store.ts';
import { causeRows, flagView, itemView, notLookedView, riskContext, type FlagView, type ItemView } from '../../../web/views/risk-view.ts';
import { formatDate } from '../../../domain/format/index.ts';
import { patchRows, type PatchCouncil } from '../../../web/views/risk-patch.ts';
import type { Decision, GuardedRecord } from '../../../domain/access/index.ts';
import { notSeen, refusal, type RequestAccess } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/http/http-error.ts';
import type { EnglandReads } from './england-reads.ts';
import type { NotLooked } from './not-looked.ts';
import { ANY_COUNCILS_FLAG, flagRecord, itemRecord } from './risk-records.ts';

/** One council's risk view: its rows by cause, whether the viewer may acknowledge its flags. */
export async function councilRisk(sql: Sql, access: RequestAccess, index: BenchmarkIndex, notLooked: NotLooked, codeText: string) {
  const council = councilOf(index, codeText);
  if (!access.may('read', flagRecord(council.code))) throw notSeen(`risk view of ${council.code}`);
  const [flags, items] = await Promise.all([openFlagsOfCouncil(sql, council.code), itemsAbout(sql, [council.code])]);
  const context = riskContext(new Date(), null, titleIn(index));
  const shownFlags = (await revealFlags(access, flags)).map((f) => flagView(f, context));
  const shownItems = (await revealItems(access, items)).map((i) => itemView(i, context));
  return {
    council,
    mayAcknowledge: access.may('change', flagRecord(council.code)),
    causes: causeRows(shownFlags, shownItems, notLookedView(notLooked.ofArea(council.code), context)),
  };
}
export type CouncilRisk = Awaited<ReturnType<typeof councilRisk>>;

export type RiskScope = 'patch' | 'england';

export function scopeOf(value: unknown): RiskScope {
  if (value === undefined || value === 'patch') return 'patch';
  if (value === 'england') return 'england';
  throw badRequest(`'scope' must be patch or england, not ${JSON.stringify(value)}`);
}

/**
 * The councils of the viewer's patch (or every council), side by side. Only
 * those who watch every council's flags see councils side by side; a page
 * view (not the API or CSV) is recorded as a visit, and what is new is new
 * since the visit before.
 */
export async function patchRisk(sql: Sql, access: RequestAccess, index: BenchmarkIndex, england: EnglandReads, scope: RiskScope, visit: Date | null) {
  const decision = access.decide('read', ANY_COUNCILS_FLAG);
  if (!decision.allowed) throw refusal(decision, access.viewer, 'read', 'flag');
  const userId = access.userId;
  const since = userId !== null && visit !== null ? await recordVisit(sql, userId, visit) : null;
  const councils = scope === 'england' ? everyCouncil(index) : await patchCouncils(sql, index, userId);
  const codes = councils.map((c) => c.code);
  // A patch is cut from England's kept rows: while nothing changed, a view reads the stamp alone.
  const { flags, items } = await england.read();
  const context = riskContext(new Date(), since, titleIn(index));
  const known = new Set(codes);
  const what = `risk view of ${scope === 'england' ? 'England' : 'the patch'}`;
  const shownFlags = await listed(
    access,
    'flag',
    what,
    flags.filter((f) => known.has(f.area)),
    (f) => flagRecord(f.area),
    (f) => String(f.id),
    flagShape(access),
  );
  const shownItems = await listed(
    access,
    'intelligence_item',
    what,
    items.filter((i) => known.has(i.subjectArea)),
    itemRecord,
    (i) => String(i.id),
  );
  const views = viewsKept(index, context);
  const sinceAt = since?.toISOString() ?? null;
  const isNew = (at: string) => sinceAt !== null && at > sinceAt;
  return {
    scope,
    since,
    rows: patchRows(
      councils,
      shownFlags.map((f) => fresh(views.flag(f), isNew(views.flag(f).changedAt))),
      shownItems.map((i) => fresh(views.item(i), isNew(views.item(i).reviewedAt))),
    ),
  };
}

/**
 * The views of England's kept rows, made once and kept beside them: a view
 * of a flag or item is the same for every viewer but for what is new to
 * them, so they are kept for as long as the index and London's day are the
 * same (an item's staleness moves with the day), and marked new as asked.
 */
let kept: { index: BenchmarkIndex; today: string; flags: WeakMap<object, FlagView>; items: WeakMap<object, ItemView> } | null = null;
function viewsKept(index: BenchmarkIndex, context: ReturnType<typeof riskContext>) {
  const today = formatDate(context.now);
  if (kept?.index !== index || kept.today !== today) kept = { index, today, flags: new WeakMap(), items: new WeakMap() };
  const { flags, items } = kept;
  const everyOld = { ...context, since: null };
  return {
    flag: (f: RiskFlagRow) => flags.get(f) ?? remember(flags, f, flagView(f, everyOld)),
    item: (i: RiskItem) => items.get(i) ?? remember(items, i, itemView(i, everyOld)),
  };
}

function fresh<T extends { isNew: boolean }>(view: T, isNew: boolean): T {
  return isNew ? { ...view, isNew } : view;
}

function remember<K extends object, V>(memo: WeakMap<K, V>, key: K, value: V): V {
  memo.set(key, value);
  return value;
}
export type PatchRisk = Awaited<ReturnType<typeof patchRisk>>;

async function patchCouncils(sql: Sql, index: BenchmarkIndex, userId: number | null): Promise<PatchCouncil[]> {
  if (userId === null) return [];
  return (await patchOf(sql, userId)).map((code) => ({ code, name: index.area(code)?.name ?? code }));
}

function everyCouncil(index: BenchmarkIndex): PatchCouncil[] {
  return index.areas.filter((a) => isCouncil(a.type) && a.endDate === null).map((a) => ({ code: a.code, name: a.name }));
}

function councilOf(index: BenchmarkIndex, codeText: string): PatchCouncil {
  const code = codeText.toUpperCase();
  if (!isGssCode(code)) throw badRequest(`'code' must be a council's GSS code such as E06000001, not ${JSON.stringify(codeText)}`);
  const area = index.area(code);
  if (!area || !isCouncil(area.type)) throw notSeen(`risk view of ${code}`);
  return { code: area.code, name: area.name };
}

function titleIn(index: BenchmarkIndex): (code: string) => string {
  return (code) => index.metric(code)?.metric.title ?? code;
}

/**
 * The records of a listing the viewer may read. A confidential one read is
 * audited record by record, as everywhere; the restricted ones a listing
 * shows side by side (a title and a link each) are audited as one reading of
 * the listing, with their number and councils' count, since England's view
 * would otherwise write thirty thousand audit events a page. Opening a
 * council's view or an item audits each record it shows.
 */
async function listed<T>(
  access: RequestAccess,
  kind: 'flag' | 'intelligence_item',
  summary: string,
  records: readonly T[],
  guard: (record: T) => GuardedRecord,
  idOf: (record: T) => string,
  shapeOf?: (record: T) => string,
) {
  const shown: T[] = [];
  const confidential: string[] = [];
  const decided = new Map<string, Decision>();
  let restricted = 0;
  for (const record of records) {
    const guarded = guard(record);
    // Records of one shape have one answer; those with no shape given are asked one by one.
    const shape = shapeOf?.(record);
    const decision = (shape !== undefined && decided.get(shape)) || access.decide('read', guarded);
    if (shape !== undefined) decided.set(shape, decision);
    if (!decision.allowed) continue;
    shown.push(record);
    if (!decision.audited) continue;
    if (guarded.classification === 'confidential') confidential.push(idOf(record));
    else restricted++;
  }
  await access.auditReads(kind, confidential, summary);
  if (restricted > 0) await access.audit(access.store, 'read', kind, null, `${summary}: ${restricted} listed`);
  return shown;
}

/**
 * Every flag has the same readers: the policy tells one council's flag from
 * another's only when the viewer belongs to the council it is about. So a
 * listing asks the policy once for the viewer's own council's flags and once
 * for every other council's, rather than thirty thousand times over.
 */
function flagShape(access: RequestAccess): (flag: { area: string }) => string {
  const own = access.viewer.kind === 'user' ? access.viewer.councilArea : null;
  return (flag) => (flag.area === own ? 'own council' : 'another council');
}

function revealFlags(access: RequestAccess, flags: readonly RiskFlag[]): Promise<RiskFlag[]> {
  return access.reveal(
    flags,
    (f) => flagRecord(f.area),
    (f) => String(f.id),
    'risk view',
  );
}

function revealItems(access: RequestAccess, items: readonly RiskItem[]): Promise<RiskItem[]> {
  return access.reveal(items, itemRecord, (i) => String(i.id), 'risk view');
}
