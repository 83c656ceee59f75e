// The good-practice library's part of the OpenAPI document: search, a case
// study, writing and changing one, and moderation. Bodies, queries and paths
// come from the schemas the use-cases check them with (api-inputs.ts).
import { json, ref, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { caseStudyBody, caseStudyChangeBody, caseStudyPath, libraryQuery, returnBody } from './api-inputs.ts';

const answer = (description: string) => ({ description, content: json(ref('CaseStudy')) });
const moderation = (operationId: string, summary: string, body?: object) => ({
  post: {
    operationId,
    summary,
    parameters: pathParameters(caseStudyPath),
    ...(body ? { requestBody: body } : {}),
    responses: { 200: answer('Moved.'), 409: { description: 'Not in a state this step is taken from, or moved by someone else meanwhile.' }, ...withMissing },
  },
});

export const paths = {
  '/api/case-studies': {
    get: {
      operationId: 'searchCaseStudies',
      summary: 'Search the good-practice library: full text, ranked, with filters; only what the viewer may read is found or counted',
      parameters: queryParameters(libraryQuery),
      responses: { 200: { description: 'A page of results.', content: json(ref('CaseStudyResults')) }, ...refusals },
    },
    post: {
      operationId: 'writeCaseStudy',
      summary: "Write a case study as a draft (a council's performance officers, providers' staff)",
      requestBody: jsonBody(caseStudyBody),
      responses: { 201: answer('Written.'), ...refusals },
    },
  },
  '/api/case-studies/{id}': {
    get: { operationId: 'readCaseStudy', summary: 'A case study', parameters: pathParameters(caseStudyPath), responses: { 200: answer('The case study.'), ...withMissing } },
    put: {
      operationId: 'changeCaseStudy',
      summary: 'Change a case study while it is a draft or returned, from the revision read',
      parameters: pathParameters(caseStudyPath),
      requestBody: jsonBody(caseStudyChangeBody),
      responses: { 200: answer('Changed.'), 409: { description: 'Changed since the revision read, or in moderation.' }, ...withMissing },
    },
  },
  '/api/case-studies/{id}/submit': moderation('submitCaseStudy', 'Send a draft or returned case study for moderation (its writer)'),
  '/api/case-studies/{id}/publish': moderation('publishCaseStudy', 'Publish a submitted case study (peer challenge managers)'),
  '/api/case-studies/{id}/return': moderation('returnCaseStudy', 'Return a submitted case study to its writer with a reason (peer challenge managers)', jsonBody(returnBody)),
};

export const schemas = {
  CaseStudy: {
    type: 'object',
    required: ['id', 'title', 'summary', 'body', 'councils', 'themes', 'metrics', 'source', 'state', 'revision'],
    properties: {
      id: { type: 'integer' },
      title: { type: 'string' },
      summary: { type: 'string' },
      body: { type: 'string' },
      councils: { type: 'array', items: { type: 'string' } },
      themes: { type: 'array', items: { type: 'string' } },
      metrics: { type: 'array', items: { type: 'object', properties: { metric: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } } },
      source: { type: 'string', enum: ['peer_challenge', 'award', 'efficiency_casebook', 'council'] },
      sourceLabel: { type: 'string' },
      sourceNote: { type: ['string', 'null'] },
      illustrative: { type: 'boolean' },
      state: { type: 'string', enum: ['draft', 'submitted', 'returned', 'published'] },
      stateLabel: { type: 'string' },
      returnReason: { type: ['string', 'null'] },
      author: { type: ['string', 'null'] },
      writtenAt: { type: 'string', format: 'date-time' },
      submittedAt: { type: ['string', 'null'], format: 'date-time' },
      publishedAt: { type: ['string', 'null'], format: 'date-time' },
      revision: { type: 'integer' },
    },
  },
  CaseStudyResults: {
    type: 'object',
    required: ['total', 'page', 'pages', 'items'],
    properties: {
      total: { type: 'integer', description: 'Every match the viewer may read.' },
      page: { type: 'integer' },
      pages: { type: 'integer' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            title: { type: 'string' },
            summary: { type: 'string' },
            councils: { type: 'array', items: { type: 'string' } },
            themes: { type: 'array', items: { type: 'string' } },
            source: { type: 'string' },
            illustrative: { type: 'boolean' },
            state: { type: 'string' },
            publishedAt: { type: ['string', 'null'], format: 'date-time' },
            rank: { type: ['number', 'null'], description: 'ts_rank of the words asked for; null without words.' },
            snippet: { type: ['string', 'null'], description: 'Where the words were found, in their context.' },
          },
        },
      },
    },
  },
};
