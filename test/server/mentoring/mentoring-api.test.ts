// Mentoring over HTTP on the real app and store: a peer challenge manager
// pairs a mentor from the pool with County Durham's chief executive; a
// conflicted mentor, an end before the start and a second open arrangement
// are refused by name; each role reads and changes arrangements only as the
// policy says, with the same not-found answer as for an id that does not
// exist; what the pair write is read by the pair alone (never by the
// provider, the council's officers or administrators); the mentee closes it
// with a review, once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addPeer } from '../../../src/store/peer-pool.ts';
import { DURHAM, EVERYONE, HARTLEPOOL, openWorld, type Who, type World } from '../access/world.ts';

type Anyone = Who | 'hartlepoolOfficer';
const SECRET = 'The leader and I disagree about the waste contract';
const OBJECTIVE_NOTE = 'Drafted the senior team structure';

describe('mentoring over the API', () => {
  let world: World;
  let mentor: number;
  let conflicted: number;
  let arrangementId: number;
  let body: Record<string, unknown>;
  before(async () => {
    world = await openWorld();
    const peer = (name: string, councilCode: string, userId: number | null) =>
      addPeer(world.store.sql, { name, role: 'chief_executive', party: null, councilCode, skills: ['finance'], sectorExperience: ['unitary'], unavailable: [], userId }, null);
    const made = await peer('Morgan Mentor', HARTLEPOOL, world.users.hartlepoolOfficer.id);
    const near = await peer('Dana Durham', DURHAM, null);
    assert.ok(made.kind === 'ok' && near.kind === 'ok');
    mentor = made.id;
    conflicted = near.id;
    body = {
      mentor,
      menteeName: 'Casey Chief',
      menteeRole: 'chief_executive',
      council: DURHAM,
      menteeUser: world.users.council_member.id,
      objectives: ['Settle the senior team', 'A financial plan members own'],
      startOn: '2026-01-12',
      endOn: '2026-07-10',
    };
  });
  after(() => world.close());

  const as = (who: Anyone) => world.browsers[who];
  const fieldsOf = async (response: Response) => ((await response.json()) as { details?: { problems?: { field: string }[] } }).details?.problems?.map((p) => p.field);

  it('pairs a mentor from the pool with the council’s chief executive', async () => {
    const response = await as('peer_challenge_manager').json('POST', '/api/mentoring', body);
    const made = (await response.json()) as { id: number; mentorName: string; objectives: string[]; mentorUserId: number };
    assert.equal(response.status, 201);
    assert.deepEqual([made.mentorName, made.objectives.length, made.mentorUserId], ['Morgan Mentor', 2, world.users.hartlepoolOfficer.id]);
    arrangementId = made.id;
  });

  it('refuses a conflicted mentor naming the conflict, an end before the start, no objectives; and a second open one with 409 naming it', async () => {
    const refused = await as('peer_challenge_manager').json('POST', '/api/mentoring', { ...body, menteeName: 'Lee Leader', mentor: conflicted });
    const message = ((await refused.clone().json()) as { message: string }).message;
    assert.deepEqual([refused.status, await fieldsOf(refused)], [400, ['mentor']]);
    assert.match(message, /Dana Durham serves County Durham/);
    const bad = await as('peer_challenge_manager').json('POST', '/api/mentoring', {
      ...body,
      menteeName: 'Lee Leader',
      objectives: [' '],
      endOn: '2025-12-31',
      menteeUser: world.users.hartlepoolOfficer.id,
    });
    assert.deepEqual(await fieldsOf(bad), ['objectives', 'endOn', 'menteeUser']);
    const again = await as('peer_challenge_manager').json('POST', '/api/mentoring', { ...body, menteeName: ' casey chief ' });
    assert.equal(again.status, 409);
    assert.match(((await again.json()) as { message: string }).message, new RegExp(`open mentoring arrangement, ${arrangementId}, with Morgan Mentor`));
    assert.equal((await world.store.sql`select count(*)::int as n from mentoring`)[0]!.n, 1);
  });

  it('lets the providers alone arrange mentoring', async () => {
    const expected: Partial<Record<Anyone, number>> = {
      public: 401,
      performance_officer: 403,
      council_member: 403,
      panel_member: 403,
      government_officer: 403,
      inspector: 403,
      administrator: 403,
      hartlepoolOfficer: 403,
      principal_adviser: 201,
      regional_partner: 201,
    };
    for (const [who, status] of Object.entries(expected)) {
      const response = await as(who as Anyone).json('POST', '/api/mentoring', { ...body, menteeName: `Lead member ${who}`, menteeRole: 'lead_member', menteeUser: '' });
      assert.equal(response.status, status, who);
    }
  });

  it('shows who the pair are to the provider, the council and the pair; to no one else, as if it did not exist', async () => {
    const readers = new Set<Anyone>(['peer_challenge_manager', 'principal_adviser', 'author', 'performance_officer', 'council_member', 'hartlepoolOfficer']);
    const missing = (await (await as('peer_challenge_manager').fetch('/api/mentoring/99999999')).json()) as { message: string };
    for (const who of [...EVERYONE, 'hartlepoolOfficer'] as const) {
      const response = await as(who).fetch(`/api/mentoring/${arrangementId}`);
      if (who === 'public') assert.equal(response.status, 401);
      else if (readers.has(who)) assert.equal(response.status, 200, who);
      else {
        assert.equal(response.status, 404, who);
        assert.equal(((await response.json()) as { message: string }).message.replace(String(arrangementId), 'N'), missing.message.replace('99999999', 'N'), who);
      }
    }
    const listed = (await (await as('regional_partner').fetch('/api/mentoring')).json()) as { items: { id: number }[] };
    assert.ok(!listed.items.some((a) => a.id === arrangementId), 'the regional partner lists only its own arrangements');
  });

  it('takes sessions from the pair alone', async () => {
    const session = (who: Anyone, fields: Record<string, unknown> = {}) =>
      as(who).json('POST', `/api/mentoring/${arrangementId}/sessions`, { heldOn: '2026-02-03', minutes: 90, notes: SECRET, objectiveNotes: [{ objective: 1, note: OBJECTIVE_NOTE }], ...fields });
    assert.equal((await session('hartlepoolOfficer')).status, 201);
    assert.equal((await session('council_member', { heldOn: '2026-03-03', notes: 'Next time: the budget', objectiveNotes: [] })).status, 201);
    for (const who of ['peer_challenge_manager', 'principal_adviser', 'performance_officer'] as const) assert.equal((await session(who)).status, 403, who);
    for (const who of ['administrator', 'regional_partner', 'inspector'] as const) assert.equal((await session(who)).status, 404, who);
    assert.equal((await session('public')).status, 401);
    const bad = await session('hartlepoolOfficer', { heldOn: '2026-08-01', minutes: 'long', objectiveNotes: [{ objective: 9, note: 'x' }] });
    assert.deepEqual(await fieldsOf(bad), ['heldOn', 'minutes', 'objectiveNotes[0].objective']);
    assert.equal((await world.store.sql`select count(*)::int as n from mentoring_session`)[0]!.n, 2);
  });

  it('shows what the pair wrote to the pair alone: never the provider, the council’s officers or administrators', async () => {
    for (const who of ['hartlepoolOfficer', 'council_member'] as const) {
      const read = (await (await as(who).fetch(`/api/mentoring/${arrangementId}`)).json()) as { notes: { note: string }[] | null; arrangement: { sessions: unknown[] } };
      assert.deepEqual(
        read.notes?.map((n) => n.note),
        [SECRET, OBJECTIVE_NOTE, 'Next time: the budget'],
        who,
      );
    }
    for (const who of ['peer_challenge_manager', 'principal_adviser', 'author', 'performance_officer'] as const) {
      const text = await (await as(who).fetch(`/api/mentoring/${arrangementId}`)).text();
      const read = JSON.parse(text) as { notes: unknown; arrangement: { sessions: unknown[] } };
      assert.equal(read.notes, null, who);
      assert.equal(read.arrangement.sessions.length, 2, `${who} sees the sessions' days`);
      assert.ok(!text.includes(SECRET) && !text.includes(OBJECTIVE_NOTE), who);
    }
    for (const who of ['peer_challenge_manager', 'performance_officer', 'administrator'] as const) {
      const page = await (await as(who).fetch(`/mentoring/${arrangementId}`)).text();
      assert.ok(!page.includes(SECRET), `${who}'s page`);
    }
    assert.ok((await (await as('council_member').fetch(`/mentoring/${arrangementId}`)).text()).includes(SECRET));
  });

  it('is closed by the mentee alone, with a review, once', async () => {
    const review = (who: Anyone, fields: Record<string, unknown>) => as(who).json('POST', `/api/mentoring/${arrangementId}/review`, fields);
    const good = { helpful: 'yes', whatChanged: 'A senior team in post and a plan the cabinet owns' };
    assert.equal((await review('peer_challenge_manager', good)).status, 403);
    assert.equal((await review('hartlepoolOfficer', good)).status, 403);
    const bad = await review('council_member', { helpful: 'very', whatChanged: '' });
    assert.deepEqual(await fieldsOf(bad), ['helpful', 'whatChanged']);
    const done = (await (await review('council_member', good)).json()) as { review: { helpful: string } };
    assert.equal(done.review.helpful, 'yes');
    assert.equal((await review('council_member', good)).status, 409);
    const late = await as('hartlepoolOfficer').json('POST', `/api/mentoring/${arrangementId}/sessions`, { heldOn: '2026-06-01', minutes: 60 });
    assert.equal(late.status, 409, 'a closed arrangement takes no more sessions');
    const again = await as('peer_challenge_manager').json('POST', '/api/mentoring', { ...body, menteeName: 'Casey Chief' });
    assert.equal(again.status, 201, 'a new arrangement once the last is closed');
  });
});
