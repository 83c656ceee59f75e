// What the access policy knows of the risk view's records: a flag is
// restricted to the sector body's advisers, the Panel and peer challenge
// managers (the policy's watchers of flags) and to the council it is about;
// an item is the intelligence item the policy already guards. Both guards
// are the platform's, shared with every feature that shows them.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';

export { flagRecord } from '../../platform/access/case-records.ts';
export { intelligenceRecord as itemRecord } from '../../platform/access/intelligence-record.ts';

/** A flag about no council in particular: only those who watch every council's flags may read it, so it asks whether the viewer sees councils side by side. */
export const ANY_COUNCILS_FLAG: GuardedRecord = guardedRecord('flag', 'restricted');
