// Which metrics a peer challenge's data pack shows for each focus area
// (issue 21, build item 6): "a data profile" as "one of the starting
// points" (004). A focus area is read through the themes of the metric
// library that bear on it, kept as versioned data: the council's metrics of
// those themes, most of them first, at most `perArea` to an area. Contextual
// metrics describe the place, not the council's work, and are left out.
import { isContextual } from '../metric/index.ts';

export interface DataPackRules {
  readonly version: number;
  readonly from: string;
  readonly themes: Readonly<Record<string, readonly string[]>>;
  readonly perArea: number;
  readonly source: string;
}

export const DATA_PACK_RULES: DataPackRules = Object.freeze<DataPackRules>({
  version: 1,
  from: '2026-01-01',
  themes: {
    core_component: ['economy', "children's services spending", 'adult social care', 'housing'],
    local_priorities_and_outcomes: ['health', 'health and wellbeing', 'life expectancy', 'physical activity', 'wellbeing', 'education', 'economy', 'housing', 'environment'],
    organisational_and_place_leadership: ['economy', 'transport', 'culture', 'digital'],
    governance_and_culture: ['wellbeing', 'culture'],
    financial_planning_and_management: ["children's services spending", 'economy'],
    capacity_for_improvement: ['adult social care', "children's social care", 'homelessness', 'environment'],
    safeguarding_practice: ["children's social care", 'children looked after', 'social work workforce', 'youth justice'],
  },
  perArea: 8,
  source: "Lantern's reading of the five core elements and 004's safeguarding focus against the metric library's themes.",
});

export interface PackMetricCandidate {
  readonly code: string;
  readonly title: string;
  readonly themes: readonly string[];
}

/** The metrics a focus area's section shows, in the order of its themes, then by title; none for an area the rules do not know. */
export function packMetrics(focusArea: string, candidates: readonly PackMetricCandidate[], rules: DataPackRules = DATA_PACK_RULES): PackMetricCandidate[] {
  const themes = rules.themes[focusArea] ?? [];
  const rankOf = (m: PackMetricCandidate) => Math.min(...m.themes.map((t) => themes.indexOf(t)).filter((i) => i >= 0));
  return candidates
    .filter((m) => !isContextual(m) && m.themes.some((t) => themes.includes(t)))
    .sort((a, b) => rankOf(a) - rankOf(b) || a.title.localeCompare(b.title, 'en-GB'))
    .slice(0, rules.perArea);
}
