import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPackage, type PackageDraft } from '../../../src/domain/support/index.ts';

const GOOD: PackageDraft = {
  objectives: ['Stabilise children’s social care leadership'],
  providers: [{ name: 'A chief executive mentor', kind: 'mentor' }],
  milestones: [{ title: 'Improvement plan agreed', ownerName: 'Director of Children’s Services', ownerUserId: null, dueOn: '2026-03-31' }],
  metrics: [{ metricCode: 'children-in-need-rate', baselinePeriod: '2024/25', baselineValue: 410, direction: 'down', byPeriod: '2026/27' }],
  agreedOn: '2026-01-10',
};

const fields = (draft: PackageDraft) => checkPackage(draft).map((p) => p.field);

describe('checkPackage', () => {
  it('agrees a package with objectives, providers, milestones and a metric', () => {
    assert.deepEqual(checkPackage(GOOD), []);
  });

  it('refuses a package without metrics, naming the field', () => {
    const problems = checkPackage({ ...GOOD, metrics: [] });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['metrics'],
    );
    assert.match(problems[0]!.message, /^'metrics': a package without metrics/);
  });

  it('refuses blank objectives, no providers and no milestones, each by name', () => {
    assert.deepEqual(fields({ ...GOOD, objectives: ['  '], providers: [], milestones: [] }), ['objectives', 'providers', 'milestones']);
  });

  it('refuses a milestone due before the package was agreed', () => {
    assert.deepEqual(fields({ ...GOOD, milestones: [{ ...GOOD.milestones[0]!, dueOn: '2025-12-31' }] }), ['milestones[0].dueOn']);
  });

  it('refuses a by-period not after the baseline, and a period it cannot read', () => {
    const metric = GOOD.metrics[0]!;
    assert.deepEqual(fields({ ...GOOD, metrics: [{ ...metric, byPeriod: '2024/25' }] }), ['metrics[0].byPeriod']);
    assert.deepEqual(fields({ ...GOOD, metrics: [{ ...metric, baselinePeriod: 'last year' }] }), ['metrics[0].baselinePeriod']);
  });

  it('refuses a metric named twice', () => {
    const metric = GOOD.metrics[0]!;
    assert.deepEqual(fields({ ...GOOD, metrics: [metric, metric] }), ['metrics[1].metric']);
  });
});
