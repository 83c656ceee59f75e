// The release path's inputs: the paths of a council's calendar and of one
// metric's release, and the body of a rule. The rule itself is read by the
// domain (checkReleaseRule), which names the field of each problem.
import { gssCode, metricCode, recordId, z } from '../../platform/http/input-schema.ts';

export const councilPath = z.object({ area: gssCode().describe("The council's area (GSS code).") });

export const releasePath = councilPath.extend({ metric: metricCode().describe('The metric whose held values the rule is for.') });

export const releaseSharePath = releasePath.extend({ shareId: recordId('share') });

export const ruleBody = z
  .object({
    kind: z.enum(['private', 'public_from', 'public_after_period']).describe('private, public from an instant, or public a span of months after the end of the period.'),
    publicFrom: z.string().optional().describe('For public_from: the instant, ISO 8601 with its zone.'),
    monthsAfter: z.number().int().min(0).max(120).optional().describe('For public_after_period: whole months after the end of the period (12 for a year).'),
  })
  .describe("A council's release rule for one metric.");
