// The profile row's sparkline: fixed small size, the latest value marked, gaps
// at missing values, and a description naming the first and last periods.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sparkline, type SparklinePoint } from '../../../src/web/charts/sparkline.ts';
import { assertAccessibleSvg, elements, numberAttribute, texts } from './chart-checks.ts';

const POINTS: readonly SparklinePoint[] = [
  { period: '2019/20', value: 61.2 },
  { period: '2020/21', value: 60.1 },
  { period: '2021/22', value: null },
  { period: '2022/23', value: 62.4 },
  { period: '2023/24', value: 63.05 },
];

function line(svg: string): string {
  return elements(svg, 'path')[0]?.attributes.d ?? '';
}

describe('sparkline', () => {
  it('is a fixed 120 by 32 image, accessible and well formed', () => {
    const svg = sparkline({ id: 'hle-trend', label: 'Healthy life expectancy, female', points: POINTS, decimals: 1 });
    assertAccessibleSvg(svg, 'hle-trend');
    assert.match(svg, /viewBox="0 0 120 32" width="120" height="32"/);
  });

  it('says the first and last periods and their values', () => {
    const svg = sparkline({ id: 's', label: 'HLE', points: POINTS, decimals: 1 });
    assert.ok(svg.includes('<desc id="s-desc">From 2019/20: 61.2 to 2023/24: 63.1.</desc>'));
  });

  it('breaks the line at a missing value', () => {
    const d = line(sparkline({ id: 's', label: 'HLE', points: POINTS, decimals: 1 }));
    assert.equal((d.match(/M/g) ?? []).length, 2, d);
    assert.equal((d.match(/L/g) ?? []).length, 2, d);
  });

  it('marks the latest value, at the right-hand end and the highest point when it is the highest', () => {
    const svg = sparkline({ id: 's', label: 'HLE', points: POINTS, decimals: 1 });
    const [marker] = elements(svg, 'circle');
    assert.ok(marker !== undefined);
    const ys = [...line(svg).matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((match) => Number(match[1]));
    assert.equal(numberAttribute(marker, 'cy'), Math.min(...ys));
    assert.ok(numberAttribute(marker, 'cx') > 110);
  });

  it('marks the latest value that exists when the last period has none', () => {
    const svg = sparkline({ id: 's', label: 'HLE', points: [...POINTS, { period: '2024/25', value: null }], decimals: 1 });
    assert.ok(numberAttribute(elements(svg, 'circle')[0] ?? { attributes: {} }, 'cx') < 110);
    assert.ok(svg.includes('to 2023/24: 63.1.'));
  });

  it('draws a lone value between gaps as a dot', () => {
    const d = line(
      sparkline({
        id: 's',
        label: 'x',
        decimals: 0,
        points: [
          { period: 'a', value: 1 },
          { period: 'b', value: null },
          { period: 'c', value: 3 },
          { period: 'd', value: null },
          { period: 'e', value: 2 },
        ],
      }),
    );
    assert.equal((d.match(/M/g) ?? []).length, 3);
  });

  it('escapes its label', () => {
    const svg = sparkline({ id: 's', label: '<script>"x" & y</script>', points: POINTS, decimals: 1 });
    assertAccessibleSvg(svg, 's');
    assert.ok(svg.includes('&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;'));
  });

  it('takes another size', () => {
    assert.match(sparkline({ id: 's', label: 'x', points: POINTS, decimals: 1, width: 200, height: 40 }), /viewBox="0 0 200 40"/);
  });

  for (const [title, points] of [
    ['no points', []],
    [
      'every value missing',
      [
        { period: '2020', value: null },
        { period: '2021', value: null },
      ],
    ],
    ['values that are not finite', [{ period: '2020', value: Number.NaN }]],
  ] as const) {
    it(`says "No data" for ${title}`, () => {
      const svg = sparkline({ id: 's', label: 'HLE', points, decimals: 1 });
      assertAccessibleSvg(svg, 's');
      assert.deepEqual(texts(svg), ['No data']);
    });
  }

  it('draws a single value as a dot and says its period', () => {
    const svg = sparkline({ id: 's', label: 'HLE', points: [{ period: '2023', value: 5 }], decimals: 1 });
    assertAccessibleSvg(svg, 's');
    assert.ok(svg.includes('<desc id="s-desc">2023: 5.0.</desc>'));
    assert.equal(elements(svg, 'circle').length, 1);
  });

  it('draws a flat line for equal values, mid-height', () => {
    const svg = sparkline({
      id: 's',
      label: 'x',
      decimals: 0,
      points: [
        { period: 'a', value: 4 },
        { period: 'b', value: 4 },
      ],
    });
    assertAccessibleSvg(svg, 's');
    assert.equal(numberAttribute(elements(svg, 'circle')[0] ?? { attributes: {} }, 'cy'), 16);
  });
});
