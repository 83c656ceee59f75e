// What a peer challenge looks at, agreed at scoping. A corporate challenge is
// "tailored to allow councils to use it to focus on their local priorities.
// However, all corporate peer challenges include a core component that looks
// at issues of leadership, corporate capacity and financial resilience whose
// absence we know from experience is linked to organisational failure" (004,
// item 1(a) §10). Today the core is five elements (IMPROVEMENT.md). For a
// safeguarding challenge "there is less flexibility about the focus and
// approach because safeguarding is such a high risk area for the sector"
// (004, appendix 1): its focus is fixed, with at most one local area added,
// which is Lantern's reading of "less flexibility", kept as data.
import { problem, type Problem } from './problem.ts';

export const CHALLENGE_KINDS = ['corporate', 'safeguarding', 'adults', 'childrens'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

export const FOCUS_AREA_LABELS: Readonly<Record<string, string>> = Object.freeze({
  core_component: 'Leadership, corporate capacity and financial resilience',
  local_priorities_and_outcomes: 'Local priorities and outcomes',
  organisational_and_place_leadership: 'Organisational and place leadership',
  governance_and_culture: 'Governance and culture',
  financial_planning_and_management: 'Financial planning and management',
  capacity_for_improvement: 'Capacity for improvement',
  safeguarding_practice: "Children's safeguarding practice, leadership and partnership",
});

export const FIVE_CORE_ELEMENTS = [
  'local_priorities_and_outcomes',
  'organisational_and_place_leadership',
  'governance_and_culture',
  'financial_planning_and_management',
  'capacity_for_improvement',
] as const;

export interface FocusRule {
  /** Areas every challenge of the kind looks at: scoping cannot drop them. */
  readonly required: readonly string[];
  /** How many areas of the council's own choosing may be added; null for as many as it likes. */
  readonly maxLocalAreas: number | null;
}

export interface FocusRules {
  readonly version: number;
  readonly from: string;
  readonly kinds: Readonly<Record<ChallengeKind, FocusRule>>;
  readonly source: string;
}

export const FOCUS_RULES_2011: FocusRules = Object.freeze<FocusRules>({
  version: 1,
  from: '2011-06-01',
  kinds: {
    corporate: { required: ['core_component'], maxLocalAreas: null },
    safeguarding: { required: ['safeguarding_practice'], maxLocalAreas: 1 },
    adults: { required: [], maxLocalAreas: null },
    childrens: { required: [], maxLocalAreas: null },
  },
  source: '004 item 1(a) §10 and appendix 1 (2012).',
});

export const FOCUS_RULES: FocusRules = Object.freeze<FocusRules>({
  ...FOCUS_RULES_2011,
  version: 2,
  from: '2023-01-01',
  kinds: { ...FOCUS_RULES_2011.kinds, corporate: { required: FIVE_CORE_ELEMENTS, maxLocalAreas: null } },
  source: "The LGA's corporate peer challenge today: five core elements (IMPROVEMENT.md); safeguarding and the rest as in 2012 (004).",
});

export function isChallengeKind(text: string): text is ChallengeKind {
  return (CHALLENGE_KINDS as readonly string[]).includes(text);
}

/** Every problem of a challenge's focus areas under the rules: none given, a required area dropped, too many local areas. */
export function checkFocus(kind: ChallengeKind, focusAreas: readonly string[], rules: FocusRules = FOCUS_RULES): Problem[] {
  const areas = [...new Set(focusAreas.map((a) => a.trim()).filter((a) => a !== ''))];
  if (areas.length === 0) return [problem('focusAreas', 'give at least one focus area')];
  const rule = rules.kinds[kind];
  const problems: Problem[] = [];
  for (const required of rule.required) {
    if (!areas.includes(required)) problems.push(problem('focusAreas', `a ${kind} peer challenge always looks at '${FOCUS_AREA_LABELS[required] ?? required}': it cannot be dropped`));
  }
  const local = areas.filter((a) => !rule.required.includes(a));
  if (rule.maxLocalAreas !== null && local.length > rule.maxLocalAreas) {
    problems.push(
      problem(
        'focusAreas',
        `a ${kind} peer challenge has less flexibility about its focus: at most ${rule.maxLocalAreas} area(s) of the council's own beside ${rule.required.map((r) => `'${FOCUS_AREA_LABELS[r] ?? r}'`).join(', ')}; ${local.length} given`,
      ),
    );
  }
  return problems;
}
