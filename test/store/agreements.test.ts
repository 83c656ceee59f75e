// Agreements and targets in a real store: made with their partners, each
// change counted in the revision, a renumbered target keeping its old
// reference, and sign-off versions, reviews and the change log kept: no one
// may change or delete them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAgreement, freezeVersion, getAgreement, touchAgreement, updateAgreement, type AgreementDraft } from '../../src/store/agreements.ts';
import { createReview, createTargets, getTarget, latestReviews, recordChanges, targetsInForce, updateTarget, type TargetDraft } from '../../src/store/targets.ts';
import { organisation, user } from '../support/access.ts';
import { seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';

const DRAFT: AgreementDraft = {
  kind: 'local_area_agreement',
  title: 'County Durham LAA 2008-11',
  firstYear: '2008/09',
  lastYear: '2010/11',
  planStart: '2008-04-01',
  planEnd: '2011-03-31',
  areas: [DURHAM],
  designatedCap: 35,
  partners: [{ kind: 'council', name: 'Durham County Council', organisationId: null }],
};

describe('the agreements store', () => {
  let store: TestStore;
  let who: string;
  let orgId: number;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    orgId = durham.id;
    who = (await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id)).email;
  });
  after(() => store.close());

  const target = (leadPartnerId: number): TargetDraft => ({
    reference: 'NI 56',
    metricCode: 'obesity',
    areas: [DURHAM],
    kind: 'designated',
    indicatorRole: 'performance',
    baselinePeriod: '2008/09',
    baselineValue: 30,
    targetPeriod: '2010/11',
    targetValue: 28,
    trajectoryShape: 'straight',
    trajectory: [
      { period: '2009/10', value: 29 },
      { period: '2010/11', value: 28 },
    ],
    leadPartnerId,
    contributingPartnerIds: [],
    toleranceRule: { kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true },
    placeholderDue: null,
    worseReason: null,
    replacesTargetId: null,
  });

  it('makes an agreement with its partners, counts each change, and keeps a renumbered reference', async () => {
    const made = await createAgreement(store.sql, DRAFT, orgId, who);
    assert.equal(made.revision, 1);
    assert.deepEqual(
      made.partners.map((p) => p.name),
      ['Durham County Council'],
    );
    const changed = await updateAgreement(store.sql, made.id, { ...DRAFT, partners: [...DRAFT.partners, { kind: 'police', name: 'Durham Constabulary', organisationId: null }] }, who);
    assert.equal(changed.revision, 2);
    assert.equal(changed.partners.length, 2);
    const [id] = await createTargets(store.sql, made.id, [target(made.partners[0]!.id)], who);
    await updateTarget(store.sql, id!, { ...target(made.partners[0]!.id), reference: 'NI 56a' }, who);
    const renumbered = (await getTarget(store.sql, id!))!;
    assert.deepEqual([renumbered.reference, renumbered.formerReferences, renumbered.revision], ['NI 56a', ['NI 56'], 2]);
    assert.deepEqual(renumbered.trajectory, target(0).trajectory);
    assert.equal((await getAgreement(store.sql, made.id))!.organisationName, 'Durham County Council');
  });

  it("reads agreements' targets in force again only for an agreement whose revision moved", async () => {
    const first = await createAgreement(store.sql, { ...DRAFT, title: 'Kept A' }, orgId, who);
    const second = await createAgreement(store.sql, { ...DRAFT, title: 'Kept B' }, orgId, who);
    const [a] = await createTargets(store.sql, first.id, [target(first.partners[0]!.id)], who);
    await createTargets(store.sql, second.id, [target(second.partners[0]!.id), { ...target(second.partners[0]!.id), reference: 'NI 8', metricCode: 'visits' }], who);
    const read = async () => targetsInForce(store.sql, [(await getAgreement(store.sql, second.id))!, (await getAgreement(store.sql, first.id))!]);
    const before = await read();
    assert.deepEqual(
      before.map((t) => [t.agreementId, t.reference]),
      [
        [first.id, 'NI 56'],
        [second.id, 'NI 56'],
        [second.id, 'NI 8'],
      ],
    );
    await updateTarget(store.sql, a!, { ...target(first.partners[0]!.id), reference: 'NI 56b' }, who);
    await touchAgreement(store.sql, first.id, who);
    const after = await read();
    assert.deepEqual(
      after.map((t) => t.reference),
      ['NI 56b', 'NI 56', 'NI 8'],
    );
    assert.equal(after[1], before[1], "the unchanged agreement's targets are those kept, not read again");
  });

  it('refuses a second target on the same metric and areas in one agreement', async () => {
    const made = await createAgreement(store.sql, { ...DRAFT, title: 'Second' }, orgId, who);
    await createTargets(store.sql, made.id, [target(made.partners[0]!.id)], who);
    await assert.rejects(createTargets(store.sql, made.id, [{ ...target(made.partners[0]!.id), reference: 'NI 99' }], who), /target_line/);
  });

  it('keeps sign-off versions, reviews and the change log: update and delete refused', async () => {
    const made = await createAgreement(store.sql, { ...DRAFT, title: 'Kept' }, orgId, who);
    const [id] = await createTargets(store.sql, made.id, [target(made.partners[0]!.id)], who);
    await freezeVersion(store.sql, made.id, 1, who, { targets: [] });
    const review = await createReview(
      store.sql,
      { targetId: id!, reviewedOn: '2009-06-30', likelihood: 'amber', narrative: 'Slower than planned', actions: [], risks: null, frozen: {}, published: false },
      who,
    );
    await recordChanges(
      store.sql,
      [{ targetId: id!, version: 1, field: 'targetValue', oldValue: 28, newValue: 29, reason: 'Downturn', proposedBy: 'Board', approvedBy: 'GO', changedOn: '2010-03-15' }],
      who,
    );
    assert.equal((await latestReviews(store.sql, [id!])).get(id!)?.id, review.id);
    await assert.rejects(store.sql`update agreement_version set snapshot = '{}'`, /is kept/);
    await assert.rejects(store.sql`delete from progress_review`, /is kept/);
    await assert.rejects(store.sql`update target_change set reason = 'none'`, /is kept/);
  });
});
