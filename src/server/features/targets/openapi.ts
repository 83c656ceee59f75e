// Agreements' and targets' part of the OpenAPI document: the parameters and
// bodies come from the schemas the routes check them with (api-inputs.ts).
import { error, json, ref, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import {
  agreementBody,
  agreementChangeBody,
  agreementPath,
  closeBody,
  newTargetBody,
  reviewBody,
  reviewImportQuery,
  signOffBody,
  targetChangeBody,
  targetImportQuery,
  targetPath,
  targetReadPath,
} from './api-inputs.ts';
import { REVIEW_COLUMNS } from './reviews.ts';
import { TARGET_COLUMNS } from './target-import.ts';

const stale = { 409: error('Changed by someone else since it was read (naming who), signed off outside a refresh, or a duplicate.') };
const agreement = json(ref('Agreement'));

export const paths = {
  '/api/agreements': {
    post: {
      operationId: 'addAgreement',
      summary: "Record a draft agreement held by your council (councils' performance officers)",
      requestBody: jsonBody(agreementBody),
      responses: { 201: { description: 'Recorded.', content: agreement }, ...refusals },
    },
  },
  '/api/agreements/{id}': {
    get: {
      operationId: 'getAgreement',
      summary: "An agreement with its targets, each target's ratings beside its rule's words and its latest review",
      parameters: pathParameters(agreementPath),
      responses: { 200: { description: 'The agreement.', content: json({ type: 'object' }) }, ...withMissing },
    },
    put: {
      operationId: 'changeAgreement',
      summary: 'Change a draft agreement, or one in refresh, from its latest revision',
      parameters: pathParameters(agreementPath),
      requestBody: jsonBody(agreementChangeBody),
      responses: { 200: { description: 'Changed.', content: agreement }, ...withMissing, ...stale },
    },
  },
  '/api/agreements/{id}/sign-off': {
    post: {
      operationId: 'signOffAgreement',
      summary: 'Sign off the agreement: its version is frozen with every target, and what was signed is public',
      parameters: pathParameters(agreementPath),
      requestBody: jsonBody(signOffBody),
      responses: { 200: { description: 'Signed off.', content: agreement }, ...withMissing, ...stale },
    },
  },
  '/api/agreements/{id}/refresh': {
    post: {
      operationId: 'refreshAgreement',
      summary: 'Open the annual refresh: the next version, each change with its reason, proposer and approver',
      parameters: pathParameters(agreementPath),
      requestBody: jsonBody(signOffBody),
      responses: { 200: { description: 'In refresh.', content: agreement }, ...withMissing, ...stale },
    },
  },
  '/api/agreements/{id}/close': {
    post: {
      operationId: 'closeAgreement',
      summary: "Close a signed-off agreement at a date (the holding council): every target's outcome in each area is frozen, priced by the reward rule",
      parameters: pathParameters(agreementPath),
      requestBody: jsonBody(closeBody),
      responses: { 200: { description: 'Closed, with its outcomes.', content: json(ref('Outcomes')) }, ...withMissing, ...stale },
    },
  },
  '/api/agreements/{id}/outcomes': {
    get: {
      operationId: 'getOutcomes',
      summary: "A closed agreement's frozen outcomes, each with what the data say now where they were revised since (none before it closes)",
      parameters: pathParameters(agreementPath),
      responses: { 200: { description: 'The outcomes.', content: json(ref('Outcomes')) }, ...withMissing },
    },
  },
  '/api/agreements/{id}/outcomes.csv': {
    get: {
      operationId: 'getOutcomesCsv',
      summary: 'The outcomes as CSV, a line a target and area, each with its reward rule in words and what the data say now beside it',
      parameters: pathParameters(agreementPath),
      responses: { 200: { description: 'The outcomes.', content: { 'text/csv': { schema: { type: 'string' } } } }, ...withMissing },
    },
  },
  '/api/agreements/{id}/targets': {
    post: {
      operationId: 'addTarget',
      summary: 'Add a target to a draft agreement, or to one in refresh with the change recorded',
      parameters: pathParameters(agreementPath),
      requestBody: jsonBody(newTargetBody),
      responses: { 201: { description: 'Added.', content: json({ type: 'object' }) }, ...withMissing, ...stale },
    },
  },
  '/api/agreements/{id}/targets/import': {
    post: {
      operationId: 'importTargets',
      summary: `Import targets from CSV, all or nothing, each problem named by line and column. Columns: ${TARGET_COLUMNS.join(', ')}`,
      parameters: [...pathParameters(agreementPath), ...queryParameters(targetImportQuery)],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: { 201: { description: 'Imported.', content: json({ type: 'object' }) }, ...withMissing, ...stale },
    },
  },
  '/api/agreements/{id}/targets/{targetId}': {
    get: {
      operationId: 'getTarget',
      summary: 'A target by id or by its reference, old ones included: its ratings with their rules, every review and every change of a refresh',
      parameters: pathParameters(targetReadPath),
      responses: { 200: { description: 'The target and its history.', content: json({ type: 'object' }) }, ...withMissing },
    },
    patch: {
      operationId: 'changeTarget',
      summary: 'Change a target from its latest revision; in a refresh, with the reason, proposer, approver and date',
      parameters: pathParameters(targetPath),
      requestBody: jsonBody(targetChangeBody),
      responses: { 200: { description: 'Changed.', content: json({ type: 'object' }) }, ...withMissing, ...stale },
    },
  },
  '/api/agreements/{id}/targets/{targetId}/reviews': {
    post: {
      operationId: 'reviewTarget',
      summary: 'Record a progress review: likelihood of delivery with its narrative, actions and risks; values frozen at its date',
      parameters: pathParameters(targetPath),
      requestBody: jsonBody(reviewBody),
      responses: { 201: { description: 'Recorded.', content: json({ type: 'object' }) }, ...withMissing },
    },
  },
  '/api/agreements/{id}/reviews/import': {
    post: {
      operationId: 'importReviews',
      summary: 'Import progress reviews from CSV, one a line, all or nothing, each problem named by line and column',
      description: `Columns: ${REVIEW_COLUMNS.join(', ')}. 'target' is the target's id or reference; 'likelihood' is one of the five-point scale and needs a 'narrative'; 'actions' are written "owner|due|action; owner|due|action" with due as 2010-03-31; 'published' is yes or no. Each review is checked, frozen and audited as one recorded through reviewTarget.`,
      parameters: [...pathParameters(agreementPath), ...queryParameters(reviewImportQuery)],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: { 201: { description: 'Imported: { imported, reviews } with the ids of the reviews.', content: json({ type: 'object' }) }, ...withMissing },
    },
  },
};

export const schemas = {
  Outcomes: {
    type: 'object',
    required: ['agreement', 'closedOn', 'rewardRule', 'counts', 'outcomes'],
    properties: {
      agreement: { type: 'object' },
      closedOn: { type: ['string', 'null'], description: 'The date the outcomes were frozen at; null until the agreement closes.' },
      rewardRule: { type: 'object', description: "The agreement's reward rule as data, with its version and its words." },
      counts: { type: 'object', description: 'Outcomes by kind: achieved, partly_achieved, not_achieved, not_assessable.' },
      outcomes: {
        type: 'array',
        description:
          'One per target and area: the figure judged, the share of the improvement sought, the outcome and its reason, the reward share with the rule used, who froze it and when; `now` is what the data say since a revision (null when unchanged), never replacing it.',
        items: { type: 'object' },
      },
    },
  },
  Agreement: {
    type: 'object',
    required: ['id', 'kind', 'title', 'status', 'version', 'areas', 'partners', 'revision'],
    properties: {
      id: { type: 'integer' },
      kind: { type: 'string' },
      title: { type: 'string' },
      council: { type: 'object' },
      planYears: { type: 'object' },
      status: { type: 'string' },
      version: { type: 'integer' },
      areas: { type: 'array', items: { type: 'string' } },
      partners: { type: 'array', items: { type: 'object' } },
      rewardRule: { type: 'object', description: 'How the reward is shared at the end, as data: { version, partFromShare, words }.' },
      revision: { type: 'integer', description: 'Send it back with a change; a change from an older revision is refused with 409.' },
    },
  },
};
