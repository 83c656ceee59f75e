// A challenge as its page shows it: council, kind, stage, focus areas, the
// week, each due date with the sentence of the rule that set it and where it
// stands today (overdue ones marked), the due dates a change of rules moved
// and why, the history of its steps, and the steps its reader may take next.
import { formatDate, londonDay } from '../../../domain/format/index.ts';
import { DUE_ITEM_LABELS, FOCUS_AREA_LABELS, STAGE_LABELS, dueStatus, eventsFrom, type DueStatus } from '../../../domain/peer-challenge/index.ts';
import { publicationsOf } from '../../../store/peer-challenge-findings.ts';
import { stepsOf } from '../../../store/peer-challenge-records.ts';
import type { StoredChallenge } from '../../../store/peer-challenges.ts';
import { dueMovesOf } from '../../../store/peer-deadline-rules.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { challengeRecord, findChallenge, LATER_STEPS, type LaterStep } from './challenges.ts';
import { KIND_LABELS } from './programme.ts';

export const DUE_STATUS_LABELS: Readonly<Record<DueStatus, { text: string; tag: string }>> = {
  done: { text: 'Done', tag: 'govuk-tag--green' },
  done_late: { text: 'Done late', tag: 'govuk-tag--yellow' },
  due: { text: 'Due', tag: 'govuk-tag--blue' },
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  past_latest: { text: 'Past the latest date', tag: 'govuk-tag--red' },
  not_needed: { text: 'Not needed: closed', tag: 'govuk-tag--grey' },
};

export const STEP_LABELS: Readonly<Record<string, string>> = {
  enquire: 'Enquiry opened',
  scope: 'Scoped',
  book: 'Week booked',
  confirm_team: 'Team confirmed',
  arrive: 'Team arrived on site',
  give_feedback: 'Feedback given',
  send_report_for_fact_check: 'Report sent for fact-check',
  publish_report: 'Report published',
  publish_action_plan: 'Action plan published',
  hold_progress_review: 'Progress review held',
  publish_progress_review_report: 'Progress review report published',
  close: 'Closed',
};

export interface ChallengeView {
  readonly challenge: StoredChallenge;
  readonly kindLabel: string;
  readonly stageLabel: string;
  readonly focus: readonly string[];
  readonly due: readonly { label: string; dueOn: string; latestOn: string | null; doneOn: string | null; sentence: string; status: { text: string; tag: string }; late: boolean }[];
  readonly moves: readonly { label: string; fromOn: string | null; toOn: string | null; sentence: string; movedAt: string }[];
  readonly steps: readonly { label: string; stage: string; onDay: string | null; detail: string; by: string; at: string }[];
  readonly mayChange: boolean;
  readonly nextSteps: readonly LaterStep[];
  readonly publications: readonly { id: number; label: string; superseded: boolean; publishedOn: string }[];
  readonly mayScope: boolean;
  readonly mayBook: boolean;
}

export async function readChallengeView(sql: Sql, access: RequestAccess, idText: unknown): Promise<ChallengeView> {
  const { challenge, holding } = await findChallenge(sql, access, idText, 'read');
  const id = Number(challenge.id);
  const today = londonDay(new Date(access.now));
  const [steps, moves, publications] = await Promise.all([stepsOf(sql, id), dueMovesOf(sql, id), publicationsOf(sql, id)]);
  const events = eventsFrom(challenge.stage);
  const due = challenge.due.map((d) => {
    const status = dueStatus(d, challenge, today);
    return {
      label: DUE_ITEM_LABELS[d.item],
      dueOn: d.dueOn,
      latestOn: d.latestOn,
      doneOn: d.doneOn,
      sentence: d.sentence,
      status: DUE_STATUS_LABELS[status],
      late: status === 'overdue' || status === 'past_latest',
    };
  });
  return {
    challenge,
    kindLabel: KIND_LABELS[challenge.kind],
    stageLabel: STAGE_LABELS[challenge.stage],
    focus: challenge.focusAreas.map((a) => FOCUS_AREA_LABELS[a] ?? a),
    due,
    moves: moves.map((m) => ({ label: DUE_ITEM_LABELS[m.item], fromOn: m.fromOn, toOn: m.toOn, sentence: m.sentence, movedAt: formatDate(m.movedAt) })),
    steps: steps.map((s) => ({
      label: STEP_LABELS[s.step] ?? s.step,
      stage: STAGE_LABELS[s.stage],
      onDay: s.onDay,
      detail: s.detail,
      by: s.takenByName ?? 'Lantern',
      at: formatDate(s.takenAt),
    })),
    mayChange: access.may('change', challengeRecord(holding, challenge.reportPublishedOn)),
    nextSteps: LATER_STEPS.filter((s) => events.includes(s)),
    publications: publications.map((p) => ({
      id: p.id,
      label: `${p.document === 'report' ? 'Report' : 'Action plan'}, version ${p.version}`,
      superseded: p.superseded,
      publishedOn: formatDate(p.publishedAt),
    })),
    mayScope: events.includes('scope'),
    mayBook: events.includes('book'),
  };
}
