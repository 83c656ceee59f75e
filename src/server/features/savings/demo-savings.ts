// The demo's efficiency savings, so that the savings pages have something
// to show: County Durham and two of its North East neighbours record
// savings in the goal's years, estimated, claimed and evidenced, from shared
// services, procurement and support given. Every figure is made up for the
// demo and says so. Made once, when Durham's organisation is there and it
// has no saving; the neighbours' council organisations are made where
// missing. Written straight to the store and audited as the demo.
import { checkSaving, type Saving } from '../../../domain/savings/index.ts';
import { recordAudit } from '../../../store/audit.ts';
import { getArea } from '../../../store/catalogue.ts';
import { createOrganisation } from '../../../store/organisations.ts';
import { councilOrganisation, createSaving, savingsOfCouncil } from '../../../store/savings.ts';
import type { Sql } from '../../../store/store.ts';

const DEMO = 'lantern demo';
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
      ids.map((id) => ({
        userId: null,
        actor: DEMO,
        action: 'change' as const,
        recordKind: 'saving' as const,
        recordId: String(id),
        summary: 'made a synthetic demo saving',
        ip: null,
        userAgent: null,
      })),
    );
    return ids.length;
  });
  log(`Lantern: made ${made} synthetic demo savings for County Durham and its neighbours`);
}
