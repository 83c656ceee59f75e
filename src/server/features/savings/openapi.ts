// Savings' part of the OpenAPI document: paths from the schemas the routes
// check them with, bodies as the domain checks them (api-inputs.ts).
import { json, ref, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters } from '../../platform/service/openapi-input.ts';
import { councilPath, moveBody, savingBody, savingPath } from './api-inputs.ts';

const totals = { type: 'object', description: 'A sum and count per status (estimated, claimed, evidenced, verified), and withEvidence: the evidenced and verified alone. Never a grand total.' };

export const paths = {
  '/api/savings': {
    post: {
      operationId: 'recordSaving',
      summary: "Record an efficiency saving of your council (councils' performance officers) or, as a regional partner, of a named council; each bad field named",
      requestBody: jsonBody(savingBody),
      responses: { 201: { description: 'Recorded.', content: json(ref('Saving')) }, ...refusals },
    },
  },
  '/api/savings/partnership': {
    get: {
      operationId: 'partnershipSavings',
      summary: 'Every council whose savings you may read, set against the savings goal year by year, and the years’ totals by status',
      responses: { 200: { description: 'The goal, each council’s progress and the years’ totals.', content: json({ type: 'object', required: ['goal', 'councils', 'years'] }) }, ...refusals },
    },
  },
  '/api/savings/councils/{code}': {
    get: {
      operationId: 'councilSavings',
      summary: "A council's savings, their totals by year and status, and its progress against the goal",
      parameters: pathParameters(councilPath),
      responses: {
        200: {
          description: "The council's savings.",
          content: json({
            type: 'object',
            required: ['councilCode', 'savings', 'years', 'progress'],
            properties: { years: { type: 'array', items: { type: 'object', properties: { year: { type: 'string' }, totals } } } },
          }),
        },
        ...withMissing,
      },
    },
  },
  '/api/savings/{id}': {
    get: {
      operationId: 'getSaving',
      summary: 'A saving and the steps its status took',
      parameters: pathParameters(savingPath),
      responses: { 200: { description: 'The saving.', content: json({ type: 'object', required: ['saving', 'steps'], properties: { saving: ref('Saving') } }) }, ...withMissing },
    },
  },
  '/api/savings/{id}/status': {
    post: {
      operationId: 'moveSaving',
      summary: 'Move a saving on: its council to claimed or evidenced (with the evidence), a regional partner to verified; never back',
      parameters: pathParameters(savingPath),
      requestBody: jsonBody(moveBody),
      responses: {
        200: { description: 'Moved.', content: json(ref('Saving')) },
        ...withMissing,
        409: { description: 'Moved by someone else since the revision given; the message names its status now.', content: json(ref('Error')) },
      },
    },
  },
};

const text = { type: 'string' };

export const schemas = {
  Saving: {
    type: 'object',
    required: ['id', 'councilCode', 'year', 'amount', 'cashReleasing', 'lastsFullYears', 'source', 'description', 'status', 'revision'],
    properties: {
      id: { type: 'integer' },
      councilCode: text,
      areaName: text,
      organisationId: { type: 'integer' },
      year: text,
      amount: { type: 'number', minimum: 0 },
      cashReleasing: { type: 'boolean' },
      lastsFullYears: { type: 'integer' },
      source: { type: 'string', enum: ['shared_service', 'procurement', 'support_given', 'service_redesign', 'other'] },
      description: text,
      status: { type: 'string', enum: ['estimated', 'claimed', 'evidenced', 'verified'] },
      evidence: { type: ['object', 'null'] },
      verifiedBy: { type: ['string', 'null'], description: 'The name of the regional partner who verified it.' },
      verifiedAt: { type: ['string', 'null'], format: 'date-time' },
      recordedByName: { type: ['string', 'null'] },
      revision: { type: 'integer' },
    },
  },
};
