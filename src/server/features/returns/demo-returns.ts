// The demo's returns, so that the returns pages have something to show:
// County Durham sends a local metric of its own (missed bin collections,
// monthly) and a library metric by quarter, with provisional values made up
// for the demo. Each return and its metric say they are synthetic, and the
// pages tag them so wherever they show. Made once, when Durham's
// organisation is there and it has no return; written straight to the store
// as the demo's people are, and audited as the demo.
import { parsePeriod, stepPeriod, type Period } from '../../../domain/period/index.ts';
import { checkLocalMetric, DEFAULT_DUE_RULE } from '../../../domain/returns/index.ts';
import { recordAudit } from '../../../store/audit.ts';
import { getMetric } from '../../../store/catalogue.ts';
import { holdValues, type HeldValueInput } from '../../../store/held-values.ts';
import { findOrganisationByName } from '../../../store/organisations.ts';
import { createLocalMetric, createReturn, listReturns, type ReturnDraft } from '../../../store/returns.ts';
import type { Sql } from '../../../store/store.ts';
import { madeByDemo } from '../../platform/access/demo-audit.ts';
const DURHAM = 'E06000047';
const LIBRARY_METRIC = 'percentage-of-physically-active-adults';

/** Synthetic monthly counts: a seasonal pattern about 400, rounded to whole collections. */
const MISSED_BINS = [412, 398, 455, 431, 389, 402, 476, 520, 447, 405, 391, 388, 417, 409, 462, 438] as const;

export async function createDemoReturns(sql: Sql, log: (line: string) => void): Promise<void> {
  const council = await findOrganisationByName(sql, 'Durham County Council');
  if (!council || (await listReturns(sql, { areaCode: DURHAM })).length > 0) return;
  const local = checkLocalMetric(DURHAM, {
    title: 'Missed bin collections (synthetic)',
    definition: 'Household collections reported missed in the month. Made up for the Lantern demo: not the council’s figures.',
    unit: 'collections',
    polarity: 'lower_is_better',
    valueKind: 'count',
    periodKind: 'month',
  });
  if (local.kind !== 'ok') throw new Error('the demo local metric is refused by its own checks');
  const made = await sql.begin(async (tx) => {
    await createLocalMetric(tx, local.metric, DURHAM, null);
    const ids: number[] = [];
    const bins = await addDemoReturn(tx, {
      areaCode: DURHAM,
      organisationId: council.id,
      metricCode: local.metric.code,
      periodKind: 'month',
      firstPeriod: period('2025-04'),
      lastPeriod: null,
      dueRule: DEFAULT_DUE_RULE,
      synthetic: true,
    });
    if (bins !== undefined) {
      ids.push(bins);
      // The month after the last value is left blank with its note; the months after it are due or overdue.
      const values = MISSED_BINS.map((value, i) => held(local.metric.code, bins, stepPeriod(period('2025-04'), i)!, value));
      const blank = held(local.metric.code, bins, stepPeriod(period('2025-04'), MISSED_BINS.length)!, null);
      await holdValues(tx, [...values, { ...blank, note: 'Collection system replaced in August: figures follow (synthetic)' }], null);
    }
    if (await getMetric(tx, LIBRARY_METRIC)) {
      const active = await addDemoReturn(tx, {
        areaCode: DURHAM,
        organisationId: council.id,
        metricCode: LIBRARY_METRIC,
        periodKind: 'quarter',
        firstPeriod: period('2025/26 Q1'),
        lastPeriod: null,
        dueRule: { kind: 'months_after', months: 2 },
        synthetic: true,
      });
      if (active !== undefined) {
        ids.push(active);
        await holdValues(tx, [held(LIBRARY_METRIC, active, period('2025/26 Q1'), 66.1), held(LIBRARY_METRIC, active, period('2025/26 Q2'), 67.4)], null);
      }
    }
    await recordAudit(
      tx,
      ids.map((id) => madeByDemo('council_return', id, 'made a synthetic demo return')),
    );
    return ids.length;
  });
  log(`Lantern: made ${made} synthetic demo returns for County Durham`);
}

function addDemoReturn(tx: Parameters<typeof createReturn>[0], draft: ReturnDraft) {
  return createReturn(tx, draft, null);
}

function held(metricCode: string, returnId: number, at: Period, value: number | null): HeldValueInput {
  return { metricCode, areaCode: DURHAM, period: at, value, provisional: true, origin: 'return', originId: returnId };
}

function period(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind === 'invalid') throw new Error(`demo period ${label}: ${parsed.reason}`);
  return parsed.period;
}
