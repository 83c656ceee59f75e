// Comparator groups: which councils an area is compared with, by tier set,
// region and type, with the group's benchmark area and its heading.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkAreaOf, describeGroup, inGroup, inTierSet, isComparatorKind, isCouncil, tierSetFor, tierSetOf } from '../../../src/domain/benchmark/comparator-group.ts';
import type { GroupableArea, GroupRule, TierSet } from '../../../src/domain/benchmark/comparator-group.ts';
import { AREA_TYPES } from '../../../src/domain/area/index.ts';
import type { AreaType } from '../../../src/domain/area/index.ts';

function place(code: string, name: string, type: AreaType, regionCode: string | null): GroupableArea {
  return Object.freeze({ code, name, type, regionCode });
}

const NORTH_EAST = 'E12000001';
const NORTH_WEST = 'E12000002';

const ENGLAND = place('E92000001', 'England', 'england', null);
const REGION = place(NORTH_EAST, 'North East', 'region', null);
const COUNTY = place('E10000006', 'Cumbria', 'county', NORTH_WEST);
const DISTRICT = place('E07000026', 'Allerdale', 'district', NORTH_WEST);
const UNITARY = place('E06000047', 'County Durham', 'unitary', NORTH_EAST);
const METROPOLITAN = place('E08000021', 'Newcastle upon Tyne', 'metropolitan_district', NORTH_EAST);
const OTHER_METROPOLITAN = place('E08000012', 'Liverpool', 'metropolitan_district', NORTH_WEST);
const LONDON_BOROUGH = place('E09000001', 'City of London', 'city_corporation', 'E12000007');
const CAMDEN = place('E09000007', 'Camden', 'london_borough', 'E12000007');
const COMBINED = place('E47000001', 'Greater Manchester', 'combined_authority', NORTH_WEST);
const FIRE = place('E31000001', 'Avon Fire', 'fire_authority', null);
const WELSH = place('W06000015', 'Cardiff', 'welsh_council', null);
const SCOTTISH = place('S12000036', 'City of Edinburgh', 'scottish_council', null);
const NI = place('N09000003', 'Belfast', 'ni_district', null);
/** A single-tier council whose code is not English: the england group asks for E codes as well as types. */
const WELSH_CODED_UNITARY = place('W06000001', 'Isle of Anglesey', 'unitary', null);
const WARD = place('E05001103', 'Elvet and Gilesgate', 'ward', null);
const OTHER_WARD = place('E05000819', 'Benwell and Scotswood', 'ward', null);
const WELSH_WARD = place('W05000864', 'Cathays', 'ward', null);
const LSOA = place('E01020630', 'County Durham 020A', 'lsoa', null);

const EVERY_AREA: readonly GroupableArea[] = Object.freeze([
  ENGLAND,
  REGION,
  COUNTY,
  DISTRICT,
  UNITARY,
  METROPOLITAN,
  OTHER_METROPOLITAN,
  LONDON_BOROUGH,
  CAMDEN,
  COMBINED,
  FIRE,
  WELSH,
  SCOTTISH,
  NI,
  WELSH_CODED_UNITARY,
  WARD,
  OTHER_WARD,
  WELSH_WARD,
  LSOA,
]);

function membersOf(rule: GroupRule): readonly string[] {
  return EVERY_AREA.filter((candidate) => inGroup(rule, candidate)).map((candidate) => candidate.name);
}

describe('isComparatorKind(text)', () => {
  const CASES: readonly (readonly [text: string, expected: boolean])[] = Object.freeze([
    ['england', true],
    ['region', true],
    ['type', true],
    ['neighbours', true],
    ['custom', true],
    ['England', false],
    ['neighbors', false],
    ['', false],
  ]);
  for (const [text, expected] of CASES) {
    it(`'${text}' is ${expected ? '' : 'not '}a comparator kind`, () => assert.equal(isComparatorKind(text), expected));
  }
});

describe('isCouncil(type)', () => {
  const COUNCILS: readonly AreaType[] = Object.freeze(['county', 'district', 'unitary', 'metropolitan_district', 'london_borough', 'city_corporation']);
  for (const type of AREA_TYPES) {
    const expected = COUNCILS.includes(type);
    it(`${type} is ${expected ? '' : 'not '}a council that comparisons rank`, () => assert.equal(isCouncil(type), expected));
  }
});

describe('inTierSet(type, tierSet)', () => {
  type Case = readonly [type: AreaType, lower: boolean, upper: boolean];
  const CASES: readonly Case[] = Object.freeze([
    ['district', true, false],
    ['county', false, true],
    ['unitary', true, true],
    ['metropolitan_district', true, true],
    ['london_borough', true, true],
    ['city_corporation', true, true],
    ['england', false, false],
    ['region', false, false],
    ['combined_authority', false, false],
    ['strategic_authority', false, false],
    ['fire_authority', false, false],
    ['scottish_council', false, false],
    ['welsh_council', false, false],
    ['ni_district', false, false],
    ['metropolitan_county', false, false],
    ['nation', false, false],
    ['ward', false, false],
    ['parish', false, false],
    ['output_area', false, false],
    ['lsoa', false, false],
    ['msoa', false, false],
    ['constituency', false, false],
  ]);

  it('has a case for every area type', () => assert.deepEqual(CASES.map(([type]) => type).sort(), [...AREA_TYPES].sort()));

  for (const [type, lower, upper] of CASES) {
    it(`a ${type} is ${lower ? '' : 'not '}in the lower-tier set and ${upper ? '' : 'not '}in the upper-tier set`, () => {
      assert.equal(inTierSet(type, 'lower'), lower);
      assert.equal(inTierSet(type, 'upper'), upper);
    });
  }

  it('puts wards, and only wards, in the ward set; likewise each small area kind', () => {
    assert.deepEqual(
      AREA_TYPES.filter((type) => inTierSet(type, 'ward')),
      ['ward'],
    );
    assert.deepEqual(
      AREA_TYPES.filter((type) => inTierSet(type, 'lsoa')),
      ['lsoa'],
    );
  });
});

describe('tierSetOf(typesWithValues)', () => {
  type Case = readonly [title: string, types: readonly AreaType[], expected: TierSet];
  const CASES: readonly Case[] = Object.freeze([
    ['values for districts and single-tier councils are lower tier', Object.freeze<AreaType[]>(['district', 'unitary', 'london_borough']), 'lower'],
    ['values only for counties and single-tier councils are upper tier', Object.freeze<AreaType[]>(['county', 'unitary', 'metropolitan_district']), 'upper'],
    ['values only for counties are upper tier', Object.freeze<AreaType[]>(['county']), 'upper'],
    ['values for counties and districts both are lower tier (districts have values)', Object.freeze<AreaType[]>(['county', 'district', 'unitary']), 'lower'],
    ['values only for single-tier councils are lower tier', Object.freeze<AreaType[]>(['unitary', 'metropolitan_district', 'london_borough']), 'lower'],
    ['England and regions do not decide: with counties they are upper tier', Object.freeze<AreaType[]>(['england', 'region', 'county']), 'upper'],
    ['England and regions alone are lower tier', Object.freeze<AreaType[]>(['england', 'region']), 'lower'],
    ['no values at all are lower tier', Object.freeze<AreaType[]>([]), 'lower'],
    ['one district among many counties makes it lower tier', Object.freeze<AreaType[]>(['county', 'county', 'county', 'district']), 'lower'],
    ['values for wards and England alone are the ward set', Object.freeze<AreaType[]>(['england', 'ward', 'ward']), 'ward'],
    ['values for more wards than parishes are the ward set', Object.freeze<AreaType[]>(['parish', 'ward', 'ward']), 'ward'],
    ['values for councils and wards follow the councils', Object.freeze<AreaType[]>(['ward', 'ward', 'county']), 'upper'],
  ]);
  for (const [title, types, expected] of CASES) {
    it(title, () => assert.equal(tierSetOf(types), expected));
  }

  it('takes any iterable, a Set or a generator', () => {
    assert.equal(tierSetOf(new Set<AreaType>(['county', 'unitary'])), 'upper');
    function* types(): Generator<AreaType> {
      yield 'unitary';
      yield 'district';
    }
    assert.equal(tierSetOf(types()), 'lower');
  });
});

describe('tierSetFor(type, metricTierSet)', () => {
  type Case = readonly [title: string, type: AreaType, metricTierSet: TierSet, expected: TierSet];
  const CASES: readonly Case[] = Object.freeze([
    ['a district is lower tier whatever the metric', 'district', 'upper', 'lower'],
    ['a district is lower tier for a lower-tier metric', 'district', 'lower', 'lower'],
    ['a county is upper tier whatever the metric', 'county', 'lower', 'upper'],
    ['a county is upper tier for an upper-tier metric', 'county', 'upper', 'upper'],
    ['a unitary follows a lower-tier metric', 'unitary', 'lower', 'lower'],
    ['a unitary follows an upper-tier metric', 'unitary', 'upper', 'upper'],
    ['a London borough follows an upper-tier metric', 'london_borough', 'upper', 'upper'],
    ['a metropolitan district follows a lower-tier metric', 'metropolitan_district', 'lower', 'lower'],
    ['England follows the metric (a league table asked for England)', 'england', 'upper', 'upper'],
    ['England follows a ward metric: its league table is of wards', 'england', 'ward', 'ward'],
    ['a ward is in the ward set whatever the metric', 'ward', 'lower', 'ward'],
    ['a lower layer super output area is in its own set', 'lsoa', 'ward', 'lsoa'],
    ["a unitary is lower tier on a metric whose values are wards'", 'unitary', 'ward', 'lower'],
  ]);
  for (const [title, type, metricTierSet, expected] of CASES) {
    it(title, () => assert.equal(tierSetFor(type, metricTierSet), expected));
  }
});

describe('inGroup(rule, candidate)', () => {
  type Case = readonly [title: string, rule: GroupRule, members: readonly string[]];
  const CASES: readonly Case[] = Object.freeze([
    [
      'england, ward set: English wards only; no council, small area of another kind or Welsh ward',
      Object.freeze({ kind: 'england', area: WARD, tierSet: 'ward' }),
      ['Elvet and Gilesgate', 'Benwell and Scotswood'],
    ],
    ['england asked for England on a ward metric: English wards only', Object.freeze({ kind: 'england', area: ENGLAND, tierSet: 'ward' }), ['Elvet and Gilesgate', 'Benwell and Scotswood']],
    ['type, for a ward: wards, Welsh ones too, and nothing else', Object.freeze({ kind: 'type', area: WARD, tierSet: 'ward' }), ['Elvet and Gilesgate', 'Benwell and Scotswood', 'Cathays']],
    [
      'england, lower tier: English districts and single-tier councils; not England, regions, combined authorities or councils outside England',
      Object.freeze({ kind: 'england', area: DISTRICT, tierSet: 'lower' }),
      ['Allerdale', 'County Durham', 'Newcastle upon Tyne', 'Liverpool', 'City of London', 'Camden'],
    ],
    [
      'england, upper tier: English counties and single-tier councils',
      Object.freeze({ kind: 'england', area: COUNTY, tierSet: 'upper' }),
      ['Cumbria', 'County Durham', 'Newcastle upon Tyne', 'Liverpool', 'City of London', 'Camden'],
    ],
    [
      'england for England itself: the tier set across England',
      Object.freeze({ kind: 'england', area: ENGLAND, tierSet: 'lower' }),
      ['Allerdale', 'County Durham', 'Newcastle upon Tyne', 'Liverpool', 'City of London', 'Camden'],
    ],
    ["region, lower tier: the tier set in the area's region only", Object.freeze({ kind: 'region', area: METROPOLITAN, tierSet: 'lower' }), ['County Durham', 'Newcastle upon Tyne']],
    [
      'region, lower tier in the North West: districts and single-tier councils, not the county or the combined authority',
      Object.freeze({ kind: 'region', area: DISTRICT, tierSet: 'lower' }),
      ['Allerdale', 'Liverpool'],
    ],
    ['region, upper tier in the North West: the county and single-tier councils', Object.freeze({ kind: 'region', area: COUNTY, tierSet: 'upper' }), ['Cumbria', 'Liverpool']],
    ['region for an area with no region: nobody', Object.freeze({ kind: 'region', area: WELSH_CODED_UNITARY, tierSet: 'lower' }), []],
    ['type: the same type of area, in any region', Object.freeze({ kind: 'type', area: METROPOLITAN, tierSet: 'lower' }), ['Newcastle upon Tyne', 'Liverpool']],
    ['type: a London borough is not the same type as the City of London', Object.freeze({ kind: 'type', area: CAMDEN, tierSet: 'upper' }), ['Camden']],
    ['type: counties with counties, whatever the tier set says', Object.freeze({ kind: 'type', area: COUNTY, tierSet: 'lower' }), ['Cumbria']],
    ['type: a unitary with unitaries, English or not (type groups do not look at codes)', Object.freeze({ kind: 'type', area: UNITARY, tierSet: 'lower' }), ['County Durham', 'Isle of Anglesey']],
    ['type for a combined authority: nobody, since only councils are grouped', Object.freeze({ kind: 'type', area: COMBINED, tierSet: 'lower' }), []],
    ['type for a Welsh council: nobody, since a Welsh council is not a council that comparisons rank', Object.freeze({ kind: 'type', area: WELSH, tierSet: 'lower' }), []],
  ]);
  for (const [title, rule, members] of CASES) {
    it(title, () => assert.deepEqual(membersOf(rule), members));
  }
});

describe('benchmarkAreaOf(rule)', () => {
  type Case = readonly [title: string, rule: GroupRule, expected: string | undefined];
  const CASES: readonly Case[] = Object.freeze([
    ["england's benchmark is England's own value", Object.freeze({ kind: 'england', area: DISTRICT, tierSet: 'lower' }), 'E92000001'],
    ["region's benchmark is the area's region", Object.freeze({ kind: 'region', area: UNITARY, tierSet: 'upper' }), NORTH_EAST],
    ['region has no benchmark area for an area with no region', Object.freeze({ kind: 'region', area: WELSH_CODED_UNITARY, tierSet: 'lower' }), undefined],
    ['type has no benchmark area (the group mean stands in)', Object.freeze({ kind: 'type', area: COUNTY, tierSet: 'upper' }), undefined],
  ]);
  for (const [title, rule, expected] of CASES) {
    it(title, () => assert.equal(benchmarkAreaOf(rule), expected));
  }
});

describe('describeGroup(rule, regionName)', () => {
  type Case = readonly [rule: GroupRule, regionName: string | undefined, expected: string];
  const CASES: readonly Case[] = Object.freeze([
    [Object.freeze({ kind: 'england', area: DISTRICT, tierSet: 'lower' }), undefined, 'English districts and single-tier councils'],
    [Object.freeze({ kind: 'england', area: WARD, tierSet: 'ward' }), undefined, 'English wards'],
    [Object.freeze({ kind: 'england', area: COUNTY, tierSet: 'upper' }), 'North West', 'English counties and single-tier councils'],
    [Object.freeze({ kind: 'region', area: UNITARY, tierSet: 'lower' }), 'North East', 'Districts and single-tier councils in North East'],
    [Object.freeze({ kind: 'region', area: COUNTY, tierSet: 'upper' }), 'North West', 'Counties and single-tier councils in North West'],
    [Object.freeze({ kind: 'region', area: UNITARY, tierSet: 'upper' }), undefined, 'Counties and single-tier councils in the region'],
    [Object.freeze({ kind: 'type', area: METROPOLITAN, tierSet: 'lower' }), 'North East', 'Areas of the same type (metropolitan district)'],
    [Object.freeze({ kind: 'type', area: CAMDEN, tierSet: 'upper' }), undefined, 'Areas of the same type (london borough)'],
    [Object.freeze({ kind: 'type', area: LONDON_BOROUGH, tierSet: 'upper' }), undefined, 'Areas of the same type (city corporation)'],
  ]);
  for (const [rule, regionName, expected] of CASES) {
    it(`says '${expected}'`, () => assert.equal(describeGroup(rule, regionName), expected));
  }
});
