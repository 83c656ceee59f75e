import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { carriedActions, draftAgenda, readyToClose, type PackageOnCase } from '../../../src/domain/support/index.ts';

const pkg = (over: Partial<PackageOnCase>): PackageOnCase => ({
  caseId: 1,
  areaName: 'County Durham',
  packageId: 1,
  agreedOn: '2026-01-10',
  status: 'active',
  milestones: [{ title: 'Plan agreed', dueOn: '2026-02-01', metOn: '2026-01-30' }],
  metrics: [{ title: 'Children in need', verdict: 'not_yet_due', due: false }],
  ...over,
});

describe('draftAgenda', () => {
  it('takes the action monitor first, then new packages, overdue milestones, unmoved metrics and closures', () => {
    const items = draftAgenda({
      heldOn: '2026-03-01',
      lastHeldOn: '2026-01-05',
      openActions: 2,
      confidentialCases: new Set([2]),
      packages: [
        pkg({ caseId: 1 }),
        pkg({
          caseId: 2,
          areaName: 'Hartlepool',
          agreedOn: '2025-11-01',
          milestones: [{ title: 'Mentor in post', dueOn: '2026-02-15', metOn: null }],
          metrics: [{ title: 'Reserves', verdict: 'unmoved', due: true }],
        }),
        pkg({ caseId: 3, areaName: 'Leeds', agreedOn: '2025-06-01', metrics: [{ title: 'Reserves', verdict: 'moved', due: true }] }),
        pkg({ caseId: 4, areaName: 'York', status: 'withdrawn' }),
      ],
    });
    assert.deepEqual(
      items.map((i) => [i.kind, i.caseId, i.confidential]),
      [
        ['action_monitor', null, false],
        ['new_package', 1, false],
        ['overdue_milestone', 2, true],
        ['unmoved_metric', 2, true],
        ['proposed_closure', 3, false],
      ],
    );
    assert.match(items[0]!.title, /2 actions from the meeting of 2026-01-05/);
    assert.match(items[2]!.title, /^Hartlepool: 1 overdue milestone: Mentor in post \(due 2026-02-15\)/);
  });

  it('at the first meeting every active package is new and there is no action monitor', () => {
    const items = draftAgenda({ heldOn: '2026-03-01', lastHeldOn: null, openActions: 0, confidentialCases: new Set(), packages: [pkg({})] });
    assert.deepEqual(
      items.map((i) => i.kind),
      ['new_package'],
    );
  });

  it('reads a metric unmoved before its by-period as not yet the Panel’s business', () => {
    const items = draftAgenda({
      heldOn: '2026-03-01',
      lastHeldOn: '2026-02-01',
      openActions: 0,
      confidentialCases: new Set(),
      packages: [pkg({ metrics: [{ title: 'X', verdict: 'unmoved', due: false }] })],
    });
    assert.deepEqual(items, []);
  });
});

describe('readyToClose', () => {
  it('needs every milestone met and every metric moved', () => {
    assert.equal(readyToClose(pkg({ metrics: [{ title: 'X', verdict: 'moved', due: true }] })), true);
    assert.equal(readyToClose(pkg({ metrics: [] })), false);
    assert.equal(readyToClose(pkg({ metrics: [{ title: 'X', verdict: 'moved', due: true }], milestones: [{ title: 'Y', dueOn: '2026-01-01', metOn: null }] })), false);
  });
});

describe('carriedActions', () => {
  it('carries the actions not done and not carried already', () => {
    const base = { action: 'Report back', actionBy: 'Dennis Skinner', ownerUserId: null, dueOn: '2026-02-01', progress: null, carriedFrom: null };
    const actions = [
      { ...base, id: 1, doneOn: null },
      { ...base, id: 2, doneOn: '2026-01-20' },
      { ...base, id: 3, doneOn: null },
    ];
    assert.deepEqual(
      carriedActions(actions, new Set([3])).map((a) => a.id),
      [1],
    );
  });
});
