// The wave chart: each wave a dot with its interval as a capped whisker, the
// dots joined and broken at a wave without a figure, the scale spanning every
// interval end, safe text, and "No data" when no wave has a figure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waveChart, type WavePoint } from '../../../src/web/charts/wave-chart.ts';
import { assertAccessibleSvg, elements, titledElements } from './chart-checks.ts';

const WAVES: readonly WavePoint[] = [
  { label: '2021/22', figure: { percent: 52, lower: 49, upper: 55 } },
  { label: '2022/23', figure: { percent: 55, lower: 52, upper: 58 } },
  { label: '2023/24', figure: null },
  { label: '2024/25', figure: { percent: 63, lower: 60, upper: 66 } },
];

const chart = (waves: readonly WavePoint[] = WAVES) => waveChart({ id: 'waves-1', title: 'Satisfied with the council', description: 'Four waves.', waves });

describe('waveChart', () => {
  it('is accessible and well formed', () => {
    assertAccessibleSvg(chart(), 'waves-1');
  });

  it('gives each wave with a figure a dot whose title holds the figure and its interval', () => {
    assert.deepEqual(
      titledElements(chart(), 'path').map((p) => p.title),
      ['2021/22: 52% (95% interval 49% to 55%)', '2022/23: 55% (95% interval 52% to 58%)', '2024/25: 63% (95% interval 60% to 66%)'],
    );
  });

  it('draws one capped whisker a figure, and breaks the line at the wave without one', () => {
    const svg = chart();
    const whiskers = elements(svg, 'path').find((p) => p.attributes.class === 'lantern-interval')!.attributes.d!;
    assert.equal(whiskers.match(/V/g)?.length, 3, 'three whiskers');
    assert.equal(whiskers.match(/H/g)?.length, 6, 'each with two caps');
    const line = elements(svg, 'path').find((p) => p.attributes.class === 'lantern-wave-line')!.attributes.d!;
    assert.equal(line.match(/M/g)?.length, 2, 'the line starts again after the gap');
  });

  it('places a higher interval higher on the page, the scale spanning the lowest and highest ends', () => {
    const svg = chart();
    const ys = titledElements(svg, 'path').map((p) => Number(/ ([\d.]+)/.exec(p.attributes.d ?? '')?.[1]));
    assert.ok(ys[0]! > ys[1]! && ys[1]! > ys[2]!, `rising figures drawn higher: ${ys.join(', ')}`);
    const labels = elements(svg, 'text').map((t) => t.text);
    assert.ok(labels.includes('2024/25') && labels.some((t) => /^4\d%$/.test(t)) && labels.some((t) => /^6\d%$/.test(t)), labels.join(' '));
  });

  it('escapes a label and says "No data" when no wave has a figure', () => {
    assert.match(chart([{ label: '<b>&', figure: { percent: 50, lower: 45, upper: 55 } }]), /&lt;b&gt;&amp;/);
    const empty = chart([{ label: '2023/24', figure: null }]);
    assertAccessibleSvg(empty, 'waves-1');
    assert.match(empty, />No data</);
  });
});
