// What the access policy knows of the risk view's records: a flag is
// restricted to the sector body's advisers, the Panel and peer challenge
// managers (the policy's watchers of flags) and to the council it is about;
// an item is the intelligence item the policy already guards.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import type { RiskItem } from '../../../store/risk-reads.ts';

export function flagRecord(area: string): GuardedRecord {
  return guardedRecord('flag', 'restricted', { subjectArea: area, subjectReads: true });
}

/** A flag about no council in particular: only those who watch every council's flags may read it, so it asks whether the viewer sees councils side by side. */
export const ANY_COUNCILS_FLAG: GuardedRecord = guardedRecord('flag', 'restricted');

export function itemRecord(item: RiskItem): GuardedRecord {
  return guardedRecord('intelligence_item', item.classification, {
    subjectArea: item.subjectArea,
    ownerOrganisation: item.ownerOrganisationId,
    author: item.authorId,
    sharedWithOrganisations: item.sharedWithOrganisations,
    sharedWithUsers: item.sharedWithUsers,
    shareable: item.shareable,
  });
}
