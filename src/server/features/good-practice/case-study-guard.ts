// What the access policy knows of a case study, and how far a reader reaches
// in the library's search, worked out from the policy itself: the store
// filters search results in SQL by `readerOf`, and a test holds that filter
// to the policy's answer for every role and state.
import { guardedRecord, type GuardedRecord, type Viewer } from '../../../domain/access/index.ts';
import { classificationOf, type ModerationState } from '../../../domain/good-practice/index.ts';
import type { CaseStudyReader } from '../../../store/case-studies.ts';

/** A case study as the policy sees it: its writer's, held by their organisation, classified by its state. */
export function caseStudyRecord(study: { readonly state: ModerationState; readonly authorId: number | null; readonly organisationId: number; readonly councils?: readonly string[] }): GuardedRecord {
  return guardedRecord('case_study', classificationOf(study.state), {
    author: study.authorId,
    ownerOrganisation: study.organisationId,
    subjectArea: study.councils?.[0] ?? null,
  });
}

/** No one's: a case study in moderation that neither the reader nor their organisation holds. */
const ANOTHERS_IN_MODERATION = guardedRecord('case_study', classificationOf('submitted'), { author: -1, ownerOrganisation: -1 });

/** How far the viewer reads in the library, asked of the policy: a moderator is one who reads another's case study in moderation. */
export function readerOf(viewer: Viewer, decide: (record: GuardedRecord) => boolean): CaseStudyReader {
  if (viewer.kind === 'public') return { kind: 'public' };
  return { kind: 'user', userId: viewer.userId, organisationId: viewer.organisationId, moderator: decide(ANOTHERS_IN_MODERATION) };
}

/** Whether the viewer moderates the library: may change a case study in moderation that is not theirs. */
export function moderates(decide: (action: 'change', record: GuardedRecord) => boolean): boolean {
  return decide('change', ANOTHERS_IN_MODERATION);
}
