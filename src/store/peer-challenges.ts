// Councils' peer challenges as kept (migration 038): opened as an enquiry,
// moved one lifecycle step at a time by the domain's `advance`, which alone
// says whether a step may happen, and given their due dates by the domain's
// deadline rules, kept with the rules' version and the sentence of each. A
// step locks its challenge's row, so that two managers moving one challenge
// at once take turns, and the second is refused if it read an older revision.
// The team is the peers booked for the week (peer-bookings.ts).
import {
  advance,
  COMPOSITION_RULE,
  DEADLINE_RULES,
  DUE_ITEMS,
  dueDates,
  enquiry,
  FOCUS_RULES,
  isChallengeKind,
  problem,
  type Challenge,
  type ChallengeEvent,
  type DueDate,
  type Problem,
} from '../domain/peer-challenge/index.ts';
import { isIsoDay } from '../domain/period/index.ts';
import { inTransaction, rebookTeam, releaseTeamAfter } from './peer-bookings.ts';
import type { Db } from './store.ts';

/** A challenge as the domain reads it, with what the store keeps beside it. */
export interface StoredChallenge extends Challenge {
  readonly councilName: string;
  readonly managedBy: number | null;
  readonly revision: number;
  readonly updatedAt: Date;
  /** Its due dates as worked out when its week was booked, each with its rules' version. */
  readonly due: readonly DueDate[];
}

export interface ChallengeOpening {
  readonly councilCode: string;
  readonly kind: string;
  readonly enquiredOn: string;
  readonly managedBy: number | null;
}

export type Opened = { readonly kind: 'ok'; readonly id: number } | { readonly kind: 'refused'; readonly problem: Problem };
export type Moved = { readonly kind: 'ok'; readonly challenge: StoredChallenge } | { readonly kind: 'refused'; readonly problem: Problem };

/** A step as the store takes it: confirming the team confirms the peers booked, never a list given beside them. */
export type ChallengeMove = Exclude<ChallengeEvent, { kind: 'confirm_team' }> | { readonly kind: 'confirm_team' };

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const SPAN = (column: string) => `case when ${column} is null then null else json_build_object('from', ${DAY(`lower(${column})`)}, 'to', ${DAY(`upper(${column}) - 1`)}) end`;
/** The day each due item is done on: the challenge's field of the same meaning. */
export const DONE_ON = `case d.item when 'report' then c.report_published_on when 'action_plan' then c.action_plan_published_on
  when 'progress_review' then c.progress_review_on else c.progress_review_report_on end`;

/** Due items in the domain's order, for items due on one day. */
const ITEM_ORDER = `array[${DUE_ITEMS.map((item) => `'${item}'`).join(', ')}]`;

export const CHALLENGE_SELECT = `c.id::text as id, c.area_code as "councilCode", a.name as "councilName", c.kind, c.stage,
  ${DAY('c.enquired_on')} as "enquiredOn", c.focus_areas as "focusAreas", ${SPAN('c.on_site')} as "onSite",
  coalesce((select json_agg(json_build_object('peerId', p.id::text, 'name', p.name, 'role', p.role, 'lead', b.lead) order by b.lead desc, p.name, p.id)
    from peer_booking b join peer p on p.id = b.peer_id where b.challenge_id = c.id and b.released_at is null), '[]') as team,
  ${DAY('c.feedback_on')} as "feedbackOn", ${DAY('c.report_fact_check_on')} as "reportFactCheckOn", ${DAY('c.report_published_on')} as "reportPublishedOn",
  ${DAY('c.action_plan_published_on')} as "actionPlanPublishedOn", ${DAY('c.progress_review_on')} as "progressReviewOn",
  ${DAY('c.progress_review_report_on')} as "progressReviewReportOn", ${DAY('c.closed_on')} as "closedOn", c.close_reason as "closeReason",
  c.managed_by as "managedBy", c.revision, c.updated_at as "updatedAt",
  coalesce((select json_agg(json_build_object('challengeId', c.id::text, 'item', d.item, 'dueOn', ${DAY('d.due_on')}, 'latestOn', ${DAY('d.latest_on')},
      'doneOn', ${DAY(DONE_ON)}, 'ruleVersion', d.rule_version, 'sentence', d.sentence) order by d.due_on, array_position(${ITEM_ORDER}, d.item))
    from peer_challenge_due d where d.challenge_id = c.id), '[]') as due`;
const CHALLENGE_FROM = 'peer_challenge c join area a on a.code = c.area_code';

/** Opens a council's challenge as an enquiry; refused, naming the field, for an unknown council, kind or day. */
export async function openChallenge(sql: Db, opening: ChallengeOpening): Promise<Opened> {
  if (!isChallengeKind(opening.kind)) return refused(problem('kind', 'give one of corporate, safeguarding, adults, childrens'));
  if (!isIsoDay(opening.enquiredOn)) return refused(problem('enquiredOn', 'give the day of the enquiry as YYYY-MM-DD'));
  const [council] = await sql`select 1 from area where code = ${opening.councilCode}`;
  if (!council) return refused(problem('councilCode', `no council has the code '${opening.councilCode}'`));
  const first = enquiry('', opening.councilCode, opening.kind, opening.enquiredOn);
  const [row] = await sql<{ id: number }[]>`
    insert into peer_challenge (area_code, kind, stage, enquired_on, managed_by)
    values (${first.councilCode}, ${first.kind}, ${first.stage}, ${first.enquiredOn}, ${opening.managedBy})
    returning id`;
  return { kind: 'ok', id: row!.id };
}

export async function readChallenge(sql: Db, id: number): Promise<StoredChallenge | undefined> {
  const [row] = await sql<StoredChallenge[]>`select ${sql.unsafe(CHALLENGE_SELECT)} from ${sql.unsafe(CHALLENGE_FROM)} where c.id = ${id}`;
  return row;
}

/** A council's challenges, the latest enquiry first. */
export function challengesOf(sql: Db, councilCode: string): Promise<StoredChallenge[]> {
  return sql<StoredChallenge[]>`
    select ${sql.unsafe(CHALLENGE_SELECT)} from ${sql.unsafe(CHALLENGE_FROM)}
    where c.area_code = ${councilCode} order by c.enquired_on desc, c.id desc`;
}

/**
 * Takes one lifecycle step, if the domain allows it from where the challenge
 * stands: the whole step or nothing. Booking the week works out its due dates
 * and moves the team's bookings with it (refused, naming the clash, if a peer
 * is taken then); closing releases the bookings of days not yet come.
 * `revision`, when given, is the one the step was read at.
 */
export function moveChallenge(sql: Db, id: number, move: ChallengeMove, by: number | null, revision?: number): Promise<Moved> {
  return inTransaction(sql, async (tx) => {
    const [locked] = await tx`select revision from peer_challenge where id = ${id} for update`;
    if (!locked) return refused(problem('challenge', `no peer challenge has the id ${id}`));
    const current = (await readChallenge(tx, id))!;
    if (revision !== undefined && revision !== current.revision) {
      return refused(problem('revision', `the challenge changed since it was read (revision ${revision}, now ${current.revision}): read it again`));
    }
    const event: ChallengeEvent = move.kind === 'confirm_team' ? { kind: 'confirm_team', team: current.team } : move;
    const step = advance(current, event);
    if (step.kind === 'refused') return step;
    const next = step.challenge;
    if (move.kind === 'book' && next.onSite !== null) {
      const clash = await rebookTeam(tx, id, next.onSite);
      if (clash) return refused(clash);
      await keepDueDates(tx, next);
    }
    if (move.kind === 'close') await releaseTeamAfter(tx, id, next.closedOn!, by, next.closeReason ?? 'the challenge was closed');
    await writeChallenge(tx, next);
    return { kind: 'ok', challenge: (await readChallenge(tx, id))! };
  });
}

async function writeChallenge(tx: Db, c: Challenge): Promise<void> {
  const onSite = c.onSite === null ? null : `[${c.onSite.from},${c.onSite.to}]`;
  await tx`
    update peer_challenge set stage = ${c.stage}, focus_areas = ${c.focusAreas as string[]}, on_site = ${onSite}::daterange,
      feedback_on = ${c.feedbackOn}, report_fact_check_on = ${c.reportFactCheckOn}, report_published_on = ${c.reportPublishedOn},
      action_plan_published_on = ${c.actionPlanPublishedOn}, progress_review_on = ${c.progressReviewOn},
      progress_review_report_on = ${c.progressReviewReportOn}, closed_on = ${c.closedOn}, close_reason = ${c.closeReason},
      focus_rules_version = ${c.focusAreas.length > 0 ? FOCUS_RULES.version : null},
      composition_rule_version = ${c.team.length > 0 ? COMPOSITION_RULE.version : null},
      revision = revision + 1, updated_at = now()
    where id = ${Number(c.id)}`;
}

/** The due dates of the challenge's week under today's deadline rules, replacing any worked out before. */
async function keepDueDates(tx: Db, c: Challenge): Promise<void> {
  const due = dueDates(c, DEADLINE_RULES);
  await tx`delete from peer_challenge_due where challenge_id = ${Number(c.id)}`;
  await tx`update peer_challenge set deadline_rules_version = ${DEADLINE_RULES.version} where id = ${Number(c.id)}`;
  if (due.length === 0) return;
  await tx`insert into peer_challenge_due ${tx(
    due.map((d) => ({ challenge_id: Number(c.id), item: d.item, due_on: d.dueOn, latest_on: d.latestOn, rule_version: d.ruleVersion, sentence: d.sentence })),
  )}`;
}

function refused(p: Problem): { kind: 'refused'; problem: Problem } {
  return { kind: 'refused', problem: p };
}
