// The library's inputs, one schema each: a case study as the API and the
// form give it, a moderator's return, and the search's query. These say what
// each field is; what a case study must hold is the domain's check
// (src/domain/good-practice), which the use-cases call after.
import { CASE_STUDY_SOURCES, MODERATION_STATES } from '../../../domain/good-practice/index.ts';
import { areaType, flag, fromQuery, fromQueryOr, gssCode, metricCode, oneOf, recordId, wholeNumber, z } from '../../platform/http/input-schema.ts';

const text = (max: number) => z.string({ error: 'must be text' }).max(max, `is longer than ${max} characters`);

export const caseStudyBody = z.object({
  title: text(200),
  summary: text(600),
  body: text(20_000),
  councils: z.array(z.string()).max(50, 'name at most 50 councils').describe("The councils' area codes (GSS)."),
  themes: z.array(z.string()).max(10, 'give at most 10 themes').default([]),
  metrics: z
    .array(z.object({ metric: z.string(), from: z.string(), to: z.string() }))
    .max(20, 'give at most 20 metrics')
    .default([])
    .describe('Metrics improved, each from one period to a later one of the same kind.'),
  source: oneOf(CASE_STUDY_SOURCES, CASE_STUDY_SOURCES.join(', ')),
  sourceNote: text(500).nullable().default(null).describe('Where the source tells it: a paper and its paragraph, an award and its year.'),
  illustrative: z.boolean().default(false).describe('Invented to show how the library works; marked so wherever shown.'),
});

export const caseStudyChangeBody = caseStudyBody.extend({
  revision: wholeNumber(1, 2_147_483_647).describe('The revision read before this change; a case study changed since is refused with 409.'),
});

export const returnBody = z.object({ reason: text(2000).describe('Why it is returned, for its writer to put right.') });

export const caseStudyPath = z.object({ id: recordId('case study') });

export const PAGE_SIZE = 20;

export const libraryQuery = z.object({
  q: fromQuery(z.string().trim().max(200, 'is longer than 200 characters')).describe('Words as typed in a search box: "a phrase", or, -word.'),
  theme: fromQuery(z.string().max(40)),
  council: fromQuery(gssCode()),
  region: fromQuery(gssCode()),
  type: fromQuery(areaType()).describe("The authority type of one of the case study's councils."),
  metric: fromQuery(metricCode()),
  source: fromQuery(oneOf(CASE_STUDY_SOURCES, CASE_STUDY_SOURCES.join(', '))),
  period: fromQuery(z.string().max(20)).describe('A period: case studies whose improvement touches it.'),
  state: fromQuery(oneOf(MODERATION_STATES, MODERATION_STATES.join(', '))),
  mine: fromQuery(flag()).describe("Only the reader's own case studies."),
  page: fromQueryOr(wholeNumber(1, 100_000), 1),
});
export type LibraryQuery = z.output<typeof libraryQuery>;
