// The demo's support offer, so that its pages have something to show: the
// offer's providers answered by the demo's organisations, County Durham's
// requests in each state (one delivered and rated, one accepted, one
// declined with its reason, one just asked), and a regional partnership's
// budget with carried-forward sums, allocations decided by its management
// group and spend against them. All made up for the demo, and said so in
// their notes and the budget's theme. Made once, when Durham's organisation
// is there and it has asked for nothing; written straight to the store, as
// the demo's people are, and audited as the demo.
import { checkRequest, type OfferCouncil, type RequestEvent } from '../../../domain/peer-challenge/index.ts';
import { keptSupportOffer } from '../../../ingest/support-offer.ts';
import { recordAudit } from '../../../store/audit.ts';
import { addBudget, allocate, recordSpend } from '../../../store/funding.ts';
import { createOrganisation, findOrganisationByName } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { madeByDemo } from '../../platform/access/demo-audit.ts';
import { askForSupport, listRequests, setProviderOrganisation, stepRequest } from '../../../store/support-requests.ts';

const DURHAM: OfferCouncil = { code: 'E06000047', name: 'County Durham', type: 'unitary', region: 'E12000001' };

/** Each request: the offer, the day asked, its note, and the steps it has taken since. */
const REQUESTS: readonly { offerId: string; on: string; note: string; steps: readonly RequestEvent[] }[] = [
  {
    offerId: 'corporate-peer-challenge',
    on: '2025-02-03',
    note: 'A corporate peer challenge before the medium-term financial plan is refreshed (synthetic).',
    steps: [
      { kind: 'accept', on: '2025-02-17' },
      { kind: 'deliver', on: '2025-06-27' },
      {
        kind: 'rate',
        ratings: [
          { by: 'Chief executive (synthetic)', helpful: 'strongly_agree' },
          { by: 'Leader of the council (synthetic)', helpful: 'agree' },
          { by: 'Director of resources (synthetic)', helpful: 'neither' },
        ],
      },
    ],
  },
  { offerId: 'leadership-place', on: '2025-09-08', note: 'A place for the new director of children’s services (synthetic).', steps: [{ kind: 'accept', on: '2025-09-15' }] },
  {
    offerId: 'adults-peer-challenge',
    on: '2025-10-01',
    note: 'A challenge of the adult social care front door (synthetic).',
    steps: [{ kind: 'decline', on: '2025-10-20', reason: 'This year’s subsidised places went to councils rated adequate; ask again in April (synthetic).' }],
  },
  { offerId: 'productivity-expert', on: '2025-11-10', note: 'Help with the procurement of home care (synthetic).', steps: [] },
];

export async function createDemoSupportOffer(sql: Sql, log: (line: string) => void): Promise<void> {
  const durham = await findOrganisationByName(sql, 'Durham County Council');
  const sectorBody = await findOrganisationByName(sql, 'Sector improvement body');
  const region = await findOrganisationByName(sql, 'North East improvement partnership');
  if (!durham || !sectorBody || !region || (await listRequests(sql, { councilCode: DURHAM.code })).length > 0) return;
  const offer = keptSupportOffer();
  const made = await sql.begin(async (tx) => {
    const partnership = async (name: string) => (await findOrganisationByName(tx, name)) ?? createOrganisation(tx, { name, kind: 'regional_partnership', areaCode: null });
    await setProviderOrganisation(tx, 'lga', sectorBody.id);
    await setProviderOrganisation(tx, 'improvement-east', (await partnership('Improvement East')).id);
    await setProviderOrganisation(tx, 'iese', (await partnership('Improvement and Efficiency South East')).id);
    const ids: string[] = [];
    for (const r of REQUESTS) {
      const chosen = offer.offers.find((o) => o.id === r.offerId)!;
      const draft = { councilCode: DURHAM.code, offerId: r.offerId, offerKind: chosen.kind, providerId: chosen.providerId, organisationId: sectorBody.id, requestedOn: r.on, note: r.note };
      const asked = await askForSupport(tx, draft, null, (uses) => checkRequest({ offerId: r.offerId, requestedOn: r.on }, DURHAM, offer.offers, uses));
      if (asked.kind !== 'ok') throw new Error(`the demo's request for ${r.offerId} is refused: ${JSON.stringify(asked)}`);
      for (const step of r.steps) {
        const stepped = await stepRequest(tx, asked.id, step, null);
        if (stepped.kind !== 'ok') throw new Error(`the demo's request for ${r.offerId} cannot ${step.kind}: ${stepped.problem.message}`);
      }
      ids.push(`support_request:${asked.id}`);
    }
    const budget = await addBudget(tx, region.id, { theme: 'Performance Improvement (synthetic)', year: '2025/26', amount: 1_500_000, carriedForward: 200_000 }, null);
    if (budget.kind === 'ok') {
      const allocation = (name: string, kind: 'project' | 'council', amount: number, decidedOn: string, decision: string) =>
        allocate(
          tx,
          budget.id,
          {
            theme: 'Performance Improvement (synthetic)',
            year: '2025/26',
            recipient: { kind, name, councilCode: kind === 'council' ? DURHAM.code : null },
            amount,
            decidedBy: 'Theme Management Group (3 councillors, 3 chief executives)',
            decidedOn,
            decision,
            startsOn: decidedOn,
            endsOn: '2026-03-31',
          },
          null,
        );
      const toDurham = await allocation('County Durham', 'council', 250_000, '2025-05-14', 'Agreed: support for the improvement plan after the corporate peer challenge (synthetic).');
      const dataQuality = await allocation('Data quality across the region', 'project', 120_000, '2025-07-09', 'Agreed: a shared data quality review of in-year returns (synthetic).');
      if (toDurham.kind === 'ok') await recordSpend(tx, toDurham.id, 180_000, '2025-10-31', 'Interim and programme costs to October (synthetic)', null);
      if (dataQuality.kind === 'ok') await recordSpend(tx, dataQuality.id, 126_500, '2026-01-30', 'Review and workshops; over the allocation (synthetic)', null);
      ids.push(`funding:${budget.id}`);
    }
    await recordAudit(
      tx,
      ids.map((key) => {
        const [kind, id] = key.split(':') as ['support_request' | 'funding', string];
        return madeByDemo(kind, id, 'made a synthetic demo record of the support offer');
      }),
    );
    return ids.length;
  });
  log(`Lantern: made ${made} synthetic demo records of the support offer for County Durham and the North East`);
}
