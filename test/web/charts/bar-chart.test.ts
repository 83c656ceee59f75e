// The league table's bar chart: geometry that follows the values, the chosen
// area outlined and named, gaps for missing values, nice ticks, the benchmark
// line where its value is, safe text, and "No data" instead of NaN.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Significance } from '../../../src/domain/benchmark/compare-to-benchmark.ts';
import { barChart, type Bar, type BarChartInput } from '../../../src/web/charts/bar-chart.ts';
import { INK, SIGNIFICANCE_STYLE } from '../../../src/web/charts/palette.ts';
import { assertAccessibleSvg, count, elements, isNiceStep, numberAttribute, texts, titledElements } from './chart-checks.ts';

function bar(code: string, value: number | null, options: Partial<Bar> = {}): Bar {
  return { code, name: `Area ${code}`, value, lower: null, upper: null, significance: 'similar', highlight: null, ...options };
}

function chart(bars: readonly Bar[], options: Partial<BarChartInput> = {}): string {
  return barChart({ id: 'league', title: 'Physically active adults', description: 'Every council, ranked.', unit: '%', decimals: 1, bars, benchmark: null, ...options });
}

/** Each drawn bar: its title, x, top, height. */
function drawnBars(svg: string): { title: string; x: number; y: number; height: number; attributes: Readonly<Record<string, string>> }[] {
  return titledElements(svg, 'rect').map((rect) => ({
    title: rect.title,
    attributes: rect.attributes,
    x: numberAttribute(rect, 'x'),
    y: numberAttribute(rect, 'y'),
    height: numberAttribute(rect, 'height'),
  }));
}

/** The y axis: each tick's value from its label and its y from its gridline. */
function axisTicks(svg: string): { value: number; y: number }[] {
  const values = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)">([^<]+)<\/text>/g)]
    .map((match) => ({ value: Number((match[2] ?? '').replace(/,/g, '')), y: Number(match[1]) - 4 }))
    .filter((tick) => Number.isFinite(tick.value));
  assert.ok(values.length > 0, 'tick labels');
  return values;
}

const RANKED: readonly Bar[] = [
  bar('E1', 80, { significance: 'better' }),
  bar('E2', 60, { significance: 'better', highlight: 'group' }),
  bar('E3', null, { significance: 'not_compared' }),
  bar('E4', 40, { significance: 'similar', highlight: 'chosen', name: 'Bristol, City of' }),
  bar('E5', 20, { significance: 'worse', highlight: 'group' }),
];

describe('barChart', () => {
  it('is a well-formed, accessible image named by its title and description', () => {
    const svg = chart(RANKED);
    assertAccessibleSvg(svg, 'league');
    assert.ok(svg.includes('<title id="league-title">Physically active adults</title>'));
    assert.ok(svg.includes('<desc id="league-desc">Every council, ranked.</desc>'));
  });

  it('makes a valid, distinct id from any caller id', () => {
    const svg = chart(RANKED, { id: '1st chart "a"' });
    assertAccessibleSvg(svg, 'chart-1st-chart--a-');
  });

  it('escapes hostile names, units and labels everywhere', () => {
    const hostile = '<script>alert("x")</script> & Bristol, City of';
    const svg = chart([bar('E1', 5, { name: hostile, highlight: 'chosen' }), bar('E2', 3, { name: hostile })], {
      title: '<b>title</b>',
      unit: '<i>%</i>',
      benchmark: { label: '<England>', value: 4 },
      groupLabel: '"group" & <co>',
    });
    assertAccessibleSvg(svg, 'league');
    assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Bristol, City of: 5.0'));
    assert.ok(!svg.includes('<b>') && !svg.includes('<i>') && !svg.includes('<England>'));
  });

  it('draws one rect per value, in the order given, heights in proportion to the values: the tallest is the largest', () => {
    const shuffled = [bar('A', 30), bar('B', 90), bar('C', 10), bar('D', 45)];
    const drawn = drawnBars(chart(shuffled));
    assert.deepEqual(
      drawn.map((rect) => rect.title.split(':')[0]),
      ['Area A', 'Area B', 'Area C', 'Area D'],
    );
    for (let index = 1; index < drawn.length; index += 1) assert.ok((drawn[index]?.x ?? 0) > (drawn[index - 1]?.x ?? 0), 'left to right in order');
    const tallest = drawn.reduce((best, rect) => (rect.height > best.height ? rect : best));
    assert.equal(tallest.title, 'Area B: 90.0 (Similar)');
    const perUnit = (drawn[1]?.height ?? 0) / 90;
    for (const [index, value] of [30, 90, 10, 45].entries()) assert.ok(Math.abs((drawn[index]?.height ?? 0) - value * perUnit) < 0.2, `bar ${index} in proportion`);
  });

  it('stands every bar on the zero line, which is a tick', () => {
    const svg = chart(RANKED);
    const zero = axisTicks(svg).find((tick) => tick.value === 0);
    assert.ok(zero !== undefined, 'a tick at 0');
    for (const rect of drawnBars(svg)) assert.ok(Math.abs(rect.y + rect.height - zero.y) < 0.2, `${rect.title} stands on zero`);
  });

  it('leaves a gap for a missing value: no rect, and its slot stays empty', () => {
    const svg = chart(RANKED);
    const drawn = drawnBars(svg);
    assert.equal(drawn.length, 4);
    assert.ok(!drawn.some((rect) => rect.title.startsWith('Area E3')));
    const [first, second, chosen] = [drawn[0], drawn[1], drawn.find((rect) => rect.title.startsWith('Bristol'))];
    const pitch = (second?.x ?? 0) - (first?.x ?? 0);
    assert.ok(Math.abs((chosen?.x ?? 0) - (second?.x ?? 0) - 2 * pitch) < 0.2, 'the chosen bar is two slots after the second: one slot is empty');
  });

  it('outlines the chosen bar thickly, draws it after the others, and labels it with its name and value', () => {
    const svg = chart(RANKED);
    const chosen = drawnBars(svg).find((rect) => rect.title.startsWith('Bristol, City of'));
    assert.ok(chosen !== undefined);
    assert.equal(chosen.attributes.stroke, INK);
    assert.ok(Number(chosen.attributes['stroke-width']) >= 2);
    assert.equal(chosen.attributes.fill, SIGNIFICANCE_STYLE.similar.fill);
    assert.ok(svg.indexOf('Bristol, City of: 40.0 (Similar)') > svg.indexOf('Area E5: 20.0 (Worse)'), 'drawn last');
    assert.ok(texts(svg).includes('Bristol, City of: 40.0'));
  });

  it('labels a chosen area that has no value as no data', () => {
    const svg = chart([bar('A', 3), bar('B', null, { highlight: 'chosen', name: 'Rutland' })]);
    assert.ok(texts(svg).includes('Rutland: no data'));
  });

  it('fills each bar by its significance, with a dark outline only on fills too pale for white', () => {
    const svg = chart(RANKED);
    for (const significance of ['better', 'worse'] as const) {
      assert.ok(svg.includes(`<g fill="${SIGNIFICANCE_STYLE[significance].fill}">`), `${significance} bars need no outline`);
    }
    const pale = chart([bar('A', 3, { significance: 'similar' }), bar('B', 4, { significance: 'not_compared' })]);
    assert.ok(pale.includes(`<g fill="${SIGNIFICANCE_STYLE.similar.fill}" stroke="${INK}"`));
    assert.ok(pale.includes(`<g fill="${SIGNIFICANCE_STYLE.not_compared.fill}" stroke="${INK}"`));
  });

  it('marks each group member with a dot beneath its bar', () => {
    const svg = chart(RANKED);
    const dots = elements(svg, 'circle');
    assert.equal(dots.length, 2);
    const drawn = drawnBars(svg);
    const e2 = drawn.find((rect) => rect.title.startsWith('Area E2'));
    assert.ok(e2 !== undefined);
    const width = numberAttribute({ attributes: e2.attributes }, 'width');
    assert.ok(Math.abs(numberAttribute(dots[0] ?? { attributes: {} }, 'cx') - (e2.x + width / 2)) < 0.2);
    assert.ok(texts(svg).includes('Comparator group'));
  });

  it('has four to six nice ticks from zero', () => {
    const values = axisTicks(chart([bar('A', 83.2), bar('B', 12)])).map((tick) => tick.value);
    assert.deepEqual(values, [0, 25, 50, 75, 100]);
  });

  it('starts the axis below the minimum when values are negative, with zero still a tick', () => {
    const values = axisTicks(chart([bar('A', 12), bar('B', -7.5)])).map((tick) => tick.value);
    assert.ok(values.length >= 4 && values.length <= 6);
    assert.ok((values[0] ?? 0) <= -7.5 && values.includes(0) && (values[values.length - 1] ?? 0) >= 12);
    assert.ok(isNiceStep((values[1] ?? 0) - (values[0] ?? 0)));
  });

  it('draws the benchmark as a dashed line at its value, named with its value in the legend', () => {
    const svg = chart([bar('A', 80), bar('B', 20)], { benchmark: { label: 'England', value: 50 } });
    const line = elements(svg, 'path').find((path) => path.attributes.class === 'lantern-benchmark');
    assert.ok(line !== undefined);
    assert.ok(line.attributes['stroke-dasharray'] !== undefined);
    const ticks = axisTicks(svg);
    const [zero, top] = [ticks[0], ticks[ticks.length - 1]];
    assert.ok(zero !== undefined && top !== undefined);
    const expected = zero.y + ((top.y - zero.y) * (50 - zero.value)) / (top.value - zero.value);
    const y = Number(/^M[\d.]+ ([\d.]+)H/.exec(line.attributes.d ?? '')?.[1]);
    assert.ok(Math.abs(y - expected) < 0.2, `benchmark at ${y}, expected ${expected}`);
    assert.ok(texts(svg).includes('England: 50.0'));
    assert.ok(texts(svg).includes('Better than England') || texts(svg).includes('Similar to England'));
  });

  it('keeps a benchmark beyond every value on the axis', () => {
    const ticks = axisTicks(chart([bar('A', 8), bar('B', 2)], { benchmark: { label: 'England', value: 230 } }));
    assert.ok((ticks[ticks.length - 1]?.value ?? 0) >= 230);
  });

  it('draws intervals as thin whiskers in one path, one per bar with both limits', () => {
    const svg = chart([bar('A', 50, { lower: 45, upper: 55 }), bar('B', 40, { lower: 30, upper: null }), bar('C', 30, { lower: 25, upper: 36 })]);
    const whiskers = elements(svg, 'path').filter((path) => path.attributes.class === 'lantern-whiskers');
    assert.equal(whiskers.length, 1);
    const segments = (whiskers[0]?.attributes.d ?? '').match(/V/g) ?? [];
    assert.equal(segments.length, 2);
  });

  it('keeps 300 bars light: one rect each, no per-bar text, and under 45 KB', () => {
    const many = Array.from({ length: 320 }, (_, index) =>
      bar(`E${index}`, 100 - index / 4, {
        lower: 98 - index / 4,
        upper: 102 - index / 4,
        significance: (['better', 'similar', 'worse'] as const)[index % 3] as Significance,
        highlight: index === 100 ? 'chosen' : index % 20 === 0 ? 'group' : null,
      }),
    );
    const few = many.slice(0, 30);
    const svg = chart(many, { benchmark: { label: 'England', value: 50 } });
    assertAccessibleSvg(svg, 'league');
    assert.equal(drawnBars(svg).length, 320);
    const fewTexts = count(chart(few, { benchmark: { label: 'England', value: 50 } }), '<text');
    assert.ok(Math.abs(count(svg, '<text') - fewTexts) <= 1, 'text does not grow with the bars (a tick more or less at most)');
    assert.ok(count(svg, '<text') < 20);
    assert.ok(svg.length < 45_000, `${svg.length} bytes`);
  });

  it('grows taller rather than squeezing its plot when a narrow legend wraps', () => {
    const svg = chart(RANKED, { width: 200, height: 160, benchmark: { label: 'A benchmark with a long name', value: 30 } });
    assertAccessibleSvg(svg, 'league');
    const height = Number(/viewBox="0 0 200 ([\d.]+)"/.exec(svg)?.[1]);
    assert.ok(height > 160, `${height}`);
    for (const rect of drawnBars(svg)) assert.ok(rect.height >= 0 && rect.y >= 40);
  });

  it('draws one area as one bar', () => {
    const svg = chart([bar('A', 7, { highlight: 'chosen' })]);
    assertAccessibleSvg(svg, 'league');
    assert.equal(drawnBars(svg).length, 1);
  });

  for (const [title, bars] of [
    ['no bars', []],
    ['every value missing', [bar('A', null), bar('B', null, { highlight: 'chosen' })]],
    ['values that are not finite numbers', [bar('A', Number.NaN), bar('B', Infinity)]],
  ] as const) {
    it(`says "No data" for ${title}, with no NaN anywhere`, () => {
      const svg = chart(bars, { benchmark: { label: 'England', value: Number.NaN } });
      assertAccessibleSvg(svg, 'league');
      assert.deepEqual(texts(svg), ['No data']);
      assert.ok(svg.includes('No data.</desc>'));
    });
  }

  it('ignores a benchmark that is not a finite number', () => {
    const svg = chart([bar('A', 3)], { benchmark: { label: 'England', value: Number.NaN } });
    assertAccessibleSvg(svg, 'league');
    assert.ok(!svg.includes('lantern-benchmark'));
  });

  it('formats values with the metric’s decimals in en-GB style', () => {
    const svg = chart([bar('A', 12345.678, { highlight: 'chosen' })], { decimals: 2 });
    assert.ok(svg.includes('Area A: 12,345.68 (Similar)'));
  });
});

describe('barChart: shades other than significance', () => {
  it('colours each bar by its shade, draws each shade once, and names the shades in the legend', () => {
    const best = { key: 'q1', fill: '#0f385c', label: 'Best fifth' };
    const worst = { key: 'q5', fill: '#d2e2f1', label: 'Worst fifth' };
    const svg = chart([
      bar('E1', 80, { significance: 'not_compared', shade: best }),
      bar('E2', 70, { significance: 'not_compared', shade: best }),
      bar('E3', 40, { significance: 'not_compared', shade: worst, highlight: 'chosen' }),
      bar('E4', 30, { significance: 'not_compared', shade: worst }),
    ]);
    assert.equal(count(svg, '<g fill="#0f385c">'), 1, 'one group for the best fifth');
    assert.match(svg, /<g fill="#d2e2f1" stroke="#0b0c0c" stroke-width="0.5">/, 'a pale shade keeps its outline');
    assert.deepEqual(
      drawnBars(svg).map((b) => b.title),
      ['Area E1: 80.0 (Best fifth)', 'Area E2: 70.0 (Best fifth)', 'Area E4: 30.0 (Worst fifth)', 'Area E3: 40.0 (Worst fifth)'],
    );
    assert.match(svg, /fill="#d2e2f1" stroke="#0b0c0c" stroke-width="2.5"/, 'the chosen bar wears its shade');
    const legend = texts(svg);
    assert.ok(legend.includes('Best fifth') && legend.includes('Worst fifth'), legend.join(' | '));
    assert.ok(!legend.some((t) => /Not compared/.test(t)), 'no significance is named when shades stand in for it');
  });
});

describe('barChart: many thin bars', () => {
  it('leaves pale bars unoutlined when they are too thin for an outline to leave any colour inside', () => {
    const pale = { key: 'q5', fill: '#d2e2f1', label: 'Worst fifth' };
    const thin = chart(Array.from({ length: 300 }, (_, i) => bar(`E${i}`, 300 - i, { significance: 'not_compared', shade: pale })));
    assert.match(thin, /<g fill="#d2e2f1">/);
    const wide = chart(Array.from({ length: 10 }, (_, i) => bar(`E${i}`, 10 - i, { significance: 'not_compared', shade: pale })));
    assert.match(wide, /<g fill="#d2e2f1" stroke="#0b0c0c" stroke-width="0.5">/);
  });
});
