// What a refusal says: which access is missing, in words a user can act on.
// A 403 from any route carries one of these.
import type { DenialReason } from './policy.ts';
import { RECORD_KIND_LABELS, type Action, type RecordKind } from './record-kind.ts';
import { ROLE_LABELS } from './roles.ts';
import type { Viewer } from './viewer.ts';

const VERBS: Readonly<Record<Action, string>> = { read: 'read', change: 'change', share: 'share' };

export function describeDenial(reason: DenialReason, viewer: Viewer, action: Action, kind: RecordKind): string {
  const what = RECORD_KIND_LABELS[kind];
  const verb = VERBS[action];
  switch (reason) {
    case 'sign_in_required':
      return `sign in to ${verb} ${what}`;
    case 'role':
      return `your role (${viewer.kind === 'user' ? ROLE_LABELS[viewer.role] : 'public'}) may not ${verb} ${what}`;
    case 'token_scope':
      return `this API token may not ${verb}: create a token with the '${action}' scope`;
    case 'not_possible':
      return kind === 'audit_event' ? 'the audit trail is append-only: no one may change or share it' : `no one may ${verb} ${what}`;
    case 'not_in_audience':
      return `you may not ${verb} this record: it is open only to the people and organisations it is shared with`;
    case 'not_author':
      return `only its author, or for a restricted record the organisation that holds it, may ${verb} this record`;
    case 'not_shareable':
      return 'only restricted and confidential records are shared: this one is already open to everyone it may reach';
    case 'no_evidence':
      return 'this record has no evidence yet: information is shared only when it is specific and evidence-based';
  }
}
