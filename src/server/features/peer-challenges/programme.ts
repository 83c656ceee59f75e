// The peer challenge programme as its readers see it (issue 21, build item
// 7): every council's last challenge and stage, its next due item and what
// is overdue, the counts delivered, booked and in discussion (004 item 1(a)
// §11), and the councils without a challenge for longer than the deadline
// rules allow, filtered by kind, stage, what is overdue and the council's
// name. By default the page shows the councils that need attention by the
// programme's own verdicts (a challenge overdue or due within the year, an
// item overdue), with every council a switch away; the CSV and the API give
// every council unless asked for those alone. A council whose history of
// challenges is not held is said to be so, never overdue; a peer challenge
// manager declares whose history is held (`declareHistory`). The programme
// says which councils are being challenged and where
// each stands, never what a challenge found: it is open to every signed-in
// reader (sector), unaudited, while each challenge's own page is restricted.
import { guardedRecord } from '../../../domain/access/index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { londonDay } from '../../../domain/format/index.ts';
import {
  CHALLENGE_KINDS,
  DUE_ITEM_LABELS,
  STAGES,
  STAGE_LABELS,
  isChallengeKind,
  type AttentionReason,
  type CadenceVerdict,
  type ChallengeKind,
  type DueDate,
  type Stage,
} from '../../../domain/peer-challenge/index.ts';
import { isIsoDay } from '../../../domain/period/index.ts';
import type { ProgrammeCsvRow } from '../../../reports/peer-programme-csv.ts';
import { getArea } from '../../../store/catalogue.ts';
import { declareHistoryHeld } from '../../../store/peer-history-held.ts';
import { programme, type Programme, type ProgrammeCouncil } from '../../../store/peer-programme.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput, type FieldProblem } from '../../platform/http/checked-input.ts';

/** What the programme shows: every council's place in it, read by any signed-in user. */
export const PROGRAMME_RECORD = guardedRecord('peer_challenge', 'sector');

export interface ProgrammeAsk {
  readonly kind: ChallengeKind | undefined;
  readonly stage: Stage | 'none' | undefined;
  readonly overdue: boolean;
  readonly council: string | undefined;
  /** The councils that need attention alone, or every council. */
  readonly show: ProgrammeShow;
  /** The page's page of councils, from 1; the CSV and the API give every council the filters keep. */
  readonly page: number;
}

/** Councils a page: the programme on a phone was every council, some 60,000 px tall. */
export const PROGRAMME_PAGE_SIZE = 25;

export interface ShownDue {
  readonly challengeId: string;
  readonly label: string;
  readonly dueOn: string;
  readonly latestOn: string | null;
  readonly sentence: string;
}

export const PROGRAMME_SHOWS = ['attention', 'all'] as const;
export type ProgrammeShow = (typeof PROGRAMME_SHOWS)[number];

export interface ProgrammeRow extends ProgrammeCsvRow {
  readonly nextDue: ShownDue | null;
  readonly overdue: readonly ShownDue[];
  /** Under each cadence rule: history not held, in time, due within the year or overdue, with its sentence. */
  readonly cadence: readonly CadenceVerdict[];
  readonly attention: readonly AttentionReason[];
}

export interface ProgrammeView {
  readonly today: string;
  readonly rows: readonly ProgrammeRow[];
  readonly counts: Programme['counts'];
  readonly withoutChallenge: Programme['withoutChallenge'];
  readonly councils: number;
  readonly overdueCouncils: number;
  /** Of the councils the other filters keep: how many need attention, and how many there are. */
  readonly shown: Readonly<Record<ProgrammeShow, number>>;
  /** Of the councils the other filters keep, those whose history of a kind of challenge the programme does not hold. */
  readonly notHeld: readonly { readonly councilCode: string; readonly councilName: string; readonly kind: ChallengeKind }[];
}

/**
 * The ask from a query string: unknown values are ignored, as a filter left
 * empty (a page that is not a whole number, as the first). `show` falls to
 * `byDefault`: the page's is the councils that need attention, the CSV's and
 * the API's every council, as they were.
 */
export function programmeAsk(query: Readonly<Record<string, unknown>>, byDefault: ProgrammeShow = 'all'): ProgrammeAsk {
  const kind = typeof query.kind === 'string' && isChallengeKind(query.kind) ? query.kind : undefined;
  const stageText = typeof query.stage === 'string' ? query.stage : '';
  const stage = stageText === 'none' || (STAGES as readonly string[]).includes(stageText) ? (stageText as Stage | 'none') : undefined;
  const council = typeof query.council === 'string' && query.council.trim() !== '' ? query.council.trim().slice(0, 100) : undefined;
  const page = typeof query.page === 'string' && /^\d{1,6}$/.test(query.page) && Number(query.page) >= 1 ? Number(query.page) : 1;
  const show = (PROGRAMME_SHOWS as readonly unknown[]).includes(query.show) ? (query.show as ProgrammeShow) : byDefault;
  return { kind, stage, overdue: query.overdue === 'yes', council, show, page };
}

/** The programme for those the policy lets read it; `undefined` for the public. */
export async function readProgramme(sql: Sql, access: RequestAccess, today: string, ask: ProgrammeAsk): Promise<ProgrammeView | undefined> {
  if (!access.may('read', PROGRAMME_RECORD)) return undefined;
  return programmeView(await programme(sql, today), ask);
}

/** The page's own work on the programme as read: the filters and the rows as shown. */
export function programmeView(whole: Programme, ask: ProgrammeAsk): ProgrammeView {
  const named = (name: string) => ask.council === undefined || name.toLowerCase().includes(ask.council.toLowerCase());
  const names = new Map(whole.councils.map((c) => [c.councilCode, c.councilName]));
  const filtered = whole.councils.filter((c) => named(c.councilName) && kept(c, ask));
  const needing = filtered.filter((c) => c.attention.length > 0);
  return {
    today: whole.today,
    rows: (ask.show === 'attention' ? needing : filtered).map(rowOf),
    counts: whole.counts,
    withoutChallenge: whole.withoutChallenge.filter((gap) => (ask.kind === undefined || gap.kind === ask.kind) && named(names.get(gap.councilCode) ?? gap.councilCode)),
    councils: whole.councils.length,
    overdueCouncils: whole.councils.filter((c) => c.overdue.length > 0).length,
    shown: { attention: needing.length, all: filtered.length },
    notHeld: filtered.flatMap((c) =>
      c.cadence.filter((v) => v.status === 'not_held' && (ask.kind === undefined || v.kind === ask.kind)).map((v) => ({ councilCode: c.councilCode, councilName: c.councilName, kind: v.kind })),
    ),
  };
}

function kept(c: ProgrammeCouncil, ask: ProgrammeAsk): boolean {
  if (ask.overdue && c.overdue.length === 0) return false;
  if (ask.stage === 'none') return c.last === null;
  if (ask.stage !== undefined && c.last?.stage !== ask.stage) return false;
  if (ask.kind !== undefined && c.last?.kind !== ask.kind) return false;
  return true;
}

function rowOf(c: ProgrammeCouncil): ProgrammeRow {
  return {
    councilCode: c.councilCode,
    councilName: c.councilName,
    challengeId: c.last === null ? null : c.last.id,
    kind: c.last?.kind ?? null,
    stage: c.last === null ? null : STAGE_LABELS[c.last.stage],
    enquiredOn: c.last?.enquiredOn ?? null,
    onSite: c.last?.onSite ?? null,
    nextDue: c.nextDue === null ? null : shownDue(c.nextDue),
    overdue: c.overdue.map(shownDue),
    cadence: c.cadence,
    attention: c.attention,
  };
}

function shownDue(due: DueDate): ShownDue {
  return { challengeId: due.challengeId, label: DUE_ITEM_LABELS[due.item], dueOn: due.dueOn, latestOn: due.latestOn, sentence: due.sentence };
}

export const KIND_LABELS: Readonly<Record<ChallengeKind, string>> = {
  corporate: 'Corporate',
  safeguarding: "Children's safeguarding",
  adults: "Adults' services",
  childrens: "Children's services self-assessment",
};

export const KIND_CHOICES = CHALLENGE_KINDS.map((kind) => ({ value: kind, text: KIND_LABELS[kind] }));
export const STAGE_CHOICES = [...STAGES.map((stage) => ({ value: stage, text: STAGE_LABELS[stage] })), { value: 'none', text: 'No challenge in the programme' }];

export interface HistoryDeclaration {
  readonly councils: readonly string[];
  readonly kind: string;
  readonly from: string;
  readonly source: string;
}

/**
 * Declares that the programme holds every challenge of a kind of these
 * councils from a day on (peer challenge managers; the console), so that the
 * cadence rule judges them from then. Every bad field is named at once, and
 * nothing is kept unless all is well.
 */
export async function declareHistory(sql: Sql, access: RequestAccess, input: HistoryDeclaration): Promise<{ readonly councils: readonly string[] }> {
  access.require('change', PROGRAMME_RECORD, "the programme's record of challenges");
  const problems: FieldProblem[] = [];
  if (!isChallengeKind(input.kind)) problems.push({ field: 'kind', message: `'kind': give one of ${CHALLENGE_KINDS.join(', ')}` });
  const today = londonDay(new Date(access.now));
  if (!isIsoDay(input.from)) problems.push({ field: 'from', message: `'from': ${input.from} is not a day (YYYY-MM-DD)` });
  else if (input.from > today) problems.push({ field: 'from', message: `'from': ${input.from} is after today (${today}): a history is held from a day gone by` });
  const source = input.source.trim();
  if (source === '') problems.push({ field: 'source', message: "'source': say where the record comes from, or how it is known complete" });
  else if (source.length > 500) problems.push({ field: 'source', message: "'source' is longer than 500 characters" });
  const codes = [...new Set(input.councils.map((c) => c.trim().toUpperCase()).filter((c) => c !== ''))];
  if (codes.length === 0) problems.push({ field: 'councils', message: "'councils': name at least one council by its code" });
  for (const code of codes) {
    const area = await getArea(sql, code);
    if (!area) problems.push({ field: 'councils', message: `'councils': no area has the code '${code}'` });
    else if (!isCouncil(area.type) || area.endDate !== null) problems.push({ field: 'councils', message: `'councils': ${area.name} (${code}) is not a council in being` });
  }
  if (problems.length > 0) throw invalidInput(problems);
  const by = access.userId;
  await sql.begin(async (tx) => {
    await declareHistoryHeld(tx, codes, input.kind as ChallengeKind, input.from, source, by);
    await access.audit(
      tx,
      'change',
      'peer_challenge',
      null,
      `declared the programme holds ${codes.length} councils' ${input.kind} peer challenges from ${input.from} (${codes.join(', ')}): ${source}`,
    );
  });
  return { councils: codes };
}
