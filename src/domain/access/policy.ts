// The access policy: the one function that decides whether a viewer may read,
// change or share a record. Every route, export, report and search asks it;
// nothing else in Lantern decides access.
//
// A decision has two steps:
//   1. The grant: may this role (or the public) ever do this action to records
//      of this kind, and does the credential allow the action? (`permits`,
//      which routes also ask before they read a parameter.)
//   2. The record: its classification at this instant (an ended embargo makes
//      it public), then who it is open to:
//      - read: public → anyone; sector → any signed-in user; restricted and
//        confidential → its audience (below). Reads of these are audited.
//      - change: a record with an author → its author, or for a restricted
//        record a member of the organisation that holds it; an agreement, its
//        targets and reviews → members of the holding council and of its
//        partners' organisations; a record an organisation holds alone (a
//        council's survey, return, saving or rating of support; a provider's offer or budget) →
//        its members, whatever its classification; a restricted record of a
//        kind with stewards → them too (STEWARDS: the peer pool's managers, a
//        saving's verifiers); a restricted record of a kind its subject keeps
//        (a council's actions on a peer challenge's recommendations) → the
//        council's members the grant allows; a record with no author (the
//        data hub's) → whoever the grant allows.
//      - share: only restricted and confidential records, only shareable ones
//        (an intelligence item with its evidence), by those who may change it.
//   The audience of a restricted or confidential record: its author, the
//   people and organisations it is shared with, the council it is about where
//   the record says so (early-sight data, the log of shares about it), the
//   members of its holding organisation when restricted, the roles that
//   oversee agreements of targets when restricted (WATCHERS), and administrators
//   for records they oversee (users, tokens, shares, the audit trail, the data
//   hub). Administrators never read intelligence that is not shared with them:
//   confidences are kept.
//
// The decision is pure, allocation-free on its common paths, and answers in
// well under a microsecond (bench/policy.ts).
import { isClassified } from './classification.ts';
import { classificationAt } from './embargo.ts';
import type { GuardedRecord } from './guarded-record.ts';
import type { Action, RecordKind } from './record-kind.ts';
import type { Role } from './roles.ts';
import type { UserViewer, Viewer } from './viewer.ts';

/** Who may ever do an action to a kind of record. */
type Grant = 'anyone' | 'signed_in' | 'nobody' | readonly Role[];

const ADMINISTRATORS: readonly Role[] = Object.freeze(['administrator'] as const);
const ADVISERS: readonly Role[] = Object.freeze(['principal_adviser'] as const);
const REPORT_WRITERS: readonly Role[] = Object.freeze(['performance_officer', 'administrator'] as const);
const AGREEMENT_WRITERS: readonly Role[] = Object.freeze(['performance_officer'] as const);
const PANEL: readonly Role[] = Object.freeze(['panel_member', 'principal_adviser'] as const);
const COUNCIL_OFFICERS: readonly Role[] = Object.freeze(['performance_officer'] as const);
const PROGRAMME: readonly Role[] = Object.freeze(['peer_challenge_manager'] as const);
const PROVIDERS: readonly Role[] = Object.freeze(['peer_challenge_manager', 'principal_adviser', 'regional_partner'] as const);

const GRANTS: Readonly<Record<RecordKind, Readonly<Record<Action, Grant>>>> = {
  service: { read: 'anyone', change: 'nobody', share: 'nobody' },
  session: { read: 'anyone', change: 'anyone', share: 'nobody' },
  area: { read: 'anyone', change: ADMINISTRATORS, share: 'nobody' },
  metric: { read: 'anyone', change: ADMINISTRATORS, share: 'nobody' },
  // Sharing observations names the partners of an early-sight release.
  observation: { read: 'anyone', change: ADMINISTRATORS, share: ADMINISTRATORS },
  import_batch: { read: 'anyone', change: ADMINISTRATORS, share: 'nobody' },
  import_rejection: { read: 'anyone', change: 'nobody', share: 'nobody' },
  comparator_group: { read: 'anyone', change: 'signed_in', share: 'nobody' },
  intelligence_item: { read: 'anyone', change: ADVISERS, share: ADVISERS },
  share: { read: 'signed_in', change: 'nobody', share: 'nobody' },
  audit_event: { read: ADMINISTRATORS, change: 'nobody', share: 'nobody' },
  organisation: { read: 'signed_in', change: ADMINISTRATORS, share: 'nobody' },
  user: { read: 'signed_in', change: ADMINISTRATORS, share: 'nobody' },
  api_token: { read: 'signed_in', change: 'signed_in', share: 'nobody' },
  // Reports: published versions are public, drafts restricted to their organisation; performance
  // officers build and publish them (DESIGN's roles), and colleagues change a restricted draft.
  report: { read: 'anyone', change: REPORT_WRITERS, share: 'nobody' },
  // Dashboards: a user's own (confidential to them) or their council's default (restricted to it).
  dashboard: { read: 'signed_in', change: 'signed_in', share: 'nobody' },
  // Agreements of targets: drafts restricted to the holding council and its partners (the policy's
  // shares) and to those who oversee them (WATCHERS); signed-off targets and ratings are public.
  // Councils' performance officers record them and their partners' progress reviews.
  agreement: { read: 'anyone', change: AGREEMENT_WRITERS, share: 'nobody' },
  target: { read: 'anyone', change: AGREEMENT_WRITERS, share: 'nobody' },
  progress_review: { read: 'anyone', change: AGREEMENT_WRITERS, share: 'nobody' },
  // Early warning (issue 19): flags are restricted to the sector body (WATCHERS) and the council they
  // are about; advisers acknowledge them. A case is restricted to the sector body that holds it and
  // the council; referral to the Panel, a region or a department is a share. A meeting's notes are
  // restricted like their case, or confidential to the people named. The Panel's meetings are
  // for the Panel and the advisers who bring cases to it.
  flag: { read: 'signed_in', change: ADVISERS, share: 'nobody' },
  improvement_case: { read: 'signed_in', change: ADVISERS, share: ADVISERS },
  case_note: { read: 'signed_in', change: ADVISERS, share: 'nobody' },
  support_package: { read: 'signed_in', change: ADVISERS, share: 'nobody' },
  panel_meeting: { read: PANEL, change: PANEL, share: 'nobody' },
  // A reminder is its person's own: confidential, with them as its author.
  reminder: { read: 'signed_in', change: 'signed_in', share: 'nobody' },
  // Councils' own data (issue 20): question sets are public and kept by administrators. A survey and
  // a return are held by their council: restricted to it until released, shared with the named
  // organisations of its release rule, public from the rule's instant (the embargo). Only the
  // council's performance officers change or share them.
  question_set: { read: 'anyone', change: ADMINISTRATORS, share: 'nobody' },
  survey: { read: 'anyone', change: COUNCIL_OFFICERS, share: COUNCIL_OFFICERS },
  council_return: { read: 'anyone', change: COUNCIL_OFFICERS, share: COUNCIL_OFFICERS },
  // Peer challenge and the support offer (issue 21). The offer and the improvement budget are public
  // and held by their provider (the sector body, a regional partnership), whose staff change them.
  // A council's request for support is restricted to the provider it asks, the council and whoever
  // asked; the provider's staff answer it and the asker rates it. A peer challenge is held by the
  // sector body: its scoping and drafts are restricted to it, the council and the team (joining a
  // team is a share the council sees); a published report is public; peer challenge managers run it.
  // A peer's details are for the managers who keep the pool and the peer. A mentoring arrangement is
  // the provider's and the council's; what the pair record is confidential to the pair. A saving is
  // held by its council and read, and verified, by the regional partnership. A case study is its
  // writer's until published; peer challenge managers moderate the library.
  support_offer: { read: 'anyone', change: PROVIDERS, share: 'nobody' },
  support_request: { read: 'signed_in', change: Object.freeze([...PROVIDERS, 'performance_officer', 'council_member'] as const), share: 'nobody' },
  // A rating of delivered support is held by the council that had it: its chief executive, members and
  // performance officers each give their own, whoever asked.
  support_rating: { read: 'signed_in', change: Object.freeze(['performance_officer', 'council_member'] as const), share: 'nobody' },
  funding: { read: 'anyone', change: PROVIDERS, share: 'nobody' },
  peer: { read: 'signed_in', change: 'signed_in', share: 'nobody' },
  peer_challenge: { read: 'anyone', change: PROGRAMME, share: PROGRAMME },
  // What a council does about a challenge's recommendations (its actions, the evidence each was done)
  // is read as the challenge's drafts are, and recorded by the managers who run it and by the council's
  // own performance officers (SUBJECT_KEEPS).
  challenge_action: { read: 'signed_in', change: Object.freeze([...PROGRAMME, 'performance_officer'] as const), share: 'nobody' },
  mentoring: { read: 'signed_in', change: PROVIDERS, share: 'nobody' },
  mentoring_note: { read: 'signed_in', change: 'signed_in', share: 'nobody' },
  saving: { read: 'signed_in', change: Object.freeze(['performance_officer', 'regional_partner'] as const), share: 'nobody' },
  case_study: { read: 'anyone', change: Object.freeze(['performance_officer', ...PROVIDERS] as const), share: 'nobody' },
};

/**
 * Roles that read the restricted (never the confidential) records of a kind without a share: the
 * government office and the sector body see agreements in draft, and
 * inspectorates also see reviews' reasons and risks (issue 18); the sector
 * body's advisers, Panel and peer challenge managers see every council's
 * flags, and the Panel and advisers its meetings (issue 19).
 */
const OVERSIGHT: readonly Role[] = Object.freeze(['government_officer', 'principal_adviser', 'regional_partner'] as const);
const WATCHERS: Readonly<Partial<Record<RecordKind, readonly Role[]>>> = {
  agreement: OVERSIGHT,
  target: OVERSIGHT,
  progress_review: Object.freeze([...OVERSIGHT, 'inspector'] as const),
  flag: Object.freeze(['principal_adviser', 'panel_member', 'peer_challenge_manager'] as const),
  panel_meeting: PANEL,
  peer: PROGRAMME,
  saving: Object.freeze(['regional_partner'] as const),
  case_study: PROGRAMME,
};

/**
 * Roles that change the restricted records of a kind without holding or
 * writing them: peer challenge managers keep the peer pool and moderate the
 * library of case studies; the regional partnership verifies councils' savings.
 */
const STEWARDS: Readonly<Partial<Record<RecordKind, readonly Role[]>>> = {
  peer: PROGRAMME,
  saving: Object.freeze(['regional_partner'] as const),
  case_study: PROGRAMME,
};

/**
 * Kinds whose restricted records the council they are about changes (those of its members the grant
 * allows), beside their holder: a council records its own actions on a peer challenge's recommendations.
 */
const SUBJECT_KEEPS: Readonly<Partial<Record<RecordKind, true>>> = { challenge_action: true };

/** Kinds held by partners together: members of the holding organisation and of the organisations it is shared with (the partners) change them at any classification. */
const PARTNERED: Readonly<Partial<Record<RecordKind, true>>> = { agreement: true, target: true, progress_review: true };

/**
 * Kinds an organisation holds alone (a council its surveys, returns, savings and ratings of support; a provider its offer and budget): members of the holding
 * organisation change and share them at any classification, and nobody else but their stewards. A peer of the pool is held by no
 * organisation: only the peer and the pool's stewards change their details, whether or not the peer signs in. So is a person's own
 * rating of support once given: its rater alone changes or withdraws it, not a colleague who may rate too.
 */
const HELD: Readonly<Partial<Record<RecordKind, true>>> = { survey: true, council_return: true, support_offer: true, support_rating: true, funding: true, saving: true, peer: true };

/** Kinds whose restricted and confidential records administrators may read: never intelligence. */
const OVERSEEN: Readonly<Record<RecordKind, boolean>> = {
  service: false,
  session: false,
  area: false,
  metric: false,
  observation: true,
  import_batch: true,
  import_rejection: true,
  comparator_group: false,
  intelligence_item: false,
  share: true,
  audit_event: true,
  organisation: true,
  user: true,
  api_token: true,
  report: false,
  dashboard: false,
  agreement: false,
  target: false,
  progress_review: false,
  flag: false,
  improvement_case: false,
  case_note: false,
  support_package: false,
  panel_meeting: false,
  reminder: false,
  question_set: false,
  survey: false,
  council_return: false,
  support_offer: false,
  support_request: false,
  support_rating: false,
  funding: false,
  peer: false,
  peer_challenge: false,
  challenge_action: false,
  mentoring: false,
  mentoring_note: false,
  saving: false,
  case_study: false,
};

export const DENIAL_REASONS = ['sign_in_required', 'role', 'token_scope', 'not_possible', 'not_in_audience', 'not_author', 'not_shareable', 'no_evidence'] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

export type Decision =
  { readonly allowed: true; /** a read of a restricted or confidential record: the audit trail records it */ readonly audited: boolean } | { readonly allowed: false; readonly reason: DenialReason };

const ALLOW: Decision = Object.freeze({ allowed: true, audited: false });
const ALLOW_AUDITED: Decision = Object.freeze({ allowed: true, audited: true });
const DENIALS = Object.freeze(
  Object.fromEntries(
    ['sign_in_required', 'role', 'token_scope', 'not_possible', 'not_in_audience', 'not_author', 'not_shareable', 'no_evidence'].map((reason) => [reason, Object.freeze({ allowed: false, reason })]),
  ),
) as Readonly<Record<DenialReason, Decision>>;

/**
 * Step 1 alone: whether the viewer may ever do `action` to records of `kind`.
 * Routes ask it first, so that a request without the right role is refused
 * before anything is read.
 */
export function permits(viewer: Viewer, action: Action, kind: RecordKind): Decision {
  const grant = GRANTS[kind][action];
  if (grant === 'nobody') return DENIALS.not_possible;
  if (viewer.kind === 'public') return grant === 'anyone' ? ALLOW : DENIALS.sign_in_required;
  if (!viewer.actions.includes(action)) return DENIALS.token_scope;
  if (grant === 'anyone' || grant === 'signed_in') return ALLOW;
  return grant.includes(viewer.role) ? ALLOW : DENIALS.role;
}

/** The decision: may `viewer` do `action` to `record` at `now` (ms since 1970)? */
export function decide(viewer: Viewer, action: Action, record: GuardedRecord, now: number): Decision {
  const granted = permits(viewer, action, record.kind);
  if (!granted.allowed) return granted;
  const classification = classificationAt(record.classification, record.embargoUntil, now);
  switch (action) {
    case 'read':
      return decideRead(viewer, record, classification);
    case 'change':
      return decideChange(viewer, record, classification);
    case 'share':
      return decideShare(viewer, record, classification);
  }
}

function decideRead(viewer: Viewer, record: GuardedRecord, classification: GuardedRecord['classification']): Decision {
  if (classification === 'public') return ALLOW;
  if (viewer.kind === 'public') return DENIALS.sign_in_required;
  if (classification === 'sector') return ALLOW;
  return inAudience(viewer, record, classification) ? ALLOW_AUDITED : DENIALS.not_in_audience;
}

function decideChange(viewer: Viewer, record: GuardedRecord, classification: GuardedRecord['classification']): Decision {
  // the grant decides: the data hub, organisations, users, sessions; never for records partners hold together, nor those their subject keeps
  if (record.author === null && !PARTNERED[record.kind] && !HELD[record.kind] && !SUBJECT_KEEPS[record.kind]) return ALLOW;
  if (viewer.kind === 'public') return DENIALS.sign_in_required;
  return mayAlter(viewer, record, classification) ? ALLOW : DENIALS.not_author;
}

function decideShare(viewer: Viewer, record: GuardedRecord, classification: GuardedRecord['classification']): Decision {
  if (viewer.kind === 'public') return DENIALS.sign_in_required;
  if (!isClassified(classification)) return DENIALS.not_shareable;
  if (!record.shareable) return DENIALS.no_evidence;
  if (record.author === null && !HELD[record.kind]) return ALLOW; // an early-sight release: the grant (administrators) decides
  return mayAlter(viewer, record, classification) ? ALLOW : DENIALS.not_author;
}

function mayAlter(viewer: UserViewer, record: GuardedRecord, classification: GuardedRecord['classification']): boolean {
  if (record.author === viewer.userId) return true;
  if (PARTNERED[record.kind] && (record.ownerOrganisation === viewer.organisationId || record.sharedWithOrganisations.includes(viewer.organisationId))) return true;
  if (classification === 'restricted' && STEWARDS[record.kind]?.includes(viewer.role)) return true;
  if (classification === 'restricted' && SUBJECT_KEEPS[record.kind] && record.subjectArea !== null && record.subjectArea === viewer.councilArea) return true;
  if (HELD[record.kind]) return record.ownerOrganisation === viewer.organisationId;
  if (classification === 'restricted' && record.ownerOrganisation === viewer.organisationId) return true;
  return viewer.role === 'administrator' && OVERSEEN[record.kind];
}

function inAudience(viewer: UserViewer, record: GuardedRecord, classification: GuardedRecord['classification']): boolean {
  if (record.author === viewer.userId) return true;
  if (record.sharedWithUsers.includes(viewer.userId)) return true;
  if (record.sharedWithOrganisations.includes(viewer.organisationId)) return true;
  if (record.subjectReads && record.subjectArea !== null && record.subjectArea === viewer.councilArea) return true;
  if (classification === 'restricted' && record.ownerOrganisation !== null && record.ownerOrganisation === viewer.organisationId) return true;
  if (classification === 'restricted' && WATCHERS[record.kind]?.includes(viewer.role)) return true;
  return viewer.role === 'administrator' && OVERSEEN[record.kind];
}
