// The risk view's use-cases, called by the API and the pages alike: one
// council's rows by cause, a patch's (or England's) councils side by side,
// each read through the access policy (every flag and restricted item read
// audited), and the adviser's patch and visits.
import { isGssCode } from '../../../domain/area/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { openFlagsInEngland, openFlagsOfCouncil, openFlagsOfCouncils, type RiskFlag } from '../../../store/flags.ts';
import { patchOf, recordVisit } from '../../../store/patches.ts';
import { itemsAbout, type RiskItem } from '../../../store/risk-reads.ts';
import type { Sql } from '../../../store/store.ts';
import { causeRows, flagView, itemView, notLookedView, type RiskContext } from '../../../web/views/risk-view.ts';
import { patchRows, type PatchCouncil } from '../../../web/views/risk-patch.ts';
import { notSeen, refusal, type RequestAccess } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/http/http-error.ts';
import type { NotLooked } from './not-looked.ts';
import { ANY_COUNCILS_FLAG, flagRecord, itemRecord } from './risk-records.ts';

/** One council's risk view: its rows by cause, whether the viewer may acknowledge its flags. */
export async function councilRisk(sql: Sql, access: RequestAccess, index: BenchmarkIndex, notLooked: NotLooked, codeText: string) {
  const council = councilOf(index, codeText);
  if (!access.may('read', flagRecord(council.code))) throw notSeen(`risk view of ${council.code}`);
  const [flags, items] = await Promise.all([openFlagsOfCouncil(sql, council.code), itemsAbout(sql, [council.code])]);
  const context: RiskContext = { now: new Date(), since: null, metricTitle: titleIn(index) };
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
export async function patchRisk(sql: Sql, access: RequestAccess, index: BenchmarkIndex, scope: RiskScope, visit: Date | null) {
  const decision = access.decide('read', ANY_COUNCILS_FLAG);
  if (!decision.allowed) throw refusal(decision, access.viewer, 'read', 'flag');
  const userId = access.viewer.kind === 'user' ? access.viewer.userId : null;
  const since = userId !== null && visit !== null ? await recordVisit(sql, userId, visit) : null;
  const councils = scope === 'england' ? everyCouncil(index) : await patchCouncils(sql, index, userId);
  const codes = councils.map((c) => c.code);
  const [flags, items] = scope === 'england' ? await Promise.all([openFlagsInEngland(sql), itemsAbout(sql, null)]) : await Promise.all([openFlagsOfCouncils(sql, codes), itemsAbout(sql, codes)]);
  const context: RiskContext = { now: new Date(), since, metricTitle: titleIn(index) };
  const known = new Set(codes);
  const shownFlags = (
    await revealFlags(
      access,
      flags.filter((f) => known.has(f.area)),
    )
  ).map((f) => flagView(f, context));
  const shownItems = (
    await revealItems(
      access,
      items.filter((i) => known.has(i.subjectArea)),
    )
  ).map((i) => itemView(i, context));
  return { scope, since, rows: patchRows(councils, shownFlags, shownItems) };
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
