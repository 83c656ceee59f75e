// Recent trend: the chi-squared test for trend checked on a textbook example worked
// by hand, Fingertips' own trend-marker test cases (fingertips-open's
// TrendMarkerCalculatorTest, FingertipsNext's TrendMarkerCalculatorTests, whose
// expected markers come from the live profiles), case tables per polarity,
// boundary cases and properties.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { RECENT_TREND_LEVEL, RECENT_TREND_POINTS, chiSquaredForTrend, recentTrend } from '../../../src/domain/benchmark/index.ts';
import type { RecentTrend, Trend, TrendJudgement, TrendSeries } from '../../../src/domain/benchmark/index.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';
import { zFor } from '../../../src/domain/stats/index.ts';
import type { ConfidenceLevel } from '../../../src/domain/stats/index.ts';

type Count = readonly [numerator: number, denominator: number];
type Valued = readonly [value: number, lower: number, upper: number];

function proportions(points: readonly (Count | null)[]): TrendSeries {
  return Object.freeze({
    kind: 'proportions',
    points: Object.freeze(points.map((point) => (point === null ? null : Object.freeze({ numerator: point[0], denominator: point[1] })))),
  });
}

function valued(points: readonly (Valued | null)[], level: ConfidenceLevel = 0.95): TrendSeries {
  return Object.freeze({
    kind: 'values_with_intervals',
    level,
    points: Object.freeze(points.map((point) => (point === null ? null : Object.freeze({ value: point[0], lower: point[1], upper: point[2] })))),
  });
}

function counts(points: readonly Count[]): readonly { numerator: number; denominator: number }[] {
  return Object.freeze(points.map(([numerator, denominator]) => Object.freeze({ numerator, denominator })));
}

function assertOk(result: RecentTrend): Extract<RecentTrend, { kind: 'ok' }> {
  assert.equal(result.kind, 'ok', JSON.stringify(result));
  if (result.kind !== 'ok') throw new Error('unreachable');
  return result;
}

function relativelyClose(actual: number, expected: number, tolerance: number): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(expected), Number.MIN_VALUE);
}

describe('chiSquaredForTrend(points)', () => {
  // Altman DG, Practical statistics for medical research (1991), p 229: caesarean sections by
  // the mother's shoe size; reproduced in Dalgaard P, Introductory statistics with R (2002),
  // §7.3, where prop.trend.test(caesarean, total) gives X-squared = 8.0237, p-value = 0.004617.
  //
  //   shoe size   <4    4   4.5    5   5.5   6+        scores t = 1..6
  //   caesarean r  5    7    6     7    8    10        R = 43
  //   women     n 22   35   42    48   54   150        N = 351
  //
  //   Σnt  = 22 + 70 + 126 + 192 + 270 + 900       = 1580
  //   Σrt  = 5 + 14 + 18 + 28 + 40 + 60            = 165
  //   Σnt² = 22 + 140 + 378 + 768 + 1350 + 5400    = 8058
  //   χ² = N(N·Σrt − R·Σnt)² / (R(N − R)(N·Σnt² − (Σnt)²))
  //      = 351 × (351 × 165 − 43 × 1580)² / (43 × 308 × (351 × 8058 − 1580²))
  //      = 351 × (57915 − 67940)² / (13244 × (2828358 − 2496400))
  //      = 351 × 100500625 / (13244 × 331958)
  //      = 35275719375 / 4396451752 = 8.02368
  //   slope = Σr(t − t̄) / Σn(t − t̄)², t̄ = 1580/351
  //      = (165 − 43 × 1580/351) / (8058 − 1580²/351) = −28.5613 / 945.749 = −0.0302 per shoe size
  //   p = P(χ²₁ > 8.02368) = 2(1 − Φ(√8.02368)) = 2(1 − Φ(2.83261)) = 0.004617
  const CAESAREAN = counts([
    [5, 22],
    [7, 35],
    [6, 42],
    [7, 48],
    [8, 54],
    [10, 150],
  ]);

  it('reproduces the caesarean-by-shoe-size example: χ² = 35275719375 / 4396451752 = 8.0237, p = 0.004617, falling', () => {
    const result = chiSquaredForTrend(CAESAREAN);
    assert.equal(result.kind, 'ok');
    if (result.kind !== 'ok') return;
    assert.ok(relativelyClose(result.statistic, 35275719375 / 4396451752, 1e-12), `statistic ${result.statistic}`);
    assert.equal(result.statistic.toFixed(4), '8.0237');
    assert.ok(relativelyClose(result.pValue, 0.004617, 1e-4), `p ${result.pValue}`);
    assert.ok(relativelyClose(result.slope, (165 - (43 * 1580) / 351) / (8058 - (1580 * 1580) / 351), 1e-12), `slope ${result.slope}`);
    assert.ok(result.slope < 0);
  });

  it('gives the same statistic and the opposite slope when the groups are read in reverse', () => {
    const forward = chiSquaredForTrend(CAESAREAN);
    const backward = chiSquaredForTrend([...CAESAREAN].reverse());
    assert.ok(forward.kind === 'ok' && backward.kind === 'ok');
    assert.ok(relativelyClose(backward.statistic, forward.statistic, 1e-12));
    assert.ok(relativelyClose(backward.slope, -forward.slope, 1e-12));
  });

  it('gives χ² = 0 and p = 1 for equal proportions, and for proportions all 0 or all 1 (where the formula is 0/0)', () => {
    for (const points of [
      [
        [10, 100],
        [20, 200],
        [5, 50],
      ],
      [
        [0, 100],
        [0, 200],
        [0, 50],
      ],
      [
        [100, 100],
        [200, 200],
        [50, 50],
      ],
    ] as const) {
      const result = chiSquaredForTrend(counts(points));
      assert.ok(result.kind === 'ok');
      assert.ok(Math.abs(result.statistic) < 1e-20, `statistic ${result.statistic}`);
      assert.equal(result.pValue, 1);
    }
  });

  it('is not computed for fewer than two groups, or a group with a denominator of zero', () => {
    assert.deepEqual(chiSquaredForTrend(counts([[5, 22]])), { kind: 'not_computed', reason: 'fewer_than_two_points' });
    assert.deepEqual(
      chiSquaredForTrend(
        counts([
          [5, 22],
          [0, 0],
          [6, 42],
        ]),
      ),
      { kind: 'not_computed', reason: 'zero_denominator' },
    );
  });

  it('throws a RangeError for a negative count, a numerator above its denominator, NaN or Infinity', () => {
    for (const bad of [
      [-1, 10],
      [5, -10],
      [11, 10],
      [Number.NaN, 10],
      [1, Number.POSITIVE_INFINITY],
    ] as const) {
      assert.throws(() => chiSquaredForTrend(counts([[5, 22], bad])), RangeError, String(bad));
    }
  });

  it('reports p-values that agree with the normal quantile: −Φ⁻¹(p / 2) = √χ² to 1e-6, for χ² up to 40', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), { minLength: 3, maxLength: 8 }), (pairs) => {
        const result = chiSquaredForTrend(counts(pairs.map(([cases, others]) => [cases, cases + others + 1])));
        if (result.kind !== 'ok' || result.statistic < 1e-6 || result.statistic > 40) return; // stdlib's quantile loses accuracy below p ≈ 1e-10
        const z = -normalQuantile(result.pValue / 2, 0, 1);
        assert.ok(Math.abs(z - Math.sqrt(result.statistic)) < 1e-6, `χ² ${result.statistic}, p ${result.pValue}, z ${z}`);
      }),
    );
  });
});

describe("recentTrend(series, polarity) against Fingertips' own test cases", () => {
  it("finds fingertips-open's proportions (994/40299 … 1367/44701) increasing with χ² = 47.90 (Math.Round(χ², 2) == 47.9)", () => {
    const result = assertOk(
      recentTrend(
        proportions([
          [994, 40299],
          [1023, 41527],
          [1199, 42811],
          [1332, 44064],
          [1367, 44701],
        ]),
        'neutral',
      ),
    );
    assert.equal(result.method, 'chi_squared_for_trend');
    assert.equal(result.statistic.toFixed(2), '47.90');
    assert.equal(result.trend, 'increasing');
  });

  const SET_1: readonly Valued[] = Object.freeze([
    [24.67, 23.16, 26.25],
    [24.6, 23.15, 26.19],
    [28, 26.44, 29.64],
    [30.2, 28.63, 31.9],
    [30.6, 28.98, 32.25],
  ]);

  it("finds fingertips-open's values with 95% intervals (24.67 … 30.6) increasing with χ² = 46.76, Fingertips' 46.77 being the same with se = width / 3.92", () => {
    const result = assertOk(recentTrend(valued(SET_1), 'neutral'));
    assert.equal(result.method, 'weighted_least_squares');
    assert.equal(result.trend, 'increasing');
    assert.equal(result.statistic.toFixed(2), '46.76');
    // Fingertips divides each width by 3.92 rather than 2 × 1.959964: χ² scales by (3.92 / (2 × 1.959964))².
    const asFingertips = result.statistic * (3.92 / (2 * zFor(0.95))) ** 2;
    assert.equal(asFingertips.toFixed(2), '46.77');
  });

  it("finds fingertips-open's second set of values (20.55, 19.60, 19.03, 21.40, 18.44) not significant", () => {
    const result = assertOk(
      recentTrend(
        valued([
          [20.5506, 18.1803, 23.1427],
          [19.5952, 17.3444, 22.0602],
          [19.0349, 16.8421, 21.4394],
          [21.3966, 19.0918, 23.8975],
          [18.4372, 16.2925, 20.7941],
        ]),
        'higher_is_better',
      ),
    );
    assert.ok(result.statistic < 9.5);
    assert.equal(result.trend, 'no_significant_change');
    assert.equal(result.judgement, 'no_significant_change');
  });

  it("finds FingertipsNext's diabetes prevalence (QOF, England, 2020 to 2024) increasing, as the profiles mark it", () => {
    const result = assertOk(
      recentTrend(
        proportions([
          [3455176, 48783947],
          [3491868, 49122259],
          [3625401, 49956777],
          [3774801, 50649129],
          [3938080, 51441896],
        ]),
        'lower_is_better',
      ),
    );
    assert.equal(result.trend, 'increasing');
    assert.equal(result.judgement, 'getting_worse');
  });

  it("finds FingertipsNext's MMR coverage at 2 (Yorkshire and the Humber, 2020 to 2024) decreasing, as the profiles mark it", () => {
    const result = assertOk(
      recentTrend(
        proportions([
          [57274, 61834],
          [55865, 60511],
          [53681, 59074],
          [51767, 57508],
          [53185, 59028],
        ]),
        'higher_is_better',
      ),
    );
    assert.equal(result.trend, 'decreasing');
    assert.equal(result.judgement, 'getting_worse');
  });

  it("finds FingertipsNext's sight loss from diabetic eye disease (a crude rate with 95% intervals, 2020 to 2024) increasing, as the profiles mark it", () => {
    const result = assertOk(
      recentTrend(
        valued([
          [2.935, 2.7841, 3.0919],
          [1.93028, 1.8085, 2.058],
          [2.7567, 2.6113, 2.9082],
          [2.8701, 2.7225, 3.0237],
          [3.0121, 2.8616, 3.1683],
        ]),
        'lower_is_better',
      ),
    );
    assert.equal(result.trend, 'increasing');
    assert.equal(result.judgement, 'getting_worse');
  });
});

describe('recentTrend(series, polarity) by polarity', () => {
  // Shares of 2000: rising 10% → 14% (χ² = 200² / (0.12 × 0.88 × 20000) = 18.9); falling 14% → 10%; flat 12%.
  // Shares of 1000, a spike: falling 12% → 9% then 40%, significant (χ² ≈ 213) but hanging on the last
  // point (without it, the slope falls).
  const RISING = proportions([
    [200, 2000],
    [220, 2000],
    [240, 2000],
    [260, 2000],
    [280, 2000],
  ]);
  const FALLING = proportions([
    [280, 2000],
    [260, 2000],
    [240, 2000],
    [220, 2000],
    [200, 2000],
  ]);
  const FLAT = proportions([
    [120, 1000],
    [120, 1000],
    [120, 1000],
    [120, 1000],
    [120, 1000],
  ]);
  const SPIKE = proportions([
    [120, 1000],
    [110, 1000],
    [100, 1000],
    [90, 1000],
    [400, 1000],
  ]);
  // Values ± 1 at 95%: rising 10 → 18, falling 18 → 10, wobbling around 10.
  const VALUES_RISING = valued([
    [10, 9, 11],
    [12, 11, 13],
    [14, 13, 15],
    [16, 15, 17],
    [18, 17, 19],
  ]);
  const VALUES_FALLING = valued([
    [18, 17, 19],
    [16, 15, 17],
    [14, 13, 15],
    [12, 11, 13],
    [10, 9, 11],
  ]);
  const VALUES_WOBBLING = valued([
    [10, 9, 11],
    [10.5, 9.5, 11.5],
    [9.8, 8.8, 10.8],
    [10.2, 9.2, 11.2],
    [10.1, 9.1, 11.1],
  ]);

  type Case = readonly [title: string, series: TrendSeries, trend: Trend, judgement: TrendJudgement];
  function casesFor(risingJudgement: TrendJudgement, fallingJudgement: TrendJudgement): readonly Case[] {
    return Object.freeze<readonly Case[]>([
      [`proportions rising from 10% to 14% are increasing: ${risingJudgement}`, RISING, 'increasing', risingJudgement],
      [`proportions falling from 14% to 10% are decreasing: ${fallingJudgement}`, FALLING, 'decreasing', fallingJudgement],
      ['a flat 12% is no significant change', FLAT, 'no_significant_change', 'no_significant_change'],
      ['a significant rise that hangs on a spike in the last point is no significant change', SPIKE, 'no_significant_change', 'no_significant_change'],
      [`values rising from 10 to 18 (± 1) are increasing: ${risingJudgement}`, VALUES_RISING, 'increasing', risingJudgement],
      [`values falling from 18 to 10 (± 1) are decreasing: ${fallingJudgement}`, VALUES_FALLING, 'decreasing', fallingJudgement],
      ['values wobbling around 10 (± 1) are no significant change', VALUES_WOBBLING, 'no_significant_change', 'no_significant_change'],
    ]);
  }
  const TABLES = Object.freeze<readonly (readonly [Polarity, readonly Case[]])[]>([
    ['higher_is_better', casesFor('getting_better', 'getting_worse')],
    ['lower_is_better', casesFor('getting_worse', 'getting_better')],
    ['neutral', casesFor('increasing', 'decreasing')],
  ]);

  for (const [polarity, cases] of TABLES) {
    describe(`for a ${polarity} metric`, () => {
      for (const [title, series, trend, judgement] of cases) {
        it(title, () => {
          const result = assertOk(recentTrend(series, polarity));
          assert.deepEqual([result.trend, result.judgement], [trend, judgement]);
        });
      }
    });
  }

  it('reports the spike as significant by χ² but with an unstable slope sign', () => {
    const result = assertOk(recentTrend(SPIKE, 'neutral'));
    assert.ok(result.statistic > 200, `statistic ${result.statistic}`);
    assert.equal(result.slopeSignStable, false);
    assert.ok(result.slope > 0);
  });

  it('reports the slope per period: 0.01 (one percentage point) a year for 10% → 14%, 2 a year for 10 → 18', () => {
    assert.ok(relativelyClose(assertOk(recentTrend(RISING, 'neutral')).slope, 0.01, 1e-12));
    assert.ok(relativelyClose(assertOk(recentTrend(VALUES_RISING, 'neutral')).slope, 2, 1e-12));
  });

  it("reads the standard error from the interval's own level: the same series at 99.8%, intervals 3.0902/1.96 as wide, gives the same χ²", () => {
    const widen = 3.090232306167813 / 1.959963984540054;
    const at998 = valued(
      [
        [10, 10 - widen, 10 + widen],
        [12, 12 - widen, 12 + widen],
        [14, 14 - widen, 14 + widen],
        [16, 16 - widen, 16 + widen],
        [18, 18 - widen, 18 + widen],
      ],
      0.998,
    );
    assert.ok(relativelyClose(assertOk(recentTrend(at998, 'neutral')).statistic, assertOk(recentTrend(VALUES_RISING, 'neutral')).statistic, 1e-9));
  });

  it('tests at 99.8% on the last five points', () => {
    assert.equal(RECENT_TREND_LEVEL, 0.998);
    assert.equal(RECENT_TREND_POINTS, 5);
  });

  it('calls χ² just above 9.5495 significant and just below it not (rising values with a chosen spread)', () => {
    // Five values 0, d, 2d, 3d, 4d with se 1: Σ(t − 3)² = 10, so χ² = 10d².
    const critical = zFor(0.998) ** 2;
    const series = (d: number) => valued([0, 1, 2, 3, 4].map((step): Valued => [step * d, step * d - zFor(0.95), step * d + zFor(0.95)]));
    const above = assertOk(recentTrend(series(Math.sqrt(critical / 10) * 1.0001), 'neutral'));
    const below = assertOk(recentTrend(series(Math.sqrt(critical / 10) * 0.9999), 'neutral'));
    assert.ok(above.statistic > critical && below.statistic < critical);
    assert.equal(above.trend, 'increasing');
    assert.equal(below.trend, 'no_significant_change');
  });
});

describe('recentTrend(series, polarity) when it cannot say', () => {
  const FOUR = Object.freeze<Count[]>([
    [100, 1000],
    [110, 1000],
    [120, 1000],
    [130, 1000],
  ]);
  const WITHOUT_NUMERATOR: TrendSeries = Object.freeze({
    kind: 'proportions',
    points: Object.freeze([...FOUR.map(([numerator, denominator]) => ({ numerator, denominator })), { numerator: null, denominator: 1000 }]),
  });
  const WITHOUT_INTERVAL: TrendSeries = Object.freeze({
    kind: 'values_with_intervals',
    level: 0.95,
    points: Object.freeze([
      { value: 1, lower: 0, upper: 2 },
      { value: 2, lower: 1, upper: 3 },
      { value: 3, lower: 2, upper: 4 },
      { value: 4, lower: 3, upper: 5 },
      { value: 5, lower: null, upper: null },
    ]),
  });

  type Case = readonly [title: string, series: TrendSeries, reason: string];
  const CASES = Object.freeze<readonly Case[]>([
    ['four points are not computed: fewer than five points', proportions(FOUR), 'fewer_than_five_points'],
    ['no points are not computed: fewer than five points', proportions([]), 'fewer_than_five_points'],
    ['five entries of which one is missing are not computed: a break in the series', proportions([...FOUR.slice(0, 2), null, ...FOUR.slice(2)]), 'break_in_series'],
    ['a missing latest point is not computed: a break in the series', proportions([...FOUR, null]), 'break_in_series'],
    ['a point without its numerator is not computed: a missing count', WITHOUT_NUMERATOR, 'missing_count'],
    ['a point with a denominator of zero is not computed: a zero denominator', proportions([...FOUR, [0, 0]]), 'zero_denominator'],
    ['a value without an interval is not computed: a missing interval', WITHOUT_INTERVAL, 'missing_interval'],
    [
      'a value with an interval of no width is not computed: a zero-width interval',
      valued([
        [1, 0, 2],
        [2, 1, 3],
        [3, 3, 3],
        [4, 3, 5],
        [5, 4, 6],
      ]),
      'zero_width_interval',
    ],
    [
      'a value with an interval too narrow to weigh (1e-200 wide) is not computed: a zero-width interval',
      valued([
        [1, 0, 2],
        [2, 1, 3],
        [3, 3, 3 + 1e-200],
        [4, 3, 5],
        [5, 4, 6],
      ]),
      'zero_width_interval',
    ],
  ]);
  for (const [title, series, reason] of CASES) {
    it(title, () => {
      assert.deepEqual(recentTrend(series, 'higher_is_better'), { kind: 'not_computed', reason });
    });
  }

  it('uses only the last five points: a break or anything else before them does not matter', () => {
    const five = [...FOUR, [140, 1000]] as const;
    const result = recentTrend(proportions(five), 'higher_is_better');
    assert.deepEqual(recentTrend(proportions([[999, 1000], null, ...five]), 'higher_is_better'), result);
  });

  it('calls proportions all 0% no significant change, with χ² = 0 and p = 1', () => {
    const result = assertOk(
      recentTrend(
        proportions([
          [0, 10],
          [0, 20],
          [0, 30],
          [0, 40],
          [0, 50],
        ]),
        'lower_is_better',
      ),
    );
    assert.deepEqual([result.trend, result.statistic, result.pValue, result.slopeSignStable], ['no_significant_change', 0, 1, false]);
  });

  it('returns frozen results', () => {
    assert.ok(Object.isFrozen(recentTrend(proportions(FOUR), 'neutral')));
    assert.ok(Object.isFrozen(recentTrend(proportions([...FOUR, [140, 1000]]), 'neutral')));
  });

  it('throws a RangeError for a numerator above its denominator, an interval the wrong way round, or a value outside it', () => {
    assert.throws(() => recentTrend(proportions([...FOUR, [1001, 1000]]), 'neutral'), RangeError);
    assert.throws(
      () =>
        recentTrend(
          valued([
            [1, 0, 2],
            [2, 1, 3],
            [3, 4, 2],
            [4, 3, 5],
            [5, 4, 6],
          ]),
          'neutral',
        ),
      RangeError,
    );
    assert.throws(
      () =>
        recentTrend(
          valued([
            [1, 0, 2],
            [2, 1, 3],
            [9, 2, 4],
            [4, 3, 5],
            [5, 4, 6],
          ]),
          'neutral',
        ),
      RangeError,
    );
    assert.throws(
      () =>
        recentTrend(
          valued([
            [1, 0, 2],
            [2, 1, 3],
            [Number.NaN, 2, 4],
            [4, 3, 5],
            [5, 4, 6],
          ]),
          'neutral',
        ),
      RangeError,
    );
  });

  it('throws a RangeError for a polarity outside Polarity, when there is a trend to judge', () => {
    assert.throws(() => recentTrend(proportions([...FOUR, [300, 1000]]), 'sideways' as Polarity), RangeError);
  });
});

describe('recentTrend properties', () => {
  const polarity = fc.constantFrom<Polarity>('higher_is_better', 'lower_is_better', 'neutral');
  const count = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 2000 })).map(([cases, size]): Count => [Math.min(cases, size), size]);
  const countSeries = fc.array(count, { minLength: 5, maxLength: 5 });
  const value = fc
    .tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }))
    .map(([centre, halfWidth]): Valued => [centre, centre - halfWidth, centre + halfWidth]);
  const valueSeries = fc.array(value, { minLength: 5, maxLength: 5 });
  const FLIPPED: Readonly<Record<Trend, Trend>> = Object.freeze({ increasing: 'decreasing', decreasing: 'increasing', no_significant_change: 'no_significant_change' });

  function assertReversed(forward: RecentTrend, backward: RecentTrend): void {
    const there = assertOk(forward);
    const back = assertOk(backward);
    assert.equal(back.trend, FLIPPED[there.trend]);
    assert.ok(relativelyClose(back.statistic, there.statistic, 1e-6) || Math.abs(back.statistic - there.statistic) < 1e-9);
  }

  it('flips increasing and decreasing when time is reversed (proportions)', () => {
    fc.assert(
      fc.property(countSeries, polarity, (series, metricPolarity) => {
        assertReversed(recentTrend(proportions(series), metricPolarity), recentTrend(proportions([...series].reverse()), metricPolarity));
      }),
    );
  });

  it('flips increasing and decreasing when time is reversed (values with intervals)', () => {
    fc.assert(
      fc.property(valueSeries, polarity, (series, metricPolarity) => {
        assertReversed(recentTrend(valued(series), metricPolarity), recentTrend(valued([...series].reverse()), metricPolarity));
      }),
    );
  });

  it('finds no significant change in constant proportions, whatever the denominators', () => {
    const share = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([top, bottom]) => [Math.min(top, bottom), bottom] as const);
    fc.assert(
      fc.property(share, fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 5, maxLength: 5 }), polarity, ([top, bottom], sizes, metricPolarity) => {
        const result = assertOk(recentTrend(proportions(sizes.map((size): Count => [top * size, bottom * size])), metricPolarity));
        assert.equal(result.trend, 'no_significant_change');
        assert.equal(result.judgement, 'no_significant_change');
      }),
    );
  });

  it('finds no significant change in constant values, whatever the intervals', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 5, maxLength: 5 }),
        polarity,
        (centre, halfWidths, metricPolarity) => {
          const result = assertOk(recentTrend(valued(halfWidths.map((halfWidth): Valued => [centre, centre - halfWidth, centre + halfWidth])), metricPolarity));
          assert.equal(result.trend, 'no_significant_change');
        },
      ),
    );
  });

  it('judges by polarity: a trend is getting_better for one of higher_is_better and lower_is_better and getting_worse for the other', () => {
    fc.assert(
      fc.property(countSeries, (series) => {
        const higher = assertOk(recentTrend(proportions(series), 'higher_is_better'));
        const lower = assertOk(recentTrend(proportions(series), 'lower_is_better'));
        const neutral = assertOk(recentTrend(proportions(series), 'neutral'));
        const expected: Readonly<Record<Trend, readonly [TrendJudgement, TrendJudgement]>> = {
          increasing: ['getting_better', 'getting_worse'],
          decreasing: ['getting_worse', 'getting_better'],
          no_significant_change: ['no_significant_change', 'no_significant_change'],
        };
        assert.deepEqual([higher.judgement, lower.judgement], expected[higher.trend]);
        assert.equal(neutral.judgement, neutral.trend);
      }),
    );
  });

  it('calls a trend significant only with a p-value below 0.002 and a stable slope sign', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          countSeries.map(proportions),
          valueSeries.map((series) => valued(series)),
        ),
        (series) => {
          const result = assertOk(recentTrend(series, 'neutral'));
          if (result.trend !== 'no_significant_change') {
            assert.ok(result.pValue < 0.002 * (1 + 1e-6), `p ${result.pValue}`);
            assert.equal(result.slopeSignStable, true);
            assert.equal(result.trend === 'increasing', result.slope > 0);
          }
        },
      ),
    );
  });
});
