// Ward-level metrics are benchmarked among wards, never mixed with councils:
// the England league table of a ward metric holds England's wards, whether it
// is asked for a ward or for England, even where councils have values for the
// same metric; councils on such a metric are still compared with councils.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IndexArea } from '../../../src/domain/benchmark/benchmark-index.ts';
import { leagueTable, type GroupSpec } from '../../../src/domain/benchmark/benchmark-queries.ts';
import { areaOf, buildIndex, indexArea, indexMetric, type Row } from '../../support/benchmark-index.ts';

const ENGLAND = 'E92000001';
const NORTH_EAST = 'E12000001';
const DURHAM = 'E06000047';
const NEWCASTLE = 'E08000021';
const ELVET = 'E05001103';
const BENWELL = 'E05000819';
const BYKER = 'E05001100';
const CATHAYS = 'W05000864';
const DURHAM_020A = 'E01020630';

const AREAS: readonly IndexArea[] = Object.freeze([
  indexArea(ENGLAND, 'England', 'england'),
  indexArea(NORTH_EAST, 'North East', 'region'),
  indexArea(DURHAM, 'County Durham', 'unitary', { regionCode: NORTH_EAST }),
  indexArea(NEWCASTLE, 'Newcastle upon Tyne', 'metropolitan_district', { regionCode: NORTH_EAST }),
  indexArea(ELVET, 'Elvet and Gilesgate', 'ward'),
  indexArea(BENWELL, 'Benwell and Scotswood', 'ward'),
  indexArea(BYKER, 'Byker', 'ward'),
  indexArea(CATHAYS, 'Cathays', 'ward'),
  indexArea(DURHAM_020A, 'County Durham 020A', 'lsoa'),
]);

const ENGLAND_GROUP: GroupSpec = Object.freeze({ kind: 'england' });

function tableFor(rows: readonly Row[], areaCode: string) {
  const metric = indexMetric('claimants-by-ward');
  const index = buildIndex(AREAS, [[metric, rows]]);
  const series = index.metric(metric.code)!;
  const slice = series.slice('2023')!;
  return leagueTable(index, series, slice, areaOf(index, areaCode), ENGLAND_GROUP, 0.95);
}

describe('leagueTable(...) of a ward metric', () => {
  const WARDS_ONLY: readonly Row[] = Object.freeze([
    ['2023', ENGLAND, 4.1],
    ['2023', ELVET, 2.0],
    ['2023', BENWELL, 9.5],
    ['2023', BYKER, 7.25],
    ['2023', CATHAYS, 3.0],
    ['2023', DURHAM_020A, 1.0],
  ]);

  it('holds only English wards, best first, asked for a ward', () => {
    const table = tableFor(WARDS_ONLY, ELVET);
    assert.deepEqual(
      table.rows.map((row) => [row.name, row.rank]),
      [
        ['Benwell and Scotswood', 1],
        ['Byker', 2],
        ['Elvet and Gilesgate', 3],
      ],
    );
    assert.equal(table.group.label, 'English wards');
    assert.deepEqual(table.group.benchmark, { value: 4.1, source: 'England' });
  });

  it('holds only English wards asked for England', () => {
    const table = tableFor(WARDS_ONLY, ENGLAND);
    assert.deepEqual(
      table.rows.map((row) => row.area),
      [BENWELL, BYKER, ELVET],
    );
  });

  it('keeps wards and councils apart where both have values', () => {
    const mixed: readonly Row[] = Object.freeze([...WARDS_ONLY, ['2023', DURHAM, 3.5], ['2023', NEWCASTLE, 6.0]]);
    assert.deepEqual(
      tableFor(mixed, BYKER).rows.map((row) => row.area),
      [BENWELL, BYKER, ELVET],
    );
    assert.deepEqual(
      tableFor(mixed, DURHAM).rows.map((row) => row.area),
      [NEWCASTLE, DURHAM],
    );
  });
});
