import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  countsUnderRule,
  progressAgainstGoal,
  readSavingsGoal,
  savingsTotals,
  totalsOfSums,
  yearsAgainstGoal,
  SAVING_STATUSES,
  type Saving,
  type SavingsGoal,
  type YearProgress,
} from '../../../src/domain/savings/index.ts';
import { PROJECT_DIR } from '../../support/data.ts';
import { SAVING } from './saving-fixture.ts';

function goalFile(): SavingsGoal {
  const read = readSavingsGoal(JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'data/support-offer/savings-goal.json'), 'utf8')));
  assert.equal(read.kind, 'ok', JSON.stringify(read));
  return (read as { goal: SavingsGoal }).goal;
}

const GOAL = Object.freeze(goalFile());
const DOCUMENT = { kind: 'document', reference: 'Audit letter 2009' } as const;
const saving = (changes: Partial<Saving>): Saving => Object.freeze({ ...SAVING, ...changes });

function measured(year: YearProgress | undefined): Extract<YearProgress, { kind: 'measured' }> {
  assert.equal(year?.kind, 'measured');
  return year as Extract<YearProgress, { kind: 'measured' }>;
}

describe('data/support-offer/savings-goal.json', () => {
  it("is Improvement East's 3% a year over three years, with its source", () => {
    assert.equal(GOAL.share, 0.03);
    assert.deepEqual(GOAL.years, ['2008/09', '2009/10', '2010/11']);
    assert.match(GOAL.source, /3% cash releasing savings are achieved in each of the three years/);
  });
});

describe('readSavingsGoal(json)', () => {
  it('refuses each malformed field by name', () => {
    const read = readSavingsGoal({ ...GOAL, share: 3, years: ['2008'], baselineYear: 'then', source: '' });
    assert.deepEqual(read.kind === 'invalid' ? read.problems.map((p) => p.field) : [], ['share', 'years', 'baselineYear', 'source']);
    assert.equal(readSavingsGoal(null).kind, 'invalid');
  });
});

describe('savingsTotals(savings)', () => {
  it('keeps every status apart, and joins only the evidenced and the verified', () => {
    const totals = savingsTotals([
      saving({ amount: 100 }),
      saving({ amount: 200, status: 'claimed' }),
      saving({ amount: 300, status: 'evidenced', evidence: DOCUMENT }),
      saving({ amount: 400, status: 'verified', evidence: DOCUMENT, verifiedBy: 'Priya Shah' }),
    ]);
    assert.deepEqual(
      SAVING_STATUSES.map((s) => totals.byStatus[s].amount),
      [100, 200, 300, 400],
    );
    assert.deepEqual(totals.withEvidence, { amount: 700, count: 2 });
  });

  it('never lets an estimate reach the evidenced total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...SAVING_STATUSES), fc.integer({ min: 0, max: 1e9 })), { maxLength: 40 }), (rows) => {
        const savings = rows.map(([status, p]) => saving({ status, amount: p / 100 }));
        const withEstimates = savingsTotals(savings).withEvidence;
        const without = savingsTotals(savings.filter((s) => s.status === 'evidenced' || s.status === 'verified')).withEvidence;
        assert.deepEqual(withEstimates, without);
      }),
    );
  });
});

describe('progressAgainstGoal(goal, councilCode, baselineSpend, savings, rule)', () => {
  const SAVINGS = Object.freeze([
    saving({ amount: 900_000, status: 'verified', evidence: DOCUMENT, verifiedBy: 'Priya Shah' }),
    saving({ amount: 300_000, status: 'evidenced', evidence: DOCUMENT }),
    saving({ amount: 250_000, status: 'claimed' }),
    saving({ amount: 500_000 }),
    saving({ amount: 80_000, lastsFullYears: 1, status: 'evidenced', evidence: DOCUMENT }),
    saving({ amount: 70_000, cashReleasing: false }),
    saving({ amount: 1_000_000, councilCode: 'E07000203' }),
    saving({ amount: 400_000, year: '2009/10', status: 'claimed' }),
  ]);

  it('sets each year against 3% of the baseline spend, evidenced apart from claimed and estimated', () => {
    const progress = progressAgainstGoal(GOAL, 'E07000200', 50_000_000, SAVINGS);
    const first = measured(progress.years[0]);
    const second = measured(progress.years[1]);
    const third = measured(progress.years[2]);
    assert.equal(first.target, 1_500_000);
    assert.equal(first.evidencedShare, 0.8);
    assert.equal(first.sentence, '2008/09: £1,200,000 evidenced of the £1,500,000 target (80%); besides, £250,000 claimed and £500,000 estimated, not yet evidenced.');
    assert.equal(second.totals.byStatus.claimed.amount, 400_000);
    assert.equal(second.evidencedShare, 0);
    assert.equal(third.totals.withEvidence.count, 0);
  });

  it('names the savings the rule leaves out, and why', () => {
    const { notCounted } = progressAgainstGoal(GOAL, 'E07000200', 50_000_000, SAVINGS);
    assert.deepEqual(
      notCounted.map((n) => [n.saving.amount, n.reason]),
      [
        [80_000, 'lasts 1 full financial year(s), fewer than 2'],
        [70_000, 'not cash-releasing'],
      ],
    );
  });

  it('sets no target without a baseline spend, and says so', () => {
    const [first] = progressAgainstGoal(GOAL, 'E07000200', null, SAVINGS).years;
    assert.equal(first!.kind, 'no_baseline');
    assert.match(first!.sentence, /no baseline spend \(net-revenue-expenditure, 2007\/08\)/);
    assert.equal(progressAgainstGoal(GOAL, 'E07000200', 0, SAVINGS).years[0]!.kind, 'no_baseline');
  });
});

// The partnership page adds savings up in the store, by status and what the rule reads of them, and
// judges the years from those sums: the figures and sentences must be those of the savings themselves.
describe('the years against the goal from sums, as the store adds them up', () => {
  it('says what progressAgainstGoal says of the same savings, whatever they are', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            year: fc.constantFrom(...GOAL.years),
            amount: fc.integer({ min: 0, max: 5_000_000_00 }).map((pence) => pence / 100),
            status: fc.constantFrom(...SAVING_STATUSES),
            cashReleasing: fc.boolean(),
            lastsFullYears: fc.integer({ min: 0, max: 4 }),
          }),
          { maxLength: 30 },
        ),
        fc.option(fc.integer({ min: 1, max: 900_000_000 }), { nil: null }),
        (drawn, baseline) => {
          const savings = drawn.map((d) => saving({ ...d, evidence: d.status === 'evidenced' || d.status === 'verified' ? DOCUMENT : null }));
          const fromSavings = progressAgainstGoal(GOAL, SAVING.councilCode, baseline, savings).years;
          const fromSums = yearsAgainstGoal(GOAL, baseline, (year) =>
            totalsOfSums(savings.filter((s) => s.year === year && countsUnderRule(s).counts).map((s) => ({ status: s.status, pence: Math.round(s.amount * 100), count: 1 }))),
          );
          assert.deepEqual(fromSums, fromSavings);
        },
      ),
    );
  });

  it('adds several sums of one status together, in pence, and joins only the evidenced and the verified', () => {
    const totals = totalsOfSums([
      { status: 'evidenced', pence: 1_000_01, count: 2 },
      { status: 'verified', pence: 50, count: 1 },
      { status: 'evidenced', pence: 99, count: 1 },
      { status: 'estimated', pence: 7_000_00, count: 4 },
    ]);
    assert.deepEqual(totals.byStatus.evidenced, { amount: 1001, count: 3 });
    assert.deepEqual(totals.withEvidence, { amount: 1001.5, count: 4 });
    assert.deepEqual(totals.byStatus.estimated, { amount: 7000, count: 4 });
    assert.deepEqual(totals.byStatus.claimed, { amount: 0, count: 0 });
  });
});
