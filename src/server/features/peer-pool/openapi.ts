// The peer pool's part of the OpenAPI document: peers (a page at a time),
// their conflicts and days away and withdrawing them, their feed address, "Giving and taking", and a challenge's team,
// booking and releasing peers. Bodies and paths come from the schemas the routes
// check them with (api-inputs.ts).
import { error, json, jsonOrCsv, ref, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import {
  bookingBody,
  challengePath,
  conflictBody,
  conflictPath,
  givingQuery,
  peerBody,
  peerPath,
  poolQuery,
  releaseBody,
  unavailableBody,
  unavailablePath,
  withdrawConflictBody,
  withdrawUnavailableBody,
} from './api-inputs.ts';

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
      summary: 'A page of the peers the viewer may read that pass the filters: every peer for peer challenge managers, their own record for a peer',
      parameters: queryParameters(poolQuery),
      responses: {
        200: {
          description: 'The page of peers, with how many pass the filters in all.',
          content: json({
            type: 'object',
            required: ['items', 'total', 'page', 'pageSize', 'pages'],
            properties: {
              items: { type: 'array', items: ref('Peer') },
              total: { type: 'integer', description: 'The peers the viewer may read that pass the filters, on every page.' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
              pages: { type: 'integer', description: 'How many pages there are (at least 1); a page past the last has no items.' },
            },
          }),
        },
        ...withMissing,
      },
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
  '/api/peers/{id}/unavailable/{span}/withdraw': {
    post: {
      operationId: 'withdrawPeerUnavailable',
      summary:
        "Withdraw a peer's days away (the peer or a peer challenge manager), saying why if they wish: the days still to come are kept as withdrawn, with who, when and why, and days past stay standing; team suggestions see it at once",
      parameters: pathParameters(unavailablePath),
      requestBody: { ...jsonBody(withdrawUnavailableBody), required: false },
      responses: {
        200: { description: 'Withdrawn: the peer as now kept.', content: json(ref('Peer')) },
        ...withMissing,
        409: error('Every day of the span is past, or it was withdrawn already: the message says so (and when), and the days stay on record.'),
      },
    },
  },
  '/api/peers/{id}/conflicts/{council}/withdraw': {
    post: {
      operationId: 'withdrawPeerConflict',
      summary: 'Withdraw a conflict the peer declared with a council, saying why (the peer or a peer challenge manager); it stays on record as withdrawn, and team suggestions see it at once',
      parameters: pathParameters(conflictPath),
      requestBody: jsonBody(withdrawConflictBody.pick({ reason: true })),
      responses: {
        200: { description: 'Withdrawn: the peer as now kept.', content: json(ref('Peer')) },
        ...withMissing,
        409: error(
          "No declared conflict with the council stands: it was withdrawn already (the message says when), it was never declared, or it is the peer's own council, which the rules make a conflict.",
        ),
      },
    },
  },
  '/api/peers/{id}/feed': {
    post: {
      operationId: 'renewPeerFeed',
      summary: "Make the peer's private calendar feed address anew, closing the old one (the peer alone); the token is shown this once, as Lantern keeps only its hash",
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
      unavailable: { type: 'array', items: { type: 'object' }, description: 'Days away standing: id (to withdraw them), from, to, reason.' },
      conflicts: { type: 'array', items: { type: 'object' }, description: "On a peer's own page: the conflicts declared and standing." },
      withdrawnAway: {
        type: 'array',
        items: { type: 'object' },
        description: "On a peer's own page: days away withdrawn, never deleted: id, from, to, reason, cutFrom (the span under way they were cut from), withdrawnAt, withdrawnBy, withdrawReason.",
      },
      withdrawnConflicts: {
        type: 'array',
        items: { type: 'object' },
        description:
          "On a peer's own page: declared conflicts withdrawn, never deleted: councilCode, councilName, reason, declaredAt, withdrawnAt, withdrawnBy, withdrawReason. A conflict declared again is a standing one of its own.",
      },
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
