// Saving a comparator group of one's own, as the API does it and any page or
// command that comes to save one will: its areas checked against the index
// (named in capitals, as the index holds them), and the group written with its
// audit event in one transaction, its maker named as the audit trail names
// them.
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { createGroup, type SavedGroup } from '../../../store/comparator-groups.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/http/http-error.ts';

export async function saveGroup(sql: Sql, access: RequestAccess, index: BenchmarkIndex, input: { name: string; areaCodes: readonly string[] }): Promise<SavedGroup> {
  const codes = input.areaCodes.map((c) => c.toUpperCase());
  const unknown = input.areaCodes.filter((_, i) => !index.area(codes[i]!));
  if (unknown.length > 0) throw badRequest(`not areas Lantern knows: ${unknown.slice(0, 10).join(', ')}`);
  return sql.begin(async (tx) => {
    const group = await createGroup(tx, input.name, codes, access.actor.actor);
    await access.audit(tx, 'change', 'comparator_group', String(group.id), `saved group '${input.name}'`);
    return group;
  });
}
