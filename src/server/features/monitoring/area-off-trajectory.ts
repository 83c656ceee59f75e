// Off trajectory, for one council: each of its targets whose latest rating
// is red or amber, naming the test that rated it (the target's tolerance
// rule, as data and in words) and its figures: the actual, where the
// trajectory says it should be, and the gap. Only targets the viewer may
// read (a signed-off agreement's, or a draft's for those the policy lets
// see it), on figures they may read (no early-sight figure still under
// embargo). Early warning reads this beside the benchmark concerns; each
// line stands alone, red first, and nothing is added up.
import Papa from 'papaparse';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { roundedTo } from '../../../domain/format/index.ts';
import { BAND_LABELS, type ToleranceRule } from '../../../domain/targets/index.ts';
import { offTrajectory, type RatedProgress } from '../../../engine/off-trajectory.ts';
import { agreementsOf } from '../../../store/agreements.ts';
import { getArea } from '../../../store/catalogue.ts';
import type { Sql } from '../../../store/store.ts';
import { targetsOfAgreements, type StoredTarget } from '../../../store/targets.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { shownToViewer } from '../../platform/agreements/signed-view.ts';
import { targetRecord } from '../../platform/agreements/agreement-record.ts';
import type { RateTargets } from '../../platform/agreements/agreement-json.ts';
import { notFound } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { areaPath } from './api-inputs.ts';
import { progressCells, withReadableFigures } from './target-lines.ts';

export interface OffTrajectoryLine {
  readonly agreement: { readonly id: number; readonly title: string };
  readonly target: { readonly id: number; readonly reference: string };
  readonly metric: { readonly code: string; readonly title: string };
  readonly band: 'red' | 'amber';
  readonly label: string;
  readonly period: string | null;
  readonly actual: number | null;
  readonly expected: number | null;
  /** Actual against the trajectory, positive when better. */
  readonly gap: number | null;
  /** The metric's decimals, as its figures are written. */
  readonly decimals: number;
  /** The test: the rule in words, and the rule itself as stored, with its version. */
  readonly rule: string;
  readonly toleranceRule: ToleranceRule;
}

export async function areaOffTrajectory(sql: Sql, access: RequestAccess, index: BenchmarkIndex, codeText: unknown, rate: RateTargets) {
  const { code } = checked(areaPath, { code: codeText });
  const area = await getArea(sql, code);
  if (!area) throw notFound(`there is no area with the code '${code}'`);
  const readable = (await agreementsOf(sql, [code])).filter((a) => access.may('read', targetRecord(a)));
  // In a refresh, those who do not read its working copy see its targets as last signed off.
  const seen = await shownToViewer(
    sql,
    access,
    readable,
    await targetsOfAgreements(
      sql,
      readable.map((a) => a.id),
    ),
  );
  const targets = seen.flatMap((s) => s.targets).filter((t) => t.areas.includes(code));
  const byId = new Map(targets.map((t) => [String(t.id), t]));
  const progress = seen.flatMap(({ agreement }) => {
    const own = targets.filter((t) => t.agreementId === agreement.id);
    const ratings = rate(agreement, own);
    return own.map((t): RatedProgress => ({
      targetId: String(t.id),
      metricCode: t.metricCode,
      areas: (ratings.get(t.id) ?? []).map((r) => ({ ...r, actual: r.actual ?? null, expected: r.expected ?? null, gap: r.gap ?? null })),
    }));
  });
  const found = await withReadableFigures(
    sql,
    access,
    index,
    offTrajectory(progress, code),
    (f) => f.metricCode,
    () => code,
  );
  // Only the agreements a line comes from are revealed, so that the audit trail records the drafts actually read.
  const shown = new Set(
    (
      await access.reveal(
        readable.filter((a) => found.some((f) => byId.get(f.targetId)!.agreementId === a.id)),
        targetRecord,
        (a) => String(a.id),
        `off trajectory: ${code}`,
      )
    ).map((a) => a.id),
  );
  const titles = new Map(seen.map((s) => [s.agreement.id, s.agreement.title]));
  const items = found.flatMap((f): OffTrajectoryLine[] => {
    const target: StoredTarget = byId.get(f.targetId)!;
    if (!shown.has(target.agreementId)) return [];
    const metric = index.metric(f.metricCode)?.metric;
    const decimals = metric?.decimals ?? 1;
    return [
      {
        agreement: { id: target.agreementId, title: titles.get(target.agreementId)! },
        target: { id: target.id, reference: target.reference },
        metric: { code: f.metricCode, title: metric?.title ?? f.metricCode },
        band: f.band,
        label: BAND_LABELS[f.band],
        period: f.period,
        actual: f.actual,
        expected: f.expected,
        gap: roundedTo(f.gap, decimals + 2),
        decimals,
        rule: f.rule,
        toleranceRule: target.toleranceRule,
      },
    ];
  });
  return { area: { code: area.code, name: area.name }, items };
}

/** The lines as CSV, in the same order: one a target, its rule in words beside its figures. */
export function offTrajectoryCsv(area: { code: string; name: string }, items: readonly OffTrajectoryLine[]): string {
  const fields = ['area', 'area_name', 'agreement', 'agreement_title', 'target', 'reference', 'metric', 'title', 'rating', 'period', 'actual', 'expected', 'gap', 'rule', 'rule_kind', 'rule_version'];
  const data = items.map((i) => [
    area.code,
    area.name,
    i.agreement.id,
    i.agreement.title,
    i.target.id,
    i.target.reference,
    i.metric.code,
    i.metric.title,
    i.label,
    ...progressCells(i),
    i.rule,
    i.toleranceRule.kind,
    i.toleranceRule.version,
  ]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}
