// SPC: XmR limits, the four rules, the icons and the refusals, checked
// against the cases NHSRplotthedots documents, each cited where it is ported.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  assuranceOf,
  laneyChart,
  laneyLimits,
  latestSpc,
  shiftFlags,
  spcChart,
  trendDirections,
  twoInThreeFlags,
  xmrLimits,
  type PeriodValue,
  type SpcChart,
} from '../../../src/domain/targets/index.ts';

/** A monthly series from April 2021, one value a month. */
function monthly(values: readonly number[]): PeriodValue[] {
  return values.map((value, i) => Object.freeze({ period: `${2021 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`, value }));
}

function chart(result: SpcChart): Extract<SpcChart, { kind: 'chart' }> {
  assert.equal(result.kind, 'chart', result.kind === 'too_few_points' ? result.reason : '');
  return result as Extract<SpcChart, { kind: 'chart' }>;
}

function near(actual: number, expected: number, places: number): void {
  assert.ok(Math.abs(actual - expected) < 0.5 * 10 ** -places, `${actual} is not ${expected} to ${places} places`);
}

// set.seed(123); rnorm(20), the series of tests/testthat/test-ptd_spc_standard.R.
const RNORM_123 = Object.freeze([
  -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314,
  0.49785048, -1.96661716, 0.7013559, -0.47279141,
]);

describe('xmrLimits(values, screenOutliers)', () => {
  // tests/testthat/_snaps/ptd_spc_standard.md: r1 (screened), then y[15] <- 10 screened (r2) and not (r3).
  it('matches the snapshot of ptd_spc_standard for rnorm(20) with set.seed(123)', () => {
    const r1 = xmrLimits(RNORM_123, true);
    near(r1.mean, 0.1416238, 6);
    near(r1.lower, -3.01138, 5);
    near(r1.upper, 3.294627, 5);
    const spiked = RNORM_123.map((value, i) => (i === 14 ? 10 : value));
    const r2 = xmrLimits(spiked, true);
    near(r2.mean, 0.6694159, 6);
    near(r2.lower, -2.383666, 5);
    near(r2.upper, 3.722497, 5);
    const r3 = xmrLimits(spiked, false);
    near(r3.lower, -4.596625, 5);
    near(r3.upper, 5.935457, 5);
  });

  // vignettes/deviations.Rmd, "Treatment of outlying points": the Excel tools' limits, and the R package's screened ones.
  const DEVIATIONS = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
  it("gives the Excel tools' limits without screening: UPL 6.95, mean 1.94, LPL -3.06", () => {
    const limits = xmrLimits(DEVIATIONS);
    near(limits.upper, 6.95, 2);
    near(limits.mean, 1.94, 2);
    near(limits.lower, -3.06, 2);
  });

  it('gives the screened limits: UPL 4.6, LPL -0.72', () => {
    const limits = xmrLimits(DEVIATIONS, true);
    near(limits.upper, 4.6, 2);
    near(limits.lower, -0.72, 2);
  });

  it('draws the warning lines two thirds of the way to the limits', () => {
    const limits = xmrLimits([3, 5, 4, 6]);
    near(limits.upperWarning - limits.mean, ((limits.upper - limits.mean) * 2) / 3, 12);
    near(limits.mean - limits.lowerWarning, ((limits.mean - limits.lower) * 2) / 3, 12);
  });
});

describe('trendDirections(values, run)', () => {
  // tests/testthat/test-ptd_calculate_point_type.R, ptd_seven_point_trend and ptd_part_of_seven_trend.
  it('marks seven rising points, and not six, nor seven with a tie', () => {
    assert.deepEqual(trendDirections([1, 2, 3, 4, 5, 6, 7], 7), [1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual(trendDirections([1, 2, 3, 4, 5, 6], 7), [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(trendDirections([1, 2, 3, 3, 4, 5, 6], 7), [0, 0, 0, 0, 0, 0, 0]);
  });

  it('marks the run inside a longer series, falling too', () => {
    assert.deepEqual(trendDirections([2, 1, 2, 3, 4, 5, 6, 7, 3], 7), [0, 1, 1, 1, 1, 1, 1, 1, 0]);
    assert.deepEqual(trendDirections([2, 7, 6, 5, 4, 3, 2, 1, 3], 7), [0, -1, -1, -1, -1, -1, -1, -1, 0]);
  });

  it('takes a shorter run when set to', () => assert.deepEqual(trendDirections([1, 2, 3, 4, 5, 1], 5), [1, 1, 1, 1, 1, 0]));
});

describe('twoInThreeFlags(close, sides)', () => {
  // tests/testthat/test-ptd_calculate_point_type.R, ptd_two_in_three and ptd_part_of_two_in_three.
  const on = (bits: readonly number[]): boolean[] => bits.map((bit) => bit === 1);
  it('flags only the points beyond the warning line', () => {
    assert.deepEqual(twoInThreeFlags(on([1, 0, 1]), [1, 1, 1]), on([1, 0, 1]));
    assert.deepEqual(twoInThreeFlags(on([0, 0, 1, 0, 1, 0, 0]), [1, 1, 1, 1, 1, 1, 1]), on([0, 0, 1, 0, 1, 0, 0]));
    assert.deepEqual(twoInThreeFlags(on([1, 0, 0, 1]), [1, 1, 1, 1]), on([0, 0, 0, 0]));
    assert.deepEqual(twoInThreeFlags(on([1, 0, 0, 1, 1]), [1, 1, 1, 1, 1]), on([0, 0, 0, 1, 1]));
  });

  it('flags nothing when the three are not all on one side of the mean', () => {
    assert.deepEqual(twoInThreeFlags(on([1, 0, 1]), [1, -1, 1]), on([0, 0, 0]));
    assert.deepEqual(twoInThreeFlags(on([0, 0, 1, 1, 0, 0, 0]), [-1, 1, -1, 1, -1, 1, -1]), on([0, 0, 0, 0, 0, 0, 0]));
  });
});

describe('shiftFlags(sides, run)', () => {
  // tests/testthat/test-ptd_calculate_point_type.R, ptd_seven_point_one_side_mean with ptd_part_of_seven_trend.
  it('marks a run of seven on one side, not six', () => {
    assert.deepEqual(shiftFlags([1, 1, 1, 1, 1, 1, -1], 7), [false, false, false, false, false, false, false]);
    assert.deepEqual(shiftFlags([1, 1, 1, 1, 1, 1, 1, 1, -1], 7), [true, true, true, true, true, true, true, true, false]);
    assert.deepEqual(shiftFlags([-1, -1, -1, -1, -1, -1, -1, -1, 1], 7), [true, true, true, true, true, true, true, true, false]);
  });

  it('is broken by a point on the mean', () => assert.deepEqual(shiftFlags([1, 1, 1, 0, 1, 1, 1, 1], 7).includes(true), false));
});

describe('assuranceOf(limits, target, polarity)', () => {
  // tests/testthat/test-ptd_calculate_assurance_type.R: limits (1, 3), (5, 7), (1, 5) and a target of 4.
  const LIMITS = [
    { lower: 1, upper: 3 },
    { lower: 5, upper: 7 },
    { lower: 1, upper: 5 },
  ];
  it('reads higher is better', () =>
    assert.deepEqual(
      LIMITS.map((l) => assuranceOf(l, 4, 'higher_is_better')),
      ['consistently_fail', 'consistently_pass', 'hit_and_miss'],
    ));
  it('mirrors lower is better', () =>
    assert.deepEqual(
      LIMITS.map((l) => assuranceOf(l, 4, 'lower_is_better')),
      ['consistently_pass', 'consistently_fail', 'hit_and_miss'],
    ));
  it('gives none for a neutral metric or without a target', () => {
    assert.equal(assuranceOf(LIMITS[0]!, 4, 'neutral'), null);
    assert.equal(assuranceOf(LIMITS[0]!, null, 'higher_is_better'), null);
  });
  it('is hit and miss with the target on a limit', () => assert.equal(assuranceOf({ lower: 4, upper: 6 }, 4, 'higher_is_better'), 'hit_and_miss'));
});

describe('spcChart(series, polarity, target, rebases, options)', () => {
  // vignettes/deviations.Rmd: four common cause points, a special cause improvement (10), twelve more common cause points.
  const DEVIATIONS = monthly([1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]);

  it("marks the deviations vignette's fifth point as improvement, the rest common cause", () => {
    const result = chart(spcChart(DEVIATIONS, 'higher_is_better'));
    assert.deepEqual(
      result.points.map((p) => p.variation),
      DEVIATIONS.map((_, i) => (i === 4 ? 'special_cause_improvement' : 'common_cause')),
    );
    assert.equal(result.variation, 'common_cause');
    assert.equal(result.points[4]!.signals[0]!.cause, 'outside_limits');
  });

  it('calls the same point concern when lower is better, and high when neutral', () => {
    assert.equal(chart(spcChart(DEVIATIONS, 'lower_is_better')).points[4]!.variation, 'special_cause_concern');
    assert.equal(chart(spcChart(DEVIATIONS, 'neutral')).points[4]!.variation, 'special_cause_neutral_high');
  });

  it('shows nothing below 13 points, and says why', () => {
    const result = spcChart(monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), 'higher_is_better');
    assert.equal(result.kind, 'too_few_points');
    assert.match(result.kind === 'too_few_points' ? result.reason : '', /12 points: process limits need at least 13/);
  });

  it('rebases only where a decision is recorded, and refuses a short segment after it', () => {
    const series = monthly([...Array.from({ length: 13 }, (_, i) => 10 + (i % 2)), ...Array.from({ length: 13 }, (_, i) => 20 + (i % 2))]);
    const whole = chart(spcChart(series, 'higher_is_better'));
    assert.equal(whole.segments.length, 1);
    assert.equal(whole.variation, 'special_cause_improvement');
    const rebased = chart(spcChart(series, 'higher_is_better', null, [{ period: series[13]!.period, reason: 'new referral pathway' }]));
    assert.deepEqual(
      rebased.segments.map((s) => [s.from, s.mean, s.rebase]),
      [
        [series[0]!.period, 10 + 6 / 13, null],
        [series[13]!.period, 20 + 6 / 13, 'new referral pathway'],
      ],
    );
    assert.equal(rebased.variation, 'common_cause');
    const short = spcChart(series, 'higher_is_better', null, [{ period: series[20]!.period, reason: 'a change' }]);
    assert.match(short.kind === 'too_few_points' ? short.reason : '', /rest on 6 points/);
    assert.throws(() => spcChart(series, 'higher_is_better', null, [{ period: '1999-01', reason: 'x' }]), /at no period/);
    assert.throws(() => spcChart(series, 'higher_is_better', null, [{ period: series[13]!.period, reason: ' ' }]), /recorded decision/);
  });

  it('names a point by the first rule in precedence, and shows improvement when rules at the latest point disagree', () => {
    // Lower is better: eight points below the mean (a shift, improvement) that end in a rising trend (concern).
    const series = monthly([20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 10, 11, 12, 13, 14, 15, 16]);
    const result = chart(spcChart(series, 'lower_is_better', null, [], { trendRun: 7, shiftRun: 7 }));
    const last = result.points[result.points.length - 1]!;
    assert.deepEqual(
      last.signals.map((s) => s.cause),
      ['trend', 'shift'],
    );
    assert.equal(last.variation, 'special_cause_concern');
    assert.equal(result.variation, 'special_cause_improvement');
  });

  it('reads run lengths as settings', () => {
    const series = monthly([5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 1, 2, 3, 4, 5.4]);
    assert.equal(chart(spcChart(series, 'higher_is_better')).points.at(-1)!.signals.length, 0);
    assert.equal(chart(spcChart(series, 'higher_is_better', null, [], { trendRun: 5 })).points.at(-1)!.signals[0]!.cause, 'trend');
    assert.throws(() => spcChart(series, 'higher_is_better', null, [], { shiftRun: 1 }), /'shiftRun'/);
  });

  it('gives the assurance icon from the latest limits and the target', () => {
    assert.equal(chart(spcChart(DEVIATIONS, 'higher_is_better', -5)).assurance, 'consistently_pass');
    assert.equal(chart(spcChart(DEVIATIONS, 'higher_is_better', 2)).assurance, 'hit_and_miss');
    assert.equal(chart(spcChart(DEVIATIONS, 'lower_is_better', 8)).assurance, 'consistently_pass');
    assert.equal(chart(spcChart(DEVIATIONS, 'higher_is_better')).assurance, null);
  });

  it('mirroring the values and flipping polarity keeps every variation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 13, maxLength: 40 }), (values) => {
        const up = chart(spcChart(monthly(values), 'higher_is_better'));
        const down = chart(spcChart(monthly(values.map((v) => -v)), 'lower_is_better'));
        assert.deepEqual(
          down.points.map((p) => p.variation),
          up.points.map((p) => p.variation),
        );
        assert.equal(down.variation, up.variation);
      }),
    );
  });
});

// AUS-DOH-Safety-and-Quality/PowerBI-SPC, test/Chart Types/pprime.test.ts and uprime.test.ts: twenty
// proportions with large, varying denominators and the P′ and U′ limits that visual draws for them.
const NUMERATORS = [266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478, 255353, 256820, 261835, 259144, 255910, 260863, 264465, 260989];
const DENOMINATORS = [280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932, 266629, 268091, 276803, 271578, 266005, 273520, 278574, 273772];
const COUNTS = Object.freeze(NUMERATORS.map((numerator, i) => Object.freeze({ period: `p${i}`, numerator, denominator: DENOMINATORS[i]! })));

describe('laneyLimits(points, kind)', () => {
  it("gives PowerBI-SPC's P′ limits, in percent, to four decimals", () => {
    const ul99 = [96.567, 96.5753, 96.5421, 96.5326, 96.5627, 96.5775, 96.5593, 96.5345, 96.5579, 96.5623, 96.5689, 96.5591, 96.5996, 96.5961, 96.5753, 96.5877, 96.6012, 96.583, 96.5713, 96.5824];
    const ul95 = [96.1413, 96.1469, 96.1247, 96.1184, 96.1384, 96.1483, 96.1362, 96.1197, 96.1353, 96.1382, 96.1426, 96.1361, 96.1631, 96.1607, 96.1469, 96.1551, 96.1641, 96.152, 96.1442, 96.1516];
    const ll95 = [94.4386, 94.4331, 94.4552, 94.4615, 94.4415, 94.4316, 94.4438, 94.4603, 94.4447, 94.4418, 94.4374, 94.4439, 94.4169, 94.4192, 94.4331, 94.4248, 94.4158, 94.4279, 94.4358, 94.4283];
    const ll99 = [94.013, 94.0046, 94.0378, 94.0473, 94.0173, 94.0025, 94.0207, 94.0454, 94.022, 94.0177, 94.0111, 94.0208, 93.9803, 93.9839, 94.0046, 93.9923, 93.9788, 93.9969, 94.0087, 93.9975];
    laneyLimits(COUNTS, 'proportion').forEach((limits, i) => {
      near(limits.upper * 100, ul99[i]!, 4);
      near(limits.upperWarning * 100, ul95[i]!, 4);
      near(limits.lowerWarning * 100, ll95[i]!, 4);
      near(limits.lower * 100, ll99[i]!, 4);
    });
  });

  it("gives PowerBI-SPC's U′ limits, published to four decimals", () => {
    const ul99 = [0.9657, 0.9658, 0.9654, 0.9653, 0.9656, 0.9658, 0.9656, 0.9653, 0.9656, 0.9656, 0.9657, 0.9656, 0.966, 0.966, 0.9658, 0.9659, 0.966, 0.9658, 0.9657, 0.9658];
    const ll99 = [0.9401, 0.94, 0.9404, 0.9405, 0.9402, 0.94, 0.9402, 0.9405, 0.9402, 0.9402, 0.9401, 0.9402, 0.9398, 0.9398, 0.94, 0.9399, 0.9398, 0.94, 0.9401, 0.94];
    laneyLimits(COUNTS, 'rate').forEach((limits, i) => {
      assert.ok(Math.abs(limits.upper - ul99[i]!) <= 1e-4, `upper ${i}: ${limits.upper}`);
      assert.ok(Math.abs(limits.lower - ll99[i]!) <= 1e-4, `lower ${i}: ${limits.lower}`);
    });
  });

  it('keeps proportions within 0 and 1', () => {
    const limits = laneyLimits(
      [0, 1, 0, 9, 0].map((numerator, i) => ({ period: String(i), numerator, denominator: 10 })),
      'proportion',
    );
    assert.ok(limits.every((l) => l.lower >= 0 && l.upper <= 1));
  });
});

describe('laneyChart(series, kind, polarity, target)', () => {
  it('charts percentages with limits that follow each denominator, and judges them by the same rules', () => {
    const result = chart(laneyChart(COUNTS, 'proportion', 'higher_is_better', 90, [], { multiplier: 100 }));
    assert.equal(result.points.length, 20);
    near(result.points[0]!.value, (100 * 266501) / 280443, 9);
    near(result.points[0]!.limits.upper, 96.567, 4);
    assert.notEqual(result.points[0]!.limits.upper, result.points[1]!.limits.upper);
    assert.equal(result.assurance, 'consistently_pass');
  });

  it('refuses a count without a denominator, naming its period', () => {
    assert.throws(() => laneyChart([{ period: '2024-01', numerator: 1, denominator: 0 }], 'rate', 'lower_is_better'), /2024-01: a Laney chart needs/);
  });
});

describe('latestSpc(values, polarity, options)', () => {
  it("says of the latest point what spcChart says: its limits, its signals and the icon's variation", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 13, maxLength: 30 }),
        fc.constantFrom('higher_is_better' as const, 'lower_is_better' as const, 'neutral' as const),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 2, max: 8 }),
        (values, polarity, trendRun, shiftRun) => {
          const whole = chart(spcChart(monthly(values), polarity, null, [], { trendRun, shiftRun }));
          const latest = latestSpc(values, polarity, { trendRun, shiftRun })!;
          const last = whole.points[whole.points.length - 1]!;
          assert.deepEqual(latest.signals, last.signals);
          assert.deepEqual(latest.limits, last.limits);
          assert.equal(latest.variation, whole.variation);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('has nothing to say below 13 points', () => {
    assert.equal(latestSpc([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'higher_is_better'), undefined);
  });
});
