// Agreements' and targets' part of the OpenAPI document: the parameters and
// bodies come from the schemas the routes check them with (api-inputs.ts).
import { json, error, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, integer, anyObject, object, textList, objectList } from '../../platform/service/openapi-types.ts';
import { pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
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
    post: operation(
      'addAgreement',
      "Record a draft agreement held by your council (councils' performance officers)",
      { body: agreementBody },
      { 201: { description: 'Recorded.', content: agreement }, ...refusals },
    ),
  },
  '/api/agreements/{id}': {
    get: operation(
      'getAgreement',
      "An agreement with its targets, each target's ratings beside its rule's words and its latest review",
      { path: agreementPath },
      { 200: answer('The agreement.', anyObject), ...withMissing },
    ),
    put: operation(
      'changeAgreement',
      'Change a draft agreement, or one in refresh, from its latest revision',
      { path: agreementPath, body: agreementChangeBody },
      { 200: { description: 'Changed.', content: agreement }, ...withMissing, ...stale },
    ),
  },
  '/api/agreements/{id}/sign-off': {
    post: operation(
      'signOffAgreement',
      'Sign off the agreement: its version is frozen with every target, and what was signed is public',
      { path: agreementPath, body: signOffBody },
      { 200: { description: 'Signed off.', content: agreement }, ...withMissing, ...stale },
    ),
  },
  '/api/agreements/{id}/refresh': {
    post: operation(
      'refreshAgreement',
      'Open the annual refresh: the next version, each change with its reason, proposer and approver',
      { path: agreementPath, body: signOffBody },
      { 200: { description: 'In refresh.', content: agreement }, ...withMissing, ...stale },
    ),
  },
  '/api/agreements/{id}/close': {
    post: operation(
      'closeAgreement',
      "Close a signed-off agreement at a date (the holding council): every target's outcome in each area is frozen, priced by the reward rule",
      { path: agreementPath, body: closeBody },
      { 200: answer('Closed, with its outcomes.', ref('Outcomes')), ...withMissing, ...stale },
    ),
  },
  '/api/agreements/{id}/outcomes': {
    get: operation(
      'getOutcomes',
      "A closed agreement's frozen outcomes, each with what the data say now where they were revised since (none before it closes)",
      { path: agreementPath },
      { 200: answer('The outcomes.', ref('Outcomes')), ...withMissing },
    ),
  },
  '/api/agreements/{id}/outcomes.csv': {
    get: operation(
      'getOutcomesCsv',
      'The outcomes as CSV, a line a target and area, each with its reward rule in words and what the data say now beside it',
      { path: agreementPath },
      { 200: { description: 'The outcomes.', content: { 'text/csv': { schema: text } } }, ...withMissing },
    ),
  },
  '/api/agreements/{id}/targets': {
    post: operation(
      'addTarget',
      'Add a target to a draft agreement, or to one in refresh with the change recorded',
      { path: agreementPath, body: newTargetBody },
      { 201: answer('Added.', anyObject), ...withMissing, ...stale },
    ),
  },
  '/api/agreements/{id}/targets/import': {
    post: operation(
      'importTargets',
      `Import targets from CSV, all or nothing, each problem named by line and column. Columns: ${TARGET_COLUMNS.join(', ')}`,
      { path: agreementPath, query: targetImportQuery, requestBody: { required: true, content: { 'text/csv': { schema: text } } } },
      { 201: answer('Imported.', anyObject), ...withMissing, ...stale },
    ),
  },
  '/api/agreements/{id}/targets/{targetId}': {
    get: operation(
      'getTarget',
      'A target by id or by its reference, old ones included: its ratings with their rules, every review and every change of a refresh',
      { path: targetReadPath },
      { 200: answer('The target and its history.', anyObject), ...withMissing },
    ),
    patch: operation(
      'changeTarget',
      'Change a target from its latest revision; in a refresh, with the reason, proposer, approver and date',
      { path: targetPath, body: targetChangeBody },
      { 200: answer('Changed.', anyObject), ...withMissing, ...stale },
    ),
  },
  '/api/agreements/{id}/targets/{targetId}/reviews': {
    post: operation(
      'reviewTarget',
      'Record a progress review: likelihood of delivery with its narrative, actions and risks; values frozen at its date',
      { path: targetPath, body: reviewBody },
      { 201: answer('Recorded.', anyObject), ...withMissing },
    ),
  },
  '/api/agreements/{id}/reviews/import': {
    post: {
      operationId: 'importReviews',
      summary: 'Import progress reviews from CSV, one a line, all or nothing, each problem named by line and column',
      description: `Columns: ${REVIEW_COLUMNS.join(', ')}. 'target' is the target's id or reference; 'likelihood' is one of the five-point scale and needs a 'narrative'; 'actions' are written "owner|due|action; owner|due|action" with due as 2010-03-31; 'published' is yes or no. Each review is checked, frozen and audited as one recorded through reviewTarget.`,
      parameters: [...pathParameters(agreementPath), ...queryParameters(reviewImportQuery)],
      requestBody: { required: true, content: { 'text/csv': { schema: text } } },
      responses: { 201: answer('Imported: { imported, reviews } with the ids of the reviews.', anyObject), ...withMissing },
    },
  },
};

export const schemas = {
  Outcomes: object(['agreement', 'closedOn', 'rewardRule', 'counts', 'outcomes'], {
    agreement: anyObject,
    closedOn: { type: ['string', 'null'], description: 'The date the outcomes were frozen at; null until the agreement closes.' },
    rewardRule: { type: 'object', description: "The agreement's reward rule as data, with its version and its words." },
    counts: { type: 'object', description: 'Outcomes by kind: achieved, partly_achieved, not_achieved, not_assessable.' },
    outcomes: {
      type: 'array',
      description:
        'One per target and area: the figure judged, the share of the improvement sought, the outcome and its reason, the reward share with the rule used, who froze it and when; `now` is what the data say since a revision (null when unchanged), never replacing it.',
      items: anyObject,
    },
  }),
  Agreement: object(['id', 'kind', 'title', 'status', 'version', 'areas', 'partners', 'revision'], {
    id: integer,
    kind: text,
    title: text,
    council: anyObject,
    planYears: anyObject,
    status: text,
    version: integer,
    areas: textList,
    partners: objectList,
    rewardRule: { type: 'object', description: 'How the reward is shared at the end, as data: { version, partFromShare, words }.' },
    revision: { type: 'integer', description: 'Send it back with a change; a change from an older revision is refused with 409.' },
  }),
};
