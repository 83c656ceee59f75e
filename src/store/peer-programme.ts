// The peer challenge programme at a glance, in two queries whatever the
// number of councils (and a third for the deadline rules in force): every council's last challenge and stage, its next due
// item and what is overdue (of its open challenges), the programme's counts
// of challenges delivered, booked and in discussion (004 item 1(a) §11: "we
// have delivered 16 new corporate peer challenges with another 40 booked in
// or in discussion"), and the councils without a challenge for longer than
// the deadline rules allow, among those whose history the programme holds;
// for each council, where it stands under each cadence rule (history not
// held, in time, due within the year, overdue) and so whether it needs
// attention. Which items are overdue, which gaps count and what needs
// attention, the domain decides (`dueStatus`, `councilCadence`,
// `attentionOf`).
import type { AreaType } from '../domain/area/index.ts';
import { isCouncil } from '../domain/benchmark/comparator-group.ts';
import {
  attentionOf,
  CHALLENGE_KINDS,
  councilCadence,
  DUE_ITEMS,
  dueStatus,
  enquiry,
  type AttentionReason,
  type CadenceVerdict,
  type Challenge,
  type ChallengeGap,
  type ChallengeKind,
  type DateSpan,
  type DueDate,
  type Stage,
} from '../domain/peer-challenge/index.ts';
import { DONE_ON } from './peer-challenges.ts';
import { deadlineRulesNow } from './peer-deadline-rules.ts';
import { historyHeld } from './peer-history-held.ts';
import type { Db } from './store.ts';

export interface LastChallenge {
  readonly id: number;
  readonly kind: ChallengeKind;
  readonly stage: Stage;
  readonly enquiredOn: string;
  readonly onSite: DateSpan | null;
}

export interface ProgrammeCouncil {
  readonly councilCode: string;
  readonly councilName: string;
  readonly councilType: AreaType;
  readonly last: LastChallenge | null;
  /** The earliest item not yet done of the council's open challenges, overdue or not. */
  readonly nextDue: DueDate | null;
  readonly overdue: readonly DueDate[];
  /** Under each cadence rule that applies to the council: history not held, in time, due within the year or overdue. */
  readonly cadence: readonly CadenceVerdict[];
  /** Why the council needs attention; empty when it does not. */
  readonly attention: readonly AttentionReason[];
}

export interface ProgrammeCount {
  readonly delivered: number;
  readonly booked: number;
  readonly inDiscussion: number;
}

export interface Programme {
  readonly today: string;
  readonly councils: readonly ProgrammeCouncil[];
  readonly counts: Readonly<Record<ChallengeKind, ProgrammeCount>>;
  readonly withoutChallenge: readonly ChallengeGap[];
}

/** How the programme counts a stage: in discussion until booked, booked until the team arrives, then delivered (a withdrawn one is none). */
const COUNTED_AS: Readonly<Record<Stage, keyof ProgrammeCount | null>> = {
  enquiry: 'inDiscussion',
  scoping: 'inDiscussion',
  booked: 'booked',
  team_confirmed: 'booked',
  on_site: 'delivered',
  feedback: 'delivered',
  report_fact_check: 'delivered',
  report_final: 'delivered',
  action_plan: 'delivered',
  progress_review: 'delivered',
  closed: null,
};

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

interface CouncilRow {
  readonly code: string;
  readonly name: string;
  readonly type: AreaType;
  readonly last: LastChallenge | null;
  readonly due: readonly (DueDate & { readonly stage: Stage })[];
}

interface ChallengeRow {
  readonly id: number;
  readonly code: string;
  readonly kind: ChallengeKind;
  readonly stage: Stage;
  readonly enquiredOn: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly feedbackOn: string | null;
}

export async function programme(sql: Db, today: string): Promise<Programme> {
  // The gaps are judged by the rules in force, as early warning's flags are.
  const [councilRows, challengeRows, rules, held] = await Promise.all([councilsRead(sql), challengesRead(sql), deadlineRulesNow(sql), historyHeld(sql)]);
  const councils = councilRows.filter((row) => isCouncil(row.type));
  const challenges = challengeRows.map(asChallenge);
  const verdicts = councilCadence(
    councils.map((c) => ({ code: c.code, name: c.name, type: c.type })),
    challenges,
    held,
    today,
    rules,
  );
  const byCouncil = new Map<string, CadenceVerdict[]>();
  for (const v of verdicts) {
    const list = byCouncil.get(v.councilCode);
    if (list) list.push(v);
    else byCouncil.set(v.councilCode, [v]);
  }
  return {
    today,
    councils: councils.map((row) => programmeCouncil(row, today, byCouncil.get(row.code) ?? [])),
    counts: countsOf(challenges),
    withoutChallenge: verdicts.filter((v): v is ChallengeGap => v.status === 'overdue'),
  };
}

/** One pass over the open challenges' undone items, grouped by council, rather than a look per council. */
function councilsRead(sql: Db): Promise<CouncilRow[]> {
  return sql<CouncilRow[]>`
    with open_due as (
      select c.area_code, json_agg(json_build_object('challengeId', c.id::text, 'stage', c.stage, 'item', d.item, 'dueOn', ${sql.unsafe(DAY('d.due_on'))},
          'latestOn', ${sql.unsafe(DAY('d.latest_on'))}, 'doneOn', null, 'ruleVersion', d.rule_version, 'sentence', d.sentence)
          order by d.due_on, c.id, array_position(${DUE_ITEMS as unknown as string[]}::text[], d.item)) as items
      from peer_challenge c join peer_challenge_due d on d.challenge_id = c.id
      where c.stage <> 'closed' and ${sql.unsafe(DONE_ON)} is null
      group by c.area_code)
    select a.code, a.name, a.type, last.challenge as last, coalesce(open_due.items, '[]') as due
    from area a
    left join lateral (
      select json_build_object('id', c.id, 'kind', c.kind, 'stage', c.stage, 'enquiredOn', ${sql.unsafe(DAY('c.enquired_on'))},
        'onSite', case when c.on_site is null then null
          else json_build_object('from', ${sql.unsafe(DAY('lower(c.on_site)'))}, 'to', ${sql.unsafe(DAY('upper(c.on_site) - 1'))}) end) as challenge
      from peer_challenge c where c.area_code = a.code order by c.enquired_on desc, c.id desc limit 1) last on true
    left join open_due on open_due.area_code = a.code
    where a.end_date is null
    order by a.name, a.code`;
}

function challengesRead(sql: Db): Promise<ChallengeRow[]> {
  return sql<ChallengeRow[]>`
    select c.id, c.area_code as code, c.kind, c.stage, ${sql.unsafe(DAY('c.enquired_on'))} as "enquiredOn",
      ${sql.unsafe(DAY('lower(c.on_site)'))} as from, ${sql.unsafe(DAY('upper(c.on_site) - 1'))} as to, ${sql.unsafe(DAY('c.feedback_on'))} as "feedbackOn"
    from peer_challenge c`;
}

/** A challenge as far as the programme reads it: enough for the domain's cadence and counts. */
function asChallenge(row: ChallengeRow): Challenge {
  const onSite = row.from === null || row.to === null ? null : { from: row.from, to: row.to };
  return { ...enquiry(String(row.id), row.code, row.kind, row.enquiredOn), stage: row.stage, onSite, feedbackOn: row.feedbackOn };
}

function programmeCouncil(row: CouncilRow, today: string, cadence: readonly CadenceVerdict[]): ProgrammeCouncil {
  const overdue = row.due.filter((due) => {
    const status = dueStatus(due, { ...enquiry(due.challengeId, row.code, 'corporate', today), stage: due.stage }, today);
    return status === 'overdue' || status === 'past_latest';
  });
  return {
    councilCode: row.code,
    councilName: row.name,
    councilType: row.type,
    last: row.last,
    nextDue: row.due.length > 0 ? withoutStage(row.due[0]!) : null,
    overdue: overdue.map(withoutStage),
    cadence,
    attention: attentionOf(cadence, overdue.length),
  };
}

function withoutStage(due: DueDate): DueDate {
  return { challengeId: due.challengeId, item: due.item, dueOn: due.dueOn, latestOn: due.latestOn, doneOn: due.doneOn, ruleVersion: due.ruleVersion, sentence: due.sentence };
}

function countsOf(challenges: readonly Challenge[]): Record<ChallengeKind, ProgrammeCount> {
  const counts = Object.fromEntries(CHALLENGE_KINDS.map((kind) => [kind, { delivered: 0, booked: 0, inDiscussion: 0 }])) as Record<ChallengeKind, { -readonly [K in keyof ProgrammeCount]: number }>;
  for (const c of challenges) {
    const counted = c.stage === 'closed' ? (c.feedbackOn === null ? null : 'delivered') : COUNTED_AS[c.stage];
    if (counted) counts[c.kind][counted] += 1;
  }
  return counts;
}
