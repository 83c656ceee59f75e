// Support packages and the Panel as kept, on a real store: a package's
// milestones and metrics written and read back, milestones never removed by
// a change, the evidence closing a case as improved reads, and the Panel's
// agenda numbered after its last item with actions carried once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actionsOf, agendaOf, appendAgenda, carriedAlready, createActions, createMeeting, getMeeting, meetingBefore } from '../../src/store/panel.ts';
import { caseHeld, createPackage, getPackage, packageEvidence, setMilestoneMet, updatePackage } from '../../src/store/support-packages.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';
import { ACTIVE, supportWorld, type SupportWorld } from '../server/support/world.ts';

const DRAFT = {
  objectives: ['Raise physical activity'],
  providers: [{ name: 'A mentor', kind: 'mentor' as const }],
  milestones: [{ title: 'Plan agreed', ownerName: 'Director of Public Health', ownerUserId: null, dueOn: '2026-02-28' }],
  metrics: [{ metricCode: ACTIVE, baselinePeriod: '2019/20', baselineValue: 65.5, direction: 'up' as const, byPeriod: '2021/22' }],
  agreedOn: '2026-01-10',
};

describe('support packages and the Panel as kept', () => {
  let store: TestStore;
  let world: SupportWorld;
  before(async () => {
    store = await openDemoStore();
    world = await supportWorld(store.sql, 'store');
  });
  after(() => store.close());

  it('keeps a package with its case held for the policy, and its evidence', async () => {
    const held = await caseHeld(store.sql, world.caseId);
    assert.equal(held?.outcome, 'support_package');
    assert.equal(held?.ownerOrganisationId, world.body);
    const id = await createPackage(store.sql, world.caseId, DRAFT, 'test');
    const made = (await getPackage(store.sql, id))!;
    assert.deepEqual(
      made.milestones.map((m) => [m.title, m.dueOn, m.metOn]),
      [['Plan agreed', '2026-02-28', null]],
    );
    assert.deepEqual(
      made.metrics.map((m) => [m.metricCode, m.baselineValue, m.direction]),
      [[ACTIVE, 65.5, 'up']],
    );
    assert.equal((await packageEvidence(store.sql, world.caseId))[0]?.milestonesMet, false);

    await updatePackage(store.sql, id, { ...DRAFT, status: 'active', milestones: [{ title: 'Mentor in post', ownerName: 'CEO', ownerUserId: null, dueOn: '2026-03-31' }] }, 'test');
    const changed = (await getPackage(store.sql, id))!;
    assert.deepEqual(
      changed.milestones.map((m) => m.title),
      ['Plan agreed', 'Mentor in post'],
      'a change adds, never removes, milestones',
    );
    assert.equal(changed.revision, 2);
    for (const m of changed.milestones) assert.equal(await setMilestoneMet(store.sql, id, m.id, '2026-03-01', 'test'), true);
    assert.equal(await setMilestoneMet(store.sql, id + 1000, changed.milestones[0]!.id, '2026-03-01', 'test'), false, "another package's milestone is not found");
    const [evidence] = await packageEvidence(store.sql, world.caseId);
    assert.equal(evidence?.milestonesMet, true);
    assert.equal(evidence?.metrics[0]?.metricCode, ACTIVE);
  });

  it('numbers the agenda after its last item and finds the meeting before', async () => {
    const first = await createMeeting(store.sql, { ownerOrganisationId: world.body, heldOn: '2026-01-20', title: 'January Panel' }, 'test');
    const second = await createMeeting(store.sql, { ownerOrganisationId: world.body, heldOn: '2026-03-20', title: 'March Panel' }, 'test');
    const item = { kind: 'other' as const, caseId: null, title: 'Apologies', confidential: false };
    await appendAgenda(store.sql, second, [item]);
    await appendAgenda(store.sql, second, [{ ...item, title: 'New package', kind: 'new_package', caseId: world.caseId, confidential: true }]);
    assert.deepEqual(
      (await agendaOf(store.sql, second)).map((i) => [i.position, i.title, i.confidential]),
      [
        [1, 'Apologies', false],
        [2, 'New package', true],
      ],
    );
    assert.equal((await meetingBefore(store.sql, (await getMeeting(store.sql, second))!))?.id, first);
    assert.equal(await meetingBefore(store.sql, (await getMeeting(store.sql, first))!), undefined);

    const [actionId] = await createActions(store.sql, first, [
      { agendaItemId: null, action: 'Report back', actionBy: 'Dennis Skinner', ownerUserId: null, dueOn: '2026-02-01', progress: null, carriedFrom: null },
    ]);
    assert.equal((await carriedAlready(store.sql, [actionId!])).size, 0);
    await createActions(store.sql, second, [
      { agendaItemId: null, action: 'Report back', actionBy: 'Dennis Skinner', ownerUserId: null, dueOn: '2026-04-01', progress: 'Begun', carriedFrom: actionId! },
    ]);
    assert.deepEqual([...(await carriedAlready(store.sql, [actionId!]))], [actionId]);
    assert.equal((await actionsOf(store.sql, second))[0]?.carriedFrom, actionId);
  });
});
