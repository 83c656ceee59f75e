// The demo's efficiency savings, so that the savings pages have something
// to show: County Durham and two of its North East neighbours record
// savings in the goal's years, estimated, claimed and evidenced, from shared
// services, procurement and support given. Every figure is made up for the
// demo and says so. Made once, when Durham's organisation is there and it
// has no saving; the neighbours' council organisations are made where
// missing. Written straight to the store and audited as the demo. Their
// baseline spend, which the goal's target is a share of, is illustrative:
// invented, and labelled so wherever it shows.
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { checkSaving, type Saving } from '../../../domain/savings/index.ts';
import { importFile } from '../../../ingest/import-file.ts';
import { keptSavingsGoal } from '../../../ingest/savings-goal.ts';
import { recordAudit } from '../../../store/audit.ts';
import { getArea, getMetric } from '../../../store/catalogue.ts';
import { createOrganisation } from '../../../store/organisations.ts';
import { councilOrganisation, createSaving, savingsOfCouncil } from '../../../store/savings.ts';
import type { Sql } from '../../../store/store.ts';
import { madeByDemo } from '../../platform/access/demo-audit.ts';
const DURHAM = 'E06000047';
const NEIGHBOURS = [
  ['E06000005', 'Darlington Borough Council'],
  ['E08000024', 'Sunderland City Council'],
] as const;

type DemoSaving = Omit<Saving, 'councilCode' | 'verifiedBy' | 'description'> & { readonly description: string };

const committee = (reference: string) => ({ kind: 'document' as const, reference: `${reference} (synthetic)` });

const SAVINGS: Readonly<Record<string, readonly DemoSaving[]>> = {
  [DURHAM]: [
    {
      year: '2008/09',
      amount: 2_400_000,
      cashReleasing: true,
      lastsFullYears: 3,
      source: 'shared_service',
      description: 'Revenues and benefits shared with a neighbour',
      status: 'evidenced',
      evidence: committee('Cabinet report, June 2009, item 6'),
    },
    { year: '2008/09', amount: 850_000, cashReleasing: true, lastsFullYears: 2, source: 'procurement', description: 'Regional framework for highways materials', status: 'claimed', evidence: null },
    {
      year: '2009/10',
      amount: 1_600_000,
      cashReleasing: true,
      lastsFullYears: 4,
      source: 'support_given',
      description: 'Adult social care review after a productivity expert’s visit',
      status: 'estimated',
      evidence: null,
    },
    {
      year: '2009/10',
      amount: 300_000,
      cashReleasing: false,
      lastsFullYears: 2,
      source: 'service_redesign',
      description: 'Staff time released by online forms',
      status: 'evidenced',
      evidence: committee('Internal audit note 14/09'),
    },
    { year: '2010/11', amount: 1_150_000, cashReleasing: true, lastsFullYears: 1, source: 'procurement', description: 'One-year energy contract discount', status: 'claimed', evidence: null },
  ],
  E06000005: [
    {
      year: '2008/09',
      amount: 620_000,
      cashReleasing: true,
      lastsFullYears: 3,
      source: 'shared_service',
      description: 'Shared legal service',
      status: 'evidenced',
      evidence: committee('Joint committee minutes, March 2009'),
    },
    { year: '2009/10', amount: 410_000, cashReleasing: true, lastsFullYears: 2, source: 'procurement', description: 'Joint fleet procurement', status: 'estimated', evidence: null },
  ],
  E08000024: [
    {
      year: '2009/10',
      amount: 1_900_000,
      cashReleasing: true,
      lastsFullYears: 3,
      source: 'support_given',
      description: 'Back-office redesign with the regional partnership',
      status: 'claimed',
      evidence: null,
    },
    { year: '2010/11', amount: 700_000, cashReleasing: true, lastsFullYears: 2, source: 'shared_service', description: 'Shared internal audit', status: 'estimated', evidence: null },
  ],
};

export async function createDemoSavings(sql: Sql, log: (line: string) => void): Promise<void> {
  const durham = await councilOrganisation(sql, DURHAM);
  if (durham === undefined || (await savingsOfCouncil(sql, DURHAM)).length > 0) return;
  const made = await sql.begin(async (tx) => {
    const holders = new Map<string, number>([[DURHAM, durham]]);
    for (const [code, name] of NEIGHBOURS) {
      if (!(await getArea(tx, code))) continue;
      holders.set(code, (await councilOrganisation(tx, code)) ?? (await createOrganisation(tx, { name, kind: 'council', areaCode: code })).id);
    }
    const ids: number[] = [];
    for (const [code, organisationId] of holders) {
      for (const demo of SAVINGS[code] ?? []) {
        const saving: Saving = { ...demo, councilCode: code, description: `${demo.description} (synthetic)`, verifiedBy: null };
        if (checkSaving(saving).length > 0) throw new Error(`the demo saving '${demo.description}' is refused by its own checks`);
        ids.push(await createSaving(tx, saving, organisationId, null));
      }
    }
    await recordAudit(
      tx,
      ids.map((id) => madeByDemo('saving', id, 'made a synthetic demo saving')),
    );
    return { count: ids.length, councils: [...holders.keys()] };
  });
  log(`Lantern: made ${made.count} synthetic demo savings for County Durham and its neighbours`);
  await createDemoBaseline(sql, made.councils, log);
}

/**
 * Illustrative baseline spend, so that the demo's savings have a target: the
 * data Lantern ships holds no council's net revenue expenditure for the
 * goal's baseline year, so these figures are invented, and say so in the
 * metric's title and source and in each value's 'estimated' flag. Loaded
 * through the ordinary import path, only where the store has no such metric.
 */
const ILLUSTRATIVE_BASELINE: Readonly<Record<string, number>> = { [DURHAM]: 420_000_000, E06000005: 95_000_000, E08000024: 260_000_000 };

async function createDemoBaseline(sql: Sql, councils: readonly string[], log: (line: string) => void): Promise<void> {
  const goal = keptSavingsGoal();
  if (councils.length === 0 || (await getMetric(sql, goal.baselineMetric))) return;
  const definition = Papa.unparse([
    {
      code: goal.baselineMetric,
      title: 'Net revenue expenditure (illustrative figures for the demo)',
      definition: "A council's net revenue expenditure for the year: the baseline spend of the savings goal.",
      polarity: 'neutral',
      value_kind: 'currency',
      period_kind: 'financial_year',
      unit: '£',
      decimals: 0,
      source: "Invented for Lantern's demo, not published data: Lantern's data holds no council's spend for the goal's baseline year",
      themes: 'finance',
    },
  ]);
  const values = Papa.unparse(
    councils
      .filter((code) => ILLUSTRATIVE_BASELINE[code] !== undefined)
      .map((code) => ({ metric: goal.baselineMetric, area: code, period: goal.baselineYear, value: ILLUSTRATIVE_BASELINE[code], flags: 'estimated' })),
  );
  for (const [fileName, text] of [
    ['demo-baseline-metric.csv', definition],
    ['demo-baseline-spend.csv', values],
  ] as const) {
    const result = await importFile(sql, { fileName, input: Readable.from([Buffer.from(`${text}\n`)]), importedBy: 'demo', source: 'Lantern demo: illustrative figures, not published data' });
    if (result.status !== 'loaded') throw new Error(`the demo's illustrative baseline spend (${fileName}) is refused: ${JSON.stringify(result.rejections)}`);
  }
  log(`Lantern: gave ${councils.length} demo councils an illustrative baseline spend (${goal.baselineMetric}, ${goal.baselineYear}), invented and labelled so`);
}
