// What a flag or an item of intelligence is evidence of. The causes of failure
// are the independent Advisory Board's (Improvement Board, 2012, item 1(a),
// appendix 1), with service performance beside them, for what the data
// returns show directly; the Best Value themes are the statutory guidance's
// (May 2024). A risk view has a row per cause; each rule maps to one cause
// and one theme, so a flag always lands in a row.

export const CAUSES = ['leadership', 'relationships', 'high_risk_change', 'disengagement', 'financial_difficulty', 'service_performance'] as const;
export type Cause = (typeof CAUSES)[number];

export const CAUSE_LABELS: Readonly<Record<Cause, string>> = {
  leadership: 'Quality of political and managerial leadership',
  relationships: 'Trust and confidence between leading members and senior staff',
  high_risk_change: 'High-risk change strategies',
  disengagement: 'Disengagement from the wider community of local government',
  financial_difficulty: 'Significant financial difficulties',
  service_performance: 'Service performance',
};

export const BEST_VALUE_THEMES = ['continuous_improvement', 'leadership', 'governance', 'culture', 'use_of_resources', 'service_delivery', 'partnerships_and_community_engagement'] as const;
export type BestValueTheme = (typeof BEST_VALUE_THEMES)[number];

export const BEST_VALUE_THEME_LABELS: Readonly<Record<BestValueTheme, string>> = {
  continuous_improvement: 'Continuous improvement',
  leadership: 'Leadership',
  governance: 'Governance',
  culture: 'Culture',
  use_of_resources: 'Use of resources',
  service_delivery: 'Service delivery',
  partnerships_and_community_engagement: 'Partnerships and community engagement',
};
