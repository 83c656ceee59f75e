// The published neighbour sets every store holds from migration 018: a
// council's sets by publisher and model, nearest first, as the publishers'
// files in ../shared/data give them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { publishedSetBasis, publishedSetMembers, publishedSetName } from '../../src/domain/neighbours/index.ts';
import { publishedNeighbourSets } from '../../src/store/published-neighbours.ts';
import { SHARED_DATA } from '../support/data.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';

function published(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(path.join(SHARED_DATA, 'neighbours', file), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('published neighbour sets', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it("gives County Durham the ONS's three sets and the DfE's, each as published", async () => {
    const sets = await publishedNeighbourSets(store.sql, DURHAM);
    assert.deepEqual(sets.map(publishedSetName), [
      'ONS nearest neighbours, February 2025 (global model)',
      'ONS nearest neighbours, February 2025 (demographic model)',
      'ONS nearest neighbours, February 2025 (economic model)',
      "DfE children's services statistical neighbours, May 2025",
    ]);
    const ons = published('ons_nearest_neighbours_feb2025_long.csv').filter((r) => r.area_code === DURHAM && r.model === 'demographic');
    const demographic = sets.find((s) => s.model === 'demographic')!;
    assert.deepEqual(
      demographic.neighbours.map((n) => n.code),
      ons.sort((a, b) => Number(a.rank) - Number(b.rank)).map((r) => r.neighbour_code),
    );
    assert.equal(demographic.neighbours.length, 20);
    const dfe = published('dfe_cs_statistical_neighbours_2025_long.csv').filter((r) => r.gss_code === DURHAM);
    const children = sets.at(-1)!;
    assert.deepEqual(
      children.neighbours.map((n) => [n.code, n.closeness]),
      dfe.map((r) => [r.sn_gss_code, r.sn_proximity]),
    );
    assert.deepEqual(publishedSetMembers(children).slice(0, 2), [DURHAM, 'E06000006']);
    assert.match(publishedSetBasis(children), /Department for Education.*publisher's own/);
  });

  it('gives a district the ONS sets alone, and a place no publisher covers none', async () => {
    const sets = await publishedNeighbourSets(store.sql, 'E07000223');
    assert.deepEqual(
      sets.map((s) => [s.source, s.model, s.neighbours.length]),
      [
        ['ons-2025-02', 'global', 20],
        ['ons-2025-02', 'demographic', 20],
        ['ons-2025-02', 'economic', 20],
      ],
    );
    assert.deepEqual(await publishedNeighbourSets(store.sql, 'E12000001'), []);
  });

  it('holds the sets of English councils only, every one of them from the files', async () => {
    const [row] = await store.sql<{ councils: number; rows: number }[]>`select count(distinct area_code)::int as councils, count(*)::int as rows from published_neighbour`;
    const english = (rows: Record<string, string>[], code: string) => rows.filter((r) => r[code]!.startsWith('E'));
    const ons = english(published('ons_nearest_neighbours_feb2025_long.csv'), 'area_code');
    const dfe = english(published('dfe_cs_statistical_neighbours_2025_long.csv'), 'gss_code');
    assert.equal(row!.rows, ons.length + dfe.length);
    assert.equal(row!.councils, new Set([...ons.map((r) => r.area_code), ...dfe.map((r) => r.gss_code)]).size);
  });
});
