import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeFlags, encodeFlags, isObservationFlag, OBSERVATION_FLAGS, SUPPRESSED } from '../../../src/domain/observation/index.ts';

describe('encodeFlags(flags) and decodeFlags(bits)', () => {
  it('round-trip every set of flags', () => {
    fc.assert(
      fc.property(fc.subarray([...OBSERVATION_FLAGS]), (flags) => {
        assert.deepEqual(decodeFlags(encodeFlags(Object.freeze(flags))), flags);
      }),
    );
  });

  it('give each of the 16 sets of four flags its own bits, within two bytes', () => {
    const seen = new Set<number>();
    for (let bits = 0; bits < 16; bits++) {
      const flags = decodeFlags(bits);
      assert.equal(encodeFlags(flags), bits);
      seen.add(encodeFlags(flags));
    }
    assert.equal(seen.size, 16);
    assert.equal(encodeFlags(OBSERVATION_FLAGS), 0b1111);
  });

  it('encode regardless of order and repetition, and decode in the listed order', () => {
    assert.equal(encodeFlags(['revised', 'provisional', 'revised']), encodeFlags(['provisional', 'revised']));
    assert.deepEqual(decodeFlags(encodeFlags(['estimated', 'provisional'])), ['provisional', 'estimated']);
    assert.equal(encodeFlags([]), 0);
    assert.deepEqual(decodeFlags(0), []);
  });

  it('SUPPRESSED is the bit of suppressed alone', () => {
    assert.equal(SUPPRESSED, 0b0100);
    assert.deepEqual(decodeFlags(SUPPRESSED), ['suppressed']);
  });
});

describe('isObservationFlag(text)', () => {
  const CASES = Object.freeze([
    ['provisional', true],
    ['revised', true],
    ['suppressed', true],
    ['estimated', true],
    ['Suppressed', false],
    [' suppressed', false],
    ['supressed', false],
    ['', false],
  ] as const);
  for (const [text, expected] of CASES) {
    it(`is ${expected} for ${JSON.stringify(text)}`, () => assert.equal(isObservationFlag(text), expected));
  }
});
