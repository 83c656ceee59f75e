// The five outcomes of the conversation, in the words of the Improvement
// Board's early-warning approach (004, item 1(a), appendix 1). Each asks for
// the parts that make it a decision rather than a label: what corrects "the
// appearance of a potential concern"; when an issue kept "under review" is
// looked at again; which light-touch help; why the council does not accept
// and when it is discussed next. Every outcome keeps its reason, date and
// the council's view; a support package itself is the support feature's.
import { given, type CaseProblem } from './problem.ts';

export const OUTCOMES = ['satisfactory_explanation', 'steps_in_place', 'light_touch_support', 'support_package', 'not_accepted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  satisfactory_explanation: 'There is a satisfactory explanation',
  steps_in_place: 'The council has appropriate steps in place; kept under review',
  light_touch_support: 'Light-touch support to identify some solutions',
  support_package: 'A bigger degree of support is needed: a package of support, reported to the Performance Support Panel',
  not_accepted: 'The council does not accept that it faces a performance challenge',
};

export const LIGHT_TOUCH = ['good_practice', 'top_team_session', 'mentoring'] as const;
export type LightTouch = (typeof LIGHT_TOUCH)[number];

export const LIGHT_TOUCH_LABELS: Readonly<Record<LightTouch, string>> = {
  good_practice: 'In contact with good practice at another council',
  top_team_session: 'A one off top team session',
  mentoring: 'Some mentoring',
};

export function isOutcome(text: string): text is Outcome {
  return (OUTCOMES as readonly string[]).includes(text);
}

/** An outcome as given: the parts another outcome asks for are ignored, not kept. */
export interface OutcomeInput {
  readonly outcome: string;
  readonly reason?: string | null | undefined;
  readonly decidedOn?: string | null | undefined;
  readonly correction?: string | null | undefined;
  readonly reviewOn?: string | null | undefined;
  readonly lightTouch?: string | null | undefined;
  readonly differenceOfView?: string | null | undefined;
  readonly nextDiscussionOn?: string | null | undefined;
  readonly councilView?: string | null | undefined;
}

/** What is missing or wrong, each naming its field; none when the outcome may be recorded. */
export function outcomeProblems(input: OutcomeInput): CaseProblem[] {
  const problems: CaseProblem[] = [];
  const need = (field: keyof OutcomeInput, message: string) => {
    if (!given(input[field])) problems.push({ field, message: `'${field}': ${message}` });
  };
  if (!isOutcome(input.outcome)) {
    problems.push({ field: 'outcome', message: `'outcome' must be one of the five: ${OUTCOMES.join(', ')}, not '${String(input.outcome).slice(0, 40)}'` });
    return problems;
  }
  need('reason', 'say why this is the outcome');
  need('decidedOn', 'give the date the outcome was agreed');
  switch (input.outcome) {
    case 'satisfactory_explanation':
      need('correction', 'say what, if anything, corrects the appearance of a potential concern');
      break;
    case 'steps_in_place':
      need('reviewOn', 'an issue kept under review needs the date it is reviewed');
      if (given(input.reviewOn) && given(input.decidedOn) && input.reviewOn < input.decidedOn)
        problems.push({ field: 'reviewOn', message: "'reviewOn': the review comes after the outcome was agreed" });
      break;
    case 'light_touch_support':
      if (!given(input.lightTouch) || !(LIGHT_TOUCH as readonly string[]).includes(input.lightTouch)) {
        problems.push({ field: 'lightTouch', message: `'lightTouch': choose the support: ${LIGHT_TOUCH.join(', ')}` });
      }
      break;
    case 'support_package':
      break;
    case 'not_accepted':
      need('differenceOfView', 'say what the difference of view is, and the reasons given for it');
      need('nextDiscussionOn', 'give the date of the next discussion');
      break;
  }
  return problems;
}
