// Bad input on improvement cases, each refusal naming its field: a case
// citing nothing, a second open case (409 naming the other, with its link),
// a stale edit (409 naming who changed it), an outcome not among the five,
// "under review" without a date, a notice of the wrong length, "improved"
// without evidence the store confirms, a referral without evidence; and the
// outcome history kept, the latest current.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPackage, setMilestoneMet } from '../../../src/store/support-packages.ts';
import { answer, clearFlag, DURHAM, HARTLEPOOL, openCaseWorld, raiseFlag, type CaseWorld } from './world.ts';

let world: CaseWorld;
let flag: number;
let caseId: number;
const post = (path: string, body: unknown) => world.browsers.author.json('POST', path, body);
const revisionOf = async (id: number) => (await answer<{ case: { revision: number } }>(await world.browsers.author.json('GET', `/api/cases/${id}`), 200)).case.revision;

before(async () => {
  world = await openCaseWorld();
  flag = await raiseFlag(world);
});
after(() => world.close());

describe('opening a case', () => {
  it('refuses a case that cites nothing, naming the field', async () => {
    const refused = await answer<{ message: string }>(await post('/api/cases', { area: DURHAM, strands: ['corporate'], summary: 'A hunch' }), 400);
    assert.match(refused.message, /'flags'.*at least one flag/);
    const stranger = await answer<{ message: string }>(await post('/api/cases', { area: DURHAM, strands: ['housing'], summary: 'x', flags: [flag] }), 400);
    assert.match(stranger.message, /^'strands\[0\]'/);
    const elsewhere = await answer<{ message: string }>(await post('/api/cases', { area: HARTLEPOOL, strands: ['corporate'], summary: 'x', flags: [flag] }), 400);
    assert.match(elsewhere.message, /^'flags': there is no flag/);
  });

  it('answers a second open case with 409 naming the first and its link', async () => {
    caseId = (await answer<{ id: number }>(await post('/api/cases', { area: DURHAM, strands: ['corporate'], summary: 'Worse and worsening', flags: [flag] }), 201)).id;
    const second = await answer<{ message: string; details: { case: { id: number; link: string } } }>(
      await post('/api/cases', { area: DURHAM, strands: ['adults'], summary: 'Again', flags: [flag] }),
      409,
    );
    assert.match(second.message, new RegExp(`^'area': County Durham already has an open case, case ${caseId} \\(/cases/${caseId}\\)`));
  });

  it('answers a stale edit with 409 naming who changed it and when', async () => {
    const read = await revisionOf(caseId);
    await answer(await world.browsers.principal_adviser.json('PUT', `/api/cases/${caseId}`, { revision: read, summary: 'Changed by a colleague' }), 200);
    const stale = await answer<{ message: string }>(await world.browsers.author.json('PUT', `/api/cases/${caseId}`, { revision: read, summary: 'Mine' }), 409);
    assert.match(stale.message, /^'revision': case \d+ was changed by adviser <adviser@sector.example> at \d{4}-/);
  });
});

describe('outcomes and events', () => {
  it('refuses an outcome not among the five, and each outcome without its parts', async () => {
    const none = await answer<{ message: string }>(await post(`/api/cases/${caseId}/outcomes`, { outcome: 'monitoring', reason: 'x', decidedOn: '2026-11-02' }), 400);
    assert.match(none.message, /^'outcome' must be one of the five/);
    const review = await answer<{ details: { problems: { field: string }[] } }>(
      await post(`/api/cases/${caseId}/outcomes`, { outcome: 'steps_in_place', reason: 'A plan is in place', decidedOn: '2026-11-02' }),
      400,
    );
    assert.deepEqual(
      review.details.problems.map((p) => p.field),
      ['reviewOn'],
    );
    const view = await answer<{ details: { problems: { field: string }[] } }>(await post(`/api/cases/${caseId}/outcomes`, { outcome: 'not_accepted', reason: 'x', decidedOn: '2026-11-02' }), 400);
    assert.deepEqual(
      view.details.problems.map((p) => p.field),
      ['differenceOfView', 'nextDiscussionOn'],
    );
  });

  it('keeps each outcome in its history, the latest current, and moves the stage', async () => {
    await answer(
      await post(`/api/cases/${caseId}/outcomes`, { outcome: 'steps_in_place', reason: 'A recovery plan is in place', decidedOn: '2026-11-02', reviewOn: '2027-02-01', councilView: 'Agreed' }),
      201,
    );
    await answer(await post(`/api/cases/${caseId}/outcomes`, { outcome: 'support_package', reason: 'The plan stalled', decidedOn: '2027-02-01' }), 201);
    const read = await answer<{ case: { stage: { code: string } }; outcomes: { outcome: string; reviewOn: string | null }[] }>(await world.browsers.author.json('GET', `/api/cases/${caseId}`), 200);
    assert.deepEqual(
      read.outcomes.map((o) => o.outcome),
      ['support_package', 'steps_in_place'],
    );
    assert.equal(read.outcomes[1]!.reviewOn, '2027-02-01');
    assert.equal(read.case.stage.code, 'support');
  });

  it('records a notice of 6 or 12 months and its renewal; refuses another length', async () => {
    const wrong = await answer<{ message: string }>(await post(`/api/cases/${caseId}/events`, { kind: 'best_value_notice', description: 'Notice', startsOn: '2027-03-01', months: 3 }), 400);
    assert.match(wrong.message, /^'months'/);
    const notice = await answer<{ id: number }>(
      await post(`/api/cases/${caseId}/events`, { kind: 'best_value_notice', description: 'Best Value Notice issued', startsOn: '2027-03-01', months: 6 }),
      201,
    );
    await answer(await post(`/api/cases/${caseId}/events`, { kind: 'best_value_notice', description: 'Renewed', startsOn: '2027-09-01', months: 12, renews: notice.id }), 201);
    const read = await answer<{ events: { endsOn: string; days: number; renewsEventId: number | null }[] }>(await world.browsers.author.json('GET', `/api/cases/${caseId}`), 200);
    assert.deepEqual(
      read.events.map((e) => [e.endsOn, e.renewsEventId]),
      [
        ['2027-09-01', null],
        ['2028-09-01', notice.id],
      ],
    );
  });

  it('marks a next step done once', async () => {
    const step = await answer<{ id: number }>(await post(`/api/cases/${caseId}/steps`, { action: 'Share the plan', owner: 'Pat Chief', dueOn: '2026-12-01' }), 201);
    await answer(await post(`/api/cases/${caseId}/steps/${step.id}/done`, { doneOn: '2026-11-20' }), 200);
    await answer(await post(`/api/cases/${caseId}/steps/${step.id}/done`, {}), 409);
    const restricted = await answer<{ message: string }>(await post(`/api/cases/${caseId}/notes`, { body: 'x', classification: 'restricted', readers: [world.users.panel_member.id] }), 400);
    assert.match(restricted.message, /^'readers'/);
  });
});

describe('closing and referral', () => {
  it('refuses a referral of a case without evidence', async () => {
    const asked = await answer<{ id: number }>(
      await post('/api/cases', { area: HARTLEPOOL, strands: ['adults'], summary: 'The council asked', councilRequest: 'We would welcome some mentoring.' }),
      201,
    );
    const refused = await answer<{ message: string }>(await post(`/api/cases/${asked.id}/shares`, { organisationId: world.organisations.panel.id, reason: 'To the Panel' }), 403);
    assert.match(refused.message, /no evidence yet/);
  });

  it('closes improved only on a cleared flag the case cites', async () => {
    const bare = await answer<{ message: string }>(await post(`/api/cases/${caseId}/close`, { revision: await revisionOf(caseId), closure: 'improved', reason: 'Better' }), 400);
    assert.match(bare.message, /^'evidence'/);
    const open = await answer<{ message: string }>(
      await post(`/api/cases/${caseId}/close`, { revision: await revisionOf(caseId), closure: 'improved', reason: 'Better', evidence: [{ kind: 'flag_cleared', flagId: flag }] }),
      400,
    );
    assert.match(open.message, /^'evidence\[0\]\.flagId': flag \d+ has not cleared/);
    await clearFlag(world, flag);
    const closed = await answer<{ closure: { code: string }; stage: { code: string } }>(
      await post(`/api/cases/${caseId}/close`, { revision: await revisionOf(caseId), closure: 'improved', reason: 'The flag cleared', evidence: [{ kind: 'flag_cleared', flagId: flag }] }),
      200,
    );
    assert.deepEqual([closed.closure.code, closed.stage.code], ['improved', 'closed']);
    await answer(await post(`/api/cases/${caseId}/outcomes`, { outcome: 'support_package', reason: 'x', decidedOn: '2027-05-01' }), 409);
    // the conversation closed, a new one may open
    await answer(await post('/api/cases', { area: DURHAM, strands: ['corporate'], summary: 'A new concern', flags: [await raiseFlag(world)] }), 201);
  });

  it('closes improved on a support package whose milestones are all met', async () => {
    // the case Hartlepool asked for, above
    const about = await answer<{ cases: { id: number; closure: unknown }[] }>(await world.browsers.author.json('GET', `/api/areas/${HARTLEPOOL}/cases`), 200);
    const opened = about.cases.find((c) => c.closure === null)!.id;
    const sql = world.store.sql;
    const packageId = await createPackage(
      sql,
      opened,
      {
        objectives: ['A balanced budget'],
        providers: [],
        agreedOn: '2026-11-10',
        metrics: [],
        milestones: [{ title: 'Recovery plan adopted', ownerName: 'Chief Executive', ownerUserId: null, dueOn: '2027-01-31' }],
      },
      'test',
    );
    const close = async () =>
      post(`/api/cases/${opened}/close`, { revision: await revisionOf(opened), closure: 'improved', reason: 'The package did its work', evidence: [{ kind: 'milestones_met', packageId }] });
    assert.match((await answer<{ message: string }>(await close(), 400)).message, /^'evidence\[0\]\.packageId': support package \d+ of case \d+ does not have every milestone met/);
    const [milestone] = await sql<{ id: number }[]>`select id from package_milestone where package_id = ${packageId}`;
    assert.ok(await setMilestoneMet(sql, packageId, milestone!.id, '2027-01-20', 'test'));
    assert.equal((await answer<{ closure: { code: string } }>(await close(), 200)).closure.code, 'improved');
  });
});
