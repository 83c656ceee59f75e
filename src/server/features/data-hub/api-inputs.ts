// The data hub API's inputs, one schema each: the routes (data-api.ts) read
// their checked values from these, and the OpenAPI document (openapi.ts)
// describes the parameters from them.
import { MappingError, parseMapping, type ColumnMapping } from '../../../ingest/column-mapping.ts';
import { areaType, flag, fromQuery, fromQueryOr, gssCode, metricCode, oneOf, paging, period, requiredInQuery, wholeNumber, z } from '../../platform/http/input-schema.ts';

const MAX_MAPPING_CHARACTERS = 64 * 1024;

export const areasQuery = z.object({
  type: fromQuery(areaType()).describe('Only areas of this type.'),
  region: fromQuery(gssCode()).describe('Only areas in this region (GSS code).'),
  parent: fromQuery(gssCode()).describe('Only areas whose county or region is this (GSS code).'),
  q: fromQuery(z.string()).describe('Name contains, or exact code.'),
  current: fromQuery(flag()).describe('Only areas that have not ended.'),
  ...paging(),
});

export const areaPath = z.object({ code: z.string().describe('GSS code, such as E06000047.') });

export const metricsQuery = z.object({
  q: fromQuery(z.string()).describe('Words that the title, code or definition contain.'),
  theme: fromQuery(z.string()).describe('Only metrics with this theme.'),
  ...paging(),
});

export const metricPath = z.object({ code: z.string().describe('Metric code.') });

export const observationsQuery = z.object({
  metric: fromQuery(metricCode()).describe('Metric code.'),
  area: fromQuery(gssCode()).describe('Area GSS code.'),
  from: fromQuery(period()).describe('Periods ending on or after this period ends (a period label, such as 2015/16).'),
  to: fromQuery(period()).describe('Periods ending on or before this period ends.'),
  format: fromQueryOr(oneOf(['json', 'csv']), 'json').describe('csv for every matching row as CSV in the import format (no paging).'),
  ...paging(1000),
});

const bothRequired = "'metric' and 'area' are both required";
export const historyQuery = z.object({
  metric: requiredInQuery(metricCode(), bothRequired).describe('Metric code.'),
  area: requiredInQuery(gssCode(), bothRequired).describe('Area GSS code.'),
});

export const importsQuery = z.object(paging(100, 1000));

export const batchPath = z.object({ id: wholeNumber(1, 2_147_483_647).describe('Batch id.') });

export const rejectionsQuery = z.object(paging());

/** A column mapping sent with an upload, as JSON text; it may not name files on the server. */
const mapping = z
  .string({ error: 'must be given once, as JSON text' })
  .max(MAX_MAPPING_CHARACTERS, `is longer than ${MAX_MAPPING_CHARACTERS} characters`)
  .transform((text, context): ColumnMapping => {
    try {
      return parseMapping(text, "'mapping'");
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      context.issues.push({ code: 'custom', message: error.message, input: text });
      return z.NEVER;
    }
  });

export const importQuery = z.object({
  fileName: fromQuery(z.string().regex(/^[\w .()-]{1,100}$/, 'may hold letters, digits, spaces and . ( ) - _ only')).describe(
    'The name kept with the batch and used in messages (default upload.csv).',
  ),
  skipInvalid: fromQueryOr(flag(), false).describe('Load the valid rows and keep the rejections, instead of rejecting the whole batch.'),
  addAreas: fromQueryOr(flag(), false).describe(
    'Keep the areas an observation file names that Lantern does not hold (wards, parishes, small areas, constituencies), ' +
      "typed by their GSS code's entity and named from the file's area_name column; recorded as added by the batch.",
  ),
  mapping: mapping
    .optional()
    .describe(
      "A column mapping, as JSON text (the saved mapping file's content), for observations in a publisher's own layout: " +
        '{"area": "areacd", "period": "period", "metric": ["indicator", "measure"], "value": "value", "lower_ci": "lci_95", "upper_ci": "uci_95", ' +
        '"status": "status", "status_codes": {"x": "no_value", "u": "estimated"}, "missing": ["NA", ".."], "breakdowns": ["sex"], ' +
        '"metrics": {"Adult obesity prevalence / Percentage": {"title": "Adults living with obesity", "polarity": "lower_is_better", "themes": ["health"]}}}. ' +
        "Wide files name 'value_columns' or 'period_columns' instead of 'value' or 'period'. A mapping sent here gives its metric definitions inline: it may not name a 'metadata' file.",
    ),
  sheet: fromQuery(z.string()).describe("The sheet of a spreadsheet (XLSX or ODS) to read; else the mapping's 'sheet', else the first. The batch's notices name the sheet read and the others."),
  dryRun: fromQueryOr(flag(), false).describe(
    'Read the file as an import would and answer what it would do (200), storing nothing: the layout, the column each cell is read from, ' +
      'the metrics and areas it would create, the periods found, unknown area codes, rejections and the counts it would insert, revise and leave unchanged.',
  ),
});
