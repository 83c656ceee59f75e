// Off trajectory, from the engine's own ratings of hand-made targets: a
// council's red and amber targets with the rule's words, red first; green and
// unrated targets, and other councils' ratings, left out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { offTrajectory, offTrajectoryOfEach } from '../../src/engine/off-trajectory.ts';
import { rateTargets } from '../../src/engine/target-progress.ts';
import type { Target, ToleranceRule } from '../../src/domain/targets/index.ts';
import { buildIndex, indexArea, indexMetric, type Row } from '../support/benchmark-index.ts';

const WITHIN_TEN_PERCENT: ToleranceRule = Object.freeze({ kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true });
const AREAS = Object.freeze(['E06000001', 'E06000002', 'E06000003'].map((code, i) => indexArea(code, `Council ${i + 1}`, 'unitary')));
const FY = { periodKind: 'financial_year' } as const;

/** Baseline 40 in 2008/09, the target reached in 2010/11. */
function target(id: string, metricCode: string, areaCodes: string[], targetValue: number): Target {
  return Object.freeze({
    id,
    metricCode,
    areaCodes,
    polarity: 'higher_is_better',
    baseline: { period: '2008/09', value: 40 },
    trajectory: [
      { period: '2009/10', value: (40 + targetValue) / 2 },
      { period: '2010/11', value: targetValue },
    ],
    shape: 'straight',
    targetValue,
    targetPeriod: '2010/11',
    role: 'performance',
    kind: 'designated',
    rule: WITHIN_TEN_PERCENT,
    placeholderDue: null,
  });
}

describe('offTrajectory(ratings, area) and offTrajectoryOfEach(ratings)', () => {
  const rows: Row[] = [
    ['2008/09', 'E06000001', 40],
    ['2009/10', 'E06000001', 41],
    ['2010/11', 'E06000001', 44],
    ['2008/09', 'E06000002', 40],
    ['2010/11', 'E06000002', null],
    ['2009/10', 'E06000003', 39],
    ['2010/11', 'E06000003', 38],
  ];
  // On NI 2 the first council falls below its baseline: red, where NI 1's rise short of the line is amber.
  const falling: Row[] = [
    ['2008/09', 'E06000001', 40],
    ['2009/10', 'E06000001', 39],
    ['2010/11', 'E06000001', 37],
  ];
  const index = buildIndex(AREAS, [
    [indexMetric('NI 1', FY), rows],
    [indexMetric('NI 2', FY), falling],
  ]);
  const ratings = rateTargets(index, [target('amber', 'NI 1', ['E06000001', 'E06000002', 'E06000003'], 50), target('green', 'NI 1', ['E06000001'], 45), target('red', 'NI 2', ['E06000001'], 50)]);

  it("lists the council's red and amber targets, red first, with actual, expected and the rule's words", () => {
    const green = ratings.find((r) => r.targetId === 'green')!.areas[0]!.rating;
    assert.ok('band' in green && green.band === 'green', 'the green target is left out for being green');
    const found = offTrajectory(ratings, 'E06000001');
    assert.deepEqual(
      found.map((f) => [f.targetId, f.band, f.period, f.actual, f.expected, f.gap]),
      [
        ['red', 'red', '2010/11', 37, 50, -13],
        ['amber', 'amber', '2010/11', 44, 50, -6],
      ],
    );
    assert.match(found[0]!.rule, /^Green: on or within 10% of the trajectory/);
  });

  it('says nothing of a target not rated, nor of a council with none off trajectory', () => {
    assert.deepEqual(offTrajectory(ratings, 'E06000002'), []);
    assert.deepEqual(offTrajectory(ratings, 'E09999999'), []);
  });

  it("reads each council's own rating of a target shared by several", () => {
    assert.deepEqual(
      offTrajectory(ratings, 'E06000003').map((f) => [f.targetId, f.band, f.actual]),
      [['amber', 'red', 38]],
    );
  });

  it("gives every council its own, as offTrajectory does, in the order of each council's first rating, green or not", () => {
    const each = offTrajectoryOfEach(ratings);
    assert.deepEqual([...each.keys()], ['E06000001', 'E06000003'], 'a council with none off trajectory is left out');
    for (const [area, lines] of each) assert.deepEqual(lines, offTrajectory(ratings, area));
    // The first council's first rating is green: it keeps its place before the third, whose amber target comes first.
    const greenFirst = rateTargets(index, [target('green', 'NI 1', ['E06000001'], 45), target('amber', 'NI 1', ['E06000003', 'E06000001'], 50)]);
    assert.deepEqual(
      [...offTrajectoryOfEach(greenFirst)].map(([area, lines]) => [area, lines.map((f) => [f.targetId, f.band])]),
      [
        ['E06000001', [['amber', 'amber']]],
        ['E06000003', [['amber', 'red']]],
      ],
    );
  });
});
