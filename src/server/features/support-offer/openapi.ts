// The support offer's part of the OpenAPI document: paths and query from the
// schemas the routes check them with, bodies as the use-cases and the domain
// check them (api-inputs.ts).
import { error, json, list, ref, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
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

const request = { description: 'The request.', content: json(ref('SupportRequest')) };
const budget = { description: 'The budget and its position.', content: json(ref('Budget')) };
const stepRefused = {
  409: error("The request is not where the step may be taken from (the message says where it stands); or, asking, the council's open enquiry of the same kind (details.open links to it)."),
};

const answer = (operationId: string, summary: string, body: object) => ({
  post: { operationId, summary, parameters: pathParameters(requestPath), requestBody: body, responses: { 200: request, ...withMissing, ...stepRefused } },
});

export const paths = {
  '/api/support-offer/councils/{code}': {
    get: {
      operationId: 'supportMenu',
      summary: "The menu of support for a council: each provider's offers it may have, cost, whom to ask and what is left this period (where you may see its requests); what it may not have and why",
      parameters: pathParameters(councilPath),
      responses: { 200: { description: 'The menu.', content: json({ type: 'object' }) }, ...withMissing },
    },
  },
  '/api/support-requests': {
    get: {
      operationId: 'listSupportRequests',
      summary: "Requests for support that you may read: a council's, or those made to your organisation",
      parameters: queryParameters(requestsQuery),
      responses: { 200: { description: 'The requests.', content: json(list('SupportRequest')) }, ...refusals },
    },
    post: {
      operationId: 'askForSupport',
      summary: 'Ask for anything on the menu for your council (its chief executive, members and performance officers): refused by field when not eligible (saying why) or the entitlement is used',
      requestBody: jsonBody(askBody),
      responses: { 201: request, ...refusals, ...stepRefused },
    },
  },
  '/api/support-requests/{id}': {
    get: { operationId: 'getSupportRequest', summary: 'A request, its ratings and their verdict', parameters: pathParameters(requestPath), responses: { 200: request, ...withMissing } },
  },
  '/api/support-requests/{id}/accept': answer('acceptSupportRequest', "Accept a request (the provider's staff); a peer challenge's opens its enquiry", jsonBody(answerBody)),
  '/api/support-requests/{id}/decline': answer('declineSupportRequest', "Decline a request, saying why (the provider's staff)", jsonBody(declineBody)),
  '/api/support-requests/{id}/deliver': answer('deliverSupportRequest', "Mark an accepted request delivered (the provider's staff)", jsonBody(answerBody)),
  '/api/support-requests/{id}/ratings': answer(
    'rateSupportRequest',
    "Rate delivered support in your own name (the council's chief executive, members and performance officers, each once): how far you agree it has been helpful; 409 when you have rated it already",
    jsonBody(ratingBody),
  ),
  '/api/support-requests/{id}/ratings/{rating}': {
    patch: {
      operationId: 'changeSupportRating',
      summary: "Change your own rating of delivered support (you alone, never a colleague's); the answer before is kept in ratingChanges, and the verdict reads the ratings that stand",
      parameters: pathParameters(ratingPath),
      requestBody: jsonBody(ratingChangeBody),
      responses: { 200: request, ...withMissing },
    },
  },
  '/api/support-requests/{id}/ratings/{rating}/withdraw': {
    post: {
      operationId: 'withdrawSupportRating',
      summary: 'Withdraw your own rating: it no longer counts in the verdict and is kept, with its answer, in ratingChanges; a request whose every rating is withdrawn is delivered again',
      parameters: pathParameters(ratingPath),
      responses: { 200: request, ...withMissing, 409: error('You withdrew the rating already.') },
    },
  },
  '/api/funding/budgets': {
    get: {
      operationId: 'listBudgets',
      summary: 'Every improvement budget with its allocated, unallocated and spent sums',
      responses: { 200: { description: 'The budgets.', content: json(list('Budget')) } },
    },
    post: {
      operationId: 'addBudget',
      summary: "Add a theme's budget for a financial year, held by your organisation",
      requestBody: jsonBody(budgetBody),
      responses: { 201: budget, ...refusals, 409: error('There is a budget for the theme and year already; details.open links to it.') },
    },
  },
  '/api/funding/budgets/{id}': {
    get: {
      operationId: 'getBudget',
      summary: 'A budget, its allocations and the spend against each',
      parameters: pathParameters(budgetPath),
      responses: { 200: budget, 404: error('No such budget.') },
    },
    patch: {
      operationId: 'changeBudget',
      summary:
        "Change a budget's theme, year or sums from the revision you read (the provider that holds it; fields absent are kept): refused, naming the field, below what is allocated; each field changed is kept in its history",
      parameters: pathParameters(budgetPath),
      requestBody: jsonBody(budgetChangeBody),
      responses: {
        200: budget,
        ...withMissing,
        409: error(
          "Another budget has the theme and year (details.open links to it); or, code 'stale', the budget was changed since the revision given: details.changes lists each change since (field, from, to, changedBy, changedAt, revision) and details.revision the revision now.",
        ),
      },
    },
  },
  '/api/funding/allocations/{id}': {
    patch: {
      operationId: 'changeAllocation',
      summary:
        "Change an allocation from the revision you read (the provider that holds its budget; fields absent are kept): refused, naming the field, where it would take the budget over; each field changed is kept in the budget's history",
      parameters: pathParameters(allocationPath),
      requestBody: jsonBody(allocationChangeBody),
      responses: {
        200: budget,
        ...withMissing,
        409: error("Code 'stale': the allocation was changed since the revision given; details.changes lists each change since and details.revision the revision now."),
      },
    },
  },
  '/api/funding/budgets/{id}/allocations': {
    post: {
      operationId: 'allocateFromBudget',
      summary: "Record the management group's allocation from a budget: refused, naming the field, over what is unallocated",
      parameters: pathParameters(budgetPath),
      requestBody: jsonBody(allocationBody),
      responses: { 201: { description: 'Allocated.', content: json({ type: 'object' }) }, ...withMissing },
    },
  },
  '/api/funding/allocations/{id}/spend': {
    post: {
      operationId: 'recordSpend',
      summary: 'Record spend against an allocation; over it, the allocation shows as overspent',
      parameters: pathParameters(allocationPath),
      requestBody: jsonBody(spendBody),
      responses: { 201: { description: 'The allocation with its spend.', content: json({ type: 'object' }) }, ...withMissing },
    },
  },
};

const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };
const pounds = { type: 'number' };

export const schemas = {
  SupportRequest: {
    type: 'object',
    required: ['id', 'councilCode', 'offerId', 'state', 'requestedOn'],
    properties: {
      id: { type: 'integer' },
      councilCode: text,
      councilName: text,
      offerId: text,
      offerKind: text,
      providerId: text,
      state: { type: 'string', enum: ['requested', 'accepted', 'declined', 'delivered', 'rated'] },
      requestedOn: { type: 'string', format: 'date' },
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
        items: { type: 'object', properties: { id: { type: 'integer' }, userId: { type: 'integer' }, helpful: text } },
      },
      ratingChanges: {
        type: 'array',
        description: 'Every change of a rating, the earliest first: from is null for one given again after withdrawing, to is null for a withdrawal.',
        items: { type: 'object', properties: { by: text, from: nullableText, to: nullableText, at: { type: 'string', format: 'date-time' } } },
      },
      verdict: { type: ['object', 'null'], description: 'Whether most raters agree it has been helpful, with the rule and its sentence.' },
    },
  },
  Budget: {
    type: 'object',
    required: ['id', 'theme', 'year', 'total', 'allocated', 'unallocated', 'spent'],
    properties: {
      id: { type: 'integer' },
      organisationId: { type: 'integer' },
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
            allocationId: { type: ['integer', 'null'] },
            field: text,
            from: nullableText,
            to: nullableText,
            changedBy: text,
            changedAt: { type: 'string', format: 'date-time' },
            revision: { type: 'integer', description: 'The revision of the budget (or of the allocation) the change made.' },
          },
        },
      },
    },
  },
};
