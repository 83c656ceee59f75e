// The mentoring feature's inputs over HTTP: the path checked here; bodies
// checked by the domain (src/domain/mentoring), whose refusals name each
// field, and described here for the OpenAPI document.
import { recordId, z } from '../../platform/http/input-schema.ts';

export const arrangementPath = z.object({ id: recordId('mentoring arrangement').describe('Mentoring arrangement id.') });

export const arrangementBody = z.object({
  mentor: z.union([z.number().int(), z.string()]).describe("The mentor's number in the peer pool; a mentor conflicted with the council is refused, naming the conflict."),
  menteeName: z.string().max(200),
  menteeRole: z.enum(['chief_executive', 'leader', 'lead_member']),
  council: z.string().describe("The mentee's council, by GSS code."),
  menteeUser: z.union([z.number().int(), z.string()]).optional().describe("The mentee's user number in Lantern, one of the council's people: who reads the pair's notes and writes the review."),
  objectives: z.union([z.array(z.string().max(1000)), z.string()]).describe('At least one; a string is one objective a line.'),
  startOn: z.string().describe('YYYY-MM-DD.'),
  endOn: z.string().describe('YYYY-MM-DD, not before the start.'),
});

export const sessionBody = z.object({
  heldOn: z.string().describe('YYYY-MM-DD, within the arrangement.'),
  minutes: z.union([z.number().int(), z.string()]).describe('Whole minutes, 5 to 600.'),
  notes: z.string().max(5000).optional().describe('Confidential to the mentor and the mentee.'),
  objectiveNotes: z
    .array(z.object({ objective: z.number().int().min(1), note: z.string().max(5000) }))
    .optional()
    .describe('Notes on objectives by their number; confidential to the pair.'),
});

export const reviewBody = z.object({
  helpful: z.enum(['yes', 'partly', 'no']),
  whatChanged: z.string().max(5000),
});
