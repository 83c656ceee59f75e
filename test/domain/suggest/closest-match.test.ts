import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatch, describeCandidate, type Candidate } from '../../../src/domain/suggest/index.ts';

const AREAS = Object.freeze<readonly Candidate[]>([
  Object.freeze({ key: 'E06000047', label: 'County Durham' }),
  Object.freeze({ key: 'E08000021', label: 'Newcastle upon Tyne' }),
  Object.freeze({ key: 'E09000033', label: 'Westminster' }),
]);
const FLAGS = Object.freeze<readonly Candidate[]>(['provisional', 'revised', 'suppressed', 'estimated'].map((key) => Object.freeze({ key })));

describe('closestMatch(typed, candidates)', () => {
  type Case = readonly [title: string, typed: string, candidates: readonly Candidate[], expected: string | undefined];
  const CASES = Object.freeze<readonly Case[]>([
    ['a one-character slip in a key is suggested', 'E06000074', AREAS, 'E06000047'],
    ['a dropped letter is suggested', 'supressed', FLAGS, 'suppressed'],
    ['case and surrounding space are ignored', '  REVISED ', FLAGS, 'revised'],
    ['a slip in a label (the name) finds its key', 'County Durhm', AREAS, 'E06000047'],
    ['a name in another case finds its key', 'westminster', AREAS, 'E09000033'],
    ['a third of the length away is near enough', 'estimaxxx', FLAGS, 'estimated'],
    ['more than a third of the length away is not', 'estimxxxx', FLAGS, undefined],
    ['a short word may still be one edit away', 'ab', [{ key: 'abc' }], 'abc'],
    ['a short word two edits away is too far', 'ab', [{ key: 'xy' }], undefined],
    ['empty input gives nothing', '', FLAGS, undefined],
    ['blank input gives nothing', '   ', FLAGS, undefined],
    ['no candidates give nothing', 'revised', [], undefined],
    ['a tie goes to the first candidate', 'cat', [{ key: 'bat' }, { key: 'hat' }], 'bat'],
    ['a nearer later candidate beats an earlier one', 'cart', [{ key: 'bat' }, { key: 'cars' }], 'cars'],
  ]);
  for (const [title, typed, candidates, expected] of CASES) {
    it(`${title}: ${JSON.stringify(typed)} gives ${expected ?? 'nothing'}`, () => {
      assert.equal(closestMatch(typed, candidates)?.key, expected);
    });
  }

  it('gives back the candidate itself, label and all', () => {
    assert.equal(closestMatch('County Durhm', AREAS), AREAS[0]);
  });

  it('takes any iterable', () => {
    assert.equal(closestMatch('revsed', new Set(FLAGS))?.key, 'revised');
  });
});

describe('describeCandidate(candidate)', () => {
  const CASES = Object.freeze([
    [{ key: 'E06000047', label: 'County Durham' }, 'E06000047 County Durham'],
    [{ key: 'suppressed' }, 'suppressed'],
    [{ key: 'E06000047', label: '' }, 'E06000047'],
  ] as const);
  for (const [candidate, expected] of CASES) {
    it(`reads ${JSON.stringify(candidate)} as '${expected}'`, () => assert.equal(describeCandidate(Object.freeze(candidate)), expected));
  }
});
