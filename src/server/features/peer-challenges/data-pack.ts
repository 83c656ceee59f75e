// A challenge's data pack (issue 21, build item 6): at scoping, the
// council's metrics per focus area against its nearest neighbours and
// England, read through the benchmark engine and printed to PDF through the
// reports path. Those who read the challenge may print it; each copy is
// audited as an export.
import { areaProfile } from '../../../domain/benchmark/area-profile.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { groupSpecFor } from '../../../domain/benchmark/group-spec.ts';
import { formatNumber, formatValue, londonDay, ordinal } from '../../../domain/format/index.ts';
import { DATA_PACK_RULES, FOCUS_AREA_LABELS, packMetrics } from '../../../domain/peer-challenge/index.ts';
import { dataPackHtml, type DataPackLine, type DataPackView } from '../../../reports/peer-data-pack.ts';
import type { PdfPrinter } from '../../../reports/pdf.ts';
import type { Sql } from '../../../store/store.ts';
import { trendWords } from '../../../web/views/words.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { findChallenge } from './challenges.ts';
import { KIND_LABELS } from './programme.ts';

export async function dataPack(sql: Sql, access: RequestAccess, index: BenchmarkIndex, printer: PdfPrinter, idText: unknown): Promise<{ pdf: Buffer; view: DataPackView }> {
  const { challenge } = await findChallenge(sql, access, idText, 'read');
  if (challenge.focusAreas.length === 0) throw new HttpError(409, 'conflict', `'focusAreas': the data pack follows the focus areas; scope peer challenge ${challenge.id} first`);
  const view: DataPackView = {
    councilName: challenge.councilName,
    kind: KIND_LABELS[challenge.kind],
    onSite: challenge.onSite ? `On site ${challenge.onSite.from} to ${challenge.onSite.to}` : 'Week on site not yet booked',
    printedOn: londonDay(new Date(access.now)),
    printedFor: access.actor.actor,
    ...packSections(index, challenge.councilCode, challenge.focusAreas),
    rulesSource: `Metrics chosen for each focus area by version ${DATA_PACK_RULES.version} of the data pack's rules: ${DATA_PACK_RULES.source}`,
  };
  const pdf = await printer.print(dataPackHtml(view), `Data pack: ${view.councilName}`);
  const lines = view.sections.reduce((n, s) => n + s.lines.length, 0);
  await access.audit(sql, 'export', 'peer_challenge', challenge.id, `printed the data pack: ${view.sections.length} focus areas, ${lines} metric lines`);
  return { pdf, view };
}

/** Each focus area's lines: the council's figures at each metric's latest period, among its nearest neighbours, beside England. */
export function packSections(index: BenchmarkIndex, councilCode: string, focusAreas: readonly string[]): Pick<DataPackView, 'neighbours' | 'sections'> {
  const area = index.area(councilCode);
  if (!area) return { neighbours: 'its nearest neighbours', sections: focusAreas.map((f) => ({ focusArea: FOCUS_AREA_LABELS[f] ?? f, lines: [] })) };
  const group = groupSpecFor(index, area, 'neighbours');
  const items = areaProfile(index, area, { group, level: 0.95 }).items.filter((item) => item.value !== null && item.via === null);
  const byCode = new Map(items.map((item) => [item.metric.code, item]));
  const candidates = items.map((item) => ({ code: item.metric.code, title: item.metric.title, themes: item.metric.themes }));
  const sections = focusAreas.map((focusArea) => ({
    focusArea: FOCUS_AREA_LABELS[focusArea] ?? focusArea,
    lines: packMetrics(focusArea, candidates).map((m): DataPackLine => {
      const item = byCode.get(m.code)!;
      const decimals = item.metric.decimals;
      const unit = item.metric.unit ?? '';
      return {
        title: item.metric.title,
        period: item.period,
        value: formatValue(item.value, decimals, unit),
        rank: item.rank === null ? '–' : `${ordinal(item.rank)} of ${formatNumber(item.groupSize, 0)}`,
        neighboursMean: formatValue(item.groupMean, decimals, unit),
        england: item.benchmark === null ? '–' : formatValue(item.benchmark.value, decimals, unit),
        englandSource: item.benchmark?.source ?? 'England',
        direction: trendWords(item.trend).short,
      };
    }),
  }));
  return { neighbours: items[0]?.groupLabel ?? 'its nearest neighbours', sections };
}
