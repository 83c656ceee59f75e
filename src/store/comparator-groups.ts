// Comparator groups that people save: a name and a list of areas.
import type { Db, Sql } from './store.ts';

export interface SavedGroup {
  readonly id: number;
  readonly name: string;
  readonly areaCodes: readonly string[];
  readonly createdBy: string;
  readonly createdAt: Date;
}

const COLUMNS = 'id, name, area_codes as "areaCodes", created_by as "createdBy", created_at as "createdAt"';

/** Saves a group; `batchId` is the import that brought it, where a file did. */
export async function createGroup(sql: Db, name: string, areaCodes: readonly string[], createdBy: string, batchId: number | null = null): Promise<SavedGroup> {
  const [group] = await sql<SavedGroup[]>`
    insert into comparator_group (name, area_codes, created_by, batch_id) values (${name}, ${areaCodes as string[]}, ${createdBy}, ${batchId})
    returning ${sql.unsafe(COLUMNS)}`;
  return group!;
}

export async function getGroup(sql: Sql, id: number): Promise<SavedGroup | undefined> {
  const [group] = await sql<SavedGroup[]>`select ${sql.unsafe(COLUMNS)} from comparator_group where id = ${id}`;
  return group;
}

export function listGroups(sql: Sql) {
  return sql<SavedGroup[]>`select ${sql.unsafe(COLUMNS)} from comparator_group order by name, id`;
}
