// The hard-data rules, each with its version, its cause of failure and Best
// Value theme, and its test in words. The flags they raise are "statistical
// and trend analysis from data returns" (Improvement Board, 2012, item 1(a),
// appendix 1); intelligence items sit beside them, under the same causes.
// No peer challenge reads no metric but the programme's own records: a
// council long without one is disengaging "from the wider community of local
// government" (the same appendix's causes of failure).
import type { FlagRule, FlagRuleId } from './flag.ts';

export const RULES: Readonly<Record<FlagRuleId, FlagRule>> = {
  worse_and_worsening: {
    id: 'worse_and_worsening',
    version: 1,
    title: 'Worse than comparators and getting worse',
    cause: 'service_performance',
    theme: 'service_delivery',
    test: "The latest figure's 95% confidence interval is wholly on the worse side of the comparator group's, and the recent trend is significantly getting worse.",
  },
  in_year_special_cause: {
    id: 'in_year_special_cause',
    version: 1,
    title: 'Special-cause concern in the in-year figures',
    cause: 'service_performance',
    theme: 'service_delivery',
    test: 'On an XmR chart of at least 13 in-year points, the latest point shows special-cause variation in the worse direction.',
  },
  off_trajectory: {
    id: 'off_trajectory',
    version: 1,
    title: 'Off trajectory on an agreed target',
    cause: 'service_performance',
    theme: 'continuous_improvement',
    test: "The latest actual is rated red or amber against the target's trajectory by the target's own tolerance rule.",
  },
  reserves_horizon: {
    id: 'reserves_horizon',
    version: 1,
    title: 'Reserves would run out within three years',
    cause: 'financial_difficulty',
    theme: 'use_of_resources',
    test: "At the average rate of use over the last three years, usable reserves run out in under three years (the National Audit Office's line, 2018).",
  },
  missing_return: {
    id: 'missing_return',
    version: 1,
    title: 'A return not sent while most councils of its type have sent theirs',
    cause: 'leadership',
    theme: 'governance',
    test: 'A return is past its due date, not received from this council, and received from more than half of the councils of its type.',
  },
  no_peer_challenge: {
    id: 'no_peer_challenge',
    version: 2,
    title: 'No peer challenge for longer than the deadline rules allow',
    cause: 'disengagement',
    theme: 'continuous_improvement',
    test:
      "The council's last peer challenge of a kind had its team on site longer ago than the peer challenge deadline rules in force allow for that kind " +
      "(each kind's years between challenges, and the councils it applies to), or none is on record for that long since the programme's record of the council's challenges of the kind begins. " +
      'Looked at only where the programme holds that record: from the day a peer challenge manager declared it held, or from its first enquiry of the kind for the council. ' +
      'A council whose record is not held is not flagged: no record held is not no challenge.',
  },
};
