// What the access policy knows of an intelligence item and of a share: the
// one place their rows become the policy's records.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import type { IntelligenceItem } from '../../../store/intelligence.ts';
import type { Share } from '../../../store/shares.ts';

export function intelligenceRecord(item: IntelligenceItem): GuardedRecord {
  return guardedRecord('intelligence_item', item.classification, {
    subjectArea: item.subjectArea, ownerOrganisation: item.ownerOrganisationId, author: item.authorId,
    sharedWithOrganisations: item.sharedWithOrganisations, sharedWithUsers: item.sharedWithUsers, shareable: item.shareable,
  });
}

/**
 * A share is read by the council it is about, the sharer and their
 * organisation, and the recipient. That early sight of a release went to a
 * partner (a share about no one council) is open to every signed-in user.
 */
export function shareRecord(share: Share): GuardedRecord {
  return guardedRecord('share', share.subjectArea === null ? 'sector' : 'restricted', {
    subjectArea: share.subjectArea, subjectReads: true, author: share.sharedBy, ownerOrganisation: share.sharedByOrganisationId,
    sharedWithOrganisations: share.withOrganisationId === null ? [] : [share.withOrganisationId],
    sharedWithUsers: share.withUserId === null ? [] : [share.withUserId],
  });
}
