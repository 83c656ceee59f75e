// The peer pool's part of the OpenAPI document: peers (a page at a time),
// their conflicts and days away and withdrawing them, their feed address, "Giving and taking", and a challenge's team,
// booking and releasing peers. Bodies and paths come from the schemas the routes
// check them with (api-inputs.ts).
import { jsonOrCsv, error, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, anyObject, object, textList, objectList, nullable } from '../../platform/service/openapi-types.ts';
import { jsonBody } from '../../platform/service/openapi-input.ts';
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
  post: operation(operationId, summary, { path: peerPath, body }, { 201: answer('Recorded: the peer as now kept.', ref('Peer')), ...withMissing, ...extra }),
});

export const paths = {
  '/api/peers': {
    get: operation(
      'listPeers',
      'A page of the peers the viewer may read that pass the filters: every peer for peer challenge managers, their own record for a peer',
      { query: poolQuery },
      {
        200: answer(
          'The page of peers, with how many pass the filters in all.',
          object(['items', 'total', 'page', 'pageSize', 'pages'], {
            items: { type: 'array', items: ref('Peer') },
            total: { type: 'integer', description: 'The peers the viewer may read that pass the filters, on every page.' },
            page: integer,
            pageSize: integer,
            pages: { type: 'integer', description: 'How many pages there are (at least 1); a page past the last has no items.' },
          }),
        ),
        ...withMissing,
      },
    ),
    post: operation('addPeer', 'Add a peer to the pool (peer challenge managers); every bad field is named', { body: peerBody }, { 201: answer('Added.', ref('Peer')), ...withMissing }),
  },
  '/api/peers/giving-and-taking': {
    get: operation(
      'givingAndTaking',
      'Per council, peer days given by its peers beside the challenges it received and the peer days spent on them, up to today',
      { query: givingQuery },
      { 200: { description: 'The councils.', content: jsonOrCsv(anyObject) }, ...withMissing },
    ),
  },
  '/api/peers/{id}': {
    get: operation(
      'readPeer',
      "A peer's details, days away, declared conflicts and bookings (peer challenge managers and the peer)",
      { path: peerPath },
      { 200: answer('The peer.', ref('Peer')), ...withMissing },
    ),
  },
  '/api/peers/{id}/conflicts': peerChange('declarePeerConflict', "Declare a peer's conflict with a council (the peer or a peer challenge manager)", conflictBody),
  '/api/peers/{id}/unavailable': peerChange('recordPeerUnavailable', 'Record days a peer cannot give (the peer or a peer challenge manager)', unavailableBody, {
    409: error('The peer is booked on one of the days: the message names the challenge and its dates.'),
  }),
  '/api/peers/{id}/unavailable/{span}/withdraw': {
    post: operation(
      'withdrawPeerUnavailable',
      "Withdraw a peer's days away (the peer or a peer challenge manager), saying why if they wish: the days still to come are kept as withdrawn, with who, when and why, and days past stay standing; team suggestions see it at once",
      { path: unavailablePath, requestBody: { ...jsonBody(withdrawUnavailableBody), required: false } },
      {
        200: answer('Withdrawn: the peer as now kept.', ref('Peer')),
        ...withMissing,
        409: error('Every day of the span is past, or it was withdrawn already: the message says so (and when), and the days stay on record.'),
      },
    ),
  },
  '/api/peers/{id}/conflicts/{council}/withdraw': {
    post: operation(
      'withdrawPeerConflict',
      'Withdraw a conflict the peer declared with a council, saying why (the peer or a peer challenge manager); it stays on record as withdrawn, and team suggestions see it at once',
      { path: conflictPath, body: withdrawConflictBody.pick({ reason: true }) },
      {
        200: answer('Withdrawn: the peer as now kept.', ref('Peer')),
        ...withMissing,
        409: error(
          "No declared conflict with the council stands: it was withdrawn already (the message says when), it was never declared, or it is the peer's own council, which the rules make a conflict.",
        ),
      },
    ),
  },
  '/api/peers/{id}/feed': {
    post: operation(
      'renewPeerFeed',
      "Make the peer's private calendar feed address anew, closing the old one (the peer alone); the token is shown this once, as Lantern keeps only its hash",
      { path: peerPath },
      { 201: answer('The new token and address.', { type: 'object', properties: { token: text, address: text } }), ...withMissing },
    ),
  },
  '/api/peer-challenges/{id}/team': {
    get: operation(
      'readPeerTeam',
      "A challenge's team, whether it meets the composition rule, and (for peer challenge managers) the free peers ranked with their reasons",
      { path: challengePath },
      { 200: answer('The team.', { $ref: '#/components/schemas/PeerTeam' }), ...withMissing },
    ),
    post: operation(
      'bookPeer',
      "Book a peer on a challenge's team for its week on site (peer challenge managers)",
      { path: challengePath, body: bookingBody },
      { 201: answer('Booked.', anyObject), ...withMissing, ...clash },
    ),
  },
  '/api/peer-challenges/{id}/team/release': {
    post: operation(
      'releasePeer',
      "Release a peer from a challenge's team, saying why (peer challenge managers)",
      { path: challengePath, body: releaseBody },
      { 200: answer('Released.', anyObject), ...withMissing, 409: error('The team no longer changes at this stage.') },
    ),
  },
};

export const schemas = {
  Peer: object(['id', 'name', 'role', 'party', 'councilCode', 'skills', 'sectorExperience', 'daysGiven', 'unavailable'], {
    id: integer,
    name: text,
    role: text,
    party: nullableText,
    councilCode: nullableText,
    councilName: nullableText,
    skills: textList,
    sectorExperience: textList,
    userId: nullable('integer'),
    daysGiven: { type: 'integer', description: 'Peer days given up to today.' },
    unavailable: { type: 'array', items: anyObject, description: 'Days away standing: id (to withdraw them), from, to, reason.' },
    conflicts: { type: 'array', items: anyObject, description: "On a peer's own page: the conflicts declared and standing." },
    withdrawnAway: {
      type: 'array',
      items: anyObject,
      description: "On a peer's own page: days away withdrawn, never deleted: id, from, to, reason, cutFrom (the span under way they were cut from), withdrawnAt, withdrawnBy, withdrawReason.",
    },
    withdrawnConflicts: {
      type: 'array',
      items: anyObject,
      description:
        "On a peer's own page: declared conflicts withdrawn, never deleted: councilCode, councilName, reason, declaredAt, withdrawnAt, withdrawnBy, withdrawReason. A conflict declared again is a standing one of its own.",
    },
    bookings: { type: 'array', items: anyObject, description: "On a peer's own page: every booking, released ones with why." },
  }),
  PeerTeam: object(['challenge', 'team', 'meetsComposition', 'problems', 'suggestion'], {
    challenge: anyObject,
    team: objectList,
    meetsComposition: { type: 'boolean', description: 'Whether the team fills every place of the composition rule (a corporate team: a lead chief executive, a member peer, a manager).' },
    problems: { type: 'array', items: { type: 'object', properties: { field: text, message: text } } },
    suggestion: { type: ['object', 'null'], description: 'For those who run the challenge: per role the free peers best first, each with its reasons, and a proposed team.' },
  }),
};
