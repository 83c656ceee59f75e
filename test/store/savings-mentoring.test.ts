// Savings and mentoring in a real store: a saving keeps its amount to the
// penny and its steps; the table itself refuses a negative saving, evidenced
// without evidence and a verification without its verifier, whatever the
// caller; a saving moves only from the revision read, so two who move it at
// once cannot both win. A mentee has one open arrangement however many ask
// at once, and the pair's notes are kept with their writer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Saving } from '../../src/domain/savings/index.ts';
import { addSession, createArrangement, getArrangement, notesOf, recordReview } from '../../src/store/mentoring.ts';
import { createOrganisation } from '../../src/store/organisations.ts';
import { addPeer } from '../../src/store/peer-pool.ts';
import { createSaving, getSaving, moveSaving, savingsOfCouncil, savingSteps } from '../../src/store/savings.ts';
import { user } from '../support/access.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const SAVING: Saving = {
  councilCode: DURHAM,
  year: '2009/10',
  amount: 1234.56,
  cashReleasing: true,
  lastsFullYears: 2,
  source: 'procurement',
  description: 'Joint fleet procurement',
  status: 'estimated',
  evidence: null,
  verifiedBy: null,
};

describe('savings and mentoring in the store', () => {
  let store: TestStore;
  let organisationId: number;
  let userId: number;
  before(async () => {
    store = await openTestStore();
    organisationId = (await createOrganisation(store.sql, { name: 'Durham County Council', kind: 'council', areaCode: DURHAM })).id;
    userId = (await user(store.sql, 'officer@durham.example', 'performance_officer', organisationId, 'Pat Officer')).id;
  });
  after(() => store.close());

  it('keeps a saving to the penny, with its first step', async () => {
    const id = await createSaving(store.sql, SAVING, organisationId, userId);
    const kept = await getSaving(store.sql, id);
    assert.deepEqual([kept?.amount, kept?.status, kept?.areaName, kept?.revision, kept?.recordedByName], [1234.56, 'estimated', 'County Durham', 1, 'Pat Officer']);
    assert.deepEqual(
      (await savingSteps(store.sql, id)).map((s) => [s.status, s.takenByName]),
      [['estimated', 'Pat Officer']],
    );
    assert.equal((await savingsOfCouncil(store.sql, DURHAM)).length, 1);
  });

  it('refuses in the table what the rules refuse, whoever writes', async () => {
    const bad = [
      { ...SAVING, amount: -1 },
      { ...SAVING, status: 'evidenced' as const },
      { ...SAVING, year: '2009' },
    ];
    for (const saving of bad) await assert.rejects(createSaving(store.sql, saving, organisationId, userId), /violates check constraint/);
    const id = await createSaving(store.sql, { ...SAVING, status: 'evidenced', evidence: { kind: 'document', reference: 'Minutes' } }, organisationId, userId);
    await assert.rejects(store.sql`update saving set status = 'verified' where id = ${id}`, /violates check constraint/);
  });

  it('moves a saving from the revision read: of two at once, one wins', async () => {
    const id = await createSaving(store.sql, SAVING, organisationId, userId);
    const move = () => moveSaving(store.sql, id, 1, { status: 'claimed', evidence: null, verifiedBy: null }, userId);
    const results = await Promise.all([move(), move(), move()]);
    assert.deepEqual(results.filter(Boolean).length, 1);
    assert.deepEqual(
      (await savingSteps(store.sql, id)).map((s) => s.status),
      ['estimated', 'claimed'],
    );
  });

  it('keeps one open arrangement a mentee, however many ask at once; a new one once it is closed', async () => {
    const sector = await createOrganisation(store.sql, { name: 'Sector improvement body', kind: 'sector_body', areaCode: null });
    const peer = await addPeer(store.sql, { name: 'Morgan Mentor', role: 'chief_executive', party: null, councilCode: null, skills: [], sectorExperience: [], unavailable: [] }, null);
    assert.ok(peer.kind === 'ok');
    const draft = {
      menteeName: 'Casey Chief',
      menteeRole: 'chief_executive',
      councilCode: DURHAM,
      objectives: ['One', ' ', 'Two'],
      startOn: '2026-01-05',
      endOn: '2026-06-26',
      mentorPeerId: peer.id,
      menteeUserId: userId,
      organisationId: sector.id,
    };
    const made = await Promise.all(Array.from({ length: 8 }, () => store.sql.begin((tx) => createArrangement(tx, draft, null))));
    const won = made.filter((m) => m.kind === 'ok');
    assert.equal(won.length, 1);
    const id = won[0]!.kind === 'ok' ? won[0]!.id : 0;
    assert.ok(
      made.every((m) => m.kind === 'ok' || m.open.id === id),
      'each refusal names the open one',
    );
    const kept = await getArrangement(store.sql, id);
    assert.deepEqual(kept?.objectives, ['One', 'Two']);

    const session = await addSession(store.sql, id, { heldOn: '2026-02-02', minutes: 60, notes: 'Notes of the pair' }, [{ objective: 2, note: 'On track' }], userId);
    assert.deepEqual(
      (await notesOf(store.sql, id)).map((n) => [n.sessionId, n.objective, n.note, n.writtenByName]),
      [
        [session, null, 'Notes of the pair', 'Pat Officer'],
        [session, 2, 'On track', 'Pat Officer'],
      ],
    );
    await assert.rejects(addSession(store.sql, id, { heldOn: '2026-02-03', minutes: 60, notes: '' }, [{ objective: 3, note: 'No such objective' }], userId), /foreign key/);
    assert.equal(await recordReview(store.sql, id, { helpful: 'yes', whatChanged: 'A team in post' }), true);
    assert.equal(await recordReview(store.sql, id, { helpful: 'no', whatChanged: 'Again' }), false);
    assert.equal((await createArrangement(store.sql, draft, null)).kind, 'ok');
  });
});
