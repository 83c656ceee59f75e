// The surveys feature's inputs, one schema each: the shapes of a survey, its
// results and a question set as the API, the forms and a results file give
// them. These say only what each field is (a number, one of the methods);
// whether a survey or its results may be kept is the domain's checks'
// (src/domain/surveys), which the use-cases call after.
import { SAMPLINGS, SURVEY_METHODS } from '../../../domain/surveys/index.ts';
import { figure, flag, fromQuery, gssCode, isoDay, oneOf, recordId, requiredInQuery, wholeNumber, writtenText, z } from '../../platform/http/input-schema.ts';

const isoDate = () => isoDay('2023-10-31', 'must be a date written 2023-10-31');

const code = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'must be a code of lower-case letters, digits, hyphens and underscores')
    .describe('A code: lower-case letters, digits, hyphens, underscores.');

const weighting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('weighted'),
    variables: z.array(writtenText(100)).max(20),
    effectiveBase: figure().describe("The weights' effective base (Kish: (Σw)² ÷ Σw²)."),
  }),
]);

const placement = z.object({
  questionCode: code(),
  setCode: code(),
  setVersion: wholeNumber(1, 1000),
  position: wholeNumber(1, 1000).describe("1 for the questionnaire's first question, counting every question asked."),
  order: wholeNumber(1, 1000).describe("1 for the first of the set's questions asked, counting those alone."),
  wordingUsed: writtenText(2000).describe('The words actually asked.'),
});

export const surveyBody = z.object({
  council: gssCode().describe("The council's area (GSS code); England's (E92000001) for the national poll's waves."),
  title: writtenText(200),
  method: oneOf(SURVEY_METHODS, SURVEY_METHODS.join(', ')),
  sampling: oneOf(SAMPLINGS, SAMPLINGS.join(', ')),
  fieldworkStart: isoDate(),
  fieldworkEnd: isoDate(),
  achievedSample: wholeNumber(1, 10_000_000).describe('Completed questionnaires.'),
  weighting: weighting.default({ kind: 'none' }),
  placements: z.array(placement).max(200),
  tracker: z
    .object({ name: writtenText(200), wave: wholeNumber(1, 1000) })
    .nullable()
    .default(null)
    .describe('The wave, for a tracker; null for a one-off survey.'),
});

export const surveyChangeBody = surveyBody.omit({ council: true }).extend({
  revision: wholeNumber(1, 2_147_483_647).describe('The revision read before this change; a survey changed since is refused with 409.'),
});

const result = z.object({
  questionCode: code(),
  counts: z.record(code(), wholeNumber(0, 10_000_000)).describe('Respondents per answer option code.'),
  base: wholeNumber(0, 10_000_000).describe('Respondents who answered the question, "don\'t know" included.'),
  weighted: z
    .object({ percentages: z.record(code(), figure()), effectiveBase: figure() })
    .nullable()
    .default(null)
    .describe('Weighted percentages per option and their effective base, where the survey was weighted.'),
});

export const resultsBody = z.object({
  results: z.array(result).min(1, 'must hold at least one question').max(200),
  confirmed: z.boolean().default(false).describe('The officer confirms the results: their held values are no longer provisional.'),
});

const answerOption = z.object({ code: code(), label: writtenText(200), positive: z.boolean(), dontKnow: z.boolean().default(false) });

export const questionSetBody = z.object({
  code: code(),
  version: wholeNumber(1, 1000),
  title: writtenText(200),
  source: writtenText(2000),
  questions: z
    .array(
      z.object({
        code: code(),
        wording: writtenText(2000),
        answerOptions: z.array(answerOption).min(1, 'must list the answer options').max(20),
        benchmarkable: z.boolean(),
        metricCode: z.string().nullable().default(null),
      }),
    )
    .min(1, 'must hold at least one question')
    .max(200),
});

export const surveyPath = z.object({ id: recordId('survey') });
export const councilQuery = z.object({ council: requiredInQuery(gssCode(), "is required: the council's area code, such as E06000047") });

export const councilPageQuery = z.object({ council: fromQuery(gssCode()) });

export const resultsImportQuery = z.object({
  fileName: fromQuery(writtenText(200)).describe("The file's name, for its problems and the audit trail (results.csv by default); .xlsx or .ods read as a spreadsheet."),
  confirmed: fromQuery(flag()).describe('The officer confirms the results: their held values are no longer provisional.'),
});
