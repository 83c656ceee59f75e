// What the access policy knows of a council's own data: the one place a
// survey's or a return's row becomes the policy's record, for every feature
// that shows it (surveys, returns, the release path). Each is held by its
// council: restricted to the council's organisation, read by the council it
// is about, shared with the organisations its release rule names, and public
// from the rule's instant (the embargo). The release path supplies the shares
// and the instant; until it does, a record is private to its council.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';

/** What a survey's or a return's row says of who holds it and how far it is released. */
export interface CouncilHolding {
  /** The council's area (GSS code): its members read what is about it. */
  readonly areaCode: string;
  /** The council's organisation, which holds the record. */
  readonly ownerOrganisationId: number;
  /** Organisations the release rule shares it with before it is public. */
  readonly sharedWithOrganisations?: readonly number[];
  /** The instant (ms since 1970) from which it is public; null or absent while private. */
  readonly releasedFrom?: number | null;
}

export function councilReturnRecord(held: CouncilHolding): GuardedRecord {
  return guardedRecord('council_return', 'restricted', holding(held));
}

export function surveyRecord(held: CouncilHolding): GuardedRecord {
  return guardedRecord('survey', 'restricted', holding(held));
}

function holding(held: CouncilHolding) {
  return {
    subjectArea: held.areaCode,
    subjectReads: true,
    ownerOrganisation: held.ownerOrganisationId,
    sharedWithOrganisations: held.sharedWithOrganisations ?? [],
    embargoUntil: held.releasedFrom ?? null,
    // a council may always share its own data early; the release rule names whom with
    shareable: true,
  };
}
