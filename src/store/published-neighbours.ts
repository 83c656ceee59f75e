// The neighbour sets publishers made for English councils (ONS, DfE), as
// migration 018 loads them from data/reference/neighbours: read, never
// written, by Lantern.
import type { PublishedNeighbourSet, PublishedSource } from '../domain/neighbours/index.ts';
import type { Sql } from './store.ts';

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
