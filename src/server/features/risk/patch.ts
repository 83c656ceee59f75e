// An adviser's patch: the councils they cover, chosen by name or GSS code.
// Refused whole, naming the field and each council not known, so that a
// patch is never saved short of what was meant.
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { patchOf, setPatch } from '../../../store/patches.ts';
import type { Sql } from '../../../store/store.ts';
import { type RequestAccess } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/http/http-error.ts';
import { flagRecord } from './risk-records.ts';

/** More councils than England has: a patch is a part of it. */
export const MOST_IN_PATCH = 500;

export async function readPatch(sql: Sql, access: RequestAccess): Promise<string[]> {
  return access.viewer.kind === 'user' ? patchOf(sql, access.viewer.userId) : [];
}

/** Sets the viewer's patch to the councils named in `areas`: a list, or text with one a line (or comma). */
export async function changePatch(sql: Sql, access: RequestAccess, index: BenchmarkIndex, body: Record<string, unknown>): Promise<string[]> {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw badRequest('sign in to keep a patch');
  const codes = councilsNamed(index, namesOf(body.areas));
  access.require('change', flagRecord(codes[0] ?? 'E92000001'), 'patch');
  return sql.begin(async (tx) => {
    await setPatch(tx, viewer.userId, codes);
    await access.audit(tx, 'change', 'flag', null, `patch of the risk view set to ${codes.length} councils: ${codes.join(', ')}`.slice(0, 1000));
    return codes;
  });
}

function namesOf(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(/[\n,;]/) : value;
  if (!Array.isArray(list) || list.some((one) => typeof one !== 'string')) throw badRequest("'areas' must be a list of councils' names or GSS codes");
  const names = (list as string[]).map((one) => one.trim()).filter((one) => one !== '');
  if (names.length > MOST_IN_PATCH) throw badRequest(`'areas': a patch has at most ${MOST_IN_PATCH} councils, not ${names.length}`);
  return names;
}

function councilsNamed(index: BenchmarkIndex, names: readonly string[]): string[] {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const code = councilCode(index, name);
    if (code) codes.push(code);
    else unknown.push(name);
  }
  if (unknown.length > 0) {
    const message = `${unknown.map((n) => `‘${n.slice(0, 80)}’`).join(', ')} ${unknown.length === 1 ? 'is not a council' : 'are not councils'} Lantern knows: give a council's name or GSS code`;
    throw badRequest(`'areas': ${message}`, { problems: [{ field: 'areas', message }] });
  }
  return [...new Set(codes)].sort();
}

function councilCode(index: BenchmarkIndex, name: string): string | undefined {
  const isCurrent = (a: { type: Parameters<typeof isCouncil>[0]; endDate: string | null }) => isCouncil(a.type) && a.endDate === null;
  const byCode = index.area(name.toUpperCase());
  if (byCode && isCurrent(byCode)) return byCode.code;
  const folded = name.toLowerCase();
  return index.areas.find((a) => isCurrent(a) && (a.name.toLowerCase() === folded || a.officialName?.toLowerCase() === folded))?.code;
}
