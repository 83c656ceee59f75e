// Mentoring's part of the OpenAPI document: paths from the schemas the
// routes check them with, bodies as the domain checks them (api-inputs.ts).
import { list, error, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, integer, day, object, textList, nullable } from '../../platform/service/openapi-types.ts';
import { arrangementBody, arrangementPath, reviewBody, sessionBody } from './api-inputs.ts';

export const paths = {
  '/api/mentoring': {
    get: operation('listMentoring', 'The mentoring arrangements you may read: who the pair are and their dates', {}, { 200: answer('The arrangements.', list('MentoringArrangement')), ...refusals }),
    post: operation(
      'arrangeMentoring',
      "Pair a mentor from the peer pool with a council's chief executive, leader or lead member (the sector body's and regional partnerships' staff)",
      { body: arrangementBody },
      { 201: answer('Arranged.', ref('MentoringArrangement')), ...refusals, 409: error('The mentee has an open arrangement; the message names it.') },
    ),
  },
  '/api/mentoring/{id}': {
    get: operation(
      'getMentoring',
      'An arrangement; the notes the pair wrote only for the pair (null for everyone else)',
      { path: arrangementPath },
      {
        200: answer('The arrangement.', object(['arrangement', 'notes'], { arrangement: ref('MentoringArrangement'), notes: { type: ['array', 'null'] } })),
        ...withMissing,
      },
    ),
  },
  '/api/mentoring/{id}/sessions': {
    post: operation(
      'recordMentoringSession',
      'Record a session, its notes and notes on objectives (the mentor or the mentee alone)',
      { path: arrangementPath, body: sessionBody },
      { 201: answer('Recorded.', ref('MentoringArrangement')), ...withMissing },
    ),
  },
  '/api/mentoring/{id}/review': {
    post: operation(
      'reviewMentoring',
      'Close the arrangement with the review: was it helpful, and what changed (the mentee alone, once)',
      { path: arrangementPath, body: reviewBody },
      { 200: answer('Reviewed and closed.', ref('MentoringArrangement')), ...withMissing, 409: error('Reviewed already.') },
    ),
  },
};

export const schemas = {
  MentoringArrangement: object(['id', 'mentorPeerId', 'mentorName', 'menteeName', 'menteeRole', 'councilCode', 'startOn', 'endOn', 'objectives', 'sessions'], {
    id: integer,
    mentorPeerId: integer,
    mentorName: text,
    mentorUserId: nullable('integer'),
    menteeName: text,
    menteeRole: { type: 'string', enum: ['chief_executive', 'leader', 'lead_member'] },
    councilCode: text,
    councilName: text,
    menteeUserId: nullable('integer'),
    startOn: day,
    endOn: day,
    organisationId: integer,
    arrangedBy: nullable('integer'),
    objectives: textList,
    sessions: { type: 'array', items: { type: 'object', properties: { id: integer, heldOn: day, minutes: integer } } },
    review: { type: ['object', 'null'], description: "The mentee's closing review: helpful (yes, partly, no), whatChanged, reviewedAt." },
  }),
};
