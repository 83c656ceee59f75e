// Peer challenges in a real store: a peer refused for each bad field; a
// challenge moved one lifecycle step at a time, refused where the domain
// refuses, its due dates worked out when its week is booked; and bookings,
// which two managers can never both win: 100 at once for one peer and one
// week, exactly one booked, the rest told whose week holds the peer; and a
// conflicted peer refused with the kind of conflict named.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIVE_CORE_ELEMENTS, type DateSpan } from '../../src/domain/peer-challenge/index.ts';
import { bookPeer, releasePeer, teamOf, type Booked } from '../../src/store/peer-bookings.ts';
import { challengesOf, moveChallenge, openChallenge, readChallenge, type Moved } from '../../src/store/peer-challenges.ts';
import { addBorder, addPeer, declareConflict, peerPool, shareChiefExecutive, type Added, type PeerDraft } from '../../src/store/peer-pool.ts';
import type { Db } from '../../src/store/store.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const KENT = 'E10000016';
const MEDWAY = 'E06000035';
const LEEDS = 'E08000035';
const DURHAM = 'E06000047';
const MAIDSTONE = 'E07000110';
const HARTLEPOOL = 'E06000001';
const SOUTH_HOLLAND = 'E07000140';
const BRECKLAND = 'E07000143';
const WEEK = Object.freeze({ from: '2026-01-27', to: '2026-01-30' });

const OFFICER: PeerDraft = Object.freeze<PeerDraft>({
  name: 'Ann Lead',
  role: 'chief_executive',
  party: null,
  councilCode: LEEDS,
  skills: ['finance'],
  sectorExperience: ['metropolitan_district'],
  unavailable: [],
});

async function peer(sql: Db, draft: Partial<PeerDraft> = {}): Promise<number> {
  const added = await addPeer(sql, { ...OFFICER, ...draft }, null);
  assert.equal(added.kind, 'ok', JSON.stringify(added));
  return (added as { id: number }).id;
}

function ok(moved: Moved): Extract<Moved, { kind: 'ok' }>['challenge'] {
  assert.equal(moved.kind, 'ok', JSON.stringify(moved));
  return (moved as Extract<Moved, { kind: 'ok' }>).challenge;
}

/** A corporate challenge of the council, booked for the week. */
async function bookedChallenge(sql: Db, council: string, week: DateSpan = WEEK): Promise<number> {
  const opened = await openChallenge(sql, { councilCode: council, kind: 'corporate', enquiredOn: '2025-09-01', managedBy: null });
  assert.equal(opened.kind, 'ok');
  const id = (opened as { id: number }).id;
  ok(await moveChallenge(sql, id, { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS }, null));
  ok(await moveChallenge(sql, id, { kind: 'book', onSite: week }, null));
  return id;
}

function refusal(result: Booked | Moved | Added): { field: string; message: string } {
  assert.equal(result.kind, 'refused', JSON.stringify(result));
  return (result as Extract<Booked, { kind: 'refused' }>).problem;
}

describe('peer challenges in the store', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('refuses a peer naming the field: name, role, party, council, days', async () => {
    const cases: [Partial<PeerDraft>, string][] = [
      [{ name: '  ' }, 'name'],
      [{ role: 'mayor' }, 'role'],
      [{ party: 'Labour' }, 'party'],
      [{ role: 'councillor', party: null }, 'party'],
      [{ councilCode: 'E99999999' }, 'councilCode'],
      [{ unavailable: [{ from: '2026-02-10', to: '2026-02-01' }] }, 'unavailable[0].to'],
      [{ unavailable: [{ from: '10/02/2026', to: '2026-02-11' }] }, 'unavailable[0].from'],
    ];
    for (const [draft, field] of cases) {
      const added = await addPeer(store.sql, { ...OFFICER, ...draft }, null);
      assert.equal(added.kind, 'refused', field);
      assert.equal((added as { problem: { field: string } }).problem.field, field);
    }
  });

  it('reads a peer back in the domain shape, with the days they cannot give', async () => {
    const id = await peer(store.sql, { name: 'Cllr Bea Member', role: 'councillor', party: 'Independent', unavailable: [{ from: '2026-03-02', to: '2026-03-06' }] });
    const read = (await peerPool(store.sql, '2026-01-01')).find((p) => p.id === String(id));
    assert.deepEqual(read, {
      id: String(id),
      name: 'Cllr Bea Member',
      role: 'councillor',
      party: 'Independent',
      councilCode: LEEDS,
      skills: ['finance'],
      sectorExperience: ['metropolitan_district'],
      unavailable: [{ from: '2026-03-02', to: '2026-03-06' }],
      declaredConflicts: [],
      peerDaysGiven: 0,
    });
    assert.deepEqual(
      (await peerPool(store.sql, '2026-01-01', [id])).map((p) => p.name),
      ['Cllr Bea Member'],
    );
  });

  it('opens a challenge as an enquiry, refusing an unknown kind, council or day', async () => {
    assert.equal(refusal((await openChallenge(store.sql, { councilCode: KENT, kind: 'finance', enquiredOn: '2025-09-01', managedBy: null })) as never).field, 'kind');
    assert.equal(refusal((await openChallenge(store.sql, { councilCode: 'E99999999', kind: 'corporate', enquiredOn: '2025-09-01', managedBy: null })) as never).field, 'councilCode');
    assert.equal(refusal((await openChallenge(store.sql, { councilCode: KENT, kind: 'corporate', enquiredOn: '2025-02-30', managedBy: null })) as never).field, 'enquiredOn');
  });

  it('moves a challenge a step at a time, working out its due dates when the week is booked', async () => {
    const id = await bookedChallenge(store.sql, KENT);
    const booked = (await readChallenge(store.sql, id))!;
    assert.equal(booked.stage, 'booked');
    assert.deepEqual(booked.onSite, WEEK);
    assert.deepEqual(
      booked.due.map((d) => [d.item, d.dueOn, d.latestOn, d.doneOn, d.ruleVersion]),
      [
        ['report', '2026-04-30', null, null, 1],
        ['action_plan', '2026-04-30', '2026-06-30', null, 1],
        ['progress_review', '2026-11-30', null, null, 1],
        ['progress_review_report', '2027-01-30', null, null, 1],
      ],
    );
    assert.match(booked.due[0]!.sentence, /within 3 months of the week on site \(ending 2026-01-30\)/);
    assert.deepEqual(
      (await challengesOf(store.sql, KENT)).map((c) => c.id),
      [String(id)],
    );
  });

  it('refuses a step the domain refuses, leaving the challenge as it was', async () => {
    const id = await bookedChallenge(store.sql, MEDWAY);
    const before = (await readChallenge(store.sql, id))!;
    const early = refusal(await moveChallenge(store.sql, id, { kind: 'give_feedback', on: '2026-01-30' }, null));
    assert.equal(early.field, 'stage');
    assert.match(early.message, /cannot take 'give feedback'/);
    const dropped = refusal(await moveChallenge(store.sql, id, { kind: 'scope', focusAreas: ['governance_and_culture'] }, null));
    assert.equal(dropped.field, 'focusAreas');
    const noTeam = refusal(await moveChallenge(store.sql, id, { kind: 'confirm_team' }, null));
    assert.equal(noTeam.field, 'team');
    const after = (await readChallenge(store.sql, id))!;
    assert.equal(after.stage, 'booked');
    assert.equal(after.revision, before.revision, 'nothing was written');
    assert.equal(refusal(await moveChallenge(store.sql, id, { kind: 'close', on: '2026-01-01', reason: 'x' }, null, before.revision - 1)).field, 'revision');
    assert.equal(refusal(await moveChallenge(store.sql, 999_999, { kind: 'close', on: '2026-01-01', reason: 'x' }, null)).field, 'challenge');
  });

  it('confirms the team booked, then refuses a double booking naming the other challenge', async () => {
    const kent = (await challengesOf(store.sql, KENT))[0]!;
    const lead = await peer(store.sql, { name: 'Cath Chief' });
    const member = await peer(store.sql, { name: 'Cllr Dev Member', role: 'councillor', party: 'Labour', councilCode: HARTLEPOOL });
    const manager = await peer(store.sql, { name: 'Eve Manager', role: 'manager', councilCode: null });
    const kentId = Number(kent.id);
    assert.equal((await bookPeer(store.sql, kentId, lead, true, null)).kind, 'booked');
    assert.equal((await bookPeer(store.sql, kentId, member, false, null)).kind, 'booked');
    assert.equal(refusal(await bookPeer(store.sql, kentId, manager, true, null)).field, 'lead', 'a team has one lead');
    assert.match(refusal(await bookPeer(store.sql, kentId, member, false, null)).message, /already on the team/);
    const incomplete = refusal(await moveChallenge(store.sql, kentId, { kind: 'confirm_team' }, null));
    assert.match(incomplete.message, /a peer challenge manager: missing/);
    assert.equal((await bookPeer(store.sql, kentId, manager, false, null)).kind, 'booked');
    const confirmed = ok(await moveChallenge(store.sql, kentId, { kind: 'confirm_team' }, null));
    assert.equal(confirmed.stage, 'team_confirmed');
    assert.deepEqual(
      confirmed.team.map((m) => [m.name, m.lead]),
      [
        ['Cath Chief', true],
        ['Cllr Dev Member', false],
        ['Eve Manager', false],
      ],
    );

    const overlapping = await bookedChallenge(store.sql, DURHAM, { from: '2026-01-29', to: '2026-02-01' });
    const clash = await bookPeer(store.sql, overlapping, member, false, null);
    assert.equal(refusal(clash).field, 'peer');
    assert.equal(refusal(clash).message, `'peer': Cllr Dev Member is booked from 2026-01-27 to 2026-01-30 for Kent's corporate peer challenge (challenge ${kentId})`);
    assert.deepEqual((clash as { clash: unknown }).clash, { kind: 'double_booked', challengeId: kentId, councilCode: KENT, councilName: 'Kent', onSite: WEEK });
  });

  it('refuses a peer on days they cannot give, and books them once released elsewhere', async () => {
    const away = await peer(store.sql, { name: 'Fay Away', unavailable: [{ from: '2026-02-01', to: '2026-02-14', reason: 'annual leave' }] });
    const challenge = await bookedChallenge(store.sql, LEEDS, { from: '2026-02-10', to: '2026-02-12' });
    const refused = await bookPeer(store.sql, challenge, away, false, null);
    assert.equal(refusal(refused).message, "'peer': Fay Away cannot give 2026-02-01 to 2026-02-14 (annual leave)");
    assert.deepEqual((refused as { clash: unknown }).clash, { kind: 'unavailable', days: { from: '2026-02-01', to: '2026-02-14' }, reason: 'annual leave' });

    const kent = Number((await challengesOf(store.sql, KENT))[0]!.id);
    const durham = Number((await challengesOf(store.sql, DURHAM))[0]!.id);
    const member = (await teamOf(store.sql, kent)).find((m) => m.name === 'Cllr Dev Member')!;
    assert.equal(refusal(await releasePeer(store.sql, kent, Number(member.peerId), ' ', null)).field, 'reason');
    assert.equal((await releasePeer(store.sql, kent, Number(member.peerId), 'called away', null)).kind, 'booked');
    assert.equal((await bookPeer(store.sql, durham, Number(member.peerId), false, null)).kind, 'booked', 'released days are free again');
    assert.deepEqual(
      (await teamOf(store.sql, durham)).map((m) => [m.name, m.onSite]),
      [['Cllr Dev Member', { from: '2026-01-29', to: '2026-02-01' }]],
    );
  });

  it('moves the team with the week, and refuses the move when a peer is taken in the new week', async () => {
    const durham = Number((await challengesOf(store.sql, DURHAM))[0]!.id);
    const leeds = Number((await challengesOf(store.sql, LEEDS))[0]!.id);
    const moved = ok(await moveChallenge(store.sql, durham, { kind: 'book', onSite: { from: '2026-03-02', to: '2026-03-05' } }, null));
    assert.deepEqual(
      moved.team.map((m) => m.name),
      ['Cllr Dev Member'],
    );
    assert.deepEqual((await teamOf(store.sql, durham))[0]!.onSite, { from: '2026-03-02', to: '2026-03-05' });
    assert.equal(moved.due.find((d) => d.item === 'report')?.dueOn, '2026-06-05', 'the due dates move with the week');
    const dev = Number(moved.team[0]!.peerId);
    assert.equal((await bookPeer(store.sql, leeds, dev, false, null)).kind, 'booked');
    const before = (await readChallenge(store.sql, leeds))!;
    const refused = refusal(await moveChallenge(store.sql, leeds, { kind: 'book', onSite: { from: '2026-03-04', to: '2026-03-06' } }, null));
    assert.equal(refused.message, `'peer': Cllr Dev Member is booked from 2026-03-02 to 2026-03-05 for County Durham's corporate peer challenge (challenge ${durham})`);
    const after = (await readChallenge(store.sql, leeds))!;
    assert.deepEqual([after.onSite, after.revision], [before.onSite, before.revision], 'the week and the team stay where they were');
    assert.deepEqual((await teamOf(store.sql, leeds))[0]!.onSite, { from: '2026-02-10', to: '2026-02-12' });
  });

  it('refuses a conflicted peer, naming each kind of conflict', async () => {
    const kent = await bookedChallenge(store.sql, KENT, { from: '2026-06-01', to: '2026-06-04' });
    const southHolland = await bookedChallenge(store.sql, SOUTH_HOLLAND, { from: '2026-06-01', to: '2026-06-04' });
    await addBorder(store.sql, KENT, MEDWAY, 'made up for the test');
    await shareChiefExecutive(store.sql, [SOUTH_HOLLAND, BRECKLAND], 'Jo Shared', 'made up for the test');
    const declarer = await peer(store.sql, { name: 'Ivy Declared', councilCode: DURHAM });
    assert.equal(refusal(await declareConflict(store.sql, declarer, KENT, ' ', null)).field, 'reason');
    assert.equal(refusal(await declareConflict(store.sql, declarer, 'E99999999', 'x', null)).field, 'councilCode');
    assert.equal((await declareConflict(store.sql, declarer, KENT, 'her brother leads the council', null)).kind, 'ok');
    const cases: [string, number, number, string][] = [
      ['own_council', kent, await peer(store.sql, { name: 'Jon Own', councilCode: KENT }), 'Jon Own serves Kent'],
      ['same_county', kent, await peer(store.sql, { name: 'Kim County', councilCode: MAIDSTONE }), "Kim County's council, Maidstone, is in the same county as Kent"],
      ['shared_boundary', kent, await peer(store.sql, { name: 'Lou Border', councilCode: MEDWAY }), "Lou Border's council, Medway, shares a boundary with Kent"],
      ['shared_chief_executive', southHolland, await peer(store.sql, { name: 'Max Shared', councilCode: BRECKLAND }), "Max Shared's council, Breckland, shares its chief executive with South Holland"],
      ['declared', kent, declarer, 'Ivy Declared declared a conflict with Kent: her brother leads the council'],
    ];
    for (const [kind, challenge, conflicted, sentence] of cases) {
      const booked = await bookPeer(store.sql, challenge, conflicted, false, null);
      assert.equal(refusal(booked).message, `'peer': conflict (${kind.replaceAll('_', ' ')}): ${sentence}`);
      assert.deepEqual((booked as { clash: unknown }).clash, { kind: 'conflict', conflict: kind, sentence });
    }
    assert.equal((await bookPeer(store.sql, kent, await peer(store.sql, { name: 'Ned Far', councilCode: LEEDS }), false, null)).kind, 'booked', 'a peer from far away is free to go');
  });

  it('releases the bookings of days not yet come when a challenge is withdrawn', async () => {
    const durham = Number((await challengesOf(store.sql, DURHAM))[0]!.id);
    const closed = ok(await moveChallenge(store.sql, durham, { kind: 'close', on: '2026-02-20', reason: 'the council asked to wait' }, null));
    assert.equal(closed.stage, 'closed');
    assert.deepEqual(closed.team, []);
    assert.equal(closed.closeReason, 'the council asked to wait');
  });
});

describe('bookings under concurrency', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('lets exactly one of 100 concurrent bookings of one peer for overlapping weeks win', async () => {
    const sought = await peer(store.sql, { name: 'Gil Sought' });
    const councils = await store.sql<{ code: string }[]>`select code from area where type = 'district' and end_date is null order by code limit 100`;
    assert.equal(councils.length, 100);
    const challenges: number[] = [];
    for (const [i, { code }] of councils.entries()) challenges.push(await bookedChallenge(store.sql, code, { from: `2026-05-${String(4 + (i % 3)).padStart(2, '0')}`, to: '2026-05-07' }));

    const results = await Promise.all(challenges.map((id) => bookPeer(store.sql, id, sought, false, null)));
    const won = results.flatMap((r, i) => (r.kind === 'booked' ? [challenges[i]!] : []));
    assert.equal(won.length, 1, 'exactly one booking wins');
    const [winner] = await store.sql<{ name: string }[]>`select a.name from peer_challenge c join area a on a.code = c.area_code where c.id = ${won[0]!}`;
    for (const r of results.filter((r) => r.kind === 'refused')) {
      assert.equal((r as { clash?: { challengeId: number } }).clash?.challengeId, won[0], 'each loser is told whose week holds the peer');
      assert.match(r.problem.message, new RegExp(`for ${winner!.name}'s corporate peer challenge`));
    }
    const [held] = await store.sql<{ n: number }[]>`select count(*)::int as n from peer_booking where peer_id = ${sought} and released_at is null`;
    assert.equal(held!.n, 1);
  });

  it('refuses overlapping bookings in the table itself, even from writers that take no lock', async () => {
    const unlocked = await peer(store.sql, { name: 'Hal Raw' });
    const ids = (await store.sql<{ id: number }[]>`select id from peer_challenge order by id limit 20`).map((r) => r.id);
    const outcomes = await Promise.allSettled(ids.map((id) => store.sql`insert into peer_booking (peer_id, challenge_id, during) values (${unlocked}, ${id}, '[2026-05-06,2026-05-07]')`));
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    // Two writers that insert overlapping rows at once each wait for the other's
    // row to commit or vanish, so PostgreSQL may end one as a deadlock (40P01)
    // rather than as a clash (23P01). Either way the table refused it.
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      const { code } = (o as PromiseRejectedResult).reason as { code: string };
      assert.ok(['23P01', '40P01'].includes(code), `refused as a clash or a deadlock, not ${code}`);
    }
  });
});
