// Preparing a map from GeoJSON: the kept areas only, projected into a viewBox
// of the asked width, simplified without opening gaps along shared borders,
// written as compact paths, whichever way the source winds its rings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { prepareMap } from '../../../src/web/maps/prepare-map.ts';
import { decodePath } from './path-data.ts';

/** A square in longitude and latitude, wound clockwise (d3-geo's order) or anticlockwise (RFC 7946's). */
function square(code: string, name: string, west: number, south: number, size: number, clockwise = true): Feature<Polygon> {
  const ring: Position[] = [
    [west, south],
    [west, south + size],
    [west + size, south + size],
    [west + size, south],
    [west, south],
  ];
  return { type: 'Feature', properties: { CODE: code, NAME: name }, geometry: { type: 'Polygon', coordinates: [clockwise ? ring : [...ring].reverse()] } };
}

/** A zigzag meridian from south to north: the border two wiggly squares share. */
function zigzag(longitude: number, south: number): Position[] {
  return Array.from({ length: 61 }, (_, step) => [longitude + (step % 2) * 0.01, south + step / 60]);
}

/** A square of one degree whose west and east edges zigzag, so simplification has points to remove. */
function wiggly(code: string, west: number, south: number): Feature<Polygon> {
  const ring: Position[] = [...zigzag(west, south), ...zigzag(west + 1, south).reverse(), [west, south]];
  return { type: 'Feature', properties: { CODE: code, NAME: code }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

function collection(...features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

const OPTIONS = { codeProperty: 'CODE', nameProperty: 'NAME', keep: (code: string) => code.startsWith('E') };

function points(d: string): [number, number][] {
  return decodePath(d).flat();
}

describe('prepareMap', () => {
  it('keeps only the areas asked for, with their names', () => {
    const map = prepareMap(collection(square('E1', 'East', -1, 52, 1), square('W1', 'Wales', -4, 52, 1), square('E2', 'Bristol, City of', -3, 51, 0.5)), OPTIONS);
    assert.deepEqual([...map.areas.keys()].sort(), ['E1', 'E2']);
    assert.equal(map.areas.get('E2')?.name, 'Bristol, City of');
  });

  it('fits the kept areas to the asked width, the height following their shape', () => {
    const map = prepareMap(collection(square('E1', 'A', -2, 52, 2), square('E2', 'B', 0, 52, 2)), { ...OPTIONS, width: 400 });
    assert.equal(map.width, 400);
    assert.equal(map.viewBox, `0 0 400 ${map.height}`);
    assert.ok(map.height > 100 && map.height < 400, `${map.height}: about half as high as wide`);
    const all = [...map.areas.values()].flatMap((area) => points(area.path));
    const xs = all.map(([x]) => x);
    const ys = all.map(([, y]) => y);
    assert.ok(Math.min(...xs) >= -0.1 && Math.max(...xs) <= 400.1, 'within the width');
    assert.ok(Math.min(...ys) >= -0.1 && Math.max(...ys) <= map.height + 0.1, 'within the height');
    assert.ok(Math.max(...xs) - Math.min(...xs) > 399, 'filling the width');
  });

  it('puts north at the top and west on the left', () => {
    const map = prepareMap(collection(square('E1', 'North-west', -2, 54, 1), square('E2', 'South-east', 0, 51, 1)), OPTIONS);
    const [northWest, southEast] = [map.areas.get('E1'), map.areas.get('E2')];
    const [a, b] = [northWest?.centre, southEast?.centre];
    assert.ok(a !== undefined && b !== undefined);
    assert.ok(a[0] < b[0] && a[1] < b[1]);
  });

  it('draws a ring wound either way as the same small shape, never as the whole globe', () => {
    const clockwise = prepareMap(collection(square('E1', 'A', -2, 52, 1), square('E2', 'B', 0, 52, 1)), OPTIONS);
    const anticlockwise = prepareMap(collection(square('E1', 'A', -2, 52, 1, false), square('E2', 'B', 0, 52, 1)), OPTIONS);
    assert.equal(clockwise.height, anticlockwise.height);
    assert.deepEqual(clockwise.areas.get('E1')?.centre, anticlockwise.areas.get('E1')?.centre);
  });

  it('simplifies to the asked share of points while neighbours keep one shared border', () => {
    const input = collection(wiggly('E1', -2, 52), wiggly('E2', -1, 52));
    const full = prepareMap(input, { ...OPTIONS, quantile: 1 });
    const light = prepareMap(input, { ...OPTIONS, quantile: 0.1 });
    const size = (map: typeof full) => [...map.areas.values()].reduce((sum, area) => sum + area.path.length, 0);
    assert.ok(size(light) < size(full) / 2, `${size(light)} against ${size(full)}`);
    const left = new Set(points(light.areas.get('E1')?.path ?? '').map(([x, y]) => `${x},${y}`));
    const right = points(light.areas.get('E2')?.path ?? '');
    const westernmost = Math.min(...right.map(([x]) => x));
    const border = right.filter(([x]) => x < westernmost + 10);
    const fullBorder = points(full.areas.get('E2')?.path ?? '').filter(([x]) => x < westernmost + 10);
    assert.ok(border.length >= 2 && border.length < fullBorder.length, `the border simplified from ${fullBorder.length} to ${border.length} points`);
    assert.ok(
      border.every(([x, y]) => left.has(`${x},${y}`)),
      'every point of the shared border is in both areas',
    );
  });

  it('writes every area a non-empty path and a centre inside its bounds', () => {
    const map = prepareMap(collection(square('E1', 'A', -2, 52, 1), square('E2', 'B', 0, 52, 1)), OPTIONS);
    for (const area of map.areas.values()) {
      assert.match(area.path, /^m[\d.]+ [\d.]+/);
      const xs = points(area.path).map(([x]) => x);
      assert.ok(area.centre !== undefined && area.centre[0] > Math.min(...xs) && area.centre[0] < Math.max(...xs));
    }
  });

  it('drops specks of islands but keeps an area made only of specks', () => {
    const mainland = square('E1', 'Coast', -2, 52, 2);
    const withIsland: Feature = {
      type: 'Feature',
      properties: { CODE: 'E2', NAME: 'Islands' },
      geometry: { type: 'MultiPolygon', coordinates: [square('x', 'x', 1, 52, 0.5).geometry.coordinates, square('x', 'x', 1.9, 53.9, 0.0005).geometry.coordinates] },
    };
    const specks: Feature = {
      type: 'Feature',
      properties: { CODE: 'E3', NAME: 'Scilly' },
      geometry: { type: 'MultiPolygon', coordinates: [square('x', 'x', -3, 50, 0.001).geometry.coordinates, square('x', 'x', -2.9, 50, 0.0005).geometry.coordinates] },
    };
    const map = prepareMap(collection(mainland, withIsland, specks), OPTIONS);
    assert.equal(decodePath(map.areas.get('E2')?.path ?? '').length, 1, 'the speck beside the island is dropped');
    assert.ok((map.areas.get('E3')?.path ?? '') !== '', 'an area of specks keeps its largest');
  });

  it('ignores features without a code or without polygons, and refuses a map with no areas', () => {
    const noCode: Feature = { type: 'Feature', properties: { NAME: 'x' }, geometry: square('x', 'x', 0, 52, 1).geometry };
    const point: Feature = { type: 'Feature', properties: { CODE: 'E9', NAME: 'x' }, geometry: { type: 'Point', coordinates: [0, 52] } };
    const map = prepareMap(collection(noCode, point, square('E1', 'A', -1, 52, 1)), OPTIONS);
    assert.deepEqual([...map.areas.keys()], ['E1']);
    assert.throws(() => prepareMap(collection(square('W1', 'Wales', -4, 52, 1)), OPTIONS), /no areas to draw/);
    assert.throws(() => prepareMap(collection(square('E1', 'A', -1, 52, 1)), { ...OPTIONS, quantile: 0 }), RangeError);
  });
});
