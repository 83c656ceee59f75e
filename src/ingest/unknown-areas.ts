// The area codes of an observation file that the store does not hold: each
// refused with a reason that says what the code is (judgeUnknownArea) and a
// suggestion only among held codes of the same GSS entity, or, with
// --add-areas, kept as a new area of its entity's type, named from the file.
//
// New areas get provisional (negative) ids while the file is read; their rows
// go to the staging table, and once the whole file has passed, the areas are
// stored, recorded as added by the batch, and the staged rows take their ids.
// A rejected batch rolls back with the areas it would have added.
import { judgeUnknownArea, type AreaType, type UnknownArea } from '../domain/area/index.ts';
import type { Rejection } from '../domain/batch/index.ts';
import { closestMatch, describeCandidate, type Candidate } from '../domain/suggest/index.ts';
import { upsertAreas, type Area, type AreaKey } from '../store/catalogue.ts';
import { assignStagedAreas, type Tx } from '../store/observations.ts';

interface NewArea {
  readonly key: AreaKey;
  readonly type: AreaType;
  readonly entityName: string;
  readonly entityPlural: string;
}

const NATIONS: Readonly<Record<string, string>> = { E: 'England', W: 'Wales', S: 'Scotland', N: 'Northern Ireland' };

export class UnknownAreas {
  private readonly judged = new Map<string, UnknownArea>();
  private readonly suggestions = new Map<string, string | undefined>();
  private readonly added = new Map<string, NewArea>();
  private readonly candidatesByPrefix = new Map<string, Candidate[]>();
  private readonly byName: Map<string, AreaKey>;

  constructor(
    held: readonly AreaKey[],
    private readonly addAreas: boolean,
  ) {
    for (const area of held) {
      const prefix = area.code.slice(0, 3);
      const list = this.candidatesByPrefix.get(prefix) ?? [];
      list.push({ key: area.code, label: area.name });
      this.candidatesByPrefix.set(prefix, list);
    }
    this.byName = new Map(held.map((area) => [area.name.toLowerCase(), area]));
  }

  /**
   * The area a code the store lacks stands for (a new one, with --add-areas),
   * or the rejection of the row's area cell.
   */
  resolve(code: string, name: string, line: number, column: string): AreaKey | Rejection {
    const earlier = this.added.get(code);
    if (earlier) return earlier.key;
    const judged = this.judge(code);
    if (judged.kind === 'refuse') {
      const suggestion = this.suggest(code, judged.suggestPrefix);
      return { line, column, value: code, reason: judged.reason, ...(suggestion ? { suggestion } : {}) };
    }
    const trimmed = name.trim();
    if (trimmed === '') {
      return { line, column, value: code, reason: `the row gives no name for the new ${judged.entityName} ${code}: give each new area's name in an area_name column` };
    }
    const key: AreaKey = { id: -(this.added.size + 1), code, name: trimmed };
    this.added.set(code, { key, type: judged.type, entityName: judged.entityName, entityPlural: judged.entityPlural });
    return key;
  }

  /**
   * Stores the areas the file added, recorded as added by the batch, gives the
   * staged rows their ids, and says what was added ("12 areas added: 12 wards").
   */
  async save(tx: Tx, batchId: number, staged: boolean): Promise<string | undefined> {
    if (this.added.size === 0) return undefined;
    const areas = [...this.added.values()].map(({ key, type }) => newArea(key, type));
    await upsertAreas(tx, areas, batchId);
    if (staged) await assignStagedAreas(tx, new Map([...this.added].map(([code, area]) => [code, area.key.id])));
    return describeAdded([...this.added.values()]);
  }

  private judge(code: string): UnknownArea {
    let judged = this.judged.get(code);
    if (!judged) {
      judged = judgeUnknownArea(code, { holdsEntity: (prefix) => this.candidatesByPrefix.has(prefix), addAreas: this.addAreas });
      this.judged.set(code, judged);
    }
    return judged;
  }

  /** A held area the code may have meant: one named so, or the nearest code of the same entity. */
  private suggest(code: string, prefix: string | undefined): string | undefined {
    if (!this.suggestions.has(code)) {
      const named = this.byName.get(code.toLowerCase());
      const candidates = prefix === undefined ? [] : (this.candidatesByPrefix.get(prefix) ?? []);
      const near = named ? { key: named.code, label: named.name } : closestMatch(code, candidates);
      this.suggestions.set(code, near ? describeCandidate(near) : undefined);
    }
    return this.suggestions.get(code);
  }
}

function newArea(key: AreaKey, type: AreaType): Area {
  return {
    code: key.code,
    name: key.name,
    officialName: null,
    type,
    registerCode: null,
    nation: NATIONS[key.code[0] ?? ''] ?? null,
    regionCode: null,
    countyCode: null,
    startDate: null,
    endDate: null,
    successorCodes: [],
    formerCodes: [],
    otherNames: [],
  };
}

/** "12 areas added: 11 wards, 1 civil parish". */
function describeAdded(added: readonly NewArea[]): string {
  const counts = new Map<string, { one: string; many: string; count: number }>();
  for (const area of added) {
    const entry = counts.get(area.entityName) ?? { one: area.entityName, many: area.entityPlural, count: 0 };
    entry.count++;
    counts.set(area.entityName, entry);
  }
  const parts = [...counts.values()].map((entry) => `${entry.count} ${entry.count === 1 ? entry.one : entry.many}`);
  return `${added.length} area${added.length === 1 ? '' : 's'} added: ${parts.join(', ')}`;
}
