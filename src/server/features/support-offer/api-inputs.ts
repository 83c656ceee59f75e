// The support offer's inputs over HTTP: paths and query checked here; the
// bodies are checked by the use-cases and the domain (src/domain/peer-challenge),
// whose refusals name each field, and described here for the OpenAPI document.
import { fromQuery, gssCode, recordId, z } from '../../platform/http/input-schema.ts';

export const requestPath = z.object({ id: recordId('request').describe('Request id.') });
export const ratingPath = z.object({ id: recordId('request').describe('Request id.'), rating: recordId('rating').describe("Your rating's id (ownRatings in the request).") });
export const budgetPath = z.object({ id: recordId('budget').describe('Budget id.') });
export const allocationPath = z.object({ id: recordId('allocation').describe('Allocation id.') });
export const councilPath = z.object({ code: gssCode().describe("The council's GSS code.") });

export const requestsQuery = z.object({
  council: fromQuery(gssCode()).describe("A council's GSS code: its requests that you may read (your own council's, or those held by your organisation, when absent)."),
});

const day = z.string().describe('A day, YYYY-MM-DD; today in London when absent.');

export const askBody = z.object({
  offerId: z.string().describe("The offer's id on the menu (data/support-offer/offers.json)."),
  council: z.string().optional().describe("Your council's GSS code; your own council when absent."),
  requestedOn: day.optional(),
  note: z.string().max(2000).optional().describe('What the council hopes for, for the provider.'),
});

export const answerBody = z.object({ on: day.optional() });
export const declineBody = z.object({ on: day.optional(), reason: z.string().max(2000).describe('Why the request is declined: always said.') });

export const ratingBody = z.object({
  helpful: z
    .enum(['strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree'])
    .describe('"It has been helpful": how far you agree. Given in your own name; each person rates a request once.'),
});

export const ratingChangeBody = z.object({
  helpful: z
    .enum(['strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree'])
    .describe("Your new answer; the one before is kept in the request's ratingChanges. A rating you withdrew is given again."),
});

const pounds = z.union([z.number(), z.string()]).describe('Pounds, to the penny.');

export const budgetBody = z.object({
  theme: z.string().max(200),
  year: z.string().describe('A financial year, such as 2009/10.'),
  amount: pounds,
  carriedForward: pounds.optional().describe('Sums carried forward from earlier years, in pounds; 0 when absent.'),
});

export const allocationBody = z.object({
  recipient: z.object({ kind: z.enum(['project', 'council']), name: z.string().max(200), councilCode: z.string().optional().describe('The council, for an allocation to one.') }),
  amount: pounds.describe('Pounds above 0, and no more than is unallocated.'),
  decidedBy: z.string().max(200).describe('Who decided: the management group.'),
  decidedOn: z.string().describe('The day of the decision, YYYY-MM-DD.'),
  decision: z.string().max(2000).describe('The decision, as minuted.'),
  startsOn: z.string().optional(),
  endsOn: z.string().optional().describe('Not before startsOn.'),
});

const revision = z
  .union([z.number().int().min(1), z.string()])
  .describe("The budget's (or allocation's) revision you read: a change made since is refused with 409, naming each change after it, who made it and when.");
export const budgetChangeBody = budgetBody.partial().extend({ revision });
export const allocationChangeBody = allocationBody.partial().extend({ revision });

export const spendBody = z.object({ amount: pounds.describe('Pounds, 0 or more.'), spentOn: day.optional(), note: z.string().max(500).optional() });
