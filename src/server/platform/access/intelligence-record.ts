// What the access policy knows of an intelligence item: the one place its row
// becomes the policy's record, for the intelligence pages and API and for
// every other feature that shows items (a council's timeline).
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import type { IntelligenceItem } from '../../../store/intelligence.ts';

type Guarded = Pick<IntelligenceItem, 'classification' | 'subjectArea' | 'ownerOrganisationId' | 'authorId' | 'sharedWithOrganisations' | 'sharedWithUsers' | 'shareable'>;

export function intelligenceRecord(item: Guarded): GuardedRecord {
  return guardedRecord('intelligence_item', item.classification, {
    subjectArea: item.subjectArea,
    ownerOrganisation: item.ownerOrganisationId,
    author: item.authorId,
    sharedWithOrganisations: item.sharedWithOrganisations,
    sharedWithUsers: item.sharedWithUsers,
    shareable: item.shareable,
  });
}
