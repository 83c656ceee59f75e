// Applying a new version of the peer challenge deadline rules, from a file
// (`lantern peer-challenges apply-rules FILE`): the file is read whole and
// checked by the domain, each problem naming the file, the line and the
// field, and nothing is applied unless all is well. Applying moves the due
// dates of every open challenge that the store's `applyDeadlineRules` says
// move, appear or go, each kept with its sentence, in one transaction with
// its audit event; a dry run does the same work in a transaction that is
// then rolled back, so what it lists is exactly what applying would do.
import { checkDeadlineRules } from '../../../domain/peer-challenge/deadline-rules-check.ts';
import type { DeadlineRules, DueDateMove } from '../../../domain/peer-challenge/index.ts';
import { JsonSyntaxError, parseJsonWithLines } from '../../../ingest/json-lines.ts';
import { applyDeadlineRules, deadlineRulesNow } from '../../../store/peer-deadline-rules.ts';
import { challengeCouncils } from '../../../store/challenge-flags.ts';
import type { Db, Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { PROGRAMME_RECORD } from './programme.ts';

export interface RulesFile {
  /** As the file is named in messages. */
  readonly name: string;
  readonly text: string;
}

export interface RulesApplication {
  readonly before: number;
  readonly rules: DeadlineRules;
  readonly moves: readonly (DueDateMove & { readonly council: string })[];
  readonly dryRun: boolean;
}

class DryRun extends Error {
  constructor(readonly outcome: RulesApplication) {
    super('a dry run is rolled back');
  }
}

/** Reads, checks and applies (or, with `dryRun`, only tries) a new version of the rules. */
export async function applyRulesFile(sql: Sql, access: RequestAccess, file: RulesFile, dryRun: boolean): Promise<RulesApplication> {
  access.require('change', PROGRAMME_RECORD, 'the deadline rules');
  const rules = readRules(file);
  const by = access.userId;
  try {
    return await sql.begin(async (tx) => {
      const before = (await deadlineRulesNow(tx)).version;
      const applied = await applyDeadlineRules(tx, rules.rules, by);
      if (applied.kind === 'refused') throw invalidInput([{ field: 'file', message: `${file.name}, line ${rules.lineOf(applied.problem.field)}: ${applied.problem.message}` }]);
      const councils = await councilsOf(tx, applied.moves);
      const outcome = { before, rules: rules.rules, moves: applied.moves.map((m) => ({ ...m, council: councils.get(m.challengeId) ?? '' })), dryRun };
      if (dryRun) throw new DryRun(outcome);
      const moved = new Set(applied.moves.map((m) => m.challengeId)).size;
      await access.audit(
        tx,
        'change',
        'peer_challenge',
        null,
        `applied deadline rules version ${rules.rules.version} (was ${before}) from ${file.name}: ${applied.moves.length} due dates moved on ${moved} open challenges`,
      );
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.outcome;
    throw error;
  }
}

/** The file's rules, or a refusal naming the file, line and field of every problem. */
function readRules(file: RulesFile): { rules: DeadlineRules; lineOf: (field: string) => number } {
  let read;
  try {
    read = parseJsonWithLines(file.text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw invalidInput([{ field: 'file', message: `${file.name}, ${error.message}: the rules are JSON` }]);
    throw error;
  }
  const checked = checkDeadlineRules(read.value);
  const lineOf = (field: string) => read.lineOf(field === 'rules' ? '' : field);
  if (checked.kind === 'refused') throw invalidInput(checked.problems.map((p) => ({ field: 'file', message: `${file.name}, line ${lineOf(p.field)}: ${p.message}` })));
  return { rules: checked.rules, lineOf };
}

function councilsOf(tx: Db, moves: readonly DueDateMove[]): Promise<Map<string, string>> {
  return challengeCouncils(tx, [...new Set(moves.map((m) => Number(m.challengeId)))]);
}
