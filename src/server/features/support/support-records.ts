// What the access policy reads of a package and of the Panel. A package is
// guarded as its case: restricted to the sector body that holds the case and
// the council it is about, with the case's shares (a referral to the Panel
// opens it to the Panel's organisation), changed by the body's advisers and
// written by the lead adviser. A Panel meeting is restricted to the body
// that holds it, read and changed by the Panel and the advisers. An agenda
// item taken in private is confidential: open to the holding body and to
// the organisations the case was referred to, never to the council, each
// read audited.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import type { PanelMeeting } from '../../../store/panel.ts';
import type { CaseHeld } from '../../../store/support-packages.ts';
import { panelMeetingRecord } from '../../platform/access/case-records.ts';

export { packageRecord } from '../../platform/access/case-records.ts';

export function meetingRecord(meeting: Pick<PanelMeeting, 'ownerOrganisationId'>): GuardedRecord {
  return panelMeetingRecord(meeting.ownerOrganisationId);
}

/** A confidential item, about a case or not: the holding body, and the organisations its case was referred to. */
export function privateItemRecord(meeting: Pick<PanelMeeting, 'ownerOrganisationId'>, held: Pick<CaseHeld, 'sharedWithOrganisations' | 'sharedWithUsers'> | undefined): GuardedRecord {
  return guardedRecord('panel_meeting', 'confidential', {
    ownerOrganisation: meeting.ownerOrganisationId,
    sharedWithOrganisations: [meeting.ownerOrganisationId, ...(held?.sharedWithOrganisations ?? [])],
    sharedWithUsers: held?.sharedWithUsers ?? [],
  });
}
