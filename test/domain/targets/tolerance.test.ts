// RAG by a tolerance rule: a table per rule and polarity with its boundaries
// (a boundary takes the better band), Havering's rule, the statistical rule
// and its missing interval, the rules in words, properties of polarity, and
// rules refused naming their field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkToleranceRule, describeRule, gapToTrajectory, greenLimit, notRated, progressOf, rate, type Band, type Rating, type ToleranceRule } from '../../../src/domain/targets/index.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';

const ABSOLUTE: ToleranceRule = Object.freeze({ kind: 'absolute', version: 1, greenWithin: 2, amberWithin: 5 });
const HAVERING: ToleranceRule = Object.freeze({ kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true });
const RELATIVE: ToleranceRule = Object.freeze({ kind: 'relative', version: 2, greenWithinPercent: 5, amberWithinPercent: 15, amberIfImproved: false });
const STATISTICAL: ToleranceRule = Object.freeze({ kind: 'statistical', version: 1 });
const TWO_BANDS: ToleranceRule = Object.freeze({ kind: 'two_bands', version: 1, measure: 'percent', greenWithin: 3 });

function band(rating: Rating): Band | string {
  return 'band' in rating ? rating.band : `not rated: ${rating.notRated}`;
}

type Row = readonly [actual: number, band: Band, lastYear?: number];

function table(rule: ToleranceRule, polarity: Polarity, expected: number, rows: readonly Row[]): void {
  for (const [actual, expectedBand, lastYear] of rows) {
    it(`${polarity}: expected ${expected}, actual ${actual}${lastYear === undefined ? '' : `, last year ${lastYear}`} is ${expectedBand}`, () => {
      assert.equal(band(rate(rule, { expected, actual, polarity, lastYear: lastYear ?? null })), expectedBand);
    });
  }
}

describe('rate(absolute rule)', () => {
  table(ABSOLUTE, 'higher_is_better', 50, [
    [60, 'green'],
    [50, 'green'],
    [48, 'green'],
    [47.9, 'amber'],
    [45, 'amber'],
    [44.9, 'red'],
  ]);
  table(ABSOLUTE, 'lower_is_better', 50, [
    [40, 'green'],
    [52, 'green'],
    [52.1, 'amber'],
    [55, 'amber'],
    [55.1, 'red'],
  ]);
  table(ABSOLUTE, 'neutral', 50, [
    [48, 'green'],
    [52, 'green'],
    [46, 'amber'],
    [56, 'red'],
  ]);
});

describe("rate(relative rule, Havering's)", () => {
  table(HAVERING, 'higher_is_better', 50, [
    [45, 'green'],
    [44.99, 'red', 46],
    [44.99, 'amber', 44],
    [30, 'amber', 29],
    [30, 'red', 30],
    [30, 'red'],
  ]);
  table(HAVERING, 'lower_is_better', 0.3, [
    [0.33, 'green'],
    [0.34, 'amber', 0.35],
    [0.34, 'red', 0.33],
  ]);
});

describe('rate(relative rule, two percentages)', () => {
  table(RELATIVE, 'higher_is_better', 200, [
    [190, 'green'],
    [189.9, 'amber'],
    [170, 'amber'],
    [169.9, 'red', 100],
  ]);
});

describe('rate(two bands, percent)', () => {
  table(TWO_BANDS, 'lower_is_better', 100, [
    [103, 'green'],
    [103.01, 'red'],
    [1, 'green'],
  ]);
});

describe('rate(statistical rule)', () => {
  const at = (actual: number, lower: number, upper: number, polarity: Polarity = 'higher_is_better'): string => band(rate(STATISTICAL, { expected: 50, actual, polarity, interval: { lower, upper } }));

  it('is green on or better than the trajectory', () => {
    assert.equal(at(50, 45, 55), 'green');
    assert.equal(at(60, 58, 62), 'green');
  });

  it('is amber when worse but the trajectory is within the interval, the bound itself included', () => {
    assert.equal(at(47, 44, 50), 'amber');
    assert.equal(at(47, 44, 49.99), 'red');
    assert.equal(at(53, 50, 56, 'lower_is_better'), 'amber');
  });

  it('is red when the whole interval is worse', () => assert.equal(at(40, 38, 42), 'red'));

  it('is not rated without an interval, and says why', () => {
    const rating = rate(STATISTICAL, { expected: 50, actual: 40, polarity: 'higher_is_better' });
    assert.deepEqual(rating, { notRated: 'no_interval', rule: describeRule(STATISTICAL) });
  });
});

describe('notRated(rule, reason)', () => {
  for (const reason of ['no_data', 'suppressed', 'non_survey_year', 'break_in_series', 'placeholder'] as const) {
    it(`carries ${reason} and the rule's words`, () => assert.deepEqual(notRated(HAVERING, reason), { notRated: reason, rule: describeRule(HAVERING) }));
  }
});

describe('describeRule(rule)', () => {
  it("writes Havering's rule as the agreement does", () => {
    assert.equal(describeRule(HAVERING), 'Green: on or within 10% of the trajectory; amber: more than 10% off but better than the same period last year; red: otherwise');
  });

  it('writes every kind in words and figures', () => {
    assert.equal(describeRule(ABSOLUTE), 'Green: on or within 2 of the trajectory; amber: more than 2 off but within 5; red: otherwise');
    assert.equal(describeRule(RELATIVE), 'Green: on or within 5% of the trajectory; amber: more than 5% off but within 15%; red: otherwise');
    assert.equal(describeRule(TWO_BANDS), 'Green: on or within 3% of the trajectory; red: otherwise');
    assert.match(describeRule(STATISTICAL), /95% confidence interval/);
    assert.equal(describeRule({ ...RELATIVE, amberWithinPercent: 15, amberIfImproved: true } as ToleranceRule).includes('within 15%, or better than the same period last year'), true);
  });

  it('is what every rating carries', () => {
    for (const rule of [ABSOLUTE, HAVERING, RELATIVE, TWO_BANDS]) assert.equal(rate(rule, { expected: 1, actual: 1, polarity: 'neutral' }).rule, describeRule(rule));
  });
});

describe('properties of rating', () => {
  const rules = fc.constantFrom(ABSOLUTE, HAVERING, RELATIVE, TWO_BANDS, STATISTICAL);
  const figure = fc.double({ min: -1000, max: 1000, noNaN: true });

  it('flipping polarity and mirroring every value gives the same band', () => {
    fc.assert(
      fc.property(rules, figure, figure, fc.option(figure), fc.double({ min: 0, max: 50, noNaN: true }), (rule, expected, actual, lastYear, half) => {
        const interval = { lower: actual - half, upper: actual + half };
        const high = rate(rule, { expected, actual, polarity: 'higher_is_better', lastYear, interval });
        const mirrored = { lower: -interval.upper, upper: -interval.lower };
        const low = rate(rule, { expected: -expected, actual: -actual, polarity: 'lower_is_better', lastYear: lastYear === null ? null : -lastYear, interval: mirrored });
        assert.equal(band(low), band(high));
      }),
    );
  });

  it('flipping polarity alone swaps green and red where the actual is off by more than every tolerance', () => {
    fc.assert(
      fc.property(fc.constantFrom(ABSOLUTE, TWO_BANDS), fc.double({ min: 1, max: 100, noNaN: true }), fc.double({ min: 6, max: 100, noNaN: true }), (rule, expected, off) => {
        const actual = expected * 1.04 + off;
        const swap: Record<string, string> = { green: 'red', red: 'green' };
        const high = band(rate(rule, { expected, actual, polarity: 'higher_is_better' }));
        assert.equal(band(rate(rule, { expected, actual, polarity: 'lower_is_better' })), swap[high]);
      }),
    );
  });

  it('a better actual never takes a worse band', () => {
    const order: Record<string, number> = { green: 0, amber: 1, red: 2 };
    fc.assert(
      fc.property(fc.constantFrom(ABSOLUTE, RELATIVE, TWO_BANDS), figure, figure, fc.double({ min: 0, max: 100, noNaN: true }), (rule, expected, actual, better) => {
        const worse = band(rate(rule, { expected, actual, polarity: 'higher_is_better' }));
        const improved = band(rate(rule, { expected, actual: actual + better, polarity: 'higher_is_better' }));
        assert.ok(order[improved]! <= order[worse]!);
      }),
    );
  });
});

describe('progressOf(baseline, target, actual) and gapToTrajectory', () => {
  it('is the share of the change sought, whichever way is better', () => {
    assert.equal(progressOf(40, 50, 45), 0.5);
    assert.equal(progressOf(20, 15, 17), 0.6);
    assert.equal(progressOf(20, 15, 22), -0.4);
    assert.equal(progressOf(20, 15, 14), 1.2);
    assert.equal(progressOf(20, 20, 14), null);
  });

  it('signs the gap so that positive is better', () => {
    assert.equal(gapToTrajectory(50, 53, 'higher_is_better'), 3);
    assert.equal(gapToTrajectory(50, 53, 'lower_is_better'), -3);
    assert.equal(gapToTrajectory(50, 47, 'neutral'), -3);
  });
});

describe('checkToleranceRule(json)', () => {
  it('reads every kind back from its JSON', () => {
    for (const rule of [ABSOLUTE, HAVERING, RELATIVE, STATISTICAL, TWO_BANDS]) {
      assert.deepEqual(checkToleranceRule(JSON.parse(JSON.stringify(rule))), { kind: 'valid', rule });
    }
  });

  const refused: readonly (readonly [string, unknown, readonly string[]])[] = [
    ['not an object', 'green', ['rule']],
    ['an unknown kind', { kind: 'vibes', version: 1 }, ['rule.kind']],
    ['no version', { kind: 'statistical' }, ['rule.version']],
    ['a negative tolerance', { kind: 'absolute', version: 1, greenWithin: -1, amberWithin: 2 }, ['rule.greenWithin']],
    ['amber narrower than green', { kind: 'absolute', version: 1, greenWithin: 3, amberWithin: 2 }, ['rule.amberWithin']],
    ['a percentage as text', { kind: 'relative', version: 1, greenWithinPercent: '10', amberIfImproved: true }, ['rule.greenWithinPercent']],
    ['a modifier that is not true or false', { kind: 'relative', version: 1, greenWithinPercent: 10, amberIfImproved: 'yes' }, ['rule.amberIfImproved']],
    ['two bands without a measure', { kind: 'two_bands', version: 1, greenWithin: 3 }, ['rule.measure']],
  ];
  for (const [what, input, fields] of refused) {
    it(`refuses ${what}, naming ${fields.join(', ')}`, () => {
      const check = checkToleranceRule(input);
      assert.equal(check.kind, 'invalid');
      assert.deepEqual(check.kind === 'invalid' ? check.problems.map((p) => p.field) : [], fields);
    });
  }
});

describe('greenLimit(rule, expected, polarity)', () => {
  const rules: ToleranceRule[] = [
    { kind: 'absolute', version: 1, greenWithin: 0.5, amberWithin: 1 },
    { kind: 'relative', version: 1, greenWithinPercent: 5, amberWithinPercent: 10, amberIfImproved: false },
    { kind: 'two_bands', version: 1, measure: 'percent', greenWithin: 3 },
    { kind: 'two_bands', version: 1, measure: 'absolute', greenWithin: 2 },
  ];

  it('is the edge of green: the limit itself is green, a little worse is not, on either polarity', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.constantFrom('higher_is_better' as const, 'lower_is_better' as const),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (rule, polarity, expected) => {
          const limit = greenLimit(rule, expected, polarity)!;
          const worse = polarity === 'higher_is_better' ? -1 : 1;
          assert.equal(band(rate(rule, { expected, actual: limit, polarity })), 'green');
          assert.notEqual(band(rate(rule, { expected, actual: limit + worse * (0.01 + Math.abs(expected) * 1e-6), polarity })), 'green');
        },
      ),
    );
  });

  it("has no edge for the statistical rule, whose band is the actual's interval, nor for a neutral metric", () => {
    assert.equal(greenLimit({ kind: 'statistical', version: 1 }, 10, 'higher_is_better'), null);
    assert.equal(greenLimit(rules[0]!, 10, 'neutral'), null);
    assert.equal(greenLimit(rules[0]!, 10, 'lower_is_better'), 10.5);
  });
});
