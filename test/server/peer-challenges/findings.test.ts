// A challenge's findings and follow-up over its forms, on the real app and
// store: a finding citing a metric the library lacks is refused naming the
// field, with what was typed kept; the follow-up reads each cited metric
// since the week from the engine; drafts are read by the holder, council and
// team alone; the report and action plan publish as frozen, public versions
// that a later one supersedes and nothing rewrites; recommendations are
// tracked to actions and their evidence, once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIVE_CORE_ELEMENTS } from '../../../src/domain/peer-challenge/index.ts';
import { importText } from '../../support/import.ts';
import { DURHAM, openWorld, type Who, type World } from '../access/world.ts';

describe("a peer challenge's findings and follow-up", () => {
  let world: World;
  let id: string;
  before(async () => {
    world = await openWorld();
    const later = await importText(world.store.sql, 'obesity-later.csv', `metric,area,period,value\nobesity,${DURHAM},2024/25,29.4\n`);
    assert.equal(later.status, 'loaded');
    await world.server.engine.rebuildAll();
    const manager = world.browsers.peer_challenge_manager;
    const opened = (await (await manager.json('POST', '/api/peer-challenges', { councilCode: DURHAM, kind: 'corporate', enquiredOn: '2023-01-09' })).json()) as { id: string };
    id = opened.id;
    assert.equal((await manager.json('POST', `/api/peer-challenges/${id}/scope`, { focusAreas: [...FIVE_CORE_ELEMENTS], revision: 1 })).status, 200);
    assert.equal((await manager.json('POST', `/api/peer-challenges/${id}/week`, { from: '2023-06-05', to: '2023-06-08', revision: 2 })).status, 200);
  });
  after(() => world.close());

  const post = (who: Who, path: string, fields: Record<string, string>) =>
    world.browsers[who].fetch(path, { method: 'POST', body: new URLSearchParams({ ...fields, _csrf: world.browsers[who].csrfToken }) });
  const page = async (who: Who | 'hartlepoolOfficer', path: string) => {
    const response = await world.browsers[who].fetch(path);
    return { status: response.status, text: (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
  };

  it('refuses a finding that cites a metric the library lacks, naming the field and keeping what was typed', async () => {
    const response = await post('peer_challenge_manager', `/peer-challenges/${id}/findings`, { finding: 'Reserves are thin.', metrics: 'obesity, no-such-metric' });
    const text = await response.text();
    assert.equal(response.status, 400);
    assert.match(text, /Metrics cited: the library has no metric &#39;no-such-metric&#39;/);
    assert.match(text, /Reserves are thin\./);
  });

  it("reads each cited metric since the week, from the engine's figures", async () => {
    const response = await post('peer_challenge_manager', `/peer-challenges/${id}/findings`, { finding: 'Healthy weight is a shared priority.', metrics: 'obesity' });
    assert.equal(response.status, 303);
    const { status, text } = await page('council_member', `/peer-challenges/${id}/follow-up`);
    assert.equal(status, 200);
    assert.match(text, /31\.2\S* in 2022\/23, before the week; 29\.4\S* in 2024\/25: /);
  });

  it('shows the drafts to the holder, the council and the team alone; only managers change them', async () => {
    for (const [who, expected] of [
      ['public', 404],
      ['hartlepoolOfficer', 404],
      ['panel_member', 404],
      ['administrator', 404],
      ['principal_adviser', 200],
      ['performance_officer', 200],
    ] as const) {
      assert.equal((await page(who, `/peer-challenges/${id}/follow-up`)).status, expected, who);
    }
    assert.equal((await page('council_member', `/peer-challenges/${id}/follow-up/edit`)).status, 403);
    assert.equal((await post('council_member', `/peer-challenges/${id}/findings`, { finding: 'x' })).status, 403);
    assert.equal((await post('public', `/peer-challenges/${id}/findings`, { finding: 'x' })).status, 401, 'the public signs in first');
    assert.equal((await page('peer_challenge_manager', '/peer-challenges/999999/follow-up')).status, 404);
  });

  it('publishes frozen versions, public, a later one superseding the first, and nothing rewrites one', async () => {
    assert.equal((await post('peer_challenge_manager', `/peer-challenges/${id}/publications`, { document: 'report', body: '' })).status, 400);
    for (const body of ['The first report.', 'The report, corrected.']) {
      assert.equal((await post('peer_challenge_manager', `/peer-challenges/${id}/publications`, { document: 'report', body })).status, 303);
    }
    const versions = await world.store.sql<{ id: number; version: number }[]>`select id, version from peer_challenge_publication where challenge_id = ${Number(id)} order by version`;
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    const first = await page('public', `/peer-challenges/${id}/publications/${versions[0]!.id}`);
    assert.equal(first.status, 200);
    assert.match(first.text, /Peer challenge report, version 1 .*A later version supersedes this one\. .*The first report\. .*Healthy weight is a shared priority\./);
    assert.doesNotMatch((await page('public', `/peer-challenges/${id}/publications/${versions[1]!.id}`)).text, /supersedes/);
    assert.equal((await page('public', `/peer-challenges/${id}/publications/999999`)).status, 404);
    assert.equal((await page('public', `/peer-challenges/999999/publications/${versions[0]!.id}`)).status, 404);
    await assert.rejects(world.store.sql`update peer_challenge_publication set body = 'rewritten' where id = ${versions[0]!.id}`, /permission denied/);
  });

  it('tracks a recommendation to its actions and their evidence, recorded once', async () => {
    assert.equal((await post('peer_challenge_manager', `/peer-challenges/${id}/recommendations`, { recommendation: 'Agree a medium-term financial plan.' })).status, 303);
    const [rec] = await world.store.sql<{ id: number }[]>`select id from peer_challenge_recommendation where challenge_id = ${Number(id)}`;
    const refused = await post('peer_challenge_manager', `/peer-challenges/${id}/recommendations/${rec!.id}/actions`, { action: 'Cabinet to adopt the plan', dueOn: '2024-02-30' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /id="dueOn-r\d+-error"/);
    assert.equal((await post('peer_challenge_manager', `/peer-challenges/${id}/recommendations/${rec!.id}/actions`, { action: 'Cabinet to adopt the plan', dueOn: '2024-02-29' })).status, 303);
    assert.equal((await post('peer_challenge_manager', `/peer-challenges/${id}/recommendations/999999/actions`, { action: 'Elsewhere' })).status, 404);
    const [action] = await world.store.sql<{ id: number }[]>`select a.id from peer_challenge_action a where a.recommendation_id = ${rec!.id}`;
    const evidence = { evidence: 'Cabinet minutes, 14 February 2024', doneOn: '2024-02-14' };
    assert.equal((await post('peer_challenge_manager', `/peer-challenges/${id}/actions/${action!.id}/evidence`, evidence)).status, 303);
    assert.equal((await post('peer_challenge_manager', `/peer-challenges/${id}/actions/${action!.id}/evidence`, evidence)).status, 409);
    const { text } = await page('performance_officer', `/peer-challenges/${id}/follow-up`);
    assert.match(text, /Cabinet to adopt the plan \(due 2024-02-29\): Done 2024-02-14, Cabinet minutes, 14 February 2024/);
  });
});
