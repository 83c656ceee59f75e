// The peer pool's part of the OpenAPI document: a challenge's team, booking
// and releasing peers. Bodies and paths come from the schemas the routes
// check them with (api-inputs.ts).
import { error, json, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters } from '../../platform/service/openapi-input.ts';
import { bookingBody, challengePath, releaseBody } from './api-inputs.ts';

const clash = {
  409: error(
    'Refused for a clash, named in the message and in details.clash: a double booking (the other challenge and its dates), days the peer cannot give, or a conflict (its kind and the council).',
  ),
};

export const paths = {
  '/api/peer-challenges/{id}/team': {
    get: {
      operationId: 'readPeerTeam',
      summary: "A challenge's team, whether it meets the composition rule, and (for peer challenge managers) the free peers ranked with their reasons",
      parameters: pathParameters(challengePath),
      responses: { 200: { description: 'The team.', content: json({ $ref: '#/components/schemas/PeerTeam' }) }, ...withMissing },
    },
    post: {
      operationId: 'bookPeer',
      summary: "Book a peer on a challenge's team for its week on site (peer challenge managers)",
      parameters: pathParameters(challengePath),
      requestBody: jsonBody(bookingBody),
      responses: { 201: { description: 'Booked.', content: json({ type: 'object' }) }, ...withMissing, ...clash },
    },
  },
  '/api/peer-challenges/{id}/team/release': {
    post: {
      operationId: 'releasePeer',
      summary: "Release a peer from a challenge's team, saying why (peer challenge managers)",
      parameters: pathParameters(challengePath),
      requestBody: jsonBody(releaseBody),
      responses: { 200: { description: 'Released.', content: json({ type: 'object' }) }, ...withMissing, 409: error('The team no longer changes at this stage.') },
    },
  },
};

export const schemas = {
  PeerTeam: {
    type: 'object',
    required: ['challenge', 'team', 'meetsComposition', 'problems', 'suggestion'],
    properties: {
      challenge: { type: 'object' },
      team: { type: 'array', items: { type: 'object' } },
      meetsComposition: { type: 'boolean', description: 'Whether the team fills every place of the composition rule (a corporate team: a lead chief executive, a member peer, a manager).' },
      problems: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
      suggestion: { type: ['object', 'null'], description: 'For those who run the challenge: per role the free peers best first, each with its reasons, and a proposed team.' },
    },
  },
};
