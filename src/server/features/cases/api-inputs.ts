// The cases feature's inputs, one schema each: the API, the pages and the
// command line are checked by these. What needs the store (whether a flag is
// the council's, whether a case is already open, whether the reading is
// stale) or the domain's rules of the five outcomes is decided after.
import { STRANDS } from '../../../domain/improvement/index.ts';
import { flag, gssCode, isoDay, oneOf, paging, recordId, wholeNumber, writtenText, z } from '../../platform/http/input-schema.ts';

const isoDate = () => isoDay('2026-11-02');

const revision = () => wholeNumber(1, 2_147_483_647).describe('The revision read before this change; a case changed since is refused with 409.');
const strands = () =>
  z
    .array(oneOf(STRANDS, STRANDS.join(', ')))
    .min(1, 'must name at least one strand: corporate, childrens or adults')
    .max(3);
const liaison = z.object({ name: writtenText(200), role: writtenText(200) });
const ids = (what: string) => z.array(recordId(what)).max(200);

export const casePath = z.object({ id: recordId('case') });
export const stepPath = z.object({ id: recordId('case'), step: recordId('next step') });
export const areaPath = z.object({ code: gssCode() });

export const caseBody = z.object({
  area: gssCode().describe('The council the case is about.'),
  strands: strands(),
  summary: writtenText(4000).describe('What the conversation is about, in a sentence or two.'),
  flags: ids('flag').optional().describe('Early warning flags about the council that the case cites.'),
  items: ids('intelligence item').optional().describe('Items of intelligence, with their evidence, that the case cites.'),
  councilRequest: writtenText(4000).optional().describe("The council's own words, when it asked for help."),
  leadAdviser: recordId('user').optional().describe('The principal adviser who leads it; whoever opens it by default.'),
  liaisedWith: z.array(liaison).max(50).optional(),
});

export const caseChangeBody = z.object({
  revision: revision(),
  strands: strands().optional(),
  summary: writtenText(4000).optional(),
  flags: ids('flag').optional().describe('Further flags to cite.'),
  items: ids('intelligence item').optional().describe('Further items to cite.'),
  leadAdviser: recordId('user').optional(),
  liaisedWith: z.array(liaison).max(50).optional(),
});

const noteFields = {
  body: writtenText(20_000),
  classification: oneOf(['restricted', 'confidential'] as const),
  readers: ids('user').optional().describe('Who, besides its author, reads a confidential note.'),
};
export const noteBody = z.object({ ...noteFields, meeting: recordId('meeting').optional() });

const attendee = z.object({ name: writtenText(200), role: writtenText(200), organisation: writtenText(200) });
const stepFields = {
  action: writtenText(2000),
  owner: writtenText(200).describe('Who does it.'),
  ownerUser: recordId('user').optional().describe('The owner as a user of Lantern, who is reminded when it is overdue.'),
  dueOn: isoDate(),
};
export const stepBody = z.object({ ...stepFields, meeting: recordId('meeting').optional() });
export const stepDoneBody = z.object({ doneOn: isoDate().optional() });

export const meetingBody = z.object({
  heldOn: isoDate(),
  attendees: z.array(attendee).min(1, 'must name at least one person who attended').max(50),
  chiefExecutiveLevel: flag().describe('Whether it was held at Chief Executive level, as it normally is.'),
  note: z.object(noteFields).optional(),
  nextSteps: z.array(z.object(stepFields)).max(50).optional(),
});

const text = () => z.string().max(4000, 'is longer than 4000 characters').optional();
export const outcomeBody = z.object({
  outcome: z.string({ error: 'is required: one of the five outcomes' }),
  reason: text(),
  decidedOn: isoDate().optional(),
  correction: text(),
  reviewOn: isoDate().optional(),
  lightTouch: text(),
  differenceOfView: text(),
  nextDiscussionOn: isoDate().optional(),
  councilView: text(),
});

export const eventBody = z.object({
  kind: z.string({ error: 'is required' }),
  description: writtenText(4000),
  startsOn: isoDate(),
  endsOn: isoDate().optional(),
  months: wholeNumber(1, 120).optional().describe('A Best Value Notice runs 6 or 12 months.'),
  renews: recordId('event').optional().describe('The event of this case that this one renews.'),
});

const evidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flag_cleared'), flagId: recordId('flag') }),
  z.object({ kind: z.literal('milestones_met'), packageId: recordId('support package') }),
  z.object({ kind: z.literal('significant_improvement'), metric: writtenText(100), from: writtenText(40), to: writtenText(40), note: writtenText(2000) }),
]);

export const closeBody = z.object({
  revision: revision(),
  closure: z.string({ error: 'is required: improved, explained, escalated or withdrawn' }),
  reason: text(),
  closedOn: isoDate().optional(),
  evidence: z.array(evidence).max(50).optional(),
});

export const caseSharePath = z.object({ id: recordId('case'), shareId: recordId('share') });
export const caseListQuery = z.object({ ...paging(100, 1000) });
