// What the access policy knows of a case and of what it holds: the one place
// their rows become the policy's records. A case is restricted to the sector
// body that holds it and the council it is about, and to those it is shared
// with (a referral); it may be shared once it cites its evidence. A note is
// restricted like its case, or confidential to its author and the readers it
// names, and never read by the council by right.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import type { CaseNote, CitedFlag, CitedItem, ImprovementCase } from '../../../store/cases.ts';
import type { SharedRecord } from '../../platform/access/index.ts';
import { caseRecord as heldCase, flagRecord as councilFlag } from '../../platform/access/case-records.ts';

type Held = Pick<ImprovementCase, 'areaCode' | 'ownerOrganisationId' | 'leadAdviserId' | 'sharedWithOrganisations' | 'sharedWithUsers' | 'evidenceCount'>;

export function caseRecord(c: Held): GuardedRecord {
  return heldCase(c, c.evidenceCount > 0);
}

/** A case the viewer would open, held by their organisation and led by them. */
export function newCaseRecord(areaCode: string, organisationId: number, userId: number): GuardedRecord {
  return caseRecord({ areaCode, ownerOrganisationId: organisationId, leadAdviserId: userId, sharedWithOrganisations: [], sharedWithUsers: [], evidenceCount: 0 });
}

export function noteRecord(c: Held, note: Pick<CaseNote, 'classification' | 'authorId' | 'readers'>): GuardedRecord {
  if (note.classification === 'confidential') {
    return guardedRecord('case_note', 'confidential', { subjectArea: c.areaCode, ownerOrganisation: c.ownerOrganisationId, author: note.authorId, sharedWithUsers: note.readers });
  }
  return guardedRecord('case_note', 'restricted', {
    subjectArea: c.areaCode,
    subjectReads: true,
    ownerOrganisation: c.ownerOrganisationId,
    author: note.authorId,
    sharedWithOrganisations: c.sharedWithOrganisations,
    sharedWithUsers: c.sharedWithUsers,
  });
}

/** A flag is read by the sector body's watchers and the council it is about. */
export function flagRecord(flag: Pick<CitedFlag, 'areaCode'>): GuardedRecord {
  return councilFlag(flag.areaCode);
}

/** An item cited as evidence, guarded as the item itself is: the council never reads a third party's item by right. */
export function itemRecord(item: CitedItem): GuardedRecord {
  return guardedRecord('intelligence_item', item.classification, {
    subjectArea: item.areaCode,
    ownerOrganisation: item.ownerOrganisationId,
    author: item.authorId,
    sharedWithOrganisations: item.sharedWithOrganisations,
    sharedWithUsers: item.sharedWithUsers,
    shareable: item.evidenceCount > 0,
  });
}

/** The case as it is shared: a referral to the Panel, a region or a department. */
export function sharedCase(c: Held & Pick<ImprovementCase, 'id'>): SharedRecord {
  return { kind: 'improvement_case', id: String(c.id), subjectArea: c.areaCode, guarded: caseRecord(c), label: `case ${c.id}` };
}
