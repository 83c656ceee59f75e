import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AREA_TYPES, ENGLAND_CODE, isAreaType, isGssCode } from '../../../src/domain/area/index.ts';

describe('isAreaType(text)', () => {
  it('is true for every listed area type', () => {
    for (const type of AREA_TYPES) assert.equal(isAreaType(type), true, type);
  });

  const OTHERS = Object.freeze(['', 'Unitary', 'london borough', 'london-borough', 'Ward', 'civil_parish']);
  for (const text of OTHERS) {
    it(`is false for '${text}'`, () => assert.equal(isAreaType(text), false));
  }
});

describe('isGssCode(text)', () => {
  const CASES = Object.freeze([
    ['E06000047', true, 'an English unitary (County Durham)'],
    ['E92000001', true, 'England'],
    ['W06000015', true, 'a Welsh council (Cardiff)'],
    ['S12000033', true, 'a Scottish council (Aberdeen City)'],
    ['N09000003', true, 'a Northern Irish district (Belfast)'],
    ['K02000001', true, 'the United Kingdom'],
    ['e06000047', false, 'a lower-case nation letter'],
    ['E0600004', false, 'eight characters'],
    ['E060000470', false, 'ten characters'],
    ['X06000047', false, 'an unknown nation letter'],
    [' E06000047', false, 'a leading space'],
    ['E06000047 ', false, 'a trailing space'],
    ['E0600004A', false, 'a letter among the digits'],
    ['', false, 'nothing'],
  ] as const);
  for (const [text, expected, what] of CASES) {
    it(`is ${expected} for '${text}': ${what}`, () => assert.equal(isGssCode(text), expected));
  }

  it('ENGLAND_CODE is a GSS code', () => assert.equal(isGssCode(ENGLAND_CODE), true));
});
