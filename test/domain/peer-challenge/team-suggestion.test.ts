import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkTeam, conflictsOf, overlaps, suggestTeam, type Booking, type Peer, type TeamChallenge } from '../../../src/domain/peer-challenge/index.ts';
import { peer, PLACES } from './pool.ts';

const CHALLENGE: TeamChallenge = Object.freeze({
  id: 'babergh-2026',
  councilCode: 'E07000200',
  kind: 'corporate',
  onSite: { from: '2026-03-10', to: '2026-03-13' },
  focusAreas: ['governance_and_culture', 'financial_planning_and_management', 'housing'],
  team: [],
});

const POOL: readonly Peer[] = Object.freeze([
  peer('ce-far', { name: 'Ann Far', role: 'chief_executive', skills: ['governance_and_culture'], peerDaysGiven: 20 }),
  peer('ce-near', { name: 'Ben Near', role: 'chief_executive', councilCode: 'E07000203', skills: ['governance_and_culture', 'housing'] }),
  peer('ce-busy', { name: 'Cat Busy', role: 'chief_executive', skills: ['governance_and_culture', 'housing', 'financial_planning_and_management'] }),
  peer('ce-new', { name: 'Dan New', role: 'chief_executive', skills: ['governance_and_culture'], peerDaysGiven: 2 }),
  peer('cllr-lab', { name: 'Cllr Eve', role: 'councillor', party: 'Labour', skills: ['housing'] }),
  peer('cllr-con', { name: 'Cllr Fay', role: 'councillor', party: 'Conservative', skills: ['housing'], sectorExperience: ['county'] }),
  peer('cllr-away', { name: 'Cllr Gus', role: 'councillor', party: 'Green', unavailable: [{ from: '2026-03-01', to: '2026-03-10' }] }),
  peer('mgr', { name: 'Hal Manager', role: 'manager', councilCode: null }),
]);

const BOOKINGS: readonly Booking[] = Object.freeze([
  { peerId: 'ce-busy', challengeId: 'norfolk-2026', onSite: { from: '2026-03-13', to: '2026-03-16' } },
  { peerId: 'ce-far', challengeId: 'kent-2026', onSite: { from: '2026-03-14', to: '2026-03-17' } },
  { peerId: 'mgr', challengeId: 'babergh-2026', onSite: { from: '2026-03-10', to: '2026-03-13' } },
]);

const ids = (list: readonly { peer: Peer }[]) => list.map((c) => c.peer.id);

describe('suggestTeam(challenge, peers, bookings, places)', () => {
  const suggestion = suggestTeam(CHALLENGE, POOL, BOOKINGS, PLACES);

  it('leaves out the conflicted, the double-booked and the unavailable, saying why', () => {
    const why = Object.fromEntries(suggestion.excluded.map((e) => [e.peer.id, [...e.conflicts.map((c) => c.kind), ...e.clashes.map((c) => c.kind)]]));
    assert.deepEqual(why, { 'ce-near': ['same_county', 'shared_boundary', 'shared_chief_executive'], 'ce-busy': ['booked'], 'cllr-away': ['unavailable'] });
  });

  it('ranks by focus areas covered, then authority type, then fewer peer days given', () => {
    assert.deepEqual(ids(suggestion.byRole.chief_executive), ['ce-new', 'ce-far']);
    assert.deepEqual(suggestion.byRole.chief_executive[0]!.reasons, ['covers 1 of 3 focus areas: governance_and_culture', 'has worked in a district council', 'has given 2 peer days']);
  });

  it('ranks a member peer who knows the kind of council above one who does not', () => {
    assert.deepEqual(ids(suggestion.byRole.councillor), ['cllr-lab', 'cllr-con']);
    assert.ok(suggestion.byRole.councillor[1]!.reasons.includes('has not worked in a district council'));
  });

  it('balances parties: a party already on the team ranks below one that is not', () => {
    const withLabour = { ...CHALLENGE, team: [{ peerId: 'other-lab', name: 'Cllr Ida', role: 'councillor' as const, lead: false }] };
    const pool = [...POOL, peer('other-lab', { role: 'councillor', party: 'Labour' }), peer('cllr-con2', { name: 'Cllr Jo', role: 'councillor', party: 'Conservative', skills: ['housing'] })];
    const ranked = suggestTeam(withLabour, pool, BOOKINGS, PLACES).byRole.councillor;
    assert.deepEqual(ids(ranked), ['cllr-con2', 'cllr-lab', 'cllr-con']);
    assert.ok(ranked[0]!.reasons.includes('Conservative: a party not yet on the team'));
    assert.ok(ranked[1]!.reasons.includes('Labour: already on the team'));
  });

  it('does not count the challenge’s own booking as a clash, and proposes a whole team', () => {
    assert.deepEqual(
      suggestion.proposed.map((m) => [m.peerId, m.role, m.lead]),
      [
        ['ce-new', 'chief_executive', true],
        ['cllr-lab', 'councillor', false],
        ['mgr', 'manager', false],
      ],
    );
    assert.deepEqual(suggestion.unfilled, []);
  });

  it('names a place no free peer can fill', () => {
    const { unfilled } = suggestTeam(
      CHALLENGE,
      POOL.filter((p) => p.role !== 'manager'),
      BOOKINGS,
      PLACES,
    );
    assert.deepEqual(
      unfilled.map((p) => p.message),
      ["'team': no free peer without a conflict can be a peer challenge manager"],
    );
  });

  it('keeps the best `limit` per role in order, however large the pool', () => {
    const many = Array.from({ length: 200 }, (_, i) => peer(`d${i}`, { role: 'director', skills: i % 7 === 0 ? ['housing'] : [], peerDaysGiven: (i * 37) % 50 }));
    const top = suggestTeam(CHALLENGE, many, [], PLACES, 5).byRole.director;
    const expected = many
      .filter((p) => p.skills.length > 0)
      .sort((a, b) => a.peerDaysGiven - b.peerDaysGiven || a.name.localeCompare(b.name))
      .slice(0, 5);
    assert.deepEqual(ids(top), ids(expected.map((p) => ({ peer: p }))));
  });

  it('never suggests or proposes a conflicted, double-booked or unavailable peer', () => {
    const codes = [...PLACES.keys()];
    const day = fc.integer({ min: 0, max: 40 }).map((d) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10));
    const span = fc.tuple(day, fc.integer({ min: 0, max: 4 })).map(([from, len]) => ({ from, to: new Date(Date.parse(from) + len * 86_400_000).toISOString().slice(0, 10) }));
    const arbPeer = fc.record({
      role: fc.constantFrom('chief_executive', 'director', 'councillor', 'specialist', 'manager' as const),
      councilCode: fc.option(fc.constantFrom(...codes)),
      declared: fc.option(fc.constantFrom(...codes)),
      unavailable: fc.array(span, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(arbPeer, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(29), span), { maxLength: 30 }), fc.constantFrom(...codes), span, (arbs, booked, councilCode, onSite) => {
        const peers = arbs.map((a, i) =>
          peer(`p${i}`, { role: a.role, councilCode: a.councilCode, unavailable: a.unavailable, declaredConflicts: a.declared ? [{ councilCode: a.declared, reason: 'declared' }] : [] }),
        );
        const bookings = booked.map(([i, s]) => ({ peerId: `p${i}`, challengeId: `other-${i}`, onSite: s }));
        const challenge = { ...CHALLENGE, councilCode, onSite };
        const suggestion = suggestTeam(challenge, peers, bookings, PLACES);
        const chosen = new Set([
          ...Object.values(suggestion.byRole)
            .flat()
            .map((c) => c.peer.id),
          ...suggestion.proposed.map((m) => m.peerId),
        ]);
        for (const p of peers.filter((x) => chosen.has(x.id))) {
          assert.deepEqual(conflictsOf(p, PLACES.get(councilCode)!, PLACES), []);
          assert.ok(!bookings.some((b) => b.peerId === p.id && overlaps(b.onSite, onSite)));
          assert.ok(!p.unavailable.some((s) => overlaps(s, onSite)));
        }
        assert.equal(suggestion.excluded.length + Object.values(suggestion.available).reduce((a, b) => a + b, 0), peers.length);
      }),
    );
  });
});

describe('checkTeam(challenge, peers, bookings, places)', () => {
  const TEAM = [
    { peerId: 'ce-new', name: 'Dan New', role: 'chief_executive' as const, lead: true },
    { peerId: 'cllr-lab', name: 'Cllr Eve', role: 'councillor' as const, lead: false },
    { peerId: 'mgr', name: 'Hal Manager', role: 'manager' as const, lead: false },
  ];

  it('passes a whole, free, conflict-free team', () => {
    assert.deepEqual(checkTeam({ ...CHALLENGE, team: TEAM }, POOL, BOOKINGS, PLACES), []);
  });

  it('names a double booking with the other challenge and its days', () => {
    const team = [{ ...TEAM[0]!, peerId: 'ce-busy', name: 'Cat Busy' }, TEAM[1]!, TEAM[2]!];
    assert.deepEqual(
      checkTeam({ ...CHALLENGE, team }, POOL, BOOKINGS, PLACES).map((p) => p.message),
      ["'team[0]': double booking: Cat Busy is booked on challenge norfolk-2026 from 2026-03-13 to 2026-03-16, which overlaps 2026-03-10 to 2026-03-13"],
    );
  });

  it('names each conflict, an unavailable peer, a peer not in the pool and the missing places', () => {
    const team = [
      { ...TEAM[0]!, peerId: 'ce-near', name: 'Ben Near' },
      { ...TEAM[1]!, peerId: 'cllr-away', name: 'Cllr Gus' },
      { peerId: 'ghost', name: 'Nobody', role: 'director' as const, lead: false },
    ];
    assert.deepEqual(
      checkTeam({ ...CHALLENGE, team }, POOL, BOOKINGS, PLACES).map((p) => p.message),
      [
        "'team': a corporate team needs a peer challenge manager: missing",
        "'team[0]': conflict (same county): Ben Near's council, Mid Suffolk, is in the same county as Babergh",
        "'team[0]': conflict (shared boundary): Ben Near's council, Mid Suffolk, shares a boundary with Babergh",
        "'team[0]': conflict (shared chief executive): Ben Near's council, Mid Suffolk, shares its chief executive with Babergh",
        "'team[1]': Cllr Gus is unavailable from 2026-03-01 to 2026-03-10, which overlaps 2026-03-10 to 2026-03-13",
        "'team[2]': no peer 'ghost' in the pool",
      ],
    );
  });
});
