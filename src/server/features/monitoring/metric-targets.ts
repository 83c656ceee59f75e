// One metric's targets across areas, for those who compare how councils fare
// on the same thing: every target on the metric that the viewer may read (a
// signed-off agreement's, or a draft's for its council, its partners and
// those who oversee it), one line an area, problems first.
import { getMetric } from '../../../store/catalogue.ts';
import { agreementsOf } from '../../../store/agreements.ts';
import type { Sql } from '../../../store/store.ts';
import { targetsOnMetric } from '../../../store/targets.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { shownToViewer } from '../../platform/agreements/signed-view.ts';
import { targetRecord } from '../../platform/agreements/agreement-record.ts';
import type { RateTargets } from '../../platform/agreements/agreement-json.ts';
import { notFound } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { metricPath } from './api-inputs.ts';
import { targetLines, type TargetLine } from './target-lines.ts';

export interface MetricTargets {
  readonly metric: { readonly code: string; readonly title: string; readonly unit: string | null; readonly polarity: string };
  readonly items: readonly TargetLine[];
}

/** The metric the path names, with every readable target's lines on it; an unknown metric is not found, naming it. */
export async function metricTargets(sql: Sql, access: RequestAccess, index: BenchmarkIndex, codeText: unknown, rate: RateTargets): Promise<MetricTargets> {
  const { code } = checked(metricPath, { code: codeText });
  const metric = await getMetric(sql, code);
  if (!metric) throw notFound(`there is no metric '${code}' in the library`);
  const readable = (await agreementsOf(sql)).filter((a) => access.may('read', targetRecord(a)));
  const ids = new Set(readable.map((a) => a.id));
  const targets = (await targetsOnMetric(sql, code)).filter((t) => ids.has(t.agreementId));
  // Only the agreements shown are revealed, so the audit trail records a draft read only where one of its targets was listed.
  const shown = await access.reveal(
    readable.filter((a) => targets.some((t) => t.agreementId === a.id)),
    targetRecord,
    (a) => String(a.id),
    `monitoring: targets on ${code}`,
  );
  // In a refresh, those who do not read its working copy see its targets as last signed off.
  const listed = (await shownToViewer(sql, access, shown, targets)).map(({ agreement, targets: own }) => ({ agreement, targets: own.filter((t) => t.metricCode === code) }));
  return {
    metric: { code, title: metric.title, unit: metric.unit ?? null, polarity: metric.polarity },
    items: await targetLines(sql, access, index, listed, rate),
  };
}
