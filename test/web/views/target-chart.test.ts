// A target's chart: its tolerance band is shaded from the trajectory to the
// worst figure still rated green, on the worse side for the metric's
// polarity, named in the legend; the statistical rule, which reads each
// actual's own interval, draws none.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ToleranceRule } from '../../../src/domain/targets/index.ts';
import { targetChart } from '../../../src/web/views/target-chart.ts';
import { buildIndex, indexArea, indexMetric, type Row } from '../../support/benchmark-index.ts';

const DURHAM = 'E06000047';
const rows: Row[] = [
  ['2008/09', DURHAM, 30],
  ['2009/10', DURHAM, 28.6],
];
const index = buildIndex([indexArea(DURHAM, 'County Durham', 'unitary')], [[indexMetric('obesity', { polarity: 'lower_is_better', periodKind: 'financial_year', decimals: 1 }), rows]]);
const line = {
  metricCode: 'obesity',
  areaCode: DURHAM,
  baseline: { period: '2008/09', value: 30 },
  trajectory: [
    { period: '2009/10', value: 29 },
    { period: '2010/11', value: 28 },
  ],
};
const WITHIN_HALF: ToleranceRule = { kind: 'absolute', version: 1, greenWithin: 0.5, amberWithin: 1 };

/** The band's corners, as drawn: x y pairs in the path's order. */
function bandCorners(svg: string): number[][] {
  const path = /<path class="lantern-band" d="M([^"Z]+)Z"/.exec(svg)?.[1];
  assert.ok(path, 'a band is drawn');
  return path.split('L').map((pair) => pair.split(' ').map(Number));
}

describe('targetChart(index, line, title) with a tolerance band', () => {
  it('shades above a lower-is-better trajectory, up to the edge of green, and names it', () => {
    const drawn = targetChart(index, { ...line, rule: WITHIN_HALF, polarity: 'lower_is_better' }, 'Obesity: County Durham against the trajectory')!;
    assert.match(drawn.chart, /Green: within tolerance of the trajectory/);
    const corners = bandCorners(drawn.chart);
    assert.equal(corners.length, 6, 'three periods along the top edge, three back along the bottom');
    const [top, bottom] = [corners.slice(0, 3), corners.slice(3).reverse()];
    top.forEach(([x, y], i) => {
      assert.equal(x, bottom[i]![0]);
      assert.ok(y! < bottom[i]![1]!, 'the upper edge is above the lower on the page');
    });
  });

  it('has the trajectory as its lower edge when lower is better, its upper edge when higher is', () => {
    for (const [polarity, edge] of [
      ['lower_is_better', 'bottom'],
      ['higher_is_better', 'top'],
    ] as const) {
      const svg: string = targetChart(index, { ...line, rule: WITHIN_HALF, polarity }, 't')!.chart;
      const trajectory: number[][] = /<g class="lantern-line"><path d="M([^"]+)"/
        .exec(svg)![1]!
        .split('L')
        .map((pair) => pair.split(' ').map(Number));
      const corners = bandCorners(svg);
      const onEdge = edge === 'top' ? corners.slice(0, 3) : corners.slice(3).reverse();
      assert.deepEqual(onEdge, trajectory, `${polarity}: the trajectory is the band's ${edge} edge`);
    }
  });

  it('draws no band for the statistical rule, nor without a rule', () => {
    assert.doesNotMatch(targetChart(index, { ...line, rule: { kind: 'statistical', version: 1 }, polarity: 'lower_is_better' }, 't')!.chart, /lantern-band/);
    assert.doesNotMatch(targetChart(index, line, 't')!.chart, /lantern-band|within tolerance/);
  });
});
