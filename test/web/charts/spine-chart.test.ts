// The spine chart: worst to best left to right by polarity, bands for the range
// and the quartiles, the benchmark line, the value as its significance marker.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spineChart, type SpineChartInput } from '../../../src/web/charts/spine-chart.ts';
import { INK, QUARTILE_FILL, RANGE_FILL, SIGNIFICANCE_STYLE } from '../../../src/web/charts/palette.ts';
import { assertAccessibleSvg, elements, numberAttribute, texts } from './chart-checks.ts';

const BASE: SpineChartInput = {
  id: 'spine',
  label: 'Smoking prevalence',
  min: 5,
  q1: 10,
  median: 12,
  q3: 15,
  max: 25,
  value: 22,
  benchmark: 13,
  polarity: 'higher_is_better',
  significance: 'better',
  decimals: 1,
};

/** The centre of the value's marker, which these tests keep a circle (significance better). */
function markerX(svg: string): number {
  const group = svg.slice(svg.indexOf('class="lantern-value"'));
  const match = /<path d="M(-?[\d.]+) -?[\d.]+a([\d.]+) /.exec(group);
  assert.ok(match !== null, 'a circular value marker');
  return Number(match[1]) + Number(match[2]);
}

function benchmarkX(svg: string): number {
  const line = elements(svg, 'path').find((path) => path.attributes.class === 'lantern-benchmark');
  return Number(/^M([\d.]+)/.exec(line?.attributes.d ?? '')?.[1]);
}

function band(svg: string, className: string): { left: number; right: number } {
  const rect = elements(svg, 'rect').find((element) => element.attributes.class === className);
  assert.ok(rect !== undefined, className);
  return { left: numberAttribute(rect, 'x'), right: numberAttribute(rect, 'x') + numberAttribute(rect, 'width') };
}

describe('spineChart', () => {
  it('is accessible and well formed, and describes the figures in words', () => {
    const svg = spineChart(BASE);
    assertAccessibleSvg(svg, 'spine');
    assert.ok(svg.includes('Value 22.0 (Better). Group from 5.0 to 25.0, middle half 10.0 to 15.0, median 12.0. Benchmark 13.0. Worse values on the left, better on the right.'));
  });

  it('puts a high value towards the right when higher is better', () => {
    const svg = spineChart(BASE);
    assert.ok(markerX(svg) > 240 / 2);
    assert.ok(markerX(svg) > benchmarkX(svg));
  });

  it('flips for lower_is_better: the same high value is towards the left, the worse end', () => {
    const svg = spineChart({ ...BASE, polarity: 'lower_is_better' });
    assert.ok(markerX(svg) < 240 / 2);
    assert.ok(markerX(svg) < benchmarkX(svg));
    const higher = spineChart(BASE);
    assert.ok(Math.abs(markerX(svg) - (240 - markerX(higher))) < 0.2, 'a mirror image');
    assert.ok(Math.abs(benchmarkX(svg) - (240 - benchmarkX(higher))) < 0.2, 'a mirror image');
  });

  it('keeps low to high for neutral', () => {
    assert.equal(markerX(spineChart({ ...BASE, polarity: 'neutral' })), markerX(spineChart(BASE)));
    assert.ok(spineChart({ ...BASE, polarity: 'neutral' }).includes('Lower values on the left, higher on the right.'));
  });

  it('draws the inter-quartile band inside the range and darker than it', () => {
    const svg = spineChart(BASE);
    const range = band(svg, 'lantern-range');
    const quartiles = band(svg, 'lantern-quartiles');
    assert.ok(quartiles.left > range.left && quartiles.right < range.right);
    assert.ok(svg.includes(`class="lantern-range" x="${range.left}" y="8" width="${range.right - range.left}" height="12" fill="${RANGE_FILL}"`));
    assert.ok(svg.includes(`fill="${QUARTILE_FILL}"`));
  });

  it('draws the value as its significance’s marker in its fill, with a dark outline', () => {
    for (const significance of ['better', 'worse', 'similar'] as const) {
      const svg = spineChart({ ...BASE, significance });
      const style = SIGNIFICANCE_STYLE[significance];
      assert.ok(svg.includes(`class="lantern-value" fill="${style.fill}" stroke="${INK}"`), significance);
    }
    assert.notEqual(
      spineChart({ ...BASE, significance: 'better' }).replace(/#[0-9a-f]{6}/g, ''),
      spineChart({ ...BASE, significance: 'worse' }).replace(/#[0-9a-f]{6}/g, ''),
      'the shapes differ, not only the colours',
    );
  });

  it('draws the benchmark as a vertical line at its value', () => {
    const svg = spineChart({ ...BASE, benchmark: 15 });
    const quartiles = band(svg, 'lantern-quartiles');
    assert.ok(Math.abs(benchmarkX(svg) - quartiles.right) < 0.2, 'the benchmark at q3 sits on the band’s edge');
  });

  it('draws a single tick when every value in the group is the same', () => {
    const svg = spineChart({ ...BASE, min: 7, q1: 7, median: 7, q3: 7, max: 7, value: 7, benchmark: 7 });
    assertAccessibleSvg(svg, 'spine');
    assert.equal(elements(svg, 'rect').length, 0);
    assert.ok(elements(svg, 'path').some((path) => path.attributes.class === 'lantern-range'));
    assert.ok(svg.includes('Every value in the group is 7.0.'));
  });

  it('draws no marker when there is no value, and says so', () => {
    const svg = spineChart({ ...BASE, value: null, benchmark: null });
    assertAccessibleSvg(svg, 'spine');
    assert.ok(!svg.includes('lantern-value') && !svg.includes('lantern-benchmark'));
    assert.ok(svg.includes('No value.'));
  });

  it('widens its axis to a value or benchmark beyond the group', () => {
    const svg = spineChart({ ...BASE, value: 40, benchmark: 1 });
    assert.ok(markerX(svg) <= 240 - 10 && benchmarkX(svg) >= 10);
  });

  it('says "No data" when the group’s figures are not numbers', () => {
    const svg = spineChart({ ...BASE, min: Number.NaN });
    assertAccessibleSvg(svg, 'spine');
    assert.deepEqual(texts(svg), ['No data']);
  });

  it('escapes its label', () => {
    const svg = spineChart({ ...BASE, label: 'Rate <per> "100,000" & more' });
    assertAccessibleSvg(svg, 'spine');
    assert.ok(svg.includes('Rate &lt;per&gt; &quot;100,000&quot; &amp; more'));
  });
});
