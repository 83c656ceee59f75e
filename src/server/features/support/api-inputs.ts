// The support feature's inputs, one schema each: the use-cases check the
// API's and the forms' bodies with these, and the OpenAPI document describes
// them. What a package must hold together (at least one metric, milestones
// due after it was agreed, a by-period after the baseline) is the domain's
// checkPackage; what needs the store (the metric exists, the case's outcome)
// the use-cases decide after.
import { DIRECTIONS, PROVIDER_KINDS } from '../../../domain/support/index.ts';
import { figure, isoDay, metricCode, oneOf, recordId, wholeNumber, writtenText, z } from '../../platform/http/input-schema.ts';

const isoDate = () => isoDay('2026-03-31', 'is required: a date written 2026-03-31');

const revision = () => wholeNumber(1, 2_147_483_647).describe('The revision read before this change; a package changed since is refused with 409.');

const milestone = z.object({
  id: recordId('milestone').optional().describe('A milestone already in the package, to change; without it, a new one.'),
  title: writtenText(500),
  owner: writtenText(200).describe('Who owns it: a name and role.'),
  ownerUser: recordId('user').optional().describe('The owner as a user of Lantern, who is then reminded when it is overdue.'),
  dueOn: isoDate(),
});

const metric = z.object({
  metric: metricCode(),
  baselinePeriod: writtenText(40),
  baselineValue: figure(),
  direction: oneOf(DIRECTIONS, 'up or down'),
  byPeriod: writtenText(40),
});

export const packageBody = z.object({
  objectives: z.array(writtenText(2000)).max(20, 'lists at most 20 objectives'),
  providers: z.array(z.object({ name: writtenText(200), kind: oneOf(PROVIDER_KINDS, PROVIDER_KINDS.join(', ')) })).max(20, 'lists at most 20 providers'),
  milestones: z.array(milestone).max(50, 'lists at most 50 milestones'),
  metrics: z.array(metric).max(20, 'lists at most 20 metrics'),
  agreedOn: isoDate(),
});

export const packageChangeBody = packageBody.extend({
  revision: revision(),
  status: oneOf(['active', 'completed', 'withdrawn'] as const).optional(),
});

export const milestoneBody = z.object({
  revision: revision(),
  metOn: isoDate().nullable().describe('The day it was met; null when it turns out not to be.'),
});

export const meetingBody = z.object({
  heldOn: isoDate(),
  title: writtenText(200),
});

export const agendaBody = z.object({
  confidentialCases: z.array(recordId('case')).max(500).optional().describe('Cases whose items are taken in private.'),
  item: z
    .object({ title: writtenText(500), case: recordId('case').optional(), confidential: z.boolean().optional() })
    .optional()
    .describe('An item added by hand, instead of drafting from the cases.'),
});

export const decisionBody = z.object({
  agendaItem: recordId('agenda item').optional(),
  decision: writtenText(4000),
});

export const actionBody = z.object({
  agendaItem: recordId('agenda item').optional(),
  action: writtenText(2000),
  actionBy: writtenText(200).describe('"Action by": who acts, as the minutes name them.'),
  ownerUser: recordId('user').optional(),
  dueOn: isoDate(),
});

export const progressBody = z.object({
  progress: writtenText(2000),
  doneOn: isoDate().nullable().optional(),
});

export const casePath = z.object({ id: recordId('case') });
export const meetingPath = z.object({ id: recordId('Panel meeting') });
export const milestonePath = z.object({ id: recordId('case'), milestoneId: recordId('milestone') });
export const actionPath = z.object({ id: recordId('Panel meeting'), actionId: recordId('Panel action') });
