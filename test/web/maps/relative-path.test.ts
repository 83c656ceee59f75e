// The compact path writer: exact output for a known drawing, and any drawing
// read back to the same points rounded to a tenth.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RelativePathWriter } from '../../../src/web/maps/relative-path.ts';
import { assertWellFormed } from '../charts/chart-checks.ts';
import { decodePath } from './path-data.ts';

function draw(rings: readonly (readonly [number, number])[][]): string {
  const writer = new RelativePathWriter();
  for (const ring of rings) {
    ring.forEach(([x, y], index) => (index === 0 ? writer.moveTo(x, y) : writer.lineTo(x, y)));
    writer.closePath();
  }
  return writer.result();
}

describe('RelativePathWriter', () => {
  it('writes relative steps with the letters and spaces SVG allows to leave out (pairs after m are lines)', () => {
    assert.equal(
      draw([
        [
          [1, 2],
          [4, 1],
          [6.5, 1.5],
        ],
      ]),
      'm1 2 3-1 2.5.5z',
    );
  });

  it('moves the next ring from the start of the ring just closed, as SVG does', () => {
    assert.equal(
      draw([
        [
          [10, 10],
          [20, 10],
          [20, 20],
        ],
        [
          [12, 12],
          [13, 12],
          [13, 13],
        ],
      ]),
      'm10 10 10 0 0 10zm2 2 1 0 0 1z',
    );
  });

  it('rounds to a tenth on a grid, so rounding does not pile up, and leaves out steps of zero', () => {
    assert.equal(
      draw([
        [
          [0.04, 0.04],
          [0.14, 0.14],
          [0.16, 0.16],
          [0.24, 0.24],
        ],
      ]),
      'm0 0 .1.1.1.1z',
    );
  });

  it('reads back to the same points rounded to a tenth, and parses as SVG', () => {
    const point = fc.tuple(fc.double({ min: 0, max: 600, noNaN: true }), fc.double({ min: 0, max: 700, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.array(point, { minLength: 3, maxLength: 12 }), { minLength: 1, maxLength: 4 }), (rings) => {
        const d = draw(rings);
        assertWellFormed(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 700"><path d="${d}"/></svg>`);
        const expected = rings.map((ring) =>
          ring
            .map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as [number, number])
            .filter((p, index, all) => index === 0 || p[0] !== all[index - 1]?.[0] || p[1] !== all[index - 1]?.[1]),
        );
        assert.deepEqual(decodePath(d), expected);
      }),
      { numRuns: 500 },
    );
  });
});
