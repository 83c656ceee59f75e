// The peer challenge feature's inputs over HTTP: the path checked here; the
// bodies checked by the domain's lifecycle, whose refusals name each field,
// and described here for the OpenAPI document.
import { recordId, z } from '../../platform/http/input-schema.ts';
import { CHALLENGE_KINDS, STAGES } from '../../../domain/peer-challenge/index.ts';
import { LATER_STEPS } from './challenges.ts';

export const challengePath = z.object({ id: recordId('peer challenge').describe('Peer challenge id.') });

export const programmeQuery = z.object({
  kind: z.enum(CHALLENGE_KINDS).optional().describe('Only councils whose last challenge is of this kind (its gaps too).'),
  stage: z
    .enum([...STAGES, 'none'])
    .optional()
    .describe("Only councils whose last challenge is at this stage; 'none' for councils with none on record."),
  overdue: z.literal('yes').optional().describe('Only councils with an overdue item.'),
  council: z.string().max(100).optional().describe('Only councils whose name holds this.'),
  show: z
    .enum(['attention', 'all'])
    .optional()
    .describe(
      "'attention' for only the councils that need attention (a challenge overdue or due within the next year by the cadence rules, where the programme holds the council's history; or an item of an open challenge overdue); 'all', the default, for every council.",
    ),
});

const revision = z.number().int().min(1).describe('The revision the challenge was read at: a stale one is refused (409).');

export const enquiryBody = z.object({
  councilCode: z.string().describe("The council's GSS code."),
  kind: z.enum(CHALLENGE_KINDS),
  enquiredOn: z.string().describe('The day of the enquiry, YYYY-MM-DD.'),
});

export const scopeBody = z.object({ focusAreas: z.array(z.string()).describe("The focus areas' codes; the kind's required areas cannot be dropped."), revision });
export const weekBody = z.object({ from: z.string().describe('First day on site, YYYY-MM-DD.'), to: z.string().describe('Last day on site, YYYY-MM-DD (up to four days).'), revision });
export const stepBody = z.object({
  step: z.enum(LATER_STEPS),
  on: z.string().optional().describe('The day it happened, YYYY-MM-DD (not for confirm_team).'),
  reason: z.string().optional().describe('Why it closes: needed before the progress review.'),
  revision,
});

export const recommendationPath = challengePath.extend({ recommendation: recordId('recommendation').describe('Recommendation id.') });
export const actionPath = challengePath.extend({ action: recordId('action').describe('Action id.') });
export const publicationPath = challengePath.extend({ publication: recordId('publication').describe('Published version id.') });
export const findingBody = z.object({
  finding: z.string().describe('What the team found, up to 4,000 characters.'),
  metrics: z.array(z.string()).optional().describe("Codes of the metric library's metrics it cites; each is read since the week on site."),
});
export const recommendationBody = z.object({ recommendation: z.string().describe('The recommendation, up to 2,000 characters.') });
export const actionBody = z.object({
  action: z.string().describe('What the council will do, up to 2,000 characters.'),
  dueOn: z.string().optional().describe('When it is due, YYYY-MM-DD.'),
});
export const evidenceBody = z.object({ evidence: z.string().describe('What shows it was done, up to 2,000 characters.'), doneOn: z.string().describe('The day it was done, YYYY-MM-DD.') });
export const publicationBody = z.object({
  document: z.enum(['report', 'action_plan']),
  body: z.string().describe('The text to publish, up to 100,000 characters: a new version, frozen, superseding any before.'),
});
