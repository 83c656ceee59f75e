// The partnership's savings against the goal as a page: a year's councils 25
// at a time, filtered as a partner asks (the council's name or code, a
// status its savings have, verified or not), all in the query string. The
// totals are added up by the store, by council, year, status and what the
// indicator rule reads of a saving, so no saving is read one by one for
// them: the policy is asked once a council and holder, and the read of the
// totals is audited as one event naming how many savings and councils it
// added up. The savings the page shows one by one (those of its councils
// the rule does not count) are read alone and audited a row each. The API
// and the annual report read every saving as before (savings-view.ts).
import type { Decision } from '../../../domain/access/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import {
  countsUnderRule,
  INDICATOR_RULE_2008,
  SAVING_STATUSES,
  totalsOfSums,
  yearsAgainstGoal,
  type SavingsGoal,
  type SavingsTotals,
  type SavingStatus,
  type StatusSum,
} from '../../../domain/savings/index.ts';
import type { SavingsReportRow } from '../../../reports/savings-report.ts';
import { savingGroupsOfYears, savingsOfKinds, type SavingGroup } from '../../../store/savings.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { pounds, reportRow } from './annual-report.ts';
import { savingRecord } from './savings.ts';
import { baselineOf } from './savings-view.ts';

/** Councils a page: some 316 councils' rows, with a sentence each, were one very long page. */
export const PARTNERSHIP_PAGE_SIZE = 25;
export const VERIFIED_CHOICES = ['yes', 'no'] as const;

export interface PartnershipAsk {
  readonly year: string;
  /** Part of the council's name, or its code. */
  readonly council: string | undefined;
  /** Councils with a saving of this status in the year. */
  readonly status: SavingStatus | undefined;
  /** Councils with a verified saving in the year ('yes'), or with one not yet verified ('no'). */
  readonly verified: (typeof VERIFIED_CHOICES)[number] | undefined;
  readonly page: number;
}

/** The ask from a query string: a year the goal does not have is its last; unknown values are ignored, as a filter left empty. */
export function partnershipAsk(query: Readonly<Record<string, unknown>>, goal: SavingsGoal): PartnershipAsk {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const year = goal.years.includes(text('year')) ? text('year') : goal.years.at(-1)!;
  const status = (SAVING_STATUSES as readonly string[]).includes(text('status')) ? (text('status') as SavingStatus) : undefined;
  const verified = (VERIFIED_CHOICES as readonly string[]).includes(text('verified')) ? (text('verified') as PartnershipAsk['verified']) : undefined;
  const page = /^\d{1,6}$/.test(text('page')) && Number(text('page')) >= 1 ? Number(text('page')) : 1;
  return { year, council: text('council').slice(0, 100) || undefined, status, verified, page };
}

export interface PartnershipRow extends SavingsReportRow {
  readonly councilCode: string;
}

export interface PartnershipPage {
  readonly goal: SavingsGoal;
  readonly ask: PartnershipAsk;
  /** Each year of the goal over every council the viewer may read, whatever the filters. */
  readonly years: readonly { readonly year: string; readonly totals: SavingsTotals; readonly target: number; readonly councilsWithTarget: number }[];
  /** How many councils the filters keep, and the rows of the page's. */
  readonly councils: number;
  readonly rows: readonly PartnershipRow[];
  /** The year's total over every council the filters keep. */
  readonly total: SavingsReportRow;
  /** The page's councils' savings of the year the rule does not count, each with why. */
  readonly notCounted: readonly string[];
}

interface Council {
  readonly code: string;
  readonly name: string;
  readonly groups: SavingGroup[];
  readonly baseline: number | null;
}

export async function partnershipPage(sql: Sql, access: RequestAccess, index: BenchmarkIndex, goal: SavingsGoal, ask: PartnershipAsk): Promise<PartnershipPage> {
  const councils = await readableCouncils(sql, access, index, goal);
  const counted = (c: Council, year: string) => totalsOfSums(c.groups.filter((g) => g.year === year && countsUnderRule(g, INDICATOR_RULE_2008).counts).map(sumOf));
  const progress = new Map(councils.map((c) => [c.code, yearsAgainstGoal(goal, c.baseline, (year) => counted(c, year))]));
  const years = goal.years.map((year) => {
    const measured = councils.flatMap((c) => progress.get(c.code)!.filter((y) => y.year === year && y.kind === 'measured'));
    const target = measured.reduce((sum, y) => sum + Math.round((y.kind === 'measured' ? y.target : 0) * 100), 0) / 100;
    return {
      year,
      totals: totalsOfSums(councils.flatMap((c) => c.groups.filter((g) => g.year === year && countsUnderRule(g, INDICATOR_RULE_2008).counts).map(sumOf))),
      target,
      councilsWithTarget: measured.length,
    };
  });
  const kept = councils.filter((c) => passes(c, ask));
  const rowOf = (c: Council): PartnershipRow => {
    const year = progress.get(c.code)!.find((y) => y.year === ask.year)!;
    return { councilCode: c.code, ...reportRow(c.name, year.kind === 'measured' ? year.totals : counted(c, ask.year), year.kind === 'measured' ? year.target : null, year.sentence) };
  };
  const shown = kept.slice((ask.page - 1) * PARTNERSHIP_PAGE_SIZE, ask.page * PARTNERSHIP_PAGE_SIZE);
  const keptMeasured = kept.flatMap((c) => progress.get(c.code)!.filter((y) => y.year === ask.year && y.kind === 'measured'));
  const keptTarget = keptMeasured.reduce((sum, y) => sum + Math.round((y.kind === 'measured' ? y.target : 0) * 100), 0) / 100;
  const total = reportRow(
    'All councils the filters keep',
    totalsOfSums(kept.flatMap((c) => c.groups.filter((g) => g.year === ask.year && countsUnderRule(g, INDICATOR_RULE_2008).counts).map(sumOf))),
    keptMeasured.length > 0 ? keptTarget : null,
    '',
  );
  return { goal, ask, years, councils: kept.length, rows: shown.map(rowOf), total, notCounted: await notCountedOf(sql, access, shown, ask.year) };
}

/** Every council whose savings the viewer may read, with its savings added up: the policy asked once a council and holder, the read of the totals audited once. */
async function readableCouncils(sql: Sql, access: RequestAccess, index: BenchmarkIndex, goal: SavingsGoal): Promise<Council[]> {
  const decisions = new Map<string, Decision>();
  const byCouncil = new Map<string, Council>();
  let audited = 0;
  for (const group of await savingGroupsOfYears(sql, goal.years)) {
    const key = `${group.councilCode} ${group.organisationId}`;
    let decision = decisions.get(key);
    if (!decision) decisions.set(key, (decision = access.decide('read', savingRecord(group))));
    if (!decision.allowed) continue;
    if (decision.audited) audited += group.count;
    const council = byCouncil.get(group.councilCode);
    if (council) council.groups.push(group);
    else byCouncil.set(group.councilCode, { code: group.councilCode, name: group.areaName, groups: [group], baseline: baselineOf(index, access, goal, group.councilCode) });
  }
  if (audited > 0) await access.audit(sql, 'read', 'saving', null, `read the totals of ${audited} savings of ${byCouncil.size} councils against the goal`);
  return [...byCouncil.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code));
}

function passes(council: Council, ask: PartnershipAsk): boolean {
  const year = council.groups.filter((g) => g.year === ask.year);
  if (ask.council !== undefined) {
    const wanted = ask.council.toLowerCase();
    if (!council.name.toLowerCase().includes(wanted) && council.code.toLowerCase() !== wanted) return false;
  }
  if (ask.status !== undefined && !year.some((g) => g.status === ask.status)) return false;
  if (ask.verified === 'yes' && !year.some((g) => g.status === 'verified')) return false;
  if (ask.verified === 'no' && !year.some((g) => g.status !== 'verified')) return false;
  return true;
}

/** The page's councils' savings of the year that the rule leaves out, read alone and each read audited: the only savings the page names one by one. */
async function notCountedOf(sql: Sql, access: RequestAccess, shown: readonly Council[], year: string): Promise<string[]> {
  const kinds = new Map<string, { cashReleasing: boolean; lastsFullYears: number }>();
  for (const g of shown.flatMap((c) => c.groups)) if (g.year === year && !countsUnderRule(g, INDICATOR_RULE_2008).counts) kinds.set(`${g.cashReleasing} ${g.lastsFullYears}`, g);
  const savings = await savingsOfKinds(
    sql,
    shown.map((c) => c.code),
    year,
    [...kinds.values()],
  );
  const readable = savings.map((s) => ({ s, decision: access.decide('read', savingRecord(s)) })).filter((r) => r.decision.allowed);
  const audited = readable.filter((r) => r.decision.allowed && r.decision.audited).map((r) => String(r.s.id));
  await access.auditReads('saving', audited, 'read the savings the rule does not count, on the partnership page');
  return readable.map(({ s }) => `${s.areaName}: ${pounds(s.amount)}, ${s.description} (${countsUnderRule(s, INDICATOR_RULE_2008).reason})`);
}

const sumOf = (g: SavingGroup): StatusSum => ({ status: g.status, pence: g.pence, count: g.count });
