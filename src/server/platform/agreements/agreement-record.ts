// What the access policy reads of an agreement, its targets and its reviews:
// a draft is restricted to the council that holds it and its partners'
// organisations (the policy adds the roles that oversee agreements); from
// sign-off the agreement and its targets are public. Reasons and risks stay
// restricted unless a review is published. Also the one answer to a stale
// edit: 409, naming who changed the record since it was read.
import { guardedRecord, type GuardedRecord, type RecordKind } from '../../../domain/access/index.ts';
import type { AgreementStatus } from '../../../domain/targets/index.ts';
import type { Agreement } from '../../../store/agreements.ts';
import { HttpError } from '../http/http-error.ts';

type Held = Pick<Agreement, 'status' | 'organisationId' | 'areas' | 'partners'>;

/** An agreement the viewer would record: a draft held by their organisation, which they may record when they may change it. */
export function newAgreementRecord(organisationId: number): GuardedRecord {
  return agreementRecord({ status: 'draft', organisationId, areas: [], partners: [] });
}

/** Signed off, in refresh or closed: what was signed is public. */
export function isSigned(status: AgreementStatus): boolean {
  return status === 'signed_off' || status === 'in_refresh' || status === 'closed';
}

function held(kind: RecordKind, agreement: Held, published: boolean): GuardedRecord {
  return guardedRecord(kind, published ? 'public' : 'restricted', {
    subjectArea: agreement.areas[0] ?? null,
    ownerOrganisation: agreement.organisationId,
    sharedWithOrganisations: agreement.partners.flatMap((p) => (p.organisationId === null ? [] : [p.organisationId])),
  });
}

export function agreementRecord(agreement: Held): GuardedRecord {
  return held('agreement', agreement, isSigned(agreement.status));
}

export function targetRecord(agreement: Held): GuardedRecord {
  return held('target', agreement, isSigned(agreement.status));
}

/** Recording a review: asked of the agreement as it stands, so that on a signed-off agreement anyone else is told why (403), not answered 404. */
export function reviewRecord(agreement: Held): GuardedRecord {
  return held('progress_review', agreement, isSigned(agreement.status));
}

/** An agreement's working copy, read as its drafts are: while it is in refresh, others read the version last signed off. */
export function draftRecord(agreement: Held): GuardedRecord {
  return held('agreement', agreement, false);
}

/** A review's narrative and risks, and a target's reason for being worse than its baseline: public only when published. */
export function reasonsRecord(agreement: Held, published = false): GuardedRecord {
  return held('progress_review', agreement, published);
}

/** Refuses a change made from an older reading than the record's, naming who changed it and when. */
export function refuseStale(what: string, given: number, current: { revision: number; updatedBy: string; updatedAt: Date }): void {
  if (given === current.revision) return;
  throw new HttpError(
    409,
    'stale',
    `'revision': ${what} was changed by ${current.updatedBy} at ${current.updatedAt.toISOString()} since you read it (revision ${given}, now ${current.revision}): read it again and make your change to that`,
    { problems: [{ field: 'revision', message: `changed by ${current.updatedBy} since you read it` }], changedBy: current.updatedBy, revision: current.revision },
  );
}
