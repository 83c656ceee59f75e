// A change of the peer challenge deadline rules, applied to the programme
// (migration 046). The rules are versioned data (the domain's
// `DEADLINE_RULES` is version 1); a later version is kept here once applied.
// Applying it moves the due dates of every open challenge that the domain's
// `moveDueDates` says move, appear or go, in one transaction: each move is
// kept with its sentence, so that the challenge's page says what moved and
// why. Items already done keep the dates they were done against.
import { DEADLINE_RULES, dueDates, moveDueDates, problem, type Challenge, type DeadlineRules, type DueDateMove, type DueItem, type Problem } from '../domain/peer-challenge/index.ts';
import { inTransaction } from './peer-bookings.ts';
import { CHALLENGE_SELECT, type StoredChallenge } from './peer-challenges.ts';
import type { Db } from './store.ts';

export type RulesApplied = { readonly kind: 'ok'; readonly moves: readonly DueDateMove[] } | { readonly kind: 'refused'; readonly problem: Problem };

export interface KeptMove {
  readonly item: DueItem;
  readonly fromOn: string | null;
  readonly toOn: string | null;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly sentence: string;
  readonly movedAt: Date;
}

/** The rules in force: the latest applied, or the domain's today. */
export async function deadlineRulesNow(sql: Db): Promise<DeadlineRules> {
  const [row] = await sql<{ rules: DeadlineRules }[]>`select rules from peer_deadline_rules order by version desc limit 1`;
  return row?.rules ?? DEADLINE_RULES;
}

/** Applies a later version of the rules to every open challenge with a week, recording each due date it moves. */
export function applyDeadlineRules(sql: Db, rules: DeadlineRules, by: number | null): Promise<RulesApplied> {
  return inTransaction(sql, async (tx) => {
    await tx`lock table peer_deadline_rules in exclusive mode`;
    const kept = await tx<{ version: number; rules: DeadlineRules }[]>`select version, rules from peer_deadline_rules order by version`;
    const byVersion = new Map<number, DeadlineRules>([[DEADLINE_RULES.version, DEADLINE_RULES], ...kept.map((k): [number, DeadlineRules] => [k.version, k.rules])]);
    const now = kept.at(-1)?.rules ?? DEADLINE_RULES;
    if (!Number.isInteger(rules.version) || rules.version <= now.version) {
      return { kind: 'refused', problem: problem('version', `the rules in force are version ${now.version}; a change must be a later version, not ${rules.version}`) };
    }
    if (kept.length === 0) await keepRules(tx, DEADLINE_RULES, null);
    await keepRules(tx, rules, by);
    const open = await tx<(StoredChallenge & { rulesVersion: number | null })[]>`
      select ${tx.unsafe(CHALLENGE_SELECT)}, c.deadline_rules_version as "rulesVersion"
      from peer_challenge c join area a on a.code = c.area_code
      where c.stage <> 'closed' and c.on_site is not null order by c.id for update of c`;
    const moves: DueDateMove[] = [];
    for (const challenge of open) {
      const old = byVersion.get(challenge.rulesVersion ?? DEADLINE_RULES.version) ?? now;
      const moved = moveDueDates([challenge], old, rules);
      await moveRows(tx, challenge, moved, rules, old.version);
      moves.push(...moved);
    }
    return { kind: 'ok', moves };
  });
}

async function keepRules(tx: Db, rules: DeadlineRules, by: number | null): Promise<void> {
  await tx`insert into peer_deadline_rules (version, from_day, rules, applied_by) values (${rules.version}, ${rules.from}, ${tx.json(rules as never)}, ${by})`;
}

/** Brings the challenge's due rows to the rules; records each move where `fromVersion` is given (a change of rules, not a booking). */
async function moveRows(tx: Db, challenge: Challenge, moved: readonly DueDateMove[], rules: DeadlineRules, fromVersion: number | null): Promise<void> {
  const id = Number(challenge.id);
  const after = new Map(dueDates(challenge, rules).map((d) => [d.item, d]));
  for (const move of moved) {
    const now = after.get(move.item);
    if (!now) await tx`delete from peer_challenge_due where challenge_id = ${id} and item = ${move.item}`;
    else
      await tx`
        insert into peer_challenge_due (challenge_id, item, due_on, latest_on, rule_version, sentence)
        values (${id}, ${move.item}, ${now.dueOn}, ${now.latestOn}, ${rules.version}, ${now.sentence})
        on conflict (challenge_id, item) do update set due_on = excluded.due_on, latest_on = excluded.latest_on,
          rule_version = excluded.rule_version, sentence = excluded.sentence`;
    if (fromVersion === null) continue;
    await tx`insert into peer_challenge_due_move (challenge_id, item, from_on, to_on, from_version, to_version, sentence)
      values (${id}, ${move.item}, ${move.from}, ${move.to}, ${fromVersion}, ${rules.version}, ${move.sentence})`;
  }
  await tx`update peer_challenge set deadline_rules_version = ${rules.version} where id = ${id}`;
}

/**
 * Works a booked challenge's due dates out again under the rules in force,
 * where they are later than the domain's today (booking works them out by
 * the domain's); done items keep theirs. A new week is not a move: none is recorded.
 */
export async function dueUnderRulesNow(tx: Db, challenge: Challenge): Promise<void> {
  const rules = await deadlineRulesNow(tx);
  if (rules.version === DEADLINE_RULES.version || challenge.onSite === null) return;
  const moved = moveDueDates([challenge], DEADLINE_RULES, rules);
  await moveRows(tx, challenge, moved, rules, null);
}

export function dueMovesOf(sql: Db, challengeId: number): Promise<KeptMove[]> {
  return sql<KeptMove[]>`
    select item, to_char(from_on, 'YYYY-MM-DD') as "fromOn", to_char(to_on, 'YYYY-MM-DD') as "toOn", from_version as "fromVersion",
      to_version as "toVersion", sentence, moved_at as "movedAt"
    from peer_challenge_due_move where challenge_id = ${challengeId} order by id`;
}
