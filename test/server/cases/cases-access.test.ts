// Improvement cases under the protocol, on the real app and store: every
// role reads, changes and refers a case about County Durham as the policy
// says, anyone else is answered 404 whatever id they guess (another council,
// the public, a regional partner, an adviser of another body); a referral is
// a share the council sees; a confidential note reaches only its author and
// named readers, never the council, and each read of it is audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { answer, authorItem, DURHAM, EVERYONE, HARTLEPOOL, openCaseWorld, raiseFlag, type CaseWorld } from './world.ts';

let world: CaseWorld;
let caseId: number;
const SECRET = 'The leader and chief executive no longer speak';

before(async () => {
  world = await openCaseWorld();
  const flag = await raiseFlag(world);
  const opened = await answer<{ id: number }>(
    await world.browsers.author.json('POST', '/api/cases', { area: DURHAM, strands: ['corporate', 'childrens'], summary: 'Obesity worse and worsening; reserves falling', flags: [flag] }),
    201,
  );
  caseId = opened.id;
});
after(() => world.close());

const PEOPLE = [...EVERYONE, 'hartlepoolOfficer', 'otherAdviser'] as const;
/** status of: read the case, change it, refer it. */
const EXPECTED: Readonly<Record<(typeof PEOPLE)[number], readonly [number, number, number]>> = {
  public: [401, 401, 401],
  author: [200, 200, 201],
  performance_officer: [200, 403, 403],
  council_member: [200, 403, 403],
  principal_adviser: [200, 200, 201],
  regional_partner: [404, 403, 403],
  panel_member: [404, 403, 403],
  government_officer: [404, 403, 403],
  inspector: [404, 403, 403],
  peer_challenge_manager: [200, 403, 403],
  administrator: [404, 403, 403],
  hartlepoolOfficer: [404, 403, 403],
  otherAdviser: [404, 404, 404],
};

describe('who reads, changes and refers a case', () => {
  for (const who of PEOPLE) {
    it(`${who}: ${EXPECTED[who].join(', ')}`, async () => {
      const browser = world.browser(who);
      const read = await browser.json('GET', `/api/cases/${caseId}`);
      const current = (await answer<{ case: { revision: number } }>(await world.browsers.author.json('GET', `/api/cases/${caseId}`), 200)).case.revision;
      const change = await browser.json('PUT', `/api/cases/${caseId}`, { revision: current, summary: `Summary as ${who} saw it` });
      const refer = await browser.json('POST', `/api/cases/${caseId}/shares`, { organisationId: world.organisations.recipient.id, reason: `Referred by ${who}` });
      assert.deepEqual([read.status, change.status, refer.status], EXPECTED[who]);
    });
  }

  it('answers a guessed id as it answers one that does not exist', async () => {
    for (const who of ['hartlepoolOfficer', 'regional_partner', 'otherAdviser'] as const) {
      const real = await answer<{ message: string }>(await world.browser(who).json('GET', `/api/cases/${caseId}`), 404);
      const none = await answer<{ message: string }>(await world.browser(who).json('GET', '/api/cases/999999'), 404);
      assert.equal(real.message.replace(String(caseId), 'N'), none.message.replace('999999', 'N'));
    }
    await answer(await world.other.json('POST', `/api/cases/${caseId}/outcomes`, { outcome: 'support_package', reason: 'x', decidedOn: '2026-11-02' }), 404);
    await answer(await world.other.json('POST', `/api/cases/${caseId}/notes`, { body: 'x', classification: 'restricted' }), 404);
  });

  it('lists only the cases a person may read', async () => {
    const listed = await answer<{ items: { id: number }[] }>(await world.browsers.hartlepoolOfficer.json('GET', '/api/cases'), 200);
    assert.equal(
      listed.items.some((c) => c.id === caseId),
      false,
    );
    const own = await answer<{ items: { id: number }[] }>(await world.browsers.council_member.json('GET', '/api/cases'), 200);
    assert.ok(own.items.some((c) => c.id === caseId));
    await answer(await world.browsers.hartlepoolOfficer.json('GET', `/api/areas/${DURHAM}/cases`), 200).then((body) => assert.deepEqual((body as { cases: unknown[] }).cases, []));
  });
});

describe('referral and notes', () => {
  it('a referral to the Panel lets its members read the case, and the council sees the share', async () => {
    await answer(await world.browsers.author.json('POST', `/api/cases/${caseId}/shares`, { organisationId: world.organisations.panel.id, reason: 'Reported to the Performance Support Panel' }), 201);
    await answer(await world.browsers.panel_member.json('GET', `/api/cases/${caseId}`), 200);
    const council = await answer<{ cases: { id: number; shares: { with: { name: string }; reason: string }[] }[] }>(
      await world.browsers.performance_officer.json('GET', `/api/areas/${DURHAM}/cases`),
      200,
    );
    const mine = council.cases.find((c) => c.id === caseId)!;
    assert.ok(mine.shares.some((s) => s.reason === 'Reported to the Performance Support Panel'));
    // every share made in these tests is seen by the council, whoever made it
    const made = await world.store.sql<{ reason: string }[]>`select reason from share where record_kind = 'improvement_case' and record_id = ${String(caseId)}`;
    assert.deepEqual(mine.shares.map((s) => s.reason).sort(), made.map((s) => s.reason).sort());
  });

  it('a confidential note is read by its author and named reader alone, each read audited', async () => {
    await answer(
      await world.browsers.author.json('POST', `/api/cases/${caseId}/meetings`, {
        heldOn: '2026-11-02',
        attendees: [{ name: 'Pat Chief', role: 'Chief Executive', organisation: 'Durham County Council' }],
        chiefExecutiveLevel: true,
        note: { body: SECRET, classification: 'confidential', readers: [world.users.panel_member.id] },
        nextSteps: [{ action: 'Send the budget recovery plan', owner: 'Pat Chief', dueOn: '2026-12-01' }],
      }),
      201,
    );
    await answer(await world.browsers.author.json('POST', `/api/cases/${caseId}/notes`, { body: 'Met the chief executive; agreed to look at the data together', classification: 'restricted' }), 201);
    const text = async (who: 'author' | 'panel_member' | 'principal_adviser' | 'performance_officer' | 'council_member') =>
      JSON.stringify(await answer(await world.browsers[who].json('GET', `/api/cases/${caseId}`), 200));
    assert.ok((await text('author')).includes(SECRET));
    assert.ok((await text('panel_member')).includes(SECRET));
    for (const who of ['principal_adviser', 'performance_officer', 'council_member'] as const) {
      const seen = await text(who);
      assert.ok(!seen.includes(SECRET), `${who} never reads the confidential note`);
      assert.ok(seen.includes('agreed to look at the data together'), `${who} reads the restricted note`);
    }
    const council = JSON.stringify(await answer(await world.browsers.performance_officer.json('GET', `/api/areas/${DURHAM}/cases`), 200));
    assert.ok(!council.includes(SECRET));
    const [note] = await world.store.sql<{ id: number }[]>`select id from case_note where classification = 'confidential' and case_id = ${caseId}`;
    const reads = await world.store.sql<{ userId: number }[]>`
      select user_id as "userId" from audit_event where record_kind = 'case_note' and record_id = ${String(note!.id)} and action = 'read'`;
    assert.deepEqual([...new Set(reads.map((r) => r.userId))].sort(), [world.users.author.id, world.users.panel_member.id].sort());
  });

  it('an intelligence item cited as evidence never reaches the council', async () => {
    const item = await authorItem(world, 'confidential', { title: 'A regional partner’s concern' });
    const revision = (await answer<{ case: { revision: number } }>(await world.browsers.author.json('GET', `/api/cases/${caseId}`), 200)).case.revision;
    await answer(await world.browsers.author.json('PUT', `/api/cases/${caseId}`, { revision, items: [item.id] }), 200);
    const author = JSON.stringify(await answer(await world.browsers.author.json('GET', `/api/cases/${caseId}`), 200));
    assert.ok(author.includes('A regional partner’s concern'));
    const council = JSON.stringify(await answer(await world.browsers.performance_officer.json('GET', `/api/cases/${caseId}`), 200));
    assert.ok(!council.includes('A regional partner’s concern'));
  });

  it("another council's case is none of Durham's business", async () => {
    await answer(
      await world.browsers.author.json('POST', '/api/cases', { area: HARTLEPOOL, strands: ['adults'], summary: 'Asked for help', councilRequest: 'We would welcome a top team session.' }),
      201,
    );
    const durham = await answer<{ cases: unknown[] }>(await world.browsers.performance_officer.json('GET', `/api/areas/${HARTLEPOOL}/cases`), 200);
    assert.deepEqual(durham.cases, []);
  });
});
