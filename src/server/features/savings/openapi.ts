// Savings' part of the OpenAPI document: paths from the schemas the routes
// check them with, bodies as the domain checks them (api-inputs.ts).
import { error, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, boolean, object, nullableInstant } from '../../platform/service/openapi-types.ts';
import { councilPath, moveBody, savingBody, savingPath } from './api-inputs.ts';

const totals = { type: 'object', description: 'A sum and count per status (estimated, claimed, evidenced, verified), and withEvidence: the evidenced and verified alone. Never a grand total.' };

export const paths = {
  '/api/savings': {
    post: operation(
      'recordSaving',
      "Record an efficiency saving of your council (councils' performance officers) or, as a regional partner, of a named council; each bad field named",
      { body: savingBody },
      { 201: answer('Recorded.', ref('Saving')), ...refusals },
    ),
  },
  '/api/savings/partnership': {
    get: operation(
      'partnershipSavings',
      'Every council whose savings you may read, set against the savings goal year by year, and the years’ totals by status',
      {},
      { 200: answer('The goal, each council’s progress and the years’ totals.', { type: 'object', required: ['goal', 'councils', 'years'] }), ...refusals },
    ),
  },
  '/api/savings/councils/{code}': {
    get: operation(
      'councilSavings',
      "A council's savings, their totals by year and status, and its progress against the goal",
      { path: councilPath },
      {
        200: answer("The council's savings.", object(['councilCode', 'savings', 'years', 'progress'], { years: { type: 'array', items: { type: 'object', properties: { year: text, totals } } } })),
        ...withMissing,
      },
    ),
  },
  '/api/savings/{id}': {
    get: operation('getSaving', 'A saving and the steps its status took', { path: savingPath }, { 200: answer('The saving.', object(['saving', 'steps'], { saving: ref('Saving') })), ...withMissing }),
  },
  '/api/savings/{id}/status': {
    post: operation(
      'moveSaving',
      'Move a saving on: its council to claimed or evidenced (with the evidence), a regional partner to verified; never back',
      { path: savingPath, body: moveBody },
      { 200: answer('Moved.', ref('Saving')), ...withMissing, 409: error('Moved by someone else since the revision given; the message names its status now.') },
    ),
  },
};

export const schemas = {
  Saving: object(['id', 'councilCode', 'year', 'amount', 'cashReleasing', 'lastsFullYears', 'source', 'description', 'status', 'revision'], {
    id: integer,
    councilCode: text,
    areaName: text,
    organisationId: integer,
    year: text,
    amount: { type: 'number', minimum: 0 },
    cashReleasing: boolean,
    lastsFullYears: integer,
    source: { type: 'string', enum: ['shared_service', 'procurement', 'support_given', 'service_redesign', 'other'] },
    description: text,
    status: { type: 'string', enum: ['estimated', 'claimed', 'evidenced', 'verified'] },
    evidence: { type: ['object', 'null'] },
    verifiedBy: { type: ['string', 'null'], description: 'The name of the regional partner who verified it.' },
    verifiedAt: nullableInstant,
    recordedByName: nullableText,
    revision: integer,
  }),
};
