// The demo's support offer: made once, when Durham's organisation and the
// demo's providers are there, with a request in each state and a budget
// whose allocations and spend add up, one of them overspent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decide } from '../../../src/domain/access/index.ts';
import { fundingPosition } from '../../../src/domain/peer-challenge/index.ts';
import { requestRecord } from '../../../src/server/features/support-offer/records.ts';
import { allocationsOf, listBudgets } from '../../../src/store/funding.ts';
import { createOrganisation } from '../../../src/store/organisations.ts';
import { listRequests, providerOrganisations } from '../../../src/store/support-requests.ts';
import { createDemoSupportOffer } from '../../../src/server/features/support-offer/demo-support-offer.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';

describe('createDemoSupportOffer(sql, log)', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('makes nothing without Durham’s organisation and the providers', async () => {
    await createOrganisation(store.sql, { name: 'Sector improvement body', kind: 'sector_body', areaCode: null });
    await createDemoSupportOffer(store.sql, () => undefined);
    assert.equal((await listRequests(store.sql, { councilCode: DURHAM })).length, 0);
  });

  it('makes a request in each state and a budget once', async () => {
    await createOrganisation(store.sql, { name: 'Durham County Council', kind: 'council', areaCode: DURHAM });
    await createOrganisation(store.sql, { name: 'North East improvement partnership', kind: 'regional_partnership', areaCode: null });
    const said: string[] = [];
    await createDemoSupportOffer(store.sql, (line) => said.push(line));
    await createDemoSupportOffer(store.sql, (line) => said.push(line));
    assert.equal(said.length, 1);
    const requests = await listRequests(store.sql, { councilCode: DURHAM });
    assert.deepEqual(requests.map((r) => r.state).sort(), ['accepted', 'declined', 'rated', 'requested']);
    assert.deepEqual([...(await providerOrganisations(store.sql)).keys()].sort(), ['iese', 'improvement-east', 'lga']);
    const [budget] = await listBudgets(store.sql);
    const position = fundingPosition(budget!, await allocationsOf(store.sql, [budget!.id]));
    assert.deepEqual([position.total, position.allocated, position.unallocated, position.spent], [1_700_000, 370_000, 1_330_000, 306_500]);
    assert.deepEqual(
      position.allocations.map((a) => a.overspent),
      [false, true],
    );
  });

  it('lets no one but the provider change a request asked by no one in Lantern', async () => {
    const [request] = await listRequests(store.sql, { councilCode: DURHAM });
    const viewer = (role: 'council_member' | 'principal_adviser', organisationId: number, councilArea: string | null) =>
      ({ kind: 'user', userId: 1, role, organisationId, councilArea, actions: ['read', 'change', 'share'] }) as const;
    const member = viewer('council_member', 999, DURHAM);
    const adviser = viewer('principal_adviser', request!.organisationId, null);
    assert.deepEqual(decide(member, 'change', requestRecord(request!), Date.now()), { allowed: false, reason: 'not_author' });
    assert.equal(decide(member, 'read', requestRecord(request!), Date.now()).allowed, true);
    assert.equal(decide(adviser, 'change', requestRecord(request!), Date.now()).allowed, true);
  });
});
