// Monitoring, for the government office, the sector body and inspectorates:
// the agreements of a region or of England that the viewer may read, each
// with its targets counted by RAG and by the latest likelihood of delivery,
// trouble first (most red, then most judged unlikely to deliver); a rating of
// early-sight figures the viewer may not read yet is not counted. The CSV
// says the same, column for column, with cells a spreadsheet would run as
// formulas escaped, as reports' are.
import Papa from 'papaparse';
import { BANDS, BAND_LABELS, LIKELIHOODS, LIKELIHOOD_LABELS, isRated, type Band, type Likelihood } from '../../../domain/targets/index.ts';
import { agreementsInRegion, agreementsOf, type Agreement } from '../../../store/agreements.ts';
import type { Sql } from '../../../store/store.ts';
import { latestReviews, targetsInForce, type StoredTarget } from '../../../store/targets.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { withheldFigures } from '../../platform/agreements/withheld.ts';
import { agreementRecord } from '../../platform/agreements/agreement-record.ts';
import { shownToViewer } from '../../platform/agreements/signed-view.ts';
import { agreementJson, NOT_YET_RATED, type RateTargets } from '../../platform/agreements/agreement-json.ts';

export interface MonitoringLine {
  readonly agreement: ReturnType<typeof agreementJson>;
  readonly targets: number;
  /** Targets by their worst area's band; not rated when no area has a band. */
  readonly rag: Readonly<Record<Band | 'not_rated', number>>;
  /** Targets by their latest review's likelihood; not reviewed when none. */
  readonly likelihood: Readonly<Record<Likelihood | 'not_reviewed', number>>;
}

/** Told each target's worst band as the lines are counted, for a page that also counts them by metric. */
export type MetricTally = (agreement: Agreement, metricCode: string, band: Band | 'not_rated') => void;

export async function monitoringLines(sql: Sql, access: RequestAccess, region: string | undefined, rate: RateTargets = NOT_YET_RATED, tally?: MetricTally): Promise<MonitoringLine[]> {
  const all = region === undefined ? await agreementsOf(sql) : await agreementsInRegion(sql, region);
  const agreements = await access.reveal(
    all.filter((a) => access.may('read', agreementRecord(a))),
    agreementRecord,
    (a) => String(a.id),
    'monitoring',
  );
  // In a refresh, those who do not read its working copy count the agreement and its targets as last signed off.
  const shown = await shownToViewer(sql, access, agreements, await targetsInForce(sql, agreements));
  const targets = shown.flatMap((s) => s.targets);
  const reviews = await latestReviews(
    sql,
    targets.map((t) => t.id),
  );
  const withheld = await withheldFigures(
    sql,
    access,
    targets.map((t) => t.metricCode),
  );
  // Sorted by agreement: each agreement's targets found by key, not by reading all of England's again for each.
  const byAgreement = new Map<number, StoredTarget[]>();
  for (const target of targets) {
    const own = byAgreement.get(target.agreementId);
    if (own) own.push(target);
    else byAgreement.set(target.agreementId, [target]);
  }
  const lines = shown.map(({ agreement }) => {
    const own = byAgreement.get(agreement.id) ?? [];
    const ratings = rate(agreement, own);
    const rag = zeroes([...BANDS, 'not_rated'] as const);
    const likelihood = zeroes([...LIKELIHOODS, 'not_reviewed'] as const);
    for (const target of own) {
      const band = worstBand((ratings.get(target.id) ?? []).filter((r) => !withheld(target.metricCode, r.area)));
      rag[band]++;
      tally?.(agreement, target.metricCode, band);
      likelihood[reviews.get(target.id)?.likelihood ?? 'not_reviewed']++;
    }
    return { agreement: agreementJson(agreement), targets: own.length, rag, likelihood };
  });
  return lines.sort((a, b) => b.rag.red - a.rag.red || unlikely(b) - unlikely(a) || b.rag.amber - a.rag.amber || a.agreement.id - b.agreement.id);
}

function zeroes<const K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Red before amber before green; counted for 20,000 targets a request, so in one pass. */
function worstBand(ratings: readonly { rating: Parameters<typeof isRated>[0] }[]): Band | 'not_rated' {
  let worst: Band | 'not_rated' = 'not_rated';
  for (const { rating } of ratings) {
    if (!isRated(rating)) continue;
    if (rating.band === 'red') return 'red';
    if (rating.band === 'amber' || worst === 'not_rated') worst = rating.band;
  }
  return worst;
}

const unlikely = (line: MonitoringLine) => line.likelihood.red + line.likelihood.amber_red;

/** The monitoring view as CSV: one line an agreement, in the same order. */
export function monitoringCsv(lines: readonly MonitoringLine[]): string {
  const header = [
    'agreement',
    'title',
    'council',
    'status',
    'version',
    'targets',
    ...BANDS.map((b) => `RAG ${BAND_LABELS[b]}`),
    'RAG not rated',
    ...LIKELIHOODS.map((l) => `Likelihood ${LIKELIHOOD_LABELS[l]}`),
    'Not reviewed',
  ];
  const rows = lines.map((l) => [
    l.agreement.id,
    l.agreement.title,
    l.agreement.council.name,
    l.agreement.statusLabel,
    l.agreement.version,
    l.targets,
    ...BANDS.map((b) => l.rag[b]),
    l.rag.not_rated,
    ...LIKELIHOODS.map((k) => l.likelihood[k]),
    l.likelihood.not_reviewed,
  ]);
  return Papa.unparse({ fields: header, data: rows }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}
