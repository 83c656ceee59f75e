// Mentoring's part of the OpenAPI document: paths from the schemas the
// routes check them with, bodies as the domain checks them (api-inputs.ts).
import { error, json, list, ref, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters } from '../../platform/service/openapi-input.ts';
import { arrangementBody, arrangementPath, reviewBody, sessionBody } from './api-inputs.ts';

export const paths = {
  '/api/mentoring': {
    get: {
      operationId: 'listMentoring',
      summary: 'The mentoring arrangements you may read: who the pair are and their dates',
      responses: { 200: { description: 'The arrangements.', content: json(list('MentoringArrangement')) }, ...refusals },
    },
    post: {
      operationId: 'arrangeMentoring',
      summary: "Pair a mentor from the peer pool with a council's chief executive, leader or lead member (the sector body's and regional partnerships' staff)",
      requestBody: jsonBody(arrangementBody),
      responses: {
        201: { description: 'Arranged.', content: json(ref('MentoringArrangement')) },
        ...refusals,
        409: error('The mentee has an open arrangement; the message names it.'),
      },
    },
  },
  '/api/mentoring/{id}': {
    get: {
      operationId: 'getMentoring',
      summary: 'An arrangement; the notes the pair wrote only for the pair (null for everyone else)',
      parameters: pathParameters(arrangementPath),
      responses: {
        200: {
          description: 'The arrangement.',
          content: json({ type: 'object', required: ['arrangement', 'notes'], properties: { arrangement: ref('MentoringArrangement'), notes: { type: ['array', 'null'] } } }),
        },
        ...withMissing,
      },
    },
  },
  '/api/mentoring/{id}/sessions': {
    post: {
      operationId: 'recordMentoringSession',
      summary: 'Record a session, its notes and notes on objectives (the mentor or the mentee alone)',
      parameters: pathParameters(arrangementPath),
      requestBody: jsonBody(sessionBody),
      responses: { 201: { description: 'Recorded.', content: json(ref('MentoringArrangement')) }, ...withMissing },
    },
  },
  '/api/mentoring/{id}/review': {
    post: {
      operationId: 'reviewMentoring',
      summary: 'Close the arrangement with the review: was it helpful, and what changed (the mentee alone, once)',
      parameters: pathParameters(arrangementPath),
      requestBody: jsonBody(reviewBody),
      responses: { 200: { description: 'Reviewed and closed.', content: json(ref('MentoringArrangement')) }, ...withMissing, 409: error('Reviewed already.') },
    },
  },
};

const text = { type: 'string' };
const day = { type: 'string', format: 'date' };

export const schemas = {
  MentoringArrangement: {
    type: 'object',
    required: ['id', 'mentorPeerId', 'mentorName', 'menteeName', 'menteeRole', 'councilCode', 'startOn', 'endOn', 'objectives', 'sessions'],
    properties: {
      id: { type: 'integer' },
      mentorPeerId: { type: 'integer' },
      mentorName: text,
      mentorUserId: { type: ['integer', 'null'] },
      menteeName: text,
      menteeRole: { type: 'string', enum: ['chief_executive', 'leader', 'lead_member'] },
      councilCode: text,
      councilName: text,
      menteeUserId: { type: ['integer', 'null'] },
      startOn: day,
      endOn: day,
      organisationId: { type: 'integer' },
      arrangedBy: { type: ['integer', 'null'] },
      objectives: { type: 'array', items: text },
      sessions: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, heldOn: day, minutes: { type: 'integer' } } } },
      review: { type: ['object', 'null'], description: "The mentee's closing review: helpful (yes, partly, no), whatChanged, reviewedAt." },
    },
  },
};
