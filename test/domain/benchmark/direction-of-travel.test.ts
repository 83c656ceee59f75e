// Direction of travel: case tables per polarity (with the cases of fingertips-open's
// DoubleOverlappingCIsComparerTest), boundary cases, and properties, among them that
// non-overlap is conservative against the test of the difference.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { directionOfTravel } from '../../../src/domain/benchmark/index.ts';
import type { DirectionOfTravel, PeriodFigure, TravelComparison, TravelJudgement } from '../../../src/domain/benchmark/index.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';
import { zFor } from '../../../src/domain/stats/index.ts';

type Figure = readonly [value: number | null, lower: number | null, upper: number | null];
type Case = readonly [title: string, latest: Figure, previous: Figure, expected: DirectionOfTravel];

function figure([value, lower, upper]: Figure): PeriodFigure {
  return Object.freeze({ value, lower, upper });
}

function travel(latest: Figure, previous: Figure, polarity: Polarity): TravelComparison {
  return Object.freeze({ latest: figure(latest), previous: figure(previous), polarity });
}

/** The same situations, worded for each polarity: up and down are the judgements of a significant rise and fall. */
function casesFor(up: TravelJudgement, down: TravelJudgement): readonly Case[] {
  return Object.freeze<readonly Case[]>([
    [`a rise from 8 (7 to 9) to 12 (11 to 13), intervals apart, is significant: ${up}`, [12, 11, 13], [8, 7, 9], { kind: 'ok', direction: 'up', change: 4, significant: true, judgement: up }],
    [`a fall from 12 (11 to 13) to 8 (7 to 9), intervals apart, is significant: ${down}`, [8, 7, 9], [12, 11, 13], { kind: 'ok', direction: 'down', change: -4, significant: true, judgement: down }],
    [
      'a rise from 10 (8.5 to 11.5) to 10.5 (9 to 12), intervals overlapping, is no significant change',
      [10.5, 9, 12],
      [10, 8.5, 11.5],
      { kind: 'ok', direction: 'up', change: 0.5, significant: false, judgement: 'no_significant_change' },
    ],
    [
      'a rise from 8 (6 to 10) to 12 (10 to 14), intervals touching at 10, is no significant change',
      [12, 10, 14],
      [8, 6, 10],
      { kind: 'ok', direction: 'up', change: 4, significant: false, judgement: 'no_significant_change' },
    ],
    [
      'a fall from 12 (10 to 14) to 8 (6 to 10), intervals touching at 10, is no significant change',
      [8, 6, 10],
      [12, 10, 14],
      { kind: 'ok', direction: 'down', change: -4, significant: false, judgement: 'no_significant_change' },
    ],
    [
      `a rise to an interval a hair above the previous one (10 + 1e-12) is significant: ${up}`,
      [12, 10 + 1e-12, 14],
      [8, 6, 10],
      { kind: 'ok', direction: 'up', change: 4, significant: true, judgement: up },
    ],
    ['the same value twice is the same, and no significant change', [10, 9, 11], [10, 9.5, 10.5], { kind: 'ok', direction: 'same', change: 0, significant: false, judgement: 'no_significant_change' }],
    [
      `Fingertips' "different" case: 3.0 (2.7 to 3.1) then 4.0 (3.5 to 4.5) is significant: ${up}`,
      [4, 3.5, 4.5],
      [3, 2.7, 3.1],
      { kind: 'ok', direction: 'up', change: 1, significant: true, judgement: up },
    ],
    [
      'Fingertips\' "same" case: 3.0 (2.7 to 3.6) then 4.0 (3.5 to 4.5) is no significant change',
      [4, 3.5, 4.5],
      [3, 2.7, 3.6],
      { kind: 'ok', direction: 'up', change: 1, significant: false, judgement: 'no_significant_change' },
    ],
    [
      "Fingertips' overlap past the value: 4.0 (3.5 to 4.5) then 3.0 (2.7 to 4.1) is no significant change",
      [3, 2.7, 4.1],
      [4, 3.5, 4.5],
      { kind: 'ok', direction: 'down', change: -1, significant: false, judgement: 'no_significant_change' },
    ],
    [
      'a rise whose latest value has no interval has a direction but is not tested: not_compared',
      [12, null, null],
      [8, 7, 9],
      { kind: 'ok', direction: 'up', change: 4, significant: 'not_tested', judgement: 'not_compared' },
    ],
    [
      'a fall whose previous value lacks its upper limit is not tested: not_compared',
      [8, 7, 9],
      [12, 11, null],
      { kind: 'ok', direction: 'down', change: -4, significant: 'not_tested', judgement: 'not_compared' },
    ],
    ['a missing latest value is not computed', [null, null, null], [8, 7, 9], { kind: 'not_computed', reason: 'missing_latest_value' }],
    ['a missing previous value is not computed', [12, 11, 13], [null, 7, 9], { kind: 'not_computed', reason: 'missing_previous_value' }],
  ]);
}

const TABLES = Object.freeze<readonly (readonly [Polarity, readonly Case[]])[]>([
  ['higher_is_better', casesFor('improving', 'worsening')],
  ['lower_is_better', casesFor('worsening', 'improving')],
  ['neutral', casesFor('increasing', 'decreasing')],
]);

describe('directionOfTravel({ latest, previous, polarity })', () => {
  for (const [polarity, cases] of TABLES) {
    describe(`for a ${polarity} metric`, () => {
      for (const [title, latest, previous, expected] of cases) {
        it(title, () => {
          assert.deepEqual(directionOfTravel(travel(latest, previous, polarity)), expected);
        });
      }
    });
  }

  it("gives the change in the value's own units, latest minus previous: 61.3 after 61.2 is up by 0.1 (to rounding)", () => {
    const result = directionOfTravel(travel([61.3, 60.9, 61.7], [61.2, 60.8, 61.6], 'lower_is_better'));
    assert.equal(result.kind, 'ok');
    if (result.kind === 'ok') {
      assert.equal(result.direction, 'up');
      assert.ok(Math.abs(result.change - 0.1) < 1e-12, `change ${result.change}`);
    }
  });

  it('returns a frozen result', () => {
    assert.ok(Object.isFrozen(directionOfTravel(travel([12, 11, 13], [8, 7, 9], 'neutral'))));
    assert.ok(Object.isFrozen(directionOfTravel(travel([null, null, null], [8, 7, 9], 'neutral'))));
  });

  it('throws a RangeError for an interval the wrong way round, a value outside its interval, NaN or Infinity', () => {
    const bad: readonly (readonly [Figure, Figure])[] = [
      [
        [12, 13, 11],
        [8, 7, 9],
      ],
      [
        [12, 11, 13],
        [10, 7, 9],
      ],
      [
        [Number.NaN, 11, 13],
        [8, 7, 9],
      ],
      [
        [12, 11, 13],
        [8, Number.NEGATIVE_INFINITY, 9],
      ],
      [
        [null, 13, 11],
        [8, 7, 9],
      ],
    ];
    for (const [latest, previous] of bad) assert.throws(() => directionOfTravel(travel(latest, previous, 'neutral')), RangeError);
  });

  it('throws a RangeError for a polarity outside Polarity, when a change is significant', () => {
    assert.throws(() => directionOfTravel(travel([12, 11, 13], [8, 7, 9], 'sideways' as Polarity)), RangeError);
  });
});

describe('directionOfTravel properties', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const figureArbitrary = fc.tuple(finite, finite, finite).map((three): Figure => {
    const [lower, value, upper] = [...three].sort((a, b) => a - b);
    return [value ?? 0, lower ?? 0, upper ?? 0];
  });
  const polarity = fc.constantFrom<Polarity>('higher_is_better', 'lower_is_better', 'neutral');
  const REVERSED: Readonly<Record<TravelJudgement, TravelJudgement>> = Object.freeze({
    improving: 'worsening',
    worsening: 'improving',
    increasing: 'decreasing',
    decreasing: 'increasing',
    no_significant_change: 'no_significant_change',
    not_compared: 'not_compared',
  });

  it('reverses when the two periods swap: the other direction, the change negated, the judgement turned round', () => {
    fc.assert(
      fc.property(figureArbitrary, figureArbitrary, polarity, (latest, previous, metricPolarity) => {
        const forward = directionOfTravel(travel(latest, previous, metricPolarity));
        const backward = directionOfTravel(travel(previous, latest, metricPolarity));
        assert.ok(forward.kind === 'ok' && backward.kind === 'ok');
        assert.ok(backward.change === -forward.change, `${backward.change} against ${forward.change}`); // 0 and −0 alike
        assert.equal(backward.significant, forward.significant);
        assert.equal(backward.judgement, REVERSED[forward.judgement]);
        assert.equal(backward.direction, forward.direction === 'up' ? 'down' : forward.direction === 'down' ? 'up' : 'same');
      }),
    );
  });

  it('is significant only for a change that is not zero', () => {
    fc.assert(
      fc.property(figureArbitrary, figureArbitrary, polarity, (latest, previous, metricPolarity) => {
        const result = directionOfTravel(travel(latest, previous, metricPolarity));
        return result.kind === 'ok' && (result.significant !== true || result.direction !== 'same');
      }),
    );
  });

  it('is conservative: with symmetric 95% intervals, a significant change always passes the z-test of the difference', () => {
    const z = zFor(0.95);
    const estimate = fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 1e-3, max: 10, noNaN: true }));
    fc.assert(
      fc.property(estimate, estimate, ([latestValue, latestSe], [previousValue, previousSe]) => {
        const result = directionOfTravel(
          travel([latestValue, latestValue - z * latestSe, latestValue + z * latestSe], [previousValue, previousValue - z * previousSe, previousValue + z * previousSe], 'higher_is_better'),
        );
        assert.ok(result.kind === 'ok');
        if (result.significant === true) {
          assert.ok(Math.abs(result.change) > z * Math.hypot(latestSe, previousSe));
        }
      }),
    );
  });

  it('finds a change that the z-test would call significant yet the intervals do not (the price of conservatism)', () => {
    // 10 ± 1.96 × 1 and 12.9 ± 1.96 × 1: the difference 2.9 exceeds 1.96 × √2 = 2.77, but 3.92 is the gap non-overlap needs.
    const z = zFor(0.95);
    const result = directionOfTravel(travel([12.9, 12.9 - z, 12.9 + z], [10, 10 - z, 10 + z], 'higher_is_better'));
    assert.ok(2.9 > z * Math.SQRT2);
    assert.deepEqual(result, { kind: 'ok', direction: 'up', change: 12.9 - 10, significant: false, judgement: 'no_significant_change' });
  });
});
