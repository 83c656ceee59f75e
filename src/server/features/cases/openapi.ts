// Improvement cases' part of the OpenAPI document. The parameters and bodies
// come from the schemas the routes check them with (api-inputs.ts).
import { CLOSURES, EVENT_KINDS, LIGHT_TOUCH, OUTCOMES, STAGES, STRANDS } from '../../../domain/improvement/index.ts';
import { error, refusals, withMissing, shareOperations, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, integer, anyObject, object, codeAndName } from '../../platform/service/openapi-types.ts';
import { jsonBody } from '../../platform/service/openapi-input.ts';
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
  409: error('A second open case for the council, a stale revision or a closed case: the message names the other, or who changed it and when.'),
};
const caseAnswer = (description: string) => answer(description, ref('ImprovementCase'));
const recorded = { 201: answer('Recorded: its id.', { type: 'object', properties: { id: integer } }), ...withMissing, ...conflict };
const onCase = (operationId: string, summary: string, schema: Parameters<typeof jsonBody>[0]) => ({
  post: operation(operationId, summary, { path: casePath, body: schema }, recorded),
});

const referral = shareOperations(
  { operationId: 'referCase', summary: 'Refer a case that cites its evidence to the Panel, a region or a department (a share, which the council sees)', path: casePath },
  { operationId: 'stopReferral', summary: 'Stop a referral, saying why; the council sees this too', path: caseSharePath },
);

export const paths = {
  '/api/cases': {
    get: operation(
      'listCases',
      'Improvement cases you may read, open first (each read audited)',
      { query: caseListQuery },
      { 200: answer('Cases and how many you may read.', anyObject), ...refusals },
    ),
    post: operation(
      'openCase',
      'Open the single conversation with a council, citing a flag or an evidenced item, or the council’s own request (principal advisers)',
      { body: caseBody },
      { 201: caseAnswer('Opened.'), ...refusals, ...conflict },
    ),
  },
  '/api/cases/{id}': {
    get: operation(
      'getCase',
      'A case with its evidence, meetings, the notes you may read, steps, outcome history, events, packages and shares',
      { path: casePath },
      { 200: answer('The case.', anyObject), ...withMissing },
    ),
    put: operation('changeCase', 'Change a case from the revision you read', { path: casePath, body: caseChangeBody }, { 200: caseAnswer('Changed.'), ...withMissing, ...conflict }),
  },
  '/api/cases/{id}/close': {
    post: operation(
      'closeCase',
      `Close a case: ${CLOSURES.join(', ')}; improved only on linked evidence`,
      { path: casePath, body: closeBody },
      { 200: caseAnswer('Closed.'), ...withMissing, ...conflict },
    ),
  },
  '/api/cases/{id}/meetings': onCase('recordCaseMeeting', 'Record a meeting, normally at Chief Executive level, with its note and next steps', meetingBody),
  '/api/cases/{id}/notes': onCase('addCaseNote', 'Add a note, restricted like its case or confidential to the readers named', noteBody),
  '/api/cases/{id}/steps': onCase('addNextStep', 'Add a next step with its owner and due date', stepBody),
  '/api/cases/{id}/outcomes': onCase('recordOutcome', `Record one of the five outcomes (${OUTCOMES.join(', ')}); light-touch support is one of ${LIGHT_TOUCH.join(', ')}`, outcomeBody),
  '/api/cases/{id}/events': onCase('recordCaseEvent', `Record ${EVENT_KINDS.join(', ')}, or a renewal`, eventBody),
  '/api/cases/{id}/steps/{step}/done': {
    post: operation('markStepDone', 'Mark a next step done', { path: stepPath, body: stepDoneBody }, { 200: { description: 'Done.' }, ...withMissing, ...conflict }),
  },
  '/api/cases/{id}/shares': referral.share,
  '/api/cases/{id}/shares/{shareId}/revoke': referral.unshare,
  '/api/areas/{code}/cases': {
    get: operation(
      'casesAboutCouncil',
      'The cases about a council you may read, each with its stage, outcome, packages and every share (the council reads its own)',
      { path: areaPath },
      { 200: answer('The cases.', anyObject), ...withMissing },
    ),
  },
};

export const schemas = {
  ImprovementCase: object(['id', 'area', 'strands', 'stage', 'revision'], {
    id: integer,
    link: text,
    area: codeAndName,
    strands: { type: 'array', items: { type: 'object', properties: { code: { enum: STRANDS }, label: text } } },
    stage: { type: 'object', properties: { code: { enum: STAGES }, label: text } },
    summary: text,
    revision: integer,
  }),
};
