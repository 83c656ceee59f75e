// What the access policy knows of the support offer's records: a council's
// request is restricted to the provider it asks (the organisation that holds
// it), the council it is about and whoever asked; a budget is public and
// held by the provider whose management group allocates it. A request asked
// by no one in Lantern (the demo's) names no author, and the policy lets
// whoever the grant allows change a record without one: so it is described
// with an author no user is (ids start at 1), and its holder's staff alone
// change it. A rating of delivered support is held by the council that had
// it: each of its people who may ask for support rates it once, in their own
// name, and the provider reads it. A rating once given is its rater's own:
// held by no organisation, so that they alone change or withdraw it (as a
// peer's details are the peer's), read as the council's ratings are.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';

const NO_ONE = 0;

export function requestRecord(request: { readonly councilCode: string; readonly organisationId: number; readonly requestedBy: number | null }): GuardedRecord {
  return guardedRecord('support_request', 'restricted', {
    subjectArea: request.councilCode,
    subjectReads: true,
    ownerOrganisation: request.organisationId,
    author: request.requestedBy ?? NO_ONE,
  });
}

export function fundingRecord(budget: { readonly organisationId: number }): GuardedRecord {
  return guardedRecord('funding', 'public', { ownerOrganisation: budget.organisationId });
}

/** The policy's record of a person's rating of a request: held by the council's organisation (null where Lantern has none, so no one rates), read by the provider. */
export function ratingRecord(request: { readonly councilCode: string; readonly organisationId: number }, councilOrganisation: number | null): GuardedRecord {
  return guardedRecord('support_rating', 'restricted', {
    subjectArea: request.councilCode,
    subjectReads: true,
    ownerOrganisation: councilOrganisation,
    author: NO_ONE,
    sharedWithOrganisations: [request.organisationId],
  });
}

/** The policy's record of one person's own rating: its rater changes or withdraws it, and no colleague; the council and the provider read it. */
export function ownRatingRecord(request: { readonly councilCode: string; readonly organisationId: number }, ratedBy: number | null): GuardedRecord {
  return guardedRecord('support_rating', 'restricted', {
    subjectArea: request.councilCode,
    subjectReads: true,
    ownerOrganisation: null,
    author: ratedBy ?? NO_ONE,
    sharedWithOrganisations: [request.organisationId],
  });
}
