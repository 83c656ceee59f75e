// Support packages and the Panel over HTTP: a case's package read by whoever
// reads the case (the council it is about among them), agreed and changed by
// the sector body's advisers; the Panel's meetings, agenda, decisions and
// action monitor read and changed by the Panel and the advisers. Each route
// declares its rule and calls one use-case.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { AgendaItem } from '../../../store/panel.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checked, checkedQuery, paging, z } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { actionPath, casePath, meetingPath, milestonePath } from './api-inputs.ts';
import { packageJson } from './package-progress.ts';
import { agreePackage, changePackage, findCase, meetMilestone, readPackage } from './packages.ts';
import { addPanelMeeting, carryForward, draftAgenda, listPanelMeetings, readMeeting, recordAction, recordDecision, updateActionProgress, type MeetingRead } from './panel.ts';

const json = express.json({ limit: '256kb' });
const meetingsQuery = z.object(paging(100, 1000));

export function supportRouter(sql: Sql, engine: BenchmarkEngine, router: express.Router = express.Router()): express.Router {
  router.get('/cases/:id/package', reads('support_package'), async (req, res) => {
    const read = await readPackage(sql, accessOf(res), checked(casePath, req.params).id);
    res.set('Cache-Control', 'private, no-store').json({
      case: { id: read.held.caseId, area: { code: read.held.areaCode, name: read.held.areaName }, stage: read.held.stage, outcome: read.held.outcome },
      package: read.package ? packageJson(engine.index, read.held, read.package) : null,
      panelDecisions: read.decisions.map((d) => ({ meeting: d.meetingId, heldOn: d.heldOn, decision: d.decision, inPrivate: d.confidential })),
    });
  });

  router.post('/cases/:id/package', changes('support_package'), json, async (req, res) => {
    const { id } = checked(casePath, req.params);
    const made = await agreePackage(sql, accessOf(res), id, bodyOf(req));
    const held = await findCase(sql, accessOf(res), id, 'read');
    res
      .status(201)
      .set('Location', `/api/cases/${id}/package`)
      .json(packageJson(engine.index, held, made));
  });

  router.put('/cases/:id/package', changes('support_package'), json, async (req, res) => {
    const { id } = checked(casePath, req.params);
    const changed = await changePackage(sql, accessOf(res), id, bodyOf(req));
    res.json(packageJson(engine.index, await findCase(sql, accessOf(res), id, 'read'), changed));
  });

  router.post('/cases/:id/package/milestones/:milestoneId', changes('support_package'), json, async (req, res) => {
    const { id, milestoneId } = checked(milestonePath, req.params);
    const changed = await meetMilestone(sql, accessOf(res), id, milestoneId, bodyOf(req));
    res.json(packageJson(engine.index, await findCase(sql, accessOf(res), id, 'read'), changed));
  });

  router.get('/panel/meetings', reads('panel_meeting'), async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json({ meetings: await listPanelMeetings(sql, accessOf(res), checkedQuery(meetingsQuery, req.query)) });
  });

  router.post('/panel/meetings', changes('panel_meeting'), json, async (req, res) => {
    const meeting = await addPanelMeeting(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/panel/meetings/${meeting.id}`).json(meeting);
  });

  router.get('/panel/meetings/:id', reads('panel_meeting'), async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json(meetingJson(await readMeeting(sql, accessOf(res), checked(meetingPath, req.params).id)));
  });

  router.post('/panel/meetings/:id/agenda', changes('panel_meeting'), json, async (req, res) => {
    res.status(201).json({ agenda: (await draftAgenda(sql, accessOf(res), engine.index, checked(meetingPath, req.params).id, bodyOf(req))).map(agendaJson) });
  });

  router.post('/panel/meetings/:id/decisions', changes('panel_meeting'), json, async (req, res) => {
    res.status(201).json(await recordDecision(sql, accessOf(res), checked(meetingPath, req.params).id, bodyOf(req)));
  });

  router.post('/panel/meetings/:id/actions', changes('panel_meeting'), json, async (req, res) => {
    res.status(201).json(await recordAction(sql, accessOf(res), checked(meetingPath, req.params).id, bodyOf(req)));
  });

  router.post('/panel/meetings/:id/actions/carry', changes('panel_meeting'), json, async (req, res) => {
    res.json({ actions: await carryForward(sql, accessOf(res), checked(meetingPath, req.params).id) });
  });

  router.patch('/panel/meetings/:id/actions/:actionId', changes('panel_meeting'), json, async (req, res) => {
    const { id, actionId } = checked(actionPath, req.params);
    res.json(await updateActionProgress(sql, accessOf(res), id, actionId, bodyOf(req)));
  });

  return router;
}

function agendaJson(i: AgendaItem) {
  return { id: i.id, position: i.position, kind: i.kind, case: i.caseId, title: i.title, confidential: i.confidential };
}

export function meetingJson(read: MeetingRead) {
  return {
    ...read.meeting,
    agenda: read.agenda.map(agendaJson),
    withheld: read.withheld,
    decisions: read.decisions,
    actions: read.actions,
    toCarry: read.toCarry.map((a) => a.id),
    before: read.before?.id ?? null,
  };
}
