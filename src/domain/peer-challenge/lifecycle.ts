// A peer challenge from the council's first enquiry to its close (issue 21,
// build item 4): enquiry, scoping, booked, team confirmed, on site, feedback,
// the report (sent for fact-check, then final), the action plan, the progress
// review, closed. `advance` takes one event and returns the challenge after
// it, or the reason it cannot happen: a step out of order, a focus that drops
// the core component, on-site days that end before they start, a team that
// lacks a lead chief executive. Withdrawing before the progress review needs a
// reason, so that the programme page can say why a challenge stopped.
import { checkFocus, FOCUS_RULES, type ChallengeKind, type FocusRules } from './focus.ts';
import type { DateSpan } from './peer.ts';
import { isIsoDay } from '../period/index.ts';
import { problem, type Problem } from './problem.ts';
import { checkComposition, COMPOSITION_RULE, type CompositionRule, type TeamMember } from './team-composition.ts';

export const STAGES = ['enquiry', 'scoping', 'booked', 'team_confirmed', 'on_site', 'feedback', 'report_fact_check', 'report_final', 'action_plan', 'progress_review', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  enquiry: 'Enquiry',
  scoping: 'Scoping',
  booked: 'Booked',
  team_confirmed: 'Team confirmed',
  on_site: 'On site',
  feedback: 'Feedback given',
  report_fact_check: 'Report with the council for fact-check',
  report_final: 'Report final',
  action_plan: 'Action plan published',
  progress_review: 'Progress review held',
  closed: 'Closed',
};

/** The longest a team stays on site (IMPROVEMENT.md: "up to 4 days on site"). */
export const MAX_DAYS_ON_SITE = 4;

export interface Challenge {
  readonly id: string;
  readonly councilCode: string;
  readonly kind: ChallengeKind;
  readonly stage: Stage;
  readonly enquiredOn: string;
  readonly focusAreas: readonly string[];
  /** The week: the team's days on site. */
  readonly onSite: DateSpan | null;
  readonly team: readonly TeamMember[];
  readonly feedbackOn: string | null;
  readonly reportFactCheckOn: string | null;
  readonly reportPublishedOn: string | null;
  readonly actionPlanPublishedOn: string | null;
  readonly progressReviewOn: string | null;
  readonly progressReviewReportOn: string | null;
  readonly closedOn: string | null;
  readonly closeReason: string | null;
}

export type ChallengeEvent =
  | { readonly kind: 'scope'; readonly focusAreas: readonly string[] }
  | { readonly kind: 'book'; readonly onSite: DateSpan }
  | { readonly kind: 'confirm_team'; readonly team: readonly TeamMember[] }
  | { readonly kind: 'arrive'; readonly on: string }
  | { readonly kind: 'give_feedback'; readonly on: string }
  | { readonly kind: 'send_report_for_fact_check'; readonly on: string }
  | { readonly kind: 'publish_report'; readonly on: string }
  | { readonly kind: 'publish_action_plan'; readonly on: string }
  | { readonly kind: 'hold_progress_review'; readonly on: string }
  | { readonly kind: 'publish_progress_review_report'; readonly on: string }
  | { readonly kind: 'close'; readonly on: string; readonly reason: string };

export type ChallengeStep = { readonly kind: 'ok'; readonly challenge: Challenge } | { readonly kind: 'refused'; readonly problem: Problem };

/** The stages each event may be taken from: scoping and booking may be redone until the team is confirmed. */
const FROM: Readonly<Record<ChallengeEvent['kind'], readonly Stage[]>> = {
  scope: ['enquiry', 'scoping', 'booked'],
  book: ['scoping', 'booked'],
  confirm_team: ['booked'],
  arrive: ['team_confirmed'],
  give_feedback: ['on_site'],
  send_report_for_fact_check: ['feedback'],
  publish_report: ['report_fact_check'],
  publish_action_plan: ['report_final'],
  hold_progress_review: ['action_plan'],
  publish_progress_review_report: ['progress_review'],
  close: ['enquiry', 'scoping', 'booked', 'team_confirmed', 'on_site', 'feedback', 'report_fact_check', 'report_final', 'action_plan', 'progress_review'],
};

/** The events a challenge at `stage` may take, in the lifecycle's order. */
export function eventsFrom(stage: Stage): ChallengeEvent['kind'][] {
  return (Object.keys(FROM) as ChallengeEvent['kind'][]).filter((kind) => FROM[kind].includes(stage));
}

export interface LifecycleRules {
  readonly focus: FocusRules;
  readonly composition: CompositionRule;
}

const TODAYS_RULES: LifecycleRules = { focus: FOCUS_RULES, composition: COMPOSITION_RULE };

/** The challenge after the event, or the reason it cannot happen. */
export function advance(challenge: Challenge, event: ChallengeEvent, rules: LifecycleRules = TODAYS_RULES): ChallengeStep {
  if (!FROM[event.kind].includes(challenge.stage)) {
    const may = FROM[event.kind].map((s) => STAGE_LABELS[s].toLowerCase()).join(' or ');
    return refused(problem('stage', `a challenge at '${STAGE_LABELS[challenge.stage].toLowerCase()}' cannot take '${event.kind.replaceAll('_', ' ')}'; it must be at ${may}`));
  }
  switch (event.kind) {
    case 'scope':
      return (
        firstProblem(checkFocus(challenge.kind, event.focusAreas, rules.focus)) ??
        ok({ ...challenge, stage: challenge.stage === 'booked' ? 'booked' : 'scoping', focusAreas: [...new Set(event.focusAreas.map((a) => a.trim()))] })
      );
    case 'book':
      return firstProblem(checkOnSite(event.onSite, challenge.enquiredOn)) ?? ok({ ...challenge, stage: 'booked', onSite: event.onSite });
    case 'confirm_team':
      return firstProblem(checkComposition(challenge.kind, event.team, rules.composition)) ?? ok({ ...challenge, stage: 'team_confirmed', team: event.team });
    case 'arrive':
      return dayProblem(event.on, challenge.onSite!.from, 'the first day on site') ?? ok({ ...challenge, stage: 'on_site' });
    case 'give_feedback':
      return dayProblem(event.on, challenge.onSite!.from, 'the first day on site') ?? ok({ ...challenge, stage: 'feedback', feedbackOn: event.on });
    case 'send_report_for_fact_check':
      return dayProblem(event.on, challenge.feedbackOn!, 'the feedback') ?? ok({ ...challenge, stage: 'report_fact_check', reportFactCheckOn: event.on });
    case 'publish_report':
      return dayProblem(event.on, challenge.reportFactCheckOn!, 'the fact-check began') ?? ok({ ...challenge, stage: 'report_final', reportPublishedOn: event.on });
    case 'publish_action_plan':
      return dayProblem(event.on, challenge.reportPublishedOn!, 'the report was published') ?? ok({ ...challenge, stage: 'action_plan', actionPlanPublishedOn: event.on });
    case 'hold_progress_review':
      return dayProblem(event.on, challenge.actionPlanPublishedOn!, 'the action plan was published') ?? ok({ ...challenge, stage: 'progress_review', progressReviewOn: event.on });
    case 'publish_progress_review_report':
      return dayProblem(event.on, challenge.progressReviewOn!, 'the progress review') ?? ok({ ...challenge, progressReviewReportOn: event.on });
    case 'close':
      return closing(challenge, event.on, event.reason);
  }
}

function closing(challenge: Challenge, on: string, reason: string): ChallengeStep {
  const started = challenge.progressReviewOn ?? challenge.enquiredOn;
  const dayWrong = dayProblem(on, started, challenge.progressReviewOn ? 'the progress review' : 'the enquiry');
  if (dayWrong) return dayWrong;
  if (challenge.stage !== 'progress_review' && reason.trim() === '') return refused(problem('reason', 'closing a challenge before its progress review needs a reason'));
  return ok({ ...challenge, stage: 'closed', closedOn: on, closeReason: reason.trim() === '' ? null : reason.trim() });
}

/** Every problem of a challenge's days on site: unreadable, ending before they start, longer than the rule, before the enquiry. */
export function checkOnSite(onSite: DateSpan, enquiredOn: string): Problem[] {
  if (!isIsoDay(onSite.from)) return [problem('onSite.from', 'give the first day on site as YYYY-MM-DD')];
  if (!isIsoDay(onSite.to)) return [problem('onSite.to', 'give the last day on site as YYYY-MM-DD')];
  if (onSite.to < onSite.from) return [problem('onSite.to', `the last day on site (${onSite.to}) is before the first (${onSite.from})`)];
  const days = Math.round((Date.parse(onSite.to) - Date.parse(onSite.from)) / 86_400_000) + 1;
  if (days > MAX_DAYS_ON_SITE) return [problem('onSite.to', `a team is on site for up to ${MAX_DAYS_ON_SITE} days, not ${days}`)];
  if (onSite.from < enquiredOn) return [problem('onSite.from', `the first day on site (${onSite.from}) is before the enquiry (${enquiredOn})`)];
  return [];
}

function dayProblem(on: string, after: string, what: string): ChallengeStep | null {
  if (!isIsoDay(on)) return refused(problem('on', 'give the day as YYYY-MM-DD'));
  if (on < after) return refused(problem('on', `${on} is before ${what} (${after})`));
  return null;
}

function firstProblem(problems: readonly Problem[]): ChallengeStep | null {
  return problems.length > 0 ? refused(problems[0]!) : null;
}

function ok(challenge: Challenge): ChallengeStep {
  return { kind: 'ok', challenge };
}

function refused(p: Problem): ChallengeStep {
  return { kind: 'refused', problem: p };
}

/** A challenge as first enquired about. */
export function enquiry(id: string, councilCode: string, kind: ChallengeKind, enquiredOn: string): Challenge {
  return {
    id,
    councilCode,
    kind,
    stage: 'enquiry',
    enquiredOn,
    focusAreas: [],
    onSite: null,
    team: [],
    feedbackOn: null,
    reportFactCheckOn: null,
    reportPublishedOn: null,
    actionPlanPublishedOn: null,
    progressReviewOn: null,
    progressReviewReportOn: null,
    closedOn: null,
    closeReason: null,
  };
}
