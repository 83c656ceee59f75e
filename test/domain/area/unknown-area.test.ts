// What a code the store lacks is, and whether an import may keep it: every
// refusal by kind of code, and the areas --add-areas keeps, by GSS entity.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AREA_TYPES, GSS_ENTITIES, judgeUnknownArea, readGssCode } from '../../../src/domain/area/index.ts';

/** A store holding England, regions and councils of the register, and nothing else. */
const COUNCIL_STORE = (prefix: string) => ['E92', 'E12', 'E06', 'E07', 'E08', 'E09', 'E10', 'E47', 'E61', 'W06', 'S12', 'N09'].includes(prefix);
const EMPTY_STORE = () => false;

describe('GSS_ENTITIES and readGssCode(code)', () => {
  it('types each entity with an area type Lantern knows, or none', () => {
    for (const entity of GSS_ENTITIES.values()) {
      assert.ok(entity.areaType === undefined || (AREA_TYPES as readonly string[]).includes(entity.areaType), entity.prefix);
    }
  });

  it('reads the entities of the register and below it', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['E05000819', 'ward'],
      ['E06000047', 'unitary'],
      ['E07000026', 'district'],
      ['E08000009', 'metropolitan_district'],
      ['E09000007', 'london_borough'],
      ['E10000006', 'county'],
      ['E11000001', 'metropolitan_county'],
      ['E12000001', 'region'],
      ['E92000001', 'england'],
      ['E47000001', 'combined_authority'],
      ['E31000001', 'fire_authority'],
      ['E01020630', 'lsoa'],
      ['E02004300', 'msoa'],
      ['W06000015', 'welsh_council'],
      ['W05000864', 'ward'],
      ['W92000004', 'nation'],
      ['S12000036', 'scottish_council'],
      ['S13002516', 'ward'],
      ['S92000003', 'nation'],
      ['N09000003', 'ni_district'],
    ];
    for (const [code, type] of cases) {
      const reading = readGssCode(code);
      assert.ok(reading.kind === 'entity' && reading.entity.areaType === type, `${code}: ${JSON.stringify(reading)}`);
    }
  });

  it('tells a malformed code from a well-formed code of an entity it does not know', () => {
    assert.deepEqual(readGssCode('E0500081'), { kind: 'malformed' });
    assert.deepEqual(readGssCode('e05000819'), { kind: 'malformed' });
    assert.deepEqual(readGssCode('E99000001'), { kind: 'unknown_entity', prefix: 'E99' });
  });
});

describe('judgeUnknownArea(code, context) refuses without --add-areas, saying what the code is', () => {
  const refusals: readonly (readonly [code: string, holds: (prefix: string) => boolean, reason: string, suggestPrefix: string | undefined])[] = [
    ['E05000819', COUNCIL_STORE, 'E05000819 is a ward code; Lantern holds local authorities: use --add-areas to keep wards', undefined],
    ['E01020630', COUNCIL_STORE, 'E01020630 is a lower layer super output area code; Lantern holds local authorities: use --add-areas to keep lower layer super output areas', undefined],
    ['E00000001', COUNCIL_STORE, 'E00000001 is an output area code; Lantern holds local authorities: use --add-areas to keep output areas', undefined],
    ['E31000001', COUNCIL_STORE, 'E31000001 is a fire and rescue authority code; Lantern holds local authorities: use --add-areas to keep fire and rescue authorities', undefined],
    ['S13002516', COUNCIL_STORE, 'S13002516 is a ward code; Lantern holds local authorities: use --add-areas to keep wards', undefined],
    ['E06000099', COUNCIL_STORE, "'E06000099' is not an area in the register", 'E06'],
    ['E08000009', EMPTY_STORE, 'E08000009 is a metropolitan district code, and this store holds no metropolitan districts: import the area register, or use --add-areas to keep it', undefined],
    ['E38000001', COUNCIL_STORE, 'E38000001 is a sub-ICB location code; Lantern holds local authorities and does not keep sub-ICB locations', undefined],
    ['K02000001', COUNCIL_STORE, 'K02000001 is a United Kingdom code; Lantern holds local authorities and does not keep United Kingdom', undefined],
    ['E99000001', COUNCIL_STORE, "'E99000001' is a GSS code of an entity Lantern does not know (E99), so it cannot tell what kind of area it is", undefined],
    ['E0600047', COUNCIL_STORE, "'E0600047' is not a GSS code (a letter and eight digits, such as E06000047)", 'E06'],
    ['Narnia', COUNCIL_STORE, "'Narnia' is not a GSS code (a letter and eight digits, such as E06000047)", undefined],
    ['', COUNCIL_STORE, 'the area code is missing', undefined],
  ];
  for (const [code, holds, reason, suggestPrefix] of refusals) {
    it(`refuses '${code}': ${reason}`, () => {
      assert.deepEqual(judgeUnknownArea(code, { holdsEntity: holds, addAreas: false }), { kind: 'refuse', reason, suggestPrefix });
    });
  }

  it('looks for a suggestion among wards only once the store holds wards', () => {
    const withWards = (prefix: string) => prefix === 'E05' || COUNCIL_STORE(prefix);
    const judged = judgeUnknownArea('E05000820', { holdsEntity: withWards, addAreas: false });
    assert.ok(judged.kind === 'refuse' && judged.suggestPrefix === 'E05');
  });
});

describe('judgeUnknownArea(code, context) with --add-areas', () => {
  it('adds wards, small areas and fire authorities, typed by their entity', () => {
    const added = ['E05000819', 'W05000864', 'E01020630', 'E02004300', 'E31000001', 'W92000004']
      .map((code) => judgeUnknownArea(code, { holdsEntity: COUNCIL_STORE, addAreas: true }))
      .map((judged) => (judged.kind === 'add' ? judged.type : judged.reason));
    assert.deepEqual(added, ['ward', 'ward', 'lsoa', 'msoa', 'fire_authority', 'nation']);
  });

  it('adds a council only while the store holds none of its kind', () => {
    assert.equal(judgeUnknownArea('E08000009', { holdsEntity: EMPTY_STORE, addAreas: true }).kind, 'add');
    assert.deepEqual(judgeUnknownArea('E06000099', { holdsEntity: COUNCIL_STORE, addAreas: true }), { kind: 'refuse', reason: "'E06000099' is not an area in the register", suggestPrefix: 'E06' });
  });

  it('still refuses malformed codes, unknown entities and entities Lantern does not keep', () => {
    for (const code of ['E0500081', 'E99000001', 'E38000001']) {
      assert.equal(judgeUnknownArea(code, { holdsEntity: COUNCIL_STORE, addAreas: true }).kind, 'refuse', code);
    }
  });
});
