// Support packages' and the Panel's part of the OpenAPI document: the
// parameters and bodies come from the schemas the routes check them with
// (api-inputs.ts).
import { error, json, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { paging, z } from '../../platform/http/input-schema.ts';
import { actionBody, actionPath, agendaBody, casePath, decisionBody, meetingBody, meetingPath, milestoneBody, milestonePath, packageBody, packageChangeBody, progressBody } from './api-inputs.ts';

const stale = { 409: error('Changed by someone else since it was read (naming who), or not possible now (the case closed, its outcome not a package, a package already active).') };
const object = (description: string) => ({ description, content: json({ type: 'object' }) });

export const paths = {
  '/api/cases/{id}/package': {
    get: {
      operationId: 'getSupportPackage',
      summary: "A case's support package: objectives, providers, milestones, each metric's progress from its baseline (read from the benchmark index), and the Panel's decisions the reader may see",
      parameters: pathParameters(casePath),
      responses: { 200: object('The package, or null before one is agreed.'), ...withMissing },
    },
    post: {
      operationId: 'agreeSupportPackage',
      summary: "Agree a support package for a case whose outcome is a support package (the sector body's advisers); a package without metrics is refused",
      parameters: pathParameters(casePath),
      requestBody: jsonBody(packageBody),
      responses: { 201: object('Agreed.'), ...withMissing, ...stale },
    },
    put: {
      operationId: 'changeSupportPackage',
      summary: 'Change the package from its latest revision; milestones given with their id are changed, others added, none removed',
      parameters: pathParameters(casePath),
      requestBody: jsonBody(packageChangeBody),
      responses: { 200: object('Changed.'), ...withMissing, ...stale },
    },
  },
  '/api/cases/{id}/package/milestones/{milestoneId}': {
    post: {
      operationId: 'meetMilestone',
      summary: 'Mark a milestone met on a day, or not met',
      parameters: pathParameters(milestonePath),
      requestBody: jsonBody(milestoneBody),
      responses: { 200: object('The package.'), ...withMissing, ...stale },
    },
  },
  '/api/panel/meetings': {
    get: {
      operationId: 'listPanelMeetings',
      summary: 'The Performance Support Panel’s meetings, the latest first (the Panel and advisers)',
      parameters: queryParameters(z.object(paging(100, 1000))),
      responses: { 200: object('The meetings.'), ...refusals },
    },
    post: {
      operationId: 'addPanelMeeting',
      summary: 'Record a Panel meeting, held by your organisation',
      requestBody: jsonBody(meetingBody),
      responses: { 201: object('Recorded.'), ...refusals },
    },
  },
  '/api/panel/meetings/{id}': {
    get: {
      operationId: 'getPanelMeeting',
      summary: 'A meeting: its agenda (items in private only for those they are open to), decisions, action monitor and the last meeting’s open actions',
      parameters: pathParameters(meetingPath),
      responses: { 200: object('The meeting.'), ...withMissing },
    },
  },
  '/api/panel/meetings/{id}/agenda': {
    post: {
      operationId: 'draftPanelAgenda',
      summary: 'Draft the agenda from the cases (action monitor, new packages, overdue milestones, unmoved metrics, proposed closures), or add an item by hand',
      parameters: pathParameters(meetingPath),
      requestBody: jsonBody(agendaBody),
      responses: { 201: object('The agenda.'), ...withMissing },
    },
  },
  '/api/panel/meetings/{id}/decisions': {
    post: {
      operationId: 'recordPanelDecision',
      summary: 'Record a decision of the meeting, on an agenda item or the meeting as a whole; never changed',
      parameters: pathParameters(meetingPath),
      requestBody: jsonBody(decisionBody),
      responses: { 201: object('Recorded.'), ...withMissing },
    },
  },
  '/api/panel/meetings/{id}/actions': {
    post: {
      operationId: 'recordPanelAction',
      summary: 'Record an action: what, "Action by" whom, by when',
      parameters: pathParameters(meetingPath),
      requestBody: jsonBody(actionBody),
      responses: { 201: object('Recorded.'), ...withMissing },
    },
  },
  '/api/panel/meetings/{id}/actions/carry': {
    post: {
      operationId: 'carryPanelActions',
      summary: 'Carry the last meeting’s actions not done to this one, with their progress; each is carried once',
      parameters: pathParameters(meetingPath),
      responses: { 200: object("The meeting's actions."), ...withMissing },
    },
  },
  '/api/panel/meetings/{id}/actions/{actionId}': {
    patch: {
      operationId: 'updatePanelActionProgress',
      summary: 'Report progress on an action, and the day it was done',
      parameters: pathParameters(actionPath),
      requestBody: jsonBody(progressBody),
      responses: { 200: object('The action.'), ...withMissing },
    },
  },
};

export const schemas = {};
