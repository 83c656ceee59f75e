// The good-practice library's part of the OpenAPI document: search, a case
// study, writing and changing one, and moderation. Bodies, queries and paths
// come from the schemas the use-cases check them with (api-inputs.ts).
import { refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, boolean, instant, object, textList, nullableInstant } from '../../platform/service/openapi-types.ts';
import { jsonBody } from '../../platform/service/openapi-input.ts';
import { caseStudyBody, caseStudyChangeBody, caseStudyPath, libraryQuery, returnBody } from './api-inputs.ts';

const caseStudy = (description: string) => answer(description, ref('CaseStudy'));
const moderation = (operationId: string, summary: string, body?: Parameters<typeof jsonBody>[0]) => ({
  post: operation(
    operationId,
    summary,
    { path: caseStudyPath, body },
    { 200: caseStudy('Moved.'), 409: { description: 'Not in a state this step is taken from, or moved by someone else meanwhile.' }, ...withMissing },
  ),
});

export const paths = {
  '/api/case-studies': {
    get: operation(
      'searchCaseStudies',
      'Search the good-practice library: full text, ranked, with filters; only what the viewer may read is found or counted',
      { query: libraryQuery },
      { 200: answer('A page of results.', ref('CaseStudyResults')), ...refusals },
    ),
    post: operation('writeCaseStudy', "Write a case study as a draft (a council's performance officers, providers' staff)", { body: caseStudyBody }, { 201: caseStudy('Written.'), ...refusals }),
  },
  '/api/case-studies/{id}': {
    get: operation('readCaseStudy', 'A case study', { path: caseStudyPath }, { 200: caseStudy('The case study.'), ...withMissing }),
    put: operation(
      'changeCaseStudy',
      'Change a case study while it is a draft or returned, from the revision read',
      { path: caseStudyPath, body: caseStudyChangeBody },
      { 200: caseStudy('Changed.'), 409: { description: 'Changed since the revision read, or in moderation.' }, ...withMissing },
    ),
  },
  '/api/case-studies/{id}/submit': moderation('submitCaseStudy', 'Send a draft or returned case study for moderation (its writer)'),
  '/api/case-studies/{id}/publish': moderation('publishCaseStudy', 'Publish a submitted case study (peer challenge managers)'),
  '/api/case-studies/{id}/return': moderation('returnCaseStudy', 'Return a submitted case study to its writer with a reason (peer challenge managers)', returnBody),
};

export const schemas = {
  CaseStudy: object(['id', 'title', 'summary', 'body', 'councils', 'themes', 'metrics', 'source', 'state', 'revision'], {
    id: integer,
    title: text,
    summary: text,
    body: text,
    councils: textList,
    themes: textList,
    metrics: { type: 'array', items: { type: 'object', properties: { metric: text, from: text, to: text } } },
    source: { type: 'string', enum: ['peer_challenge', 'award', 'efficiency_casebook', 'council'] },
    sourceLabel: text,
    sourceNote: nullableText,
    illustrative: boolean,
    state: { type: 'string', enum: ['draft', 'submitted', 'returned', 'published'] },
    stateLabel: text,
    returnReason: nullableText,
    author: nullableText,
    writtenAt: instant,
    submittedAt: nullableInstant,
    publishedAt: nullableInstant,
    revision: integer,
  }),
  CaseStudyResults: object(['total', 'page', 'pages', 'items'], {
    total: { type: 'integer', description: 'Every match the viewer may read.' },
    page: integer,
    pages: integer,
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: integer,
          title: text,
          summary: text,
          councils: textList,
          themes: textList,
          source: text,
          illustrative: boolean,
          state: text,
          publishedAt: nullableInstant,
          rank: { type: ['number', 'null'], description: 'ts_rank of the words asked for; null without words.' },
          snippet: { type: ['string', 'null'], description: 'Where the words were found, in their context.' },
        },
      },
    },
  }),
};
