// The returns feature's inputs over HTTP: the path and query checked here;
// the bodies are checked by the domain (src/domain/returns), whose refusals
// name each field, and described here for the OpenAPI document.
import { fromQuery, gssCode, metricCode, recordId, writtenText, z } from '../../platform/http/input-schema.ts';

export const returnPath = z.object({ id: recordId('return').describe('Return id.') });

export const calendarQuery = z.object({
  council: fromQuery(gssCode()).describe("A council's GSS code: its returns (your own council's when neither this nor 'metric' is given)."),
  metric: fromQuery(metricCode()).describe("A metric's code: every council's return of it that you may see."),
});

export const importQuery = z.object({
  fileName: fromQuery(writtenText(200)).describe('The file name, to name in problems (return.csv when absent).'),
});

const dueRule = z
  .union([z.object({ kind: z.literal('working_days_after'), days: z.number().int().min(1).max(60) }), z.object({ kind: z.literal('months_after'), months: z.number().int().min(1).max(12) })])
  .describe('When each period is due after it ends; 20 working days when absent.');

export const localMetricBody = z.object({
  title: z.string().max(200),
  definition: z.string().max(2000),
  unit: z.string().max(50).optional(),
  polarity: z.enum(['higher_is_better', 'lower_is_better', 'neutral']),
  valueKind: z.enum(['count', 'proportion', 'rate', 'mean', 'currency', 'index']),
  periodKind: z.enum(['quarter', 'month', 'financial_year']),
});

export const returnBody = z.object({
  metric: z.string().describe("A library metric's code, or your council's local metric's."),
  periodKind: z.enum(['quarter', 'month', 'financial_year']).optional().describe("The frequency; a local metric's own, or a library metric's own where it is one of these, when absent."),
  firstPeriod: z.string().describe('The first period sent, such as 2025/26 Q1 or 2025-04.'),
  lastPeriod: z.string().optional().describe('The last period promised, where the commitment ends.'),
  dueRule: dueRule.optional(),
});

export const valuesBody = z.object({
  values: z
    .array(
      z.object({
        period: z.string(),
        value: z.union([z.number(), z.string(), z.null()]).describe('At least 0 for counts, proportions and rates; at most two decimals; null or blank when not submitted.'),
        note: z.string().max(2000).optional(),
      }),
    )
    .min(1),
});

export const confirmBody = z.object({
  periods: z.array(z.string()).optional().describe("The periods confirmed; every provisional value of the return's when absent."),
});
