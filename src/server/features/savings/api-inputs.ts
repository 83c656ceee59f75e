// The savings feature's inputs over HTTP: paths checked here; bodies checked
// by the domain's checkSaving (each refusal naming its field) and described
// here for the OpenAPI document.
import { gssCode, recordId, z } from '../../platform/http/input-schema.ts';

export const savingPath = z.object({ id: recordId('saving').describe('Saving id.') });
export const councilPath = z.object({ code: gssCode().describe("The council's GSS code.") });

const evidence = z
  .union([
    z.object({ kind: z.literal('document'), reference: z.string().describe('The document that shows the saving: its title, reference or address.') }),
    z.object({ kind: z.literal('observation'), metricCode: z.string(), areaCode: z.string(), period: z.string().describe('A period such as 2009/10.') }),
  ])
  .describe('What shows the saving: a document, or an observation in the hub. Needed once evidenced.');

export const savingBody = z.object({
  council: z.string().optional().describe("The council's GSS code; your own council's when absent."),
  year: z.string().describe('The financial year the saving is first made in, such as 2009/10.'),
  amount: z.union([z.number(), z.string()]).describe('Pounds a year; never negative.'),
  cashReleasing: z.union([z.boolean(), z.enum(['yes', 'no'])]),
  lastsFullYears: z.union([z.number().int(), z.string()]).describe('Full financial years the saving lasts; the rule counts those lasting at least two.'),
  source: z.enum(['shared_service', 'procurement', 'support_given', 'service_redesign', 'other']),
  description: z.string().max(2000),
  status: z.enum(['estimated', 'claimed', 'evidenced']).optional().describe('Estimated when absent; only a regional partner verifies, later.'),
  evidence: evidence.optional(),
});

export const moveBody = z.object({
  status: z.enum(['claimed', 'evidenced', 'verified']).describe('The council moves its saving to claimed or evidenced; a regional partner to verified, named as the verifier.'),
  evidence: evidence.optional().describe('The evidence, when moving to evidenced; the saving’s own when absent.'),
  revision: z.number().int().optional().describe('The revision read; a saving moved since answers 409.'),
});
