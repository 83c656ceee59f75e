// Why an area is a neighbour, in one sentence: cases by hand, and the neighbours
// of the table worked by hand in nearest-neighbours.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { explainNeighbour, nearestNeighbours } from '../../../src/domain/neighbours/index.ts';
import type { Neighbour, NeighbourVariable } from '../../../src/domain/neighbours/index.ts';

const VARIABLES: readonly NeighbourVariable[] = Object.freeze([
  Object.freeze({ id: 'population', label: 'population', weight: 1, transform: 'log' }),
  Object.freeze({ id: 'density', label: 'population density', weight: 1, transform: 'log' }),
  Object.freeze({ id: 'older', label: 'people aged 65 and over', weight: 1, transform: 'none' }),
]);

/** A neighbour with these differences on the first variables; shares are not read. */
function neighbourWith(...differences: readonly number[]): Neighbour {
  return Object.freeze({
    code: 'E08000006',
    distance: Math.hypot(...differences) / Math.sqrt(differences.length),
    contributions: Object.freeze(
      differences.map((difference, index) =>
        Object.freeze({
          variable: VARIABLES[index]?.id ?? `missing ${index}`,
          share: 0,
          difference,
        }),
      ),
    ),
  });
}

type Case = readonly [title: string, differences: readonly number[], sentence: string];
const CASES: readonly Case[] = Object.freeze([
  ['names the closest variable and the furthest, with how far the neighbour is above the target', [0.8, 0.1], 'closest on population density; furthest on population (0.8 SD more)'],
  ['says "less" when the neighbour is below the target on the furthest variable', [0.1, 0.2, -1.26], 'closest on population; furthest on people aged 65 and over (1.3 SD less)'],
  ['goes by the size of a difference, not its sign', [-0.2, 0.3, -2], 'closest on population; furthest on people aged 65 and over (2.0 SD less)'],
  ['on a tie, names the variable listed first', [0.5, -1, 1], 'closest on population; furthest on population density (1.0 SD less)'],
  ['says "less than 0.05 SD apart" where one decimal place would say 0.0', [0.01, -0.04], 'closest on population; furthest on population density (less than 0.05 SD apart)'],
  ['says when the neighbour is the same as the target on every variable', [0, 0, 0], 'the same as the target on every variable'],
  ['with one variable, has no closest or furthest', [-0.75], 'compared on population alone: 0.8 SD less'],
  ['says when every difference has the same size', [2, -2], 'equally far on every variable (2.0 SD)'],
  ['treats sizes within 1e-9 SD as the same, so rounding noise does not choose the variable', [2 + 1e-12, -3, -2], 'closest on population; furthest on population density (3.0 SD less)'],
]);

describe('explainNeighbour(neighbour, variables)', () => {
  for (const [title, differences, sentence] of CASES) {
    it(title, () => assert.equal(explainNeighbour(neighbourWith(...differences), VARIABLES), sentence));
  }

  it('explains the neighbours of the table worked by hand, whose differences are known', () => {
    const variables: readonly NeighbourVariable[] = Object.freeze([
      Object.freeze({ id: 'population', label: 'population', weight: 1, transform: 'log' }),
      Object.freeze({ id: 'dwellings', label: 'dwellings per hectare', weight: 2, transform: 'none' }),
      Object.freeze({ id: 'older', label: 'older people', weight: 1, transform: 'none' }),
    ]);
    const candidates = Object.freeze(
      [
        ['A', [1e2, 54, 13]],
        ['C', [1e4, 48, 7]],
        ['B', [1e4, 48, 7]],
        ['D', [1e4, 50, 13]],
        ['E', [1e5, 50, 13]],
        ['F', [1e5, 50, 7]],
      ].map(([code, values]) => Object.freeze({ code: String(code), values: Object.freeze(values as number[]) })),
    );
    const result = nearestNeighbours(candidates, variables, 'A', 5);
    assert.ok(result.kind === 'ok');
    assert.deepEqual(
      result.neighbours.map((neighbour) => `${neighbour.code}: ${explainNeighbour(neighbour, variables)}`),
      [
        'D: closest on older people; furthest on population (2.0 SD more)',
        'E: closest on older people; furthest on population (3.0 SD more)',
        'F: closest on dwellings per hectare; furthest on population (3.0 SD more)',
        'B: closest on population; furthest on dwellings per hectare (3.0 SD less)',
        'C: closest on population; furthest on dwellings per hectare (3.0 SD less)',
      ],
    );
  });

  it('throws a RangeError for a contribution whose variable has no label, or a neighbour with no contributions', () => {
    assert.throws(() => explainNeighbour(neighbourWith(0.5, 1), VARIABLES.slice(1)), RangeError);
    assert.throws(() => explainNeighbour(neighbourWith(), VARIABLES), RangeError);
  });
});
