// A challenge's findings and follow-up over the JSON API, and the council's
// own performance officers recording its actions and evidence, on the real
// app and store: the follow-up read through the policy as the challenge's
// drafts are (its holder, the council, the team), the same 404 for a guessed
// id; findings, recommendations and publishing for the managers who run it;
// actions and evidence for them and the council's performance officers,
// through the API and the pages, bad input named by field. Every role is
// probed on every route.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIVE_CORE_ELEMENTS } from '../../../src/domain/peer-challenge/index.ts';
import { DURHAM, EVERYONE, HARTLEPOOL, openWorld, type Who, type World } from '../access/world.ts';

interface FollowUpJson {
  challenge: { id: number; council: { code: string } };
  findings: { id: number; finding: string; metrics: string[]; sinceTheWeek: { metric: string; sentence: string }[] }[];
  recommendations: { id: number; recommendation: string; actions: { id: number; action: string; evidence: string | null; doneOn: string | null }[] }[];
  publications: { id: number; document: string; version: number; superseded: boolean }[];
  mayChange: boolean;
  mayRecordActions: boolean;
}

describe("a peer challenge's follow-up over the API, and the council recording its actions", () => {
  let world: World;
  let id: number;
  let other: number;
  before(async () => {
    world = await openWorld();
    const manager = world.browsers.peer_challenge_manager;
    const open = async (council: string) => {
      const opened = (await (await manager.json('POST', '/api/peer-challenges', { councilCode: council, kind: 'corporate', enquiredOn: '2023-01-09' })).json()) as { id: string };
      assert.equal((await manager.json('POST', `/api/peer-challenges/${opened.id}/scope`, { focusAreas: [...FIVE_CORE_ELEMENTS], revision: 1 })).status, 200);
      assert.equal((await manager.json('POST', `/api/peer-challenges/${opened.id}/week`, { from: '2023-06-05', to: '2023-06-08', revision: 2 })).status, 200);
      return Number(opened.id);
    };
    id = await open(DURHAM);
    other = await open(HARTLEPOOL);
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const fieldsOf = async (response: Response) => ((await response.json()) as { details?: { problems?: { field: string }[] } }).details?.problems?.map((p) => p.field);

  it('adds findings, recommendations and versions for the manager, each answered with the follow-up', async () => {
    const manager = as('peer_challenge_manager');
    const bad = await manager.json('POST', `/api/peer-challenges/${id}/findings`, { finding: '', metrics: ['no-such-metric'] });
    assert.equal(bad.status, 400);
    assert.deepEqual(await fieldsOf(bad), ['finding', 'metrics']);
    const added = await manager.json('POST', `/api/peer-challenges/${id}/findings`, { finding: 'Healthy weight is a shared priority.', metrics: ['obesity'] });
    assert.equal(added.status, 201);
    const body = (await added.json()) as FollowUpJson;
    assert.deepEqual(
      body.findings.map((f) => [f.finding, f.metrics, f.sinceTheWeek.map((s) => s.metric)]),
      [['Healthy weight is a shared priority.', ['obesity'], ['obesity']]],
    );
    assert.deepEqual([body.mayChange, body.mayRecordActions], [true, true]);
    assert.equal((await manager.json('POST', `/api/peer-challenges/${id}/recommendations`, { recommendation: 'Agree a medium-term financial plan.' })).status, 201);
    const published = await manager.json('POST', `/api/peer-challenges/${id}/publications`, { document: 'report', body: 'The report.' });
    assert.equal(published.status, 201);
    const [version] = ((await published.json()) as FollowUpJson).publications;
    assert.deepEqual([version!.document, version!.version, version!.superseded], ['report', 1, false]);
    const badDocument = await manager.json('POST', `/api/peer-challenges/${id}/publications`, { document: 'memo', body: '' });
    assert.deepEqual([badDocument.status, await fieldsOf(badDocument)], [400, ['document', 'body']]);
    const shown = await as('public').json('GET', `/api/peer-challenges/${id}/publications/${version!.id}`);
    assert.equal(shown.status, 200);
    assert.equal(((await shown.json()) as { body: string }).body, 'The report.');
    assert.equal((await as('public').json('GET', `/api/peer-challenges/${other}/publications/${version!.id}`)).status, 404, 'a version under another challenge');
  });

  it("lets the council's performance officers record actions and evidence, through the API and the pages", async () => {
    const officer = as('performance_officer');
    const read = (await (await officer.json('GET', `/api/peer-challenges/${id}/findings`)).json()) as FollowUpJson;
    assert.deepEqual([read.mayChange, read.mayRecordActions], [false, true]);
    const rec = read.recommendations[0]!.id;
    const badDay = await officer.json('POST', `/api/peer-challenges/${id}/recommendations/${rec}/actions`, { action: '', dueOn: '2024-02-30' });
    assert.deepEqual([badDay.status, await fieldsOf(badDay)], [400, ['action', 'dueOn']]);
    const added = await officer.json('POST', `/api/peer-challenges/${id}/recommendations/${rec}/actions`, { action: 'Cabinet to adopt the plan', dueOn: '2024-02-29' });
    assert.equal(added.status, 201);
    const action = ((await added.json()) as FollowUpJson).recommendations[0]!.actions[0]!;
    assert.deepEqual([action.action, action.doneOn], ['Cabinet to adopt the plan', null]);
    const noDay = await officer.json('POST', `/api/peer-challenges/${id}/actions/${action.id}/evidence`, { evidence: 'Cabinet minutes' });
    assert.deepEqual([noDay.status, await fieldsOf(noDay)], [400, ['doneOn']]);
    const done = await officer.json('POST', `/api/peer-challenges/${id}/actions/${action.id}/evidence`, { evidence: 'Cabinet minutes, 14 February 2024', doneOn: '2024-02-14' });
    assert.equal(done.status, 200);
    assert.deepEqual(
      ((await done.json()) as FollowUpJson).recommendations[0]!.actions.map((a) => [a.evidence, a.doneOn]),
      [['Cabinet minutes, 14 February 2024', '2024-02-14']],
    );
    const twice = await officer.json('POST', `/api/peer-challenges/${id}/actions/${action.id}/evidence`, { evidence: 'again', doneOn: '2024-02-15' });
    assert.equal(twice.status, 409);

    const refused = await officer.json('POST', `/api/peer-challenges/${id}/findings`, { finding: 'Ours', metrics: [] });
    assert.equal(refused.status, 403, 'findings stay the managers');
    assert.equal((await officer.json('POST', `/api/peer-challenges/${id}/recommendations`, { recommendation: 'x' })).status, 403);

    const form = await officer.fetch(`/peer-challenges/${id}/follow-up/edit`);
    assert.equal(form.status, 200);
    const html = await form.text();
    assert.ok(html.includes(`/peer-challenges/${id}/recommendations/${rec}/actions`), 'the action form');
    assert.ok(!html.includes('Add a finding') && !html.includes('Publish</button>'), "not the managers' forms");
    const post = (path: string, fields: Record<string, string>) => officer.fetch(path, { method: 'POST', body: new URLSearchParams({ ...fields, _csrf: officer.csrfToken }) });
    const pageRefused = await post(`/peer-challenges/${id}/recommendations/${rec}/actions`, { action: 'Scrutiny to review it', dueOn: 'soon' });
    assert.equal(pageRefused.status, 400);
    const refusedHtml = await pageRefused.text();
    assert.match(refusedHtml, new RegExp(`id="dueOn-r${rec}-error"`));
    assert.ok(refusedHtml.includes('Scrutiny to review it'), 'what was typed is kept');
    assert.equal((await post(`/peer-challenges/${id}/recommendations/${rec}/actions`, { action: 'Scrutiny to review it', dueOn: '2024-06-30' })).status, 303);
    const trail = await world.store.sql<{ summary: string }[]>`
      select summary from audit_event where record_kind = 'peer_challenge' and record_id = ${String(id)} and action = 'change' and summary like 'added action%' order by id`;
    assert.equal(trail.length, 2, 'each action audited');
  });

  it('refuses another council, the council member and the team alike, the same 404 for a guessed id', async () => {
    const [rec] = await world.store.sql<{ id: number }[]>`select id from peer_challenge_recommendation where challenge_id = ${id}`;
    const address = `/api/peer-challenges/${id}/recommendations/${rec!.id}/actions`;
    assert.equal((await as('hartlepoolOfficer').json('POST', address, { action: 'Theirs' })).status, 404, "another council's officer does not see it");
    assert.equal((await as('council_member').json('POST', address, { action: 'Mine' })).status, 403, 'a member reads it but does not record actions');
    assert.equal((await as('hartlepoolOfficer').json('GET', `/api/peer-challenges/${id}/findings`)).status, 404);
    const guesses = [
      `/api/peer-challenges/${other}/recommendations/${rec!.id}/actions`,
      '/api/peer-challenges/999999/recommendations/1/actions',
      `/api/peer-challenges/${id}/recommendations/999999/actions`,
    ];
    for (const guess of guesses) assert.equal((await as('peer_challenge_manager').json('POST', guess, { action: 'Guess' })).status, 404, guess);
    assert.equal((await as('performance_officer').json('POST', guesses[0]!, { action: 'Guess' })).status, 404, "Durham's officer on Hartlepool's challenge");
    const [action] = await world.store.sql<
      { id: number }[]
    >`select a.id from peer_challenge_action a join peer_challenge_recommendation r on r.id = a.recommendation_id where r.challenge_id = ${id} and a.done_on is null`;
    assert.equal(
      (await as('peer_challenge_manager').json('POST', `/api/peer-challenges/${other}/actions/${action!.id}/evidence`, { evidence: 'x', doneOn: '2024-01-01' })).status,
      409,
      'an action of another challenge is not open there',
    );
    assert.equal((await as('peer_challenge_manager').json('GET', '/api/peer-challenges/abc/findings')).status, 400);
  });

  it('answers every role on every follow-up route as the policy says', async () => {
    const [rec] = await world.store.sql<{ id: number }[]>`select id from peer_challenge_recommendation where challenge_id = ${id}`;
    const [pub] = await world.store.sql<{ id: number }[]>`select id from peer_challenge_publication where challenge_id = ${id}`;
    const routes: [string, string, unknown][] = [
      ['GET', `/api/peer-challenges/${id}/findings`, undefined],
      ['POST', `/api/peer-challenges/${id}/findings`, {}],
      ['POST', `/api/peer-challenges/${id}/recommendations`, {}],
      ['POST', `/api/peer-challenges/${id}/publications`, {}],
      ['POST', `/api/peer-challenges/${id}/recommendations/${rec!.id}/actions`, {}],
      ['POST', `/api/peer-challenges/${id}/actions/999999/evidence`, {}],
      ['GET', `/api/peer-challenges/${id}/publications/${pub!.id}`, undefined],
      ['GET', `/peer-challenges/${id}/follow-up/edit`, undefined],
    ];
    const reader = [200, 403, 403, 403, 403, 403, 200, 403];
    const outsider = [404, 403, 403, 403, 403, 403, 200, 403];
    const expected: Record<Who, number[]> = {
      public: [404, 401, 401, 401, 401, 401, 200, 303],
      author: reader,
      performance_officer: [200, 403, 403, 403, 400, 400, 200, 200],
      council_member: reader,
      principal_adviser: reader,
      regional_partner: outsider,
      panel_member: outsider,
      government_officer: outsider,
      inspector: outsider,
      peer_challenge_manager: [200, 400, 400, 400, 400, 400, 200, 200],
      administrator: outsider,
    };
    for (const who of EVERYONE) {
      const got = [];
      for (const [method, address, body] of routes) got.push((await as(who).json(method, address, body)).status);
      assert.deepEqual(got, expected[who], who);
    }
  });

  it("answers every role on a challenge still restricted, its own council's officer alone recording actions there", async () => {
    const added = await as('peer_challenge_manager').json('POST', `/api/peer-challenges/${other}/recommendations`, { recommendation: 'Refresh the corporate plan.' });
    const rec = ((await added.json()) as FollowUpJson).recommendations[0]!.id;
    const routes: [string, string, unknown][] = [
      ['GET', `/api/peer-challenges/${other}/findings`, undefined],
      ['POST', `/api/peer-challenges/${other}/recommendations/${rec}/actions`, {}],
    ];
    const expected: Record<Who | 'hartlepoolOfficer', number[]> = {
      public: [404, 401],
      author: [200, 403],
      performance_officer: [404, 404],
      hartlepoolOfficer: [200, 400],
      council_member: [404, 403],
      principal_adviser: [200, 403],
      regional_partner: [404, 403],
      panel_member: [404, 403],
      government_officer: [404, 403],
      inspector: [404, 403],
      peer_challenge_manager: [200, 400],
      administrator: [404, 403],
    };
    for (const who of [...EVERYONE, 'hartlepoolOfficer'] as const) {
      const got = [];
      for (const [method, address, body] of routes) got.push((await as(who).json(method, address, body)).status);
      assert.deepEqual(got, expected[who], who);
    }
    const recorded = await as('hartlepoolOfficer').json('POST', `/api/peer-challenges/${other}/recommendations/${rec}/actions`, { action: 'Cabinet to agree the plan' });
    assert.equal(recorded.status, 201);
  });
});
