// What the access policy knows of early warning's records: the one place
// each row becomes the policy's record, for every feature that shows it. A
// council's flags are read by the sector body's watchers and the council
// itself (the risk view, a case's evidence, the timeline, the area page's
// links). A case is restricted to the sector body that holds it and the
// council it is about, and to those it is shared with (a referral); its
// support package is guarded as the case. A Panel meeting is restricted to
// the body that holds it, read by the Panel and the advisers.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';

/** What a case's row says of who holds it and whom it is shared with. */
export interface CaseHolding {
  readonly areaCode: string;
  readonly ownerOrganisationId: number;
  readonly leadAdviserId: number;
  readonly sharedWithOrganisations: readonly number[];
  readonly sharedWithUsers: readonly number[];
}

export function flagRecord(areaCode: string): GuardedRecord {
  return guardedRecord('flag', 'restricted', { subjectArea: areaCode, subjectReads: true });
}

/** A case; it may be shared (referred) once it cites its evidence. */
export function caseRecord(held: CaseHolding, shareable: boolean): GuardedRecord {
  return guardedRecord('improvement_case', 'restricted', { ...holding(held), shareable });
}

export function packageRecord(held: CaseHolding): GuardedRecord {
  return guardedRecord('support_package', 'restricted', holding(held));
}

export function panelMeetingRecord(ownerOrganisationId: number): GuardedRecord {
  return guardedRecord('panel_meeting', 'restricted', { ownerOrganisation: ownerOrganisationId });
}

function holding(held: CaseHolding) {
  return {
    subjectArea: held.areaCode,
    subjectReads: true,
    ownerOrganisation: held.ownerOrganisationId,
    author: held.leadAdviserId,
    sharedWithOrganisations: held.sharedWithOrganisations,
    sharedWithUsers: held.sharedWithUsers,
  };
}
