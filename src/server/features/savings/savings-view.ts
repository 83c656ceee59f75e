// What the savings pages, the API and the annual report read: a council's
// savings with their totals by year and status and its progress against the
// goal; and the partnership's, every council the viewer may read set against
// the goal, year by year. The baseline spend is read from the benchmark index
// (the goal's metric and year), through the policy for observations. Totals
// never join an estimate with what is evidenced: the domain's savingsTotals
// keeps a sum per status, and "with evidence" joins only the evidenced and
// the verified.
import type { Decision } from '../../../domain/access/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { progressAgainstGoal, savingsTotals, type GoalProgress, type SavingsGoal, type SavingsTotals } from '../../../domain/savings/index.ts';
import { keptSavingsGoal } from '../../../ingest/savings-goal.ts';
import { councilOrganisation, savingsOfCouncil, savingsOfYears, savingSteps, type SavingStep, type StoredSaving } from '../../../store/savings.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, observationRecord, type RequestAccess } from '../../platform/access/index.ts';
import { findSaving, savingRecord } from './savings.ts';

export interface YearTotals {
  readonly year: string;
  readonly totals: SavingsTotals;
}

export interface CouncilSavings {
  readonly councilCode: string;
  readonly councilName: string;
  readonly organisationId: number;
  readonly savings: readonly StoredSaving[];
  /** Every saving recorded, counted or not, per year and status. */
  readonly years: readonly YearTotals[];
  readonly baselineSpend: number | null;
  readonly progress: GoalProgress;
}

export interface PartnerCouncil {
  readonly councilCode: string;
  readonly councilName: string;
  readonly baselineSpend: number | null;
  readonly progress: GoalProgress;
  /** Per year of the goal, the council's savings that count under the rule, per status, with a baseline or without. */
  readonly counted: readonly YearTotals[];
}

export interface PartnershipSavings {
  readonly goal: SavingsGoal;
  readonly councils: readonly PartnerCouncil[];
  /** Per year of the goal, the counted savings of every council shown, and the sum of the targets of those with a baseline. */
  readonly years: readonly { readonly year: string; readonly totals: SavingsTotals; readonly target: number; readonly councilsWithTarget: number }[];
}

/** The baseline spend of a council, as the goal names it, from the index; null when the hub has none or the viewer may not read it. */
export function baselineOf(index: BenchmarkIndex, access: RequestAccess, goal: SavingsGoal, councilCode: string): number | null {
  const series = index.metric(goal.baselineMetric);
  const area = index.areaNumber(councilCode);
  const slice = series?.slice(goal.baselineYear);
  if (!series || !slice || area === undefined) return null;
  if (!access.may('read', observationRecord(series.metric.status, undefined, councilCode))) return null;
  const position = slice.position(area);
  return position < 0 ? null : slice.value(position);
}

/** A council's savings page: refused as not found when the viewer may not read its savings. */
export async function councilSavings(sql: Sql, access: RequestAccess, index: BenchmarkIndex, councilCode: string, goal = keptSavingsGoal()): Promise<CouncilSavings> {
  const organisationId = await councilOrganisation(sql, councilCode);
  const councilName = organisationId === undefined ? undefined : index.area(councilCode)?.name;
  if (organisationId === undefined || !access.may('read', savingRecord({ councilCode, organisationId }))) throw notSeen(`council ${councilCode} with savings`);
  const savings = await access.reveal(await savingsOfCouncil(sql, councilCode), savingRecord, (s) => String(s.id), 'read the council’s savings');
  const yearsShown = [...new Set(savings.map((s) => s.year))].sort().reverse();
  const baselineSpend = baselineOf(index, access, goal, councilCode);
  return {
    councilCode,
    councilName: councilName ?? savings[0]?.areaName ?? councilCode,
    organisationId,
    savings,
    years: yearsShown.map((year) => ({ year, totals: savingsTotals(savings.filter((s) => s.year === year)) })),
    baselineSpend,
    progress: progressAgainstGoal(goal, councilCode, baselineSpend, savings),
  };
}

/** The partnership's savings against the goal, as the API and the annual report give them: each council whose savings the viewer may read, and the years' totals of what counts. The page reads a page of councils instead (partnership-page.ts). */
export async function partnershipSavings(sql: Sql, access: RequestAccess, index: BenchmarkIndex, goal = keptSavingsGoal()): Promise<PartnershipSavings> {
  const savings = await revealByCouncil(access, await savingsOfYears(sql, goal.years), 'read the partnership’s savings against the goal');
  const byCouncil = new Map<string, StoredSaving[]>();
  for (const saving of savings) byCouncil.set(saving.councilCode, [...(byCouncil.get(saving.councilCode) ?? []), saving]);
  const councils = [...byCouncil.entries()].map(([councilCode, own]): PartnerCouncil => {
    const baselineSpend = baselineOf(index, access, goal, councilCode);
    const progress = progressAgainstGoal(goal, councilCode, baselineSpend, own);
    const left = new Set(progress.notCounted.map((n) => n.saving));
    const counted = goal.years.map((year) => ({ year, totals: savingsTotals(own.filter((s) => s.year === year && !left.has(s))) }));
    return { councilCode, councilName: own[0]!.areaName, baselineSpend, progress, counted };
  });
  const years = goal.years.map((year) => {
    const measured = councils.flatMap((c) => c.progress.years.filter((y) => y.year === year && y.kind === 'measured'));
    const counted = councils.flatMap((c) => {
      const left = new Set(c.progress.notCounted.map((n) => n.saving));
      return (byCouncil.get(c.councilCode) ?? []).filter((s) => s.year === year && !left.has(s));
    });
    const target = measured.reduce((sum, y) => sum + Math.round((y.kind === 'measured' ? y.target : 0) * 100), 0) / 100;
    return { year, totals: savingsTotals(counted), target, councilsWithTarget: measured.length };
  });
  return { goal, councils, years };
}

/**
 * The savings the viewer may read, each read audited (one row a saving, all
 * in one insert). The policy guards a saving by its council and the
 * organisation that holds it alone (savingRecord's whole argument), so it
 * is asked once for each council and holder rather than once a saving.
 */
async function revealByCouncil(access: RequestAccess, all: readonly StoredSaving[], summary: string): Promise<StoredSaving[]> {
  const decisions = new Map<string, Decision>();
  const shown: StoredSaving[] = [];
  const audited: string[] = [];
  for (const saving of all) {
    const { councilCode, organisationId } = saving;
    const key = `${councilCode} ${organisationId}`;
    let decision = decisions.get(key);
    if (!decision) decisions.set(key, (decision = access.decide('read', savingRecord({ councilCode, organisationId }))));
    if (!decision.allowed) continue;
    shown.push(saving);
    if (decision.audited) audited.push(String(saving.id));
  }
  await access.auditReads('saving', audited, summary);
  return shown;
}

/** One saving with the steps its status took. */
export async function readSaving(sql: Sql, access: RequestAccess, idText: unknown): Promise<{ saving: StoredSaving; steps: SavingStep[] }> {
  const saving = await findSaving(sql, access, idText, 'read');
  await access.auditReads('saving', [String(saving.id)], 'read a saving');
  return { saving, steps: await savingSteps(sql, saving.id) };
}
