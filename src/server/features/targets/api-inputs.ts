// The targets feature's inputs, one schema each: the use-cases check the
// API's fields, a CSV line's and the command line's with these, and the
// OpenAPI document describes the bodies from them. What needs the store
// (whether a metric, area or partner exists, whether the agreement is signed
// off, whether the reading is stale) the use-cases decide after.
import { AGREEMENT_KINDS, INDICATOR_ROLES, LIKELIHOODS, PARTNER_KINDS, TARGET_KINDS, TRAJECTORY_SHAPES } from '../../../domain/targets/index.ts';
import { figure, fromQuery, gssCode, isoDay, metricCode, oneOf, recordId, wholeNumber, writtenText, z } from '../../platform/http/input-schema.ts';

const isoDate = () => isoDay('2010-03-31');

/** The reading a change was made from: a change to a record changed since is refused (409). */
const revision = () => wholeNumber(1, 2_147_483_647).describe('The revision read before this change; a record changed since is refused with 409.');

const partner = z.object({
  kind: oneOf(PARTNER_KINDS, PARTNER_KINDS.join(', ')),
  name: writtenText(200),
  organisation: recordId('organisation').optional().describe("The partner's organisation in Lantern, whose members then read the drafts."),
});

export const agreementBody = z.object({
  kind: oneOf(AGREEMENT_KINDS, AGREEMENT_KINDS.join(', ')),
  title: writtenText(200),
  firstYear: writtenText(20).describe("The plan's first year: '2008/09'."),
  lastYear: writtenText(20).describe("The plan's last year: '2010/11'."),
  areas: z.array(gssCode()).min(1, 'must name at least one area').max(500),
  partners: z.array(partner).min(1, 'must name at least one partner, the lead').max(50),
  designatedCap: wholeNumber(0, 500).optional().describe('Designated targets allowed (35 by default, as in 2008).'),
  status: oneOf(['draft', 'negotiation'] as const)
    .optional()
    .describe('Draft or in negotiation; sign-off and refresh have their own routes.'),
  rewardRule: z
    .unknown()
    .optional()
    .describe('How the reward is shared at the end: { version, partFromShare } (from 0.6 of the improvement sought by default, as in 2008); kept as it is when absent from a change.'),
});

const pointValue = z.object({ period: writtenText(20), value: figure() });

/** Who proposed and who approved a change to a signed-off target, and why: the annual refresh's record (2008: none without reasons and approval). */
export const refreshChange = z.object({
  reason: writtenText(2000),
  proposedBy: writtenText(200),
  approvedBy: writtenText(200),
  changedOn: isoDate(),
});

export const agreementChangeBody = agreementBody.extend({
  revision: revision(),
  change: refreshChange.optional().describe("In a refresh: why the agreement's fields change, who proposed and who approved it."),
});

export const targetBody = z.object({
  reference: writtenText(40).describe("The target's reference number, 'NI 56'."),
  metric: metricCode(),
  areas: z.array(gssCode()).min(1).max(500).optional().describe("Some of the agreement's areas; all of them when absent."),
  kind: oneOf(TARGET_KINDS, TARGET_KINDS.join(', ')),
  indicatorRole: oneOf(INDICATOR_ROLES, INDICATOR_ROLES.join(', ')).optional().describe('performance (judged against a target) by default.'),
  baseline: pointValue.nullable().optional().describe('Absent for a placeholder awaiting its baseline.'),
  targetPeriod: writtenText(20),
  targetValue: figure().nullable().optional(),
  trajectoryShape: oneOf(TRAJECTORY_SHAPES, TRAJECTORY_SHAPES.join(', ')).optional().describe('straight by default: the points are drawn from baseline to target.'),
  trajectory: z.array(pointValue).max(200).optional().describe('Each year or quarter to the target, the last the target; drawn when straight.'),
  leadPartner: writtenText(200).describe("The lead partner's name, as the agreement lists it."),
  contributingPartners: z.array(writtenText(200)).max(50).optional(),
  toleranceRule: z.unknown().describe('The rule that rates it: { kind: absolute | relative | statistical | two_bands, version, … }.'),
  placeholderDue: isoDate().nullable().optional().describe('For a placeholder: when its definition or baseline is due.'),
  worseThanBaselineReason: writtenText(2000).nullable().optional(),
  replacesTarget: recordId('target').nullable().optional().describe('The target this one continues, when its metric was replaced.'),
});

export const targetChangeBody = targetBody.partial().extend({ revision: revision(), change: refreshChange.optional() });

export const signOffBody = z.object({ revision: revision() });

/** Closing an agreement: the date its targets' outcomes are frozen at, from the latest reading. */
export const closeBody = z.object({
  revision: revision(),
  closedOn: isoDate().describe("The date the agreement closes and its outcomes are frozen at: on or after the plan's last year ends, and not in the future."),
});

export const reviewBody = z.object({
  reviewedOn: isoDate(),
  likelihood: oneOf(LIKELIHOODS, LIKELIHOODS.join(', ')),
  narrative: z.string().optional().describe('Why: required with every likelihood.'),
  actions: z
    .array(z.object({ id: writtenText(40).optional(), action: writtenText(1000), owner: writtenText(200), due: isoDate() }))
    .max(50)
    .optional(),
  risks: writtenText(5000).nullable().optional(),
  published: z.boolean().optional().describe('Publish the narrative and risks with the ratings.'),
});

export const agreementPath = z.object({ id: recordId('agreement').describe('Agreement id.') });
export const targetPath = z.object({ id: recordId('agreement').describe('Agreement id.'), targetId: recordId('target').describe('Target id.') });

export const targetReadPath = z.object({
  id: recordId('agreement').describe('Agreement id.'),
  targetId: writtenText(40).describe("Target id, or its reference or a former one ('NI 56')."),
});

export const newTargetBody = targetBody.extend({ change: refreshChange.optional().describe('In a refresh: why the target is added, who proposed and who approved it.') });

export const targetImportQuery = z.object({
  fileName: fromQuery(writtenText(200)).describe('The file name, to name in problems (targets.csv when absent).'),
  reason: fromQuery(writtenText(2000)).describe("In a refresh: why the targets are added; with 'proposedBy', 'approvedBy' and 'changedOn'."),
  proposedBy: fromQuery(writtenText(200)),
  approvedBy: fromQuery(writtenText(200)),
  changedOn: fromQuery(isoDate()),
});

export const reviewImportQuery = z.object({
  fileName: fromQuery(writtenText(200)).describe('The file name, to name in problems (reviews.csv when absent).'),
});
