import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { percentagePositive, poolResults, poolWaves, type SurveyResult, type Wave } from '../../../src/domain/surveys/index.ts';
import { goodSurvey, lgaSet } from './fixtures.ts';

const SET = lgaSet();
const COUNCIL = SET.questions.find((question) => question.code === 'satisfied-with-council')!;

/** A result for "the way the council runs things" with this many very satisfied, the rest very dissatisfied. */
function satisfied(positive: number, base: number, weighted: SurveyResult['weighted'] = null): SurveyResult {
  const counts = { very_satisfied: positive, fairly_satisfied: 0, neither: 0, fairly_dissatisfied: 0, very_dissatisfied: base - positive, dont_know: 0 };
  return Object.freeze({ questionCode: 'satisfied-with-council', counts, base, weighted });
}

function wave(number: number, result: SurveyResult, change: Parameters<typeof goodSurvey>[1] = {}): Wave {
  return { record: goodSurvey(SET, { weighting: { kind: 'none' }, tracker: { name: 'Residents panel', wave: number }, ...change }), result };
}

function percentOf(result: SurveyResult): number {
  const figure = percentagePositive(COUNCIL, result);
  return figure.kind === 'ok' ? figure.percent : Number.NaN;
}

describe('poolWaves(waves)', () => {
  it('pools 60 of 100 and 300 of 1,000 to 360 of 1,100, 32.7%, where averaging the percentages would say 45%', () => {
    const pooled = poolWaves([wave(1, satisfied(60, 100)), wave(2, satisfied(300, 1000))]);
    assert.equal(pooled.kind, 'pooled');
    if (pooled.kind !== 'pooled') return;
    assert.equal(pooled.result.base, 1100);
    assert.equal(pooled.result.counts.very_satisfied, 360);
    assert.ok(Math.abs(percentOf(pooled.result) - 32.7272727) < 1e-6);
    const averaged = (percentOf(satisfied(60, 100)) + percentOf(satisfied(300, 1000))) / 2;
    assert.ok(Math.abs(averaged - 45) < 1e-9);
    assert.deepEqual(pooled.waves, [1, 2]);
  });

  it('agrees with averaging only when the waves have equal bases', () => {
    const pooled = poolWaves([wave(1, satisfied(60, 500)), wave(2, satisfied(300, 500))]);
    assert.equal(pooled.kind, 'pooled');
    if (pooled.kind === 'pooled') assert.ok(Math.abs(percentOf(pooled.result) - 36) < 1e-9);
  });

  it('refuses no waves, a one-off survey, another council, tracker or method, a wave twice and another question', () => {
    assert.deepEqual(poolWaves([]), { kind: 'refused', problems: [{ field: 'waves', message: 'There are no waves to pool' }] });
    const refused = poolWaves([
      wave(1, satisfied(60, 100)),
      { record: goodSurvey(SET, { tracker: null }), result: satisfied(1, 100) },
      wave(2, satisfied(60, 100), { council: 'E07000224' }),
      wave(3, satisfied(60, 100), { tracker: { name: 'Budget survey', wave: 3 } }),
      wave(4, satisfied(60, 100), { method: 'postal' }),
      wave(1, satisfied(60, 100)),
      wave(5, { ...satisfied(60, 100), questionCode: 'trust-council' }),
    ]);
    assert.deepEqual(refused, {
      kind: 'refused',
      problems: [
        { field: 'waves[1].tracker', message: 'Wave 2 is a one-off survey, not a wave of a tracker' },
        { field: 'waves[2].council', message: "Wave 2 is E07000224's, not E07000223's" },
        { field: 'waves[3].tracker.name', message: "Wave 3 is of the tracker 'Budget survey', not 'Residents panel'" },
        { field: 'waves[4].method', message: 'Wave 4 was by post, not by telephone: waves by different methods are not pooled' },
        { field: 'waves[5].tracker.wave', message: 'Wave 1 is given twice' },
        { field: 'waves[6].questionCode', message: "Wave 5 answers 'trust-council', not 'satisfied-with-council'" },
      ],
    });
  });
});

describe('poolResults(results)', () => {
  it("pools weighted waves' percentages by their bases and their effective bases as Kish's over all weights", () => {
    const first = satisfied(60, 100, { percentages: { very_satisfied: 50, very_dissatisfied: 50 }, effectiveBase: 80 });
    const second = satisfied(300, 1000, { percentages: { very_satisfied: 28, very_dissatisfied: 72 }, effectiveBase: 700 });
    const pooled = poolResults([first, second]);
    assert.ok(Math.abs(pooled.weighted!.percentages.very_satisfied! - (50 * 100 + 28 * 1000) / 1100) < 1e-9);
    // Σw² = 100²/80 + 1000²/700 = 125 + 1428.571…; (Σw)² = 1,210,000.
    assert.ok(Math.abs(pooled.weighted!.effectiveBase - 1_210_000 / (125 + 1_000_000 / 700)) < 1e-6);
  });

  it('takes an unweighted wave among weighted ones as weights of 1', () => {
    const pooled = poolResults([satisfied(60, 100), satisfied(300, 1000, { percentages: { very_satisfied: 30, very_dissatisfied: 70 }, effectiveBase: 1000 })]);
    assert.ok(Math.abs(pooled.weighted!.effectiveBase - 1100) < 1e-9);
    assert.ok(Math.abs(pooled.weighted!.percentages.very_satisfied! - 36000 / 1100) < 1e-9);
  });

  it('throws for results of different questions, a programmer error', () => {
    assert.throws(() => poolResults([satisfied(1, 100), { ...satisfied(1, 100), questionCode: 'trust-council' }]), RangeError);
    assert.throws(() => poolResults([]), RangeError);
  });

  it("gives a percentage between the lowest and highest wave, and the waves' total base", () => {
    const waveOf = fc.integer({ min: 1, max: 2000 }).chain((base) => fc.integer({ min: 0, max: base }).map((positive) => satisfied(positive, base)));
    fc.assert(
      fc.property(fc.array(waveOf, { minLength: 1, maxLength: 8 }), (results) => {
        const pooled = poolResults(results);
        const percents = results.map(percentOf);
        const percent = percentOf(pooled);
        assert.ok(percent >= Math.min(...percents) - 1e-9 && percent <= Math.max(...percents) + 1e-9);
        assert.equal(
          pooled.base,
          results.reduce((total, result) => total + result.base, 0),
        );
      }),
    );
  });
});
