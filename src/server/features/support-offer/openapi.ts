// The support offer's part of the OpenAPI document: paths and query from the
// schemas the routes check them with, bodies as the use-cases and the domain
// check them (api-inputs.ts).
import { list, error, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, number, day, instant, anyObject, object, nullable } from '../../platform/service/openapi-types.ts';
import { jsonBody } from '../../platform/service/openapi-input.ts';
import {
  allocationBody,
  allocationChangeBody,
  allocationPath,
  answerBody,
  askBody,
  budgetBody,
  budgetChangeBody,
  budgetPath,
  councilPath,
  declineBody,
  ratingBody,
  ratingChangeBody,
  ratingPath,
  requestPath,
  requestsQuery,
  spendBody,
} from './api-inputs.ts';

const request = answer('The request.', ref('SupportRequest'));
const budget = answer('The budget and its position.', ref('Budget'));
const stepRefused = {
  409: error("The request is not where the step may be taken from (the message says where it stands); or, asking, the council's open enquiry of the same kind (details.open links to it)."),
};

const requestStep = (operationId: string, summary: string, body: Parameters<typeof jsonBody>[0]) => ({
  post: operation(operationId, summary, { path: requestPath, body }, { 200: request, ...withMissing, ...stepRefused }),
});

export const paths = {
  '/api/support-offer/councils/{code}': {
    get: operation(
      'supportMenu',
      "The menu of support for a council: each provider's offers it may have, cost, whom to ask and what is left this period (where you may see its requests); what it may not have and why",
      { path: councilPath },
      { 200: answer('The menu.', anyObject), ...withMissing },
    ),
  },
  '/api/support-requests': {
    get: operation(
      'listSupportRequests',
      "Requests for support that you may read: a council's, or those made to your organisation",
      { query: requestsQuery },
      { 200: answer('The requests.', list('SupportRequest')), ...refusals },
    ),
    post: operation(
      'askForSupport',
      'Ask for anything on the menu for your council (its chief executive, members and performance officers): refused by field when not eligible (saying why) or the entitlement is used',
      { body: askBody },
      { 201: request, ...refusals, ...stepRefused },
    ),
  },
  '/api/support-requests/{id}': {
    get: operation('getSupportRequest', 'A request, its ratings and their verdict', { path: requestPath }, { 200: request, ...withMissing }),
  },
  '/api/support-requests/{id}/accept': requestStep('acceptSupportRequest', "Accept a request (the provider's staff); a peer challenge's opens its enquiry", answerBody),
  '/api/support-requests/{id}/decline': requestStep('declineSupportRequest', "Decline a request, saying why (the provider's staff)", declineBody),
  '/api/support-requests/{id}/deliver': requestStep('deliverSupportRequest', "Mark an accepted request delivered (the provider's staff)", answerBody),
  '/api/support-requests/{id}/ratings': requestStep(
    'rateSupportRequest',
    "Rate delivered support in your own name (the council's chief executive, members and performance officers, each once): how far you agree it has been helpful; 409 when you have rated it already",
    ratingBody,
  ),
  '/api/support-requests/{id}/ratings/{rating}': {
    patch: operation(
      'changeSupportRating',
      "Change your own rating of delivered support (you alone, never a colleague's); the answer before is kept in ratingChanges, and the verdict reads the ratings that stand",
      { path: ratingPath, body: ratingChangeBody },
      { 200: request, ...withMissing },
    ),
  },
  '/api/support-requests/{id}/ratings/{rating}/withdraw': {
    post: operation(
      'withdrawSupportRating',
      'Withdraw your own rating: it no longer counts in the verdict and is kept, with its answer, in ratingChanges; a request whose every rating is withdrawn is delivered again',
      { path: ratingPath },
      { 200: request, ...withMissing, 409: error('You withdrew the rating already.') },
    ),
  },
  '/api/funding/budgets': {
    get: operation('listBudgets', 'Every improvement budget with its allocated, unallocated and spent sums', {}, { 200: answer('The budgets.', list('Budget')) }),
    post: operation(
      'addBudget',
      "Add a theme's budget for a financial year, held by your organisation",
      { body: budgetBody },
      { 201: budget, ...refusals, 409: error('There is a budget for the theme and year already; details.open links to it.') },
    ),
  },
  '/api/funding/budgets/{id}': {
    get: operation('getBudget', 'A budget, its allocations and the spend against each', { path: budgetPath }, { 200: budget, 404: error('No such budget.') }),
    patch: operation(
      'changeBudget',
      "Change a budget's theme, year or sums from the revision you read (the provider that holds it; fields absent are kept): refused, naming the field, below what is allocated; each field changed is kept in its history",
      { path: budgetPath, body: budgetChangeBody },
      {
        200: budget,
        ...withMissing,
        409: error(
          "Another budget has the theme and year (details.open links to it); or, code 'stale', the budget was changed since the revision given: details.changes lists each change since (field, from, to, changedBy, changedAt, revision) and details.revision the revision now.",
        ),
      },
    ),
  },
  '/api/funding/allocations/{id}': {
    patch: operation(
      'changeAllocation',
      "Change an allocation from the revision you read (the provider that holds its budget; fields absent are kept): refused, naming the field, where it would take the budget over; each field changed is kept in the budget's history",
      { path: allocationPath, body: allocationChangeBody },
      { 200: budget, ...withMissing, 409: error("Code 'stale': the allocation was changed since the revision given; details.changes lists each change since and details.revision the revision now.") },
    ),
  },
  '/api/funding/budgets/{id}/allocations': {
    post: operation(
      'allocateFromBudget',
      "Record the management group's allocation from a budget: refused, naming the field, over what is unallocated",
      { path: budgetPath, body: allocationBody },
      { 201: answer('Allocated.', anyObject), ...withMissing },
    ),
  },
  '/api/funding/allocations/{id}/spend': {
    post: operation(
      'recordSpend',
      'Record spend against an allocation; over it, the allocation shows as overspent',
      { path: allocationPath, body: spendBody },
      { 201: answer('The allocation with its spend.', anyObject), ...withMissing },
    ),
  },
};

const pounds = number;

export const schemas = {
  SupportRequest: object(['id', 'councilCode', 'offerId', 'state', 'requestedOn'], {
    id: integer,
    councilCode: text,
    councilName: text,
    offerId: text,
    offerKind: text,
    providerId: text,
    state: { type: 'string', enum: ['requested', 'accepted', 'declined', 'delivered', 'rated'] },
    requestedOn: day,
    requestedBy: nullableText,
    note: nullableText,
    decidedOn: nullableText,
    declineReason: nullableText,
    deliveredOn: nullableText,
    challenge: { type: ['object', 'null'], description: 'The peer challenge accepting it opened.' },
    ratings: { type: 'array', description: 'The ratings that stand (none withdrawn).', items: { type: 'object', properties: { by: text, helpful: text } } },
    ownRatings: {
      type: 'array',
      description: 'The ratings given in their own names that stand, with the id their rater changes or withdraws them by.',
      items: { type: 'object', properties: { id: integer, userId: integer, helpful: text } },
    },
    ratingChanges: {
      type: 'array',
      description: 'Every change of a rating, the earliest first: from is null for one given again after withdrawing, to is null for a withdrawal.',
      items: { type: 'object', properties: { by: text, from: nullableText, to: nullableText, at: instant } },
    },
    verdict: { type: ['object', 'null'], description: 'Whether most raters agree it has been helpful, with the rule and its sentence.' },
  }),
  Budget: object(['id', 'theme', 'year', 'total', 'allocated', 'unallocated', 'spent'], {
    id: integer,
    organisationId: integer,
    organisationName: text,
    theme: text,
    year: text,
    amount: pounds,
    carriedForward: pounds,
    revision: { type: 'integer', description: 'Give it back to change the budget.' },
    total: pounds,
    allocated: pounds,
    unallocated: pounds,
    spent: pounds,
    sentence: text,
    allocations: { type: 'array', items: { type: 'object', description: 'Each with its revision, given back to change it.' } },
    changes: {
      type: 'array',
      description: 'Each field changed of the budget and its allocations, the latest first: who, when, from, to.',
      items: {
        type: 'object',
        properties: {
          allocationId: nullable('integer'),
          field: text,
          from: nullableText,
          to: nullableText,
          changedBy: text,
          changedAt: instant,
          revision: { type: 'integer', description: 'The revision of the budget (or of the allocation) the change made.' },
        },
      },
    },
  }),
};
