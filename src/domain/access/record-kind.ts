// The kinds of record the access policy decides about. Every route declares
// the kind it reads or changes; `service` stands for Lantern's own pages and
// documents that hold no record (its health, its API description).
export const RECORD_KINDS = [
  'service',
  'session',
  'area',
  'metric',
  'observation',
  'import_batch',
  'import_rejection',
  'comparator_group',
  'intelligence_item',
  'share',
  'audit_event',
  'organisation',
  'user',
  'api_token',
  'report',
  'dashboard',
  'agreement',
  'target',
  'progress_review',
  'flag',
  'improvement_case',
  'case_note',
  'support_package',
  'panel_meeting',
  'reminder',
  'question_set',
  'survey',
  'council_return',
  'support_offer',
  'support_request',
  'support_rating',
  'funding',
  'peer',
  'peer_challenge',
  'challenge_action',
  'mentoring',
  'mentoring_note',
  'saving',
  'case_study',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const ACTIONS = ['read', 'change', 'share'] as const;
export type Action = (typeof ACTIONS)[number];

export const RECORD_KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  service: "Lantern's own pages",
  session: 'sessions',
  area: 'areas',
  metric: 'metric definitions',
  observation: 'observations',
  import_batch: 'import batches',
  import_rejection: 'rejected import rows',
  comparator_group: 'comparator groups',
  intelligence_item: 'intelligence items',
  share: 'shares',
  audit_event: 'the audit trail',
  organisation: 'organisations',
  user: 'users',
  api_token: 'API tokens',
  report: 'reports',
  dashboard: 'dashboards',
  agreement: 'agreements',
  target: 'targets',
  progress_review: 'progress reviews, reasons and risks',
  flag: 'early warning flags',
  improvement_case: 'improvement cases',
  case_note: "notes of an improvement case's meetings",
  support_package: 'support packages',
  panel_meeting: 'meetings of the Performance Support Panel',
  reminder: 'reminders',
  question_set: 'survey question sets',
  survey: "residents' surveys and their results",
  council_return: "councils' own in-year and early-sight returns",
  support_offer: 'the offer of support',
  support_request: "councils' requests for support",
  support_rating: "councils' ratings of the support they had",
  funding: 'improvement budgets and their allocations',
  peer: 'peers in the peer pool',
  peer_challenge: 'peer challenges, their scoping, drafts and reports',
  challenge_action: "the actions and evidence against a peer challenge's recommendations",
  mentoring: 'mentoring arrangements',
  mentoring_note: 'what a mentor and mentee record between them',
  saving: 'efficiency savings',
  case_study: 'good-practice case studies',
};

export function isRecordKind(text: string): text is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(text);
}

export function isAction(text: string): text is Action {
  return (ACTIONS as readonly string[]).includes(text);
}
