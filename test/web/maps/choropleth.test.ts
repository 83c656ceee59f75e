// The choropleth: one path per area filled by its code, titles that say the
// name and the words for the colour, hatching and "no data" where there is no
// fill, the chosen area last with a thick outline and its name, the legend and
// the attribution inside the SVG, and safe text throughout.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Feature, Polygon, Position } from 'geojson';
import { INK, SIGNIFICANCE_STYLE } from '../../../src/web/charts/palette.ts';
import { choroplethMap, type ChoroplethInput } from '../../../src/web/maps/choropleth.ts';
import { prepareMap, type MapGeometry } from '../../../src/web/maps/prepare-map.ts';
import { assertAccessibleSvg, count, elements, texts, titledElements } from '../charts/chart-checks.ts';

function square(code: string, name: string, west: number, south: number): Feature<Polygon> {
  const ring: Position[] = [
    [west, south],
    [west, south + 1],
    [west + 1, south + 1],
    [west + 1, south],
    [west, south],
  ];
  return { type: 'Feature', properties: { CODE: code, NAME: name }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const GEOMETRY: MapGeometry = prepareMap(
  {
    type: 'FeatureCollection',
    features: [square('E1', 'Hartlepool', -2, 54), square('E2', 'Bristol, City of', -1, 54), square('E3', '<script>alert(1)</script> & "x"', -2, 53), square('E4', 'Rutland', -1, 53)],
  },
  { codeProperty: 'CODE', nameProperty: 'NAME' },
);

const ATTRIBUTION = 'Contains OS data © Crown copyright and database right 2024. Source: Office for National Statistics licensed under the Open Government Licence v.3.0.';

function map(options: Partial<ChoroplethInput> = {}): string {
  const { better, worse, similar } = SIGNIFICANCE_STYLE;
  return choroplethMap(GEOMETRY, {
    id: 'map',
    title: 'Smoking prevalence by district',
    description: 'Compared with England.',
    fills: new Map([
      ['E1', { fill: better.fill, label: better.label }],
      ['E2', { fill: worse.fill, label: worse.label }],
      ['E3', { fill: similar.fill, label: similar.label }],
    ]),
    chosen: 'E2',
    legend: (['better', 'similar', 'worse'] as const).map((significance) => ({
      fill: SIGNIFICANCE_STYLE[significance].fill,
      label: SIGNIFICANCE_STYLE[significance].label,
      marker: SIGNIFICANCE_STYLE[significance].marker,
    })),
    attribution: ATTRIBUTION,
    ...options,
  });
}

function areaPaths(svg: string): { attributes: Readonly<Record<string, string>>; title: string }[] {
  return titledElements(svg, 'path').filter((path) => path.attributes['data-code'] !== undefined);
}

describe('choroplethMap', () => {
  it('is an accessible, well-formed image', () => {
    assertAccessibleSvg(map(), 'map');
  });

  it('draws one path per area, filled by its code, titled with its name and label', () => {
    const paths = areaPaths(map());
    assert.equal(paths.length, 4);
    const byCode = new Map(paths.map((path) => [path.attributes['data-code'], path]));
    assert.equal(byCode.get('E1')?.attributes.fill, SIGNIFICANCE_STYLE.better.fill);
    assert.equal(byCode.get('E1')?.title, 'Hartlepool: Better');
    assert.equal(byCode.get('E3')?.attributes.fill, SIGNIFICANCE_STYLE.similar.fill);
    assert.equal(byCode.get('E1')?.attributes.d, GEOMETRY.areas.get('E1')?.path);
  });

  it('hatches an area with no fill and says "no data", with a key for it', () => {
    const svg = map();
    const rutland = areaPaths(svg).find((path) => path.attributes['data-code'] === 'E4');
    assert.equal(rutland?.title, 'Rutland: no data');
    assert.equal(rutland?.attributes.fill, 'url(#map-no-data)');
    assert.equal(rutland?.attributes.class, 'lantern-map-no-data');
    assert.equal(count(svg, '<pattern id="map-no-data"'), 1);
    assert.ok(texts(svg).includes('No data'));
  });

  it('has no hatch pattern when every area has a fill', () => {
    const all = new Map([...GEOMETRY.areas.keys()].map((code) => [code, { fill: '#1d70b8', label: 'Quintile 4' }]));
    const svg = map({ fills: all });
    assert.ok(!svg.includes('<pattern'));
    assert.ok(!texts(svg).includes('No data'));
  });

  it('draws the chosen area last, with a thick dark outline, a marker and its name', () => {
    const svg = map();
    const paths = areaPaths(svg);
    const chosen = paths[paths.length - 1];
    assert.equal(chosen?.attributes['data-code'], 'E2');
    assert.equal(chosen?.attributes.stroke, INK);
    assert.ok(Number(chosen?.attributes['stroke-width']) >= 2);
    assert.equal(chosen?.title, 'Bristol, City of: Worse');
    assert.equal(elements(svg, 'circle').length, 1);
    assert.ok(texts(svg).filter((text) => text === 'Bristol, City of').length >= 1, 'named on the map');
  });

  it('outlines the chosen area without a name box when the geometry has no centre for it', () => {
    const areas = new Map([...GEOMETRY.areas].map(([code, area]) => [code, { name: area.name, path: area.path }]));
    const svg = choroplethMap({ ...GEOMETRY, areas }, { id: 'map', title: 'Map', description: 'd', fills: new Map(), chosen: 'E1', legend: [], attribution: ATTRIBUTION });
    assertAccessibleSvg(svg, 'map');
    assert.ok(svg.includes('lantern-map-chosen') && svg.includes('stroke-width="3"'));
    assert.equal(elements(svg, 'circle').length, 0);
  });

  it('draws no chosen area when none is asked, or when its code is not on the map', () => {
    for (const chosen of [undefined, 'E99']) {
      const svg = map({ chosen });
      assertAccessibleSvg(svg, 'map');
      assert.ok(!svg.includes('lantern-map-chosen'));
      assert.equal(areaPaths(svg).length, 4);
    }
  });

  it('keeps the legend (swatches, markers and words) and the attribution inside the SVG, below the map', () => {
    const svg = map();
    const words = texts(svg);
    for (const label of ['Better', 'Similar', 'Worse']) assert.ok(words.includes(label), label);
    assert.ok(words.join(' ').replace(/\s+/g, ' ').includes(ATTRIBUTION.replace(/&/g, '&amp;')), 'the attribution, wrapped over lines');
    const viewHeight = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)?.[1]);
    assert.ok(viewHeight > GEOMETRY.height + 40, 'room below the map');
    const attributionY = Math.max(...elements(svg, 'text').map((text) => Number(text.attributes.y)));
    assert.ok(attributionY > GEOMETRY.height && attributionY <= viewHeight);
    assert.ok(svg.includes(`fill="${SIGNIFICANCE_STYLE.similar.fill}" stroke="${INK}"`), 'legend markers wear the dark outline');
  });

  it('escapes names, labels, codes, colours and the attribution', () => {
    const svg = map({
      fills: new Map([['E3', { fill: '"><script>', label: '<b>Worse</b>' }]]),
      chosen: 'E3',
      legend: [{ fill: '#ca3535', label: '<i>Worse</i>' }],
      attribution: '<a href="x">OS</a> & ONS',
      title: '</title><script>',
    });
    assertAccessibleSvg(svg, 'map');
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;: &lt;b&gt;Worse&lt;/b&gt;'));
    assert.ok(!svg.includes('<a ') && !svg.includes('<b>') && !svg.includes('<i>'));
  });

  it('says "No data" for a map with no areas', () => {
    const empty: MapGeometry = { viewBox: '0 0 600 700', width: 600, height: 700, areas: new Map() };
    const svg = choroplethMap(empty, { id: 'map', title: 'Map', description: 'd', fills: new Map(), legend: [], attribution: ATTRIBUTION });
    assertAccessibleSvg(svg, 'map');
    assert.deepEqual(texts(svg), ['No data']);
  });
});
