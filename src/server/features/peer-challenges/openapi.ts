// Peer challenges' part of the OpenAPI document: paths and query from the
// schemas the routes check them with, bodies as the domain checks them.
import { error, json, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { challengePath, enquiryBody, programmeQuery, scopeBody, stepBody, weekBody } from './api-inputs.ts';

const challenge = { description: 'The challenge as it now stands, with its due dates.', content: json({ type: 'object' }) };
const stale = { 409: error('The challenge changed since it was read (a stale revision), or cannot take this step from its stage; the message says which.') };

export const paths = {
  '/api/peer-challenges': {
    get: {
      operationId: 'peerChallengeProgramme',
      summary:
        "The programme: every council's last challenge, stage, next due and overdue items, counts delivered, booked and in discussion, and councils without a challenge for longer than the rules allow",
      parameters: queryParameters(programmeQuery),
      responses: { 200: { description: 'The programme.', content: json({ type: 'object' }) }, ...refusals },
    },
    post: {
      operationId: 'openPeerChallenge',
      summary: 'Open an enquiry for a council (peer challenge managers)',
      requestBody: jsonBody(enquiryBody),
      responses: { 201: challenge, ...refusals, 409: error('The council already has an open challenge of the kind: the message names it.') },
    },
  },
  '/api/peer-challenges/{id}': {
    get: {
      operationId: 'getPeerChallenge',
      summary: 'A challenge: stage, focus, week, due dates with their sentences, due dates moved by a change of rules, history of steps',
      parameters: pathParameters(challengePath),
      responses: { 200: challenge, ...withMissing },
    },
  },
  '/api/peer-challenges/{id}/scope': {
    post: {
      operationId: 'scopePeerChallenge',
      summary: 'Agree the focus areas',
      parameters: pathParameters(challengePath),
      requestBody: jsonBody(scopeBody),
      responses: { 200: challenge, ...withMissing, ...stale },
    },
  },
  '/api/peer-challenges/{id}/week': {
    post: {
      operationId: 'bookPeerChallengeWeek',
      summary: 'Book the days on site; the due dates follow',
      parameters: pathParameters(challengePath),
      requestBody: jsonBody(weekBody),
      responses: { 200: challenge, ...withMissing, ...stale },
    },
  },
  '/api/peer-challenges/{id}/steps': {
    post: {
      operationId: 'stepPeerChallenge',
      summary: 'Take the next step with its day, or close with a reason',
      parameters: pathParameters(challengePath),
      requestBody: jsonBody(stepBody),
      responses: { 200: challenge, ...withMissing, ...stale },
    },
  },
};

export const schemas = {};
