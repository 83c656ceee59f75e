// The peer pool's inputs over HTTP: paths, queries and the bodies of a
// booking, a release, a declared conflict and days a peer cannot give,
// checked here and described from the same schemas for the OpenAPI
// document. A peer's own fields are checked together by pool.ts, so that a
// form shows every problem at once.
import { AREA_TYPES } from '../../../domain/area/index.ts';
import { PEER_ROLES } from '../../../domain/peer-challenge/index.ts';
import { fromQuery, fromQueryOr, gssCode, oneOf, recordId, wholeNumber, writtenText, z } from '../../platform/http/input-schema.ts';

const isoDay = (what: string) =>
  z
    .string({ error: 'is required' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `must be the ${what} as YYYY-MM-DD`);
/** A form's checkbox ('true', 'on') or JSON's boolean; absent is false. */
const tick = z.preprocess((v) => (v === 'true' || v === 'on' || v === true ? true : v === undefined || v === '' || v === 'false' || v === false ? false : v), z.boolean());

export const challengePath = z.object({ id: recordId('peer challenge').describe('Peer challenge id.') });
export const peerPath = z.object({ id: recordId('peer').describe('Peer id.') });
export const feedPath = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'is not a feed address')
    .describe("The peer's feed token."),
});

export const poolQuery = z.object({
  role: fromQuery(oneOf(PEER_ROLES)).describe('Only peers of this role.'),
  council: fromQuery(gssCode()).describe('Only peers of this council (GSS code).'),
  skill: fromQuery(z.string()).describe('Only peers with this skill (a focus area).'),
  experience: fromQuery(z.enum(AREA_TYPES)).describe('Only peers who have worked in this kind of council.'),
  party: fromQuery(z.string()).describe('Only member peers of this party.'),
  freeFrom: fromQuery(isoDay('first day')).describe('With freeTo: only peers neither booked nor away on any day of the span.'),
  freeTo: fromQuery(isoDay('last day')).describe('With freeFrom: the last day of the span.'),
  page: fromQueryOr(wholeNumber(1, 100_000), 1).describe('Which page of the peers, from 1 (default 1).'),
  pageSize: fromQueryOr(wholeNumber(1, 200), 50).describe('How many peers a page (default 50, at most 200).'),
});

export const givingQuery = z.object({
  format: fromQuery(oneOf(['json', 'csv'])).describe('csv for a file of one line a council; JSON when absent.'),
});

export const bookingBody = z.object({
  peerId: recordId('peer').describe('The peer to book for the week on site.'),
  lead: tick.optional().default(false).describe("Whether the peer leads the team (a corporate team's lead chief executive)."),
});

export const releaseBody = z.object({
  peerId: recordId('peer').describe('The peer to take off the team.'),
  reason: writtenText(500).describe('Why the peer is released.'),
});

export const conflictBody = z.object({
  councilCode: gssCode().describe('The council (GSS code) the peer is conflicted with.'),
  reason: writtenText(500).describe('Why: a former employer, a relative in post.'),
});

export const withdrawConflictBody = z.object({
  councilCode: gssCode().describe('The council (GSS code) of the declared conflict.'),
  reason: writtenText(500).describe('Why the conflict no longer stands: the relative left, the peer left that council years ago.'),
});
export const withdrawUnavailableBody = z.object({
  reason: z.string().trim().max(500, 'is longer than 500 characters').optional().describe('Why the days are free again, if the peer wishes to say; kept with the withdrawal.'),
});
export const conflictPath = z.object({ id: recordId('peer').describe('Peer id.'), council: gssCode().describe('The council (GSS code) of the declared conflict.') });
export const unavailablePath = z.object({ id: recordId('peer').describe('Peer id.'), span: recordId('days away').describe("The days away's id, as the peer's record lists them.") });

export const unavailableBody = z.object({
  from: isoDay('first day').describe('The first day the peer cannot give.'),
  to: isoDay('last day').describe('The last day the peer cannot give.'),
  reason: z.string().trim().max(500, 'is longer than 500 characters').optional().describe('Why, if the peer wishes to say.'),
});

export const peerBody = z.object({
  name: z.string().describe("The peer's name."),
  role: z.enum(PEER_ROLES).describe('Chief executive, director, councillor (a member peer), specialist or manager.'),
  party: z.string().optional().describe("A member peer's party (required for councillors; none for officers)."),
  councilCode: z.string().optional().describe('The council the peer serves or served (GSS code), whose conflicts they carry.'),
  skills: z.array(z.string()).optional().describe("Skills, as the challenges' focus areas name them."),
  sectorExperience: z.array(z.enum(AREA_TYPES)).optional().describe('Kinds of council the peer has worked in.'),
  userId: z.number().int().optional().describe("The peer's sign-in to Lantern, for their own page and feed."),
});
