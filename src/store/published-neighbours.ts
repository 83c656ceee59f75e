// The neighbour sets publishers made for English councils (ONS, DfE), as
// migration 018 loads them from data/reference/neighbours: read, never
// written, by Lantern.
import type { PublishedNeighbourSet, PublishedSource } from '../domain/neighbours/index.ts';
import type { Db, Sql } from './store.ts';

interface Row {
  readonly source: PublishedSource;
  readonly model: string;
  readonly rank: number;
  readonly neighbourCode: string;
  readonly closeness: string | null;
}

/** A council's published sets, the ONS's before the DfE's, each nearest first; none for a council no publisher covers. */
export async function publishedNeighbourSets(sql: Sql, areaCode: string): Promise<PublishedNeighbourSet[]> {
  const rows = await sql<Row[]>`
    select source, model, rank, neighbour_code as "neighbourCode", closeness from published_neighbour
    where area_code = ${areaCode}
    order by source desc, model = 'global' desc, model, rank`;
  const sets = new Map<string, { source: PublishedSource; model: string; areaCode: string; neighbours: PublishedNeighbourSet['neighbours'][number][] }>();
  for (const row of rows) {
    const key = `${row.source}/${row.model}`;
    if (!sets.has(key)) sets.set(key, { source: row.source, model: row.model, areaCode, neighbours: [] });
    sets.get(key)!.neighbours.push({ code: row.neighbourCode, rank: row.rank, closeness: row.closeness });
  }
  return [...sets.values()];
}

/** Every council's nearest neighbours by its first published set (as publishedNeighbourSets orders them), nearest first: for early warning's positions. */
export async function nearestNeighboursOfEvery(sql: Db): Promise<Map<string, string[]>> {
  const rows = await sql<{ area: string; neighbour: string }[]>`
    with chosen as (
      select distinct on (area_code) area_code, source, model from published_neighbour order by area_code, source desc, model = 'global' desc, model)
    select p.area_code as area, p.neighbour_code as neighbour from published_neighbour p join chosen c using (area_code, source, model)
    order by p.area_code, p.rank`;
  const found = new Map<string, string[]>();
  for (const { area, neighbour } of rows) {
    const list = found.get(area) ?? [];
    list.push(neighbour);
    found.set(area, list);
  }
  return found;
}
