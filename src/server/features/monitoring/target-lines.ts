// Targets as monitoring lists them, one line for each area a target covers:
// the agreement it belongs to, the baseline and the target, the latest actual
// against where the trajectory says it should be, the gap, the rating in
// words with the words of the rule that made it, and the partners' latest
// likelihood of delivery. Problems come first: red, then amber, then green,
// then what is not rated; within a band, those the partners judge least
// likely to deliver, then the widest gap. An actual is an observation: a
// line on early-sight figures the viewer may not read yet is left out, and
// the reading of one is audited, as everywhere else. The CSV says the same,
// line for line, with cells a spreadsheet would run as formulas escaped.
import Papa from 'papaparse';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { roundedTo } from '../../../domain/format/index.ts';
import { AGREEMENT_STATUS_LABELS, LIKELIHOODS, LIKELIHOOD_LABELS, NOT_RATED_LABELS, describeRule, isRated, type Likelihood, type Rating } from '../../../domain/targets/index.ts';
import type { Agreement } from '../../../store/agreements.ts';
import { earlySightReleases } from '../../../store/early-sight.ts';
import type { Sql } from '../../../store/store.ts';
import { latestReviews, type StoredTarget } from '../../../store/targets.ts';
import type { RateTargets } from '../../platform/agreements/agreement-json.ts';
import { observationRecord, type RequestAccess } from '../../platform/access/index.ts';

export interface TargetLine {
  readonly agreement: { readonly id: number; readonly title: string; readonly council: string; readonly statusLabel: string };
  readonly target: { readonly id: number; readonly reference: string; readonly metric: string; readonly metricTitle: string; readonly period: string; readonly value: number | null };
  readonly area: { readonly code: string; readonly name: string };
  readonly baseline: { readonly period: string; readonly value: number | null } | null;
  /** The latest actual since the baseline, its period, where the trajectory says it should be, and the gap (positive when better). */
  readonly period: string | null;
  readonly actual: number | null;
  readonly expected: number | null;
  readonly gap: number | null;
  readonly decimals: number;
  readonly rating: Rating;
  /** The rating in words: a band, or why there is none. */
  readonly label: string;
  readonly likelihood: { readonly value: Likelihood; readonly label: string; readonly reviewedOn: string } | null;
}

/** A readable agreement with those of its targets to list. */
export interface Listed {
  readonly agreement: Agreement;
  readonly targets: readonly StoredTarget[];
}

/** Every area's line of every listed target, problems first. */
export async function targetLines(sql: Sql, access: RequestAccess, index: BenchmarkIndex, listed: readonly Listed[], rate: RateTargets): Promise<TargetLine[]> {
  const reviews = await latestReviews(
    sql,
    listed.flatMap((l) => l.targets.map((t) => t.id)),
  );
  const lines = listed.flatMap(({ agreement, targets }) => {
    const ratings = rate(agreement, targets);
    return targets.flatMap((target) => {
      const metric = index.metric(target.metricCode)?.metric;
      const review = reviews.get(target.id);
      return target.areas.map((code): TargetLine => {
        // An area the engine has not rated (its metric not yet read) says so, with the rule it will be rated by.
        const found = ratings.get(target.id)?.find((r) => r.area === code);
        return {
          agreement: { id: agreement.id, title: agreement.title, council: agreement.organisationName, statusLabel: AGREEMENT_STATUS_LABELS[agreement.status] },
          target: { id: target.id, reference: target.reference, metric: target.metricCode, metricTitle: metric?.title ?? target.metricCode, period: target.targetPeriod, value: target.targetValue },
          area: { code, name: index.area(code)?.name ?? code },
          baseline: target.baselinePeriod === null ? null : { period: target.baselinePeriod, value: target.baselineValue },
          period: found?.period ?? null,
          actual: found?.actual ?? null,
          expected: found?.expected ?? null,
          gap: roundedTo(found?.gap ?? null, (metric?.decimals ?? 1) + 2),
          decimals: metric?.decimals ?? 1,
          rating: found?.rating ?? { notRated: 'no_data', rule: describeRule(target.toleranceRule) },
          label: found?.label ?? NOT_RATED_LABELS.no_data,
          likelihood: review ? { value: review.likelihood, label: LIKELIHOOD_LABELS[review.likelihood], reviewedOn: review.reviewedOn } : null,
        };
      });
    });
  });
  return (
    await withReadableFigures(
      sql,
      access,
      index,
      lines,
      (l) => l.target.metric,
      (l) => l.area.code,
    )
  ).sort(problemsFirst);
}

/** The lines whose figures (a metric's, for an area) the viewer may read now; each early-sight one shown is audited. */
export async function withReadableFigures<T>(sql: Sql, access: RequestAccess, index: BenchmarkIndex, lines: readonly T[], metricOf: (line: T) => string, areaOf: (line: T) => string): Promise<T[]> {
  const early = [...new Set(lines.map(metricOf))].filter((code) => index.metric(code)?.metric.status === 'early_sight');
  if (early.length === 0) return [...lines];
  const releases = await earlySightReleases(sql, early);
  return access.reveal(
    lines,
    (line) => observationRecord(index.metric(metricOf(line))!.metric.status, releases.get(metricOf(line)), areaOf(line)),
    (line) => `${metricOf(line)}/${areaOf(line)}`,
    'early-sight observations',
  );
}

const BAND_ORDER = { red: 0, amber: 1, green: 2 } as const;
const bandOrder = (rating: Rating) => (isRated(rating) ? BAND_ORDER[rating.band] : 3);
/** Red (the least likely) first; a target never reviewed after every judgement. */
const likelihoodOrder = (line: TargetLine) => (line.likelihood ? LIKELIHOODS.length - 1 - LIKELIHOODS.indexOf(line.likelihood.value) : LIKELIHOODS.length);

function problemsFirst(a: TargetLine, b: TargetLine): number {
  return (
    bandOrder(a.rating) - bandOrder(b.rating) ||
    likelihoodOrder(a) - likelihoodOrder(b) ||
    (a.gap ?? Infinity) - (b.gap ?? Infinity) ||
    a.area.name.localeCompare(b.area.name) ||
    a.agreement.id - b.agreement.id ||
    a.target.id - b.target.id
  );
}

/** A target's progress in the CSV's cells: the period rated, and the actual, expected and gap to the metric's decimals (blank where there is none). */
export function progressCells(p: { period: string | null; actual: number | null; expected: number | null; gap: number | null; decimals: number }): (string | number)[] {
  return [p.period ?? '', roundedTo(p.actual, p.decimals) ?? '', roundedTo(p.expected, p.decimals) ?? '', roundedTo(p.gap, p.decimals) ?? ''];
}

/** The lines as CSV, in the same order. */
export function targetLinesCsv(lines: readonly TargetLine[]): string {
  const fields = [
    'agreement',
    'agreement_title',
    'council',
    'status',
    'target',
    'reference',
    'metric',
    'area',
    'area_name',
    'baseline_period',
    'baseline',
    'target_period',
    'target_value',
    'period',
    'actual',
    'expected',
    'gap',
    'rating',
    'rule',
    'likelihood',
    'reviewed_on',
  ];
  const data = lines.map((l) => [
    l.agreement.id,
    l.agreement.title,
    l.agreement.council,
    l.agreement.statusLabel,
    l.target.id,
    l.target.reference,
    l.target.metric,
    l.area.code,
    l.area.name,
    l.baseline?.period ?? '',
    l.baseline?.value ?? '',
    l.target.period,
    l.target.value ?? '',
    ...progressCells(l),
    l.label,
    l.rating.rule,
    l.likelihood?.label ?? '',
    l.likelihood?.reviewedOn ?? '',
  ]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}
