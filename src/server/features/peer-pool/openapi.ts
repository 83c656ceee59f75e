// The peer pool's part of the OpenAPI document: peers, their conflicts, days
// away and feed address, "Giving and taking", and a challenge's team,
// booking and releasing peers. Bodies and paths come from the schemas the routes
// check them with (api-inputs.ts).
import { error, json, jsonOrCsv, list, ref, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { bookingBody, challengePath, conflictBody, givingQuery, peerBody, peerPath, poolQuery, releaseBody, unavailableBody } from './api-inputs.ts';

const clash = {
  409: error(
    'Refused for a clash, named in the message and in details.clash: a double booking (the other challenge and its dates), days the peer cannot give, or a conflict (its kind and the council).',
  ),
};

const peerChange = (operationId: string, summary: string, body: Parameters<typeof jsonBody>[0], extra: object = {}) => ({
  post: {
    operationId,
    summary,
    parameters: pathParameters(peerPath),
    requestBody: jsonBody(body),
    responses: { 201: { description: 'Recorded: the peer as now kept.', content: json(ref('Peer')) }, ...withMissing, ...extra },
  },
});

export const paths = {
  '/api/peers': {
    get: {
      operationId: 'listPeers',
      summary: 'The peers the viewer may read that pass the filters: every peer for peer challenge managers, their own record for a peer',
      parameters: queryParameters(poolQuery),
      responses: { 200: { description: 'The peers.', content: json(list('Peer')) }, ...withMissing },
    },
    post: {
      operationId: 'addPeer',
      summary: 'Add a peer to the pool (peer challenge managers); every bad field is named',
      requestBody: jsonBody(peerBody),
      responses: { 201: { description: 'Added.', content: json(ref('Peer')) }, ...withMissing },
    },
  },
  '/api/peers/giving-and-taking': {
    get: {
      operationId: 'givingAndTaking',
      summary: 'Per council, peer days given by its peers beside the challenges it received and the peer days spent on them, up to today',
      parameters: queryParameters(givingQuery),
      responses: { 200: { description: 'The councils.', content: jsonOrCsv({ type: 'object' }) }, ...withMissing },
    },
  },
  '/api/peers/{id}': {
    get: {
      operationId: 'readPeer',
      summary: "A peer's details, days away, declared conflicts and bookings (peer challenge managers and the peer)",
      parameters: pathParameters(peerPath),
      responses: { 200: { description: 'The peer.', content: json(ref('Peer')) }, ...withMissing },
    },
  },
  '/api/peers/{id}/conflicts': peerChange('declarePeerConflict', "Declare a peer's conflict with a council (the peer or a peer challenge manager)", conflictBody),
  '/api/peers/{id}/unavailable': peerChange('recordPeerUnavailable', 'Record days a peer cannot give (the peer or a peer challenge manager)', unavailableBody, {
    409: error('The peer is booked on one of the days: the message names the challenge and its dates.'),
  }),
  '/api/peers/{id}/feed': {
    post: {
      operationId: 'renewPeerFeed',
      summary: "Make the peer's private calendar feed address anew, closing the old one (the peer alone)",
      parameters: pathParameters(peerPath),
      responses: { 201: { description: 'The new token and address.', content: json({ type: 'object', properties: { token: { type: 'string' }, address: { type: 'string' } } }) }, ...withMissing },
    },
  },
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
  Peer: {
    type: 'object',
    required: ['id', 'name', 'role', 'party', 'councilCode', 'skills', 'sectorExperience', 'daysGiven', 'unavailable'],
    properties: {
      id: { type: 'integer' },
      name: { type: 'string' },
      role: { type: 'string' },
      party: { type: ['string', 'null'] },
      councilCode: { type: ['string', 'null'] },
      councilName: { type: ['string', 'null'] },
      skills: { type: 'array', items: { type: 'string' } },
      sectorExperience: { type: 'array', items: { type: 'string' } },
      userId: { type: ['integer', 'null'] },
      daysGiven: { type: 'integer', description: 'Peer days given up to today.' },
      unavailable: { type: 'array', items: { type: 'object' } },
      conflicts: { type: 'array', items: { type: 'object' }, description: "On a peer's own page: the conflicts declared." },
      bookings: { type: 'array', items: { type: 'object' }, description: "On a peer's own page: every booking, released ones with why." },
    },
  },
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
