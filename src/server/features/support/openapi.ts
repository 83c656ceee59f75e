// Support packages' and the Panel's part of the OpenAPI document: the
// parameters and bodies come from the schemas the routes check them with
// (api-inputs.ts).
import { error, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { anyObject } from '../../platform/service/openapi-types.ts';
import { paging, z } from '../../platform/http/input-schema.ts';
import { actionBody, actionPath, agendaBody, casePath, decisionBody, meetingBody, meetingPath, milestoneBody, milestonePath, packageBody, packageChangeBody, progressBody } from './api-inputs.ts';

const stale = { 409: error('Changed by someone else since it was read (naming who), or not possible now (the case closed, its outcome not a package, a package already active).') };

export const paths = {
  '/api/cases/{id}/package': {
    get: operation(
      'getSupportPackage',
      "A case's support package: objectives, providers, milestones, each metric's progress from its baseline (read from the benchmark index), and the Panel's decisions the reader may see",
      { path: casePath },
      { 200: answer('The package, or null before one is agreed.', anyObject), ...withMissing },
    ),
    post: operation(
      'agreeSupportPackage',
      "Agree a support package for a case whose outcome is a support package (the sector body's advisers); a package without metrics is refused",
      { path: casePath, body: packageBody },
      { 201: answer('Agreed.', anyObject), ...withMissing, ...stale },
    ),
    put: operation(
      'changeSupportPackage',
      'Change the package from its latest revision; milestones given with their id are changed, others added, none removed',
      { path: casePath, body: packageChangeBody },
      { 200: answer('Changed.', anyObject), ...withMissing, ...stale },
    ),
  },
  '/api/cases/{id}/package/milestones/{milestoneId}': {
    post: operation('meetMilestone', 'Mark a milestone met on a day, or not met', { path: milestonePath, body: milestoneBody }, { 200: answer('The package.', anyObject), ...withMissing, ...stale }),
  },
  '/api/panel/meetings': {
    get: operation(
      'listPanelMeetings',
      'The Performance Support Panel’s meetings, the latest first (the Panel and advisers)',
      { query: z.object(paging(100, 1000)) },
      { 200: answer('The meetings.', anyObject), ...refusals },
    ),
    post: operation('addPanelMeeting', 'Record a Panel meeting, held by your organisation', { body: meetingBody }, { 201: answer('Recorded.', anyObject), ...refusals }),
  },
  '/api/panel/meetings/{id}': {
    get: operation(
      'getPanelMeeting',
      'A meeting: its agenda (items in private only for those they are open to), decisions, action monitor and the last meeting’s open actions',
      { path: meetingPath },
      { 200: answer('The meeting.', anyObject), ...withMissing },
    ),
  },
  '/api/panel/meetings/{id}/agenda': {
    post: operation(
      'draftPanelAgenda',
      'Draft the agenda from the cases (action monitor, new packages, overdue milestones, unmoved metrics, proposed closures), or add an item by hand',
      { path: meetingPath, body: agendaBody },
      { 201: answer('The agenda.', anyObject), ...withMissing },
    ),
  },
  '/api/panel/meetings/{id}/decisions': {
    post: operation(
      'recordPanelDecision',
      'Record a decision of the meeting, on an agenda item or the meeting as a whole; never changed',
      { path: meetingPath, body: decisionBody },
      { 201: answer('Recorded.', anyObject), ...withMissing },
    ),
  },
  '/api/panel/meetings/{id}/actions': {
    post: operation('recordPanelAction', 'Record an action: what, "Action by" whom, by when', { path: meetingPath, body: actionBody }, { 201: answer('Recorded.', anyObject), ...withMissing }),
  },
  '/api/panel/meetings/{id}/actions/carry': {
    post: operation(
      'carryPanelActions',
      'Carry the last meeting’s actions not done to this one, with their progress; each is carried once',
      { path: meetingPath },
      { 200: answer("The meeting's actions.", anyObject), ...withMissing },
    ),
  },
  '/api/panel/meetings/{id}/actions/{actionId}': {
    patch: operation(
      'updatePanelActionProgress',
      'Report progress on an action, and the day it was done',
      { path: actionPath, body: progressBody },
      { 200: answer('The action.', anyObject), ...withMissing },
    ),
  },
};

export const schemas = {};
