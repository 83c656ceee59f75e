// The peer challenge programme as its readers see it (issue 21, build item
// 7): every council's last challenge and stage, its next due item and what
// is overdue, the counts delivered, booked and in discussion (004 item 1(a)
// §11), and the councils without a challenge for longer than the deadline
// rules allow, filtered by kind, stage, what is overdue and the council's
// name. The programme says which councils are being challenged and where
// each stands, never what a challenge found: it is open to every signed-in
// reader (sector), unaudited, while each challenge's own page is restricted.
import { guardedRecord } from '../../../domain/access/index.ts';
import { CHALLENGE_KINDS, DUE_ITEM_LABELS, STAGES, STAGE_LABELS, isChallengeKind, type ChallengeKind, type DueDate, type Stage } from '../../../domain/peer-challenge/index.ts';
import type { ProgrammeCsvRow } from '../../../reports/peer-programme-csv.ts';
import { programme, type Programme, type ProgrammeCouncil } from '../../../store/peer-programme.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';

/** What the programme shows: every council's place in it, read by any signed-in user. */
export const PROGRAMME_RECORD = guardedRecord('peer_challenge', 'sector');

export interface ProgrammeAsk {
  readonly kind: ChallengeKind | undefined;
  readonly stage: Stage | 'none' | undefined;
  readonly overdue: boolean;
  readonly council: string | undefined;
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

export interface ProgrammeRow extends ProgrammeCsvRow {
  readonly nextDue: ShownDue | null;
  readonly overdue: readonly ShownDue[];
}

export interface ProgrammeView {
  readonly today: string;
  readonly rows: readonly ProgrammeRow[];
  readonly counts: Programme['counts'];
  readonly withoutChallenge: Programme['withoutChallenge'];
  readonly councils: number;
  readonly overdueCouncils: number;
}

/** The ask from a query string: unknown values are ignored, as a filter left empty (a page that is not a whole number, as the first). */
export function programmeAsk(query: Readonly<Record<string, unknown>>): ProgrammeAsk {
  const kind = typeof query.kind === 'string' && isChallengeKind(query.kind) ? query.kind : undefined;
  const stageText = typeof query.stage === 'string' ? query.stage : '';
  const stage = stageText === 'none' || (STAGES as readonly string[]).includes(stageText) ? (stageText as Stage | 'none') : undefined;
  const council = typeof query.council === 'string' && query.council.trim() !== '' ? query.council.trim().slice(0, 100) : undefined;
  const page = typeof query.page === 'string' && /^\d{1,6}$/.test(query.page) && Number(query.page) >= 1 ? Number(query.page) : 1;
  return { kind, stage, overdue: query.overdue === 'yes', council, page };
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
  return {
    today: whole.today,
    rows: whole.councils.filter((c) => named(c.councilName) && kept(c, ask)).map(rowOf),
    counts: whole.counts,
    withoutChallenge: whole.withoutChallenge.filter((gap) => (ask.kind === undefined || gap.kind === ask.kind) && named(names.get(gap.councilCode) ?? gap.councilCode)),
    councils: whole.councils.length,
    overdueCouncils: whole.councils.filter((c) => c.overdue.length > 0).length,
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
export const STAGE_CHOICES = [...STAGES.map((stage) => ({ value: stage, text: STAGE_LABELS[stage] })), { value: 'none', text: 'No challenge on record' }];
