// Improvement cases' part of the OpenAPI document. The parameters and bodies
// come from the schemas the routes check them with (api-inputs.ts).
import { CLOSURES, EVENT_KINDS, LIGHT_TOUCH, OUTCOMES, STAGES, STRANDS } from '../../../domain/improvement/index.ts';
import { json, ref, refusals, shareOperations, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import {
  areaPath,
  caseBody,
  caseChangeBody,
  caseListQuery,
  casePath,
  caseSharePath,
  closeBody,
  eventBody,
  meetingBody,
  noteBody,
  outcomeBody,
  stepBody,
  stepDoneBody,
  stepPath,
} from './api-inputs.ts';

const conflict = {
  409: { description: 'A second open case for the council, a stale revision or a closed case: the message names the other, or who changed it and when.', content: json(ref('Error')) },
};
const caseAnswer = (description: string) => ({ description, content: json(ref('ImprovementCase')) });
const recorded = { 201: { description: 'Recorded: its id.', content: json({ type: 'object', properties: { id: { type: 'integer' } } }) }, ...withMissing, ...conflict };
const onCase = (operationId: string, summary: string, schema: Parameters<typeof jsonBody>[0]) => ({
  post: { operationId, summary, parameters: pathParameters(casePath), requestBody: jsonBody(schema), responses: recorded },
});

const referral = shareOperations(
  { operationId: 'referCase', summary: 'Refer a case that cites its evidence to the Panel, a region or a department (a share, which the council sees)', parameters: pathParameters(casePath) },
  { operationId: 'stopReferral', summary: 'Stop a referral, saying why; the council sees this too', parameters: pathParameters(caseSharePath) },
);

export const paths = {
  '/api/cases': {
    get: {
      operationId: 'listCases',
      summary: 'Improvement cases you may read, open first (each read audited)',
      parameters: queryParameters(caseListQuery),
      responses: { 200: { description: 'Cases and how many you may read.', content: json({ type: 'object' }) }, ...refusals },
    },
    post: {
      operationId: 'openCase',
      summary: 'Open the single conversation with a council, citing a flag or an evidenced item, or the council’s own request (principal advisers)',
      requestBody: jsonBody(caseBody),
      responses: { 201: caseAnswer('Opened.'), ...refusals, ...conflict },
    },
  },
  '/api/cases/{id}': {
    get: {
      operationId: 'getCase',
      summary: 'A case with its evidence, meetings, the notes you may read, steps, outcome history, events, packages and shares',
      parameters: pathParameters(casePath),
      responses: { 200: { description: 'The case.', content: json({ type: 'object' }) }, ...withMissing },
    },
    put: {
      operationId: 'changeCase',
      summary: 'Change a case from the revision you read',
      parameters: pathParameters(casePath),
      requestBody: jsonBody(caseChangeBody),
      responses: { 200: caseAnswer('Changed.'), ...withMissing, ...conflict },
    },
  },
  '/api/cases/{id}/close': {
    post: {
      operationId: 'closeCase',
      summary: `Close a case: ${CLOSURES.join(', ')}; improved only on linked evidence`,
      parameters: pathParameters(casePath),
      requestBody: jsonBody(closeBody),
      responses: { 200: caseAnswer('Closed.'), ...withMissing, ...conflict },
    },
  },
  '/api/cases/{id}/meetings': onCase('recordCaseMeeting', 'Record a meeting, normally at Chief Executive level, with its note and next steps', meetingBody),
  '/api/cases/{id}/notes': onCase('addCaseNote', 'Add a note, restricted like its case or confidential to the readers named', noteBody),
  '/api/cases/{id}/steps': onCase('addNextStep', 'Add a next step with its owner and due date', stepBody),
  '/api/cases/{id}/outcomes': onCase('recordOutcome', `Record one of the five outcomes (${OUTCOMES.join(', ')}); light-touch support is one of ${LIGHT_TOUCH.join(', ')}`, outcomeBody),
  '/api/cases/{id}/events': onCase('recordCaseEvent', `Record ${EVENT_KINDS.join(', ')}, or a renewal`, eventBody),
  '/api/cases/{id}/steps/{step}/done': {
    post: {
      operationId: 'markStepDone',
      summary: 'Mark a next step done',
      parameters: pathParameters(stepPath),
      requestBody: jsonBody(stepDoneBody),
      responses: { 200: { description: 'Done.' }, ...withMissing, ...conflict },
    },
  },
  '/api/cases/{id}/shares': referral.share,
  '/api/cases/{id}/shares/{shareId}/revoke': referral.unshare,
  '/api/areas/{code}/cases': {
    get: {
      operationId: 'casesAboutCouncil',
      summary: 'The cases about a council you may read, each with its stage, outcome, packages and every share (the council reads its own)',
      parameters: pathParameters(areaPath),
      responses: { 200: { description: 'The cases.', content: json({ type: 'object' }) }, ...withMissing },
    },
  },
};

export const schemas = {
  ImprovementCase: {
    type: 'object',
    required: ['id', 'area', 'strands', 'stage', 'revision'],
    properties: {
      id: { type: 'integer' },
      link: { type: 'string' },
      area: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
      strands: { type: 'array', items: { type: 'object', properties: { code: { enum: STRANDS }, label: { type: 'string' } } } },
      stage: { type: 'object', properties: { code: { enum: STAGES }, label: { type: 'string' } } },
      summary: { type: 'string' },
      revision: { type: 'integer' },
    },
  },
};
