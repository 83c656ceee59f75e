// Peer challenges' part of the OpenAPI document: paths and query from the
// schemas the routes check them with, bodies as the domain checks them.
import { error, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, integer, anyObject, object, textList } from '../../platform/service/openapi-types.ts';
import { jsonBody, pathParameters } from '../../platform/service/openapi-input.ts';
import {
  actionBody,
  actionPath,
  challengePath,
  enquiryBody,
  evidenceBody,
  findingBody,
  programmeQuery,
  publicationBody,
  publicationPath,
  recommendationBody,
  recommendationPath,
  scopeBody,
  stepBody,
  weekBody,
} from './api-inputs.ts';

const challenge = answer('The challenge as it now stands, with its due dates.', anyObject);
const stale = { 409: error('The challenge changed since it was read (a stale revision), or cannot take this step from its stage; the message says which.') };

export const paths = {
  '/api/peer-challenges': {
    get: operation(
      'peerChallengeProgramme',
      "The programme: every council's last challenge, stage, next due and overdue items, counts delivered, booked and in discussion, and councils without a challenge for longer than the rules allow (among those whose history the programme holds)",
      { query: programmeQuery },
      {
        200: answer(
          'The programme. Each row carries its cadence (per kind: not_held, in_time, due_within_year or overdue, with lastOn, heldFrom, dueBy and a sentence) and why it needs attention (empty when it does not); shown counts the councils needing attention and all under the other filters; notHeld names the councils and kinds whose history is not held, which are never counted overdue.',
          anyObject,
        ),
        ...refusals,
      },
    ),
    post: operation(
      'openPeerChallenge',
      'Open an enquiry for a council (peer challenge managers)',
      { body: enquiryBody },
      { 201: challenge, ...refusals, 409: error('The council already has an open challenge of the kind: the message names it.') },
    ),
  },
  '/api/peer-challenges/{id}': {
    get: operation(
      'getPeerChallenge',
      'A challenge: stage, focus, week, due dates with their sentences, due dates moved by a change of rules, history of steps',
      { path: challengePath },
      { 200: challenge, ...withMissing },
    ),
  },
  '/api/peer-challenges/{id}/scope': {
    post: operation('scopePeerChallenge', 'Agree the focus areas', { path: challengePath, body: scopeBody }, { 200: challenge, ...withMissing, ...stale }),
  },
  '/api/peer-challenges/{id}/week': {
    post: operation('bookPeerChallengeWeek', 'Book the days on site; the due dates follow', { path: challengePath, body: weekBody }, { 200: challenge, ...withMissing, ...stale }),
  },
  '/api/peer-challenges/{id}/steps': {
    post: operation('stepPeerChallenge', 'Take the next step with its day, or close with a reason', { path: challengePath, body: stepBody }, { 200: challenge, ...withMissing, ...stale }),
  },
};

const followUp = answer("The challenge's follow-up as it now stands.", ref('PeerChallengeFollowUp'));
const followUpChange = (operationId: string, summary: string, path: Parameters<typeof pathParameters>[0], body: Parameters<typeof jsonBody>[0], status: 200 | 201, extra: object = {}) => ({
  post: operation(operationId, summary, { path, body }, { [status]: followUp, ...withMissing, ...extra }),
});

Object.assign(paths, {
  '/api/peer-challenges/{id}/findings': {
    get: operation(
      'getPeerChallengeFollowUp',
      "A challenge's findings (each cited metric read since the week on site), recommendations with their actions and evidence, and published versions: for those who read its drafts (its holder, the council, the team)",
      { path: challengePath },
      { 200: followUp, ...withMissing },
    ),
    ...followUpChange('addPeerChallengeFinding', 'Add a finding citing metrics (the peer challenge managers who run it)', challengePath, findingBody, 201),
  },
  '/api/peer-challenges/{id}/recommendations': followUpChange(
    'addPeerChallengeRecommendation',
    'Add a recommendation (the peer challenge managers who run it)',
    challengePath,
    recommendationBody,
    201,
  ),
  '/api/peer-challenges/{id}/publications': followUpChange(
    'publishPeerChallengeDocument',
    'Publish the report or the action plan as a new frozen, public version (the peer challenge managers who run it)',
    challengePath,
    publicationBody,
    201,
  ),
  '/api/peer-challenges/{id}/recommendations/{recommendation}/actions': followUpChange(
    'addPeerChallengeAction',
    "Add an action on a recommendation (the managers who run the challenge and the council's performance officers)",
    recommendationPath,
    actionBody,
    201,
  ),
  '/api/peer-challenges/{id}/actions/{action}/evidence': followUpChange(
    'recordPeerChallengeEvidence',
    "Record the evidence an action was done, once (the managers who run the challenge and the council's performance officers)",
    actionPath,
    evidenceBody,
    200,
    { 409: error('The action has its evidence already: the message says so.') },
  ),
  '/api/peer-challenges/{id}/publications/{publication}': {
    get: operation(
      'getPeerChallengePublication',
      'A published version of the report or action plan, with the findings it froze: public',
      { path: publicationPath },
      { 200: answer('The published version.', anyObject), ...withMissing },
    ),
  },
});

export const schemas = {
  PeerChallengeFollowUp: object(['challenge', 'findings', 'recommendations', 'publications', 'mayChange', 'mayRecordActions'], {
    challenge: { type: 'object', description: 'Its id, council, kind, stage and week on site.' },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: integer,
          finding: text,
          metrics: textList,
          sinceTheWeek: { type: 'array', items: { type: 'object', description: "A cited metric: the council's figure before the week against its latest, judged, with its sentence." } },
        },
      },
    },
    recommendations: { type: 'array', items: { type: 'object', description: 'The recommendation with its actions, each with its due day, evidence and day done.' } },
    publications: { type: 'array', items: { type: 'object', description: 'A published version (its text at its own address): document, version, when, superseded or not.' } },
    mayChange: { type: 'boolean', description: 'Whether the viewer adds findings, recommendations and publishes.' },
    mayRecordActions: { type: 'boolean', description: 'Whether the viewer records actions and evidence.' },
  }),
};
