// Trend lines for a few areas: the emphasised line thick and dark and on top,
// the others told apart by dash and colour, gaps at missing values, thinned
// period labels, a legend of names, safe text, and "No data" when empty.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { trendLines, type TrendLine, type TrendLinesInput } from '../../../src/web/charts/trend-lines.ts';
import { INK } from '../../../src/web/charts/palette.ts';
import { assertAccessibleSvg, elements, texts, titledElements } from './chart-checks.ts';

const PERIODS = ['2019/20', '2020/21', '2021/22', '2022/23', '2023/24'];
const LINES: readonly TrendLine[] = [
  { code: 'E06000047', name: 'County Durham', values: [60, 61, 59.5, 60.2, 61.1], emphasis: true },
  { code: 'E92000001', name: 'England', values: [63, 63.1, 62.9, 63.5, 63.2], emphasis: false },
  { code: 'E12000001', name: 'North East', values: [59, null, 58.4, 59.9, 60.3], emphasis: false },
];

function chart(options: Partial<TrendLinesInput> = {}): string {
  return trendLines({ id: 'trend', title: 'Healthy life expectancy', description: 'Three areas.', unit: 'Years', decimals: 1, periods: PERIODS, lines: LINES, ...options });
}

/** Each line's drawn path (the one with stroke and no fill), in document order. */
function linePaths(svg: string): Readonly<Record<string, string>>[] {
  return elements(svg, 'path')
    .filter((path) => path.attributes.fill === 'none' && path.attributes['stroke-width'] !== undefined)
    .map((path) => path.attributes);
}

describe('trendLines', () => {
  it('is accessible and well formed', () => {
    assertAccessibleSvg(chart(), 'trend');
  });

  it('draws the emphasised line thick and dark, last, so it is on top', () => {
    const paths = linePaths(chart());
    const last = paths[paths.length - 1];
    assert.equal(last?.stroke, INK);
    assert.equal(last?.['stroke-width'], '3');
    assert.ok(paths.slice(0, -1).every((path) => path.stroke !== INK && Number(path['stroke-width']) < 3));
  });

  it('tells the other lines apart by colour and by dash pattern', () => {
    const names = Array.from({ length: 8 }, (_, index) => ({ code: `E${index}`, name: `Area ${index}`, values: PERIODS.map((_, step) => index + step), emphasis: false }));
    const paths = linePaths(chart({ lines: names }));
    assert.equal(paths.length, 8);
    assert.equal(new Set(paths.map((path) => path.stroke)).size, 8);
    assert.equal(new Set(paths.map((path) => path['stroke-dasharray'] ?? 'solid')).size, 8);
  });

  it('breaks a line at a missing value', () => {
    const northEast = linePaths(chart())[1];
    assert.equal((northEast?.d?.match(/M/g) ?? []).length, 2);
  });

  it('marks every value with its area, period and value in a title', () => {
    const markers = titledElements(chart(), 'path');
    assert.equal(markers.length, 14);
    assert.ok(markers.some((marker) => marker.title === 'North East, 2023/24: 60.3'));
  });

  it('names every line in the legend', () => {
    const words = texts(chart());
    for (const line of LINES) assert.ok(words.includes(line.name), line.name);
    assert.ok(words.includes('Years'));
  });

  it('thins crowded period labels, keeping the latest', () => {
    const periods = Array.from({ length: 40 }, (_, index) => `${1984 + index}/${String((85 + index) % 100).padStart(2, '0')}`);
    const svg = chart({ periods, lines: [{ code: 'E', name: 'England', values: periods.map((_, index) => index), emphasis: true }] });
    const shown = texts(svg).filter((text) => periods.includes(text));
    assert.ok(shown.length < periods.length / 2, `${shown.length} labels`);
    assert.ok(shown.length >= 4);
    assert.equal(shown[shown.length - 1], periods[periods.length - 1]);
  });

  it('shows every label when there is room', () => {
    const shown = texts(chart()).filter((text) => PERIODS.includes(text));
    assert.deepEqual(shown, PERIODS);
  });

  it('escapes names, periods and the unit', () => {
    const svg = chart({ unit: '<u>', periods: ['<2020>', '2021 & after'], lines: [{ code: 'x', name: '<script>"Bristol, City of"</script>', values: [1, 2], emphasis: true }] });
    assertAccessibleSvg(svg, 'trend');
    assert.ok(svg.includes('&lt;script&gt;&quot;Bristol, City of&quot;&lt;/script&gt;'));
    assert.ok(svg.includes('&lt;2020&gt;') && svg.includes('2021 &amp; after') && svg.includes('&lt;u&gt;'));
  });

  it('draws one area over one period as a marker', () => {
    const svg = chart({ periods: ['2023'], lines: [{ code: 'x', name: 'Rutland', values: [4], emphasis: true }] });
    assertAccessibleSvg(svg, 'trend');
    assert.equal(titledElements(svg, 'path').length, 1);
  });

  for (const [title, options] of [
    ['no periods', { periods: [] }],
    ['no lines', { lines: [] }],
    ['every value missing', { lines: [{ code: 'x', name: 'x', values: [null, null, Number.NaN], emphasis: false }] }],
  ] as const) {
    it(`says "No data" for ${title}`, () => {
      const svg = chart(options);
      assertAccessibleSvg(svg, 'trend');
      assert.deepEqual(texts(svg), ['No data']);
    });
  }

  it('treats values missing from the end of a short array as gaps', () => {
    const svg = chart({ lines: [{ code: 'x', name: 'x', values: [1, 2], emphasis: true }] });
    assertAccessibleSvg(svg, 'trend');
    assert.equal(titledElements(svg, 'path').length, 2);
  });
});
