// A file that lists areas and no figures: `area_code,area_name`, as a council
// publishes its CIPFA nearest neighbours or its children's services
// statistical neighbours. There is nothing to observe in it, but it is a
// comparator group people compare with, so it is saved as one, named after
// the file, recorded with its batch. Every code must be an area Lantern holds
// (the same words as for an observation file's unknown codes); a group of
// fewer than two areas, or over the store's thousand, is refused.
import path from 'node:path';
import { judgeUnknownArea } from '../domain/area/index.ts';
import type { Rejection } from '../domain/batch/index.ts';
import { areaKeys } from '../store/catalogue.ts';
import { createGroup } from '../store/comparator-groups.ts';
import type { Tx } from '../store/observations.ts';
import type { CatalogueRecord } from './catalogue-records.ts';
import { isAreaColumnName } from './mapped-layout.ts';
import { RejectionList } from './rejections.ts';

const MAX_MEMBERS = 1000;

/** The column of codes when the header is an area code and at most its name: a list of areas, not figures. */
export function groupCodeColumn(header: readonly string[]): string | undefined {
  const named = header.filter((cell) => cell.trim() !== '');
  if (named.length === 0 || named.length > 2) return undefined;
  const code = named.find(isAreaColumnName);
  if (code === undefined) return undefined;
  const other = named.find((cell) => cell !== code);
  return other === undefined || /(^|_|\s)(name|nm)$|nm$/i.test(other.trim()) ? code : undefined;
}

/** The group's name: the file's, without its extension ('cipfa2021.csv' is 'cipfa2021'). */
export function groupName(fileName: string): string {
  return (
    path
      .basename(fileName)
      .replace(/\.[^.]+$/, '')
      .slice(0, 200) || 'imported group'
  );
}

export async function loadGroup(
  tx: Tx,
  fileName: string,
  codeColumn: string,
  records: readonly CatalogueRecord[],
  batchId: number,
  importedBy: string,
): Promise<{ rowsRead: number; inserted: number; revised: number; unchanged: number; rejected: number; rejections: RejectionList; notice: string }> {
  const rejections = new RejectionList();
  const held = new Set((await areaKeys(tx)).map((area) => area.code));
  const prefixes = new Set([...held].map((code) => code.slice(0, 3)));
  const members: string[] = [];
  const lineOf = new Map<string, number>();
  for (const record of records) {
    const code = (record.cells[codeColumn] ?? '').trim();
    const problem = memberProblem(code, held, prefixes, lineOf.get(code));
    if (problem) rejections.addRow([{ line: record.line, column: codeColumn, value: code, reason: problem }]);
    else {
      lineOf.set(code, record.line);
      members.push(code);
    }
  }
  const name = groupName(fileName);
  let notice = '';
  if (members.length < 2 || members.length > MAX_MEMBERS) {
    rejections.addRow([{ line: 1, reason: `a comparator group lists from 2 to ${MAX_MEMBERS} areas; this file lists ${members.length} that Lantern holds` } satisfies Rejection]);
  } else {
    // A batch refused for any member rolls back with the group it made.
    const group = await createGroup(tx, name, members, importedBy, batchId);
    notice = `the file lists ${members.length} areas and no figures: saved as the comparator group '${name}' (group=custom&groupId=${group.id})`;
  }
  return { rowsRead: records.length, inserted: notice ? members.length : 0, revised: 0, unchanged: 0, rejected: rejections.rows, rejections, notice };
}

function memberProblem(code: string, held: ReadonlySet<string>, prefixes: ReadonlySet<string>, earlierLine: number | undefined): string | undefined {
  if (earlierLine !== undefined) return `${code} is also on line ${earlierLine}: a group lists each area once`;
  if (held.has(code)) return undefined;
  const judged = judgeUnknownArea(code, { holdsEntity: (prefix) => prefixes.has(prefix), addAreas: false });
  return judged.kind === 'refuse' ? judged.reason : `'${code}' is not an area Lantern holds`;
}
