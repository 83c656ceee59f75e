// Every cell of role × classification × action, on the real routes: each of
// the eleven kinds of viewer (the public, the author, and one user of every
// role, each signed in through the sign-in form) reads, changes and shares an
// intelligence item of each classification, and gets exactly the answer the
// hand-written table (test/domain/access/expected-matrix.ts) says. Then the
// council the items are about reads every share the matrix made, on its feed
// and its list, though it may read none of the confidential items.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ACTIONS, CLASSIFICATIONS, type Action } from '../../../src/domain/access/index.ts';
import { EXPECTED, type Cell } from '../../domain/access/expected-matrix.ts';
import { authorItem, DURHAM, EVERYONE, openWorld, type Who, type World } from './world.ts';

interface Answer {
  readonly status: number;
  readonly body: { id?: number; message?: string; details?: { missing?: string } };
}

describe('the access matrix on real routes', () => {
  let world: World;
  const items = new Map<string, number>();
  const sharesMade: number[] = [];

  before(async () => {
    world = await openWorld();
    for (const classification of CLASSIFICATIONS) items.set(classification, (await authorItem(world, classification)).id);
  });
  after(() => world.close());
  const itemsByClassification = () => items.entries();

  async function attempt(who: Who, action: Action, id: number): Promise<Answer> {
    const browser = world.browsers[who];
    const response =
      action === 'read'
        ? await browser.fetch(`/api/intelligence/${id}`)
        : action === 'change'
          ? await browser.json('PATCH', `/api/intelligence/${id}`, { title: `Reserves falling (checked by ${who})` })
          : await browser.json('POST', `/api/intelligence/${id}/shares`, { organisationId: world.organisations.recipient.id, reason: `Shared by ${who} for the matrix` });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  /**
   * What the route answers for a cell: success; 401 for the public where the
   * route itself needs a sign-in; 403 naming the missing access for a refusal
   * of what the viewer may see; and 404 where the viewer may not read the item
   * at all, the public included (its existence is not confirmed).
   */
  function expectedAnswer(expected: Cell, readable: boolean, action: Action): { status: number; missing?: string } {
    if (expected === 'allow') return { status: action === 'share' ? 201 : 200 };
    if (expected === 'sign_in_required') return { status: action === 'read' ? 404 : 401 };
    if (expected === 'role' || expected === 'token_scope' || readable) return { status: 403, missing: expected };
    return { status: 404 };
  }

  for (const classification of CLASSIFICATIONS) {
    for (const who of EVERYONE) {
      for (const action of ACTIONS) {
        const expected = EXPECTED[classification][who][action];
        it(`${who} ${action} a ${classification} item: ${expected}`, async () => {
          const answer = await attempt(who, action, items.get(classification)!);
          const readable = EXPECTED[classification][who].read === 'allow';
          const want = expectedAnswer(expected, readable, action);
          assert.equal(answer.status, want.status, `${who} ${action} ${classification}: ${answer.body.message}`);
          if (want.missing) assert.equal(answer.body.details?.missing, want.missing, answer.body.message);
          if (answer.status === 201) sharesMade.push(answer.body.id!);
        });
      }
    }
  }

  it('made shares in the matrix: the author and a colleague, of the restricted and confidential items', () => {
    assert.equal(sharesMade.length, 3); // restricted: author and colleague; confidential: author
  });

  describe('the subject council sees every share about itself', () => {
    it('on its feed: each share, who, with whom, why and when, though it may read none of the items', async () => {
      for (const who of ['council_member', 'performance_officer'] as const) {
        const response = await world.browsers[who].fetch('/api/shares/feed');
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^application\/feed\+json/);
        const feed = (await response.json()) as { title: string; items: { id: string; title: string; content_text: string; date_published: string }[] };
        assert.equal(feed.title, `Shares about ${DURHAM}`);
        const shown = feed.items.filter((i) => i.id.startsWith('share-')).map((i) => Number(i.id.slice('share-'.length)));
        for (const id of sharesMade) assert.ok(shown.includes(id), `share ${id} is on ${who}'s feed`);
        const one = feed.items.find((i) => i.id === `share-${sharesMade[0]}`)!;
        assert.match(one.title, /^Alex Author \(Sector improvement body\) shared intelligence item \d+ with Recipient partnership$/);
        assert.equal(one.content_text, 'Why: Shared by author for the matrix');
        assert.ok(!Number.isNaN(Date.parse(one.date_published)));
      }
    });

    it('on its list of shares, while the confidential item itself stays unreadable to it', async () => {
      const response = await world.browsers.council_member.fetch(`/api/shares?about=${DURHAM}`);
      const { items } = (await response.json()) as { items: { id: number; about: { code: string }; with: { name: string }; sharedBy: { name: string }; reason: string }[] };
      assert.deepEqual(items.map((s) => s.id).sort(), [...sharesMade].sort());
      assert.ok(items.every((s) => s.about.code === DURHAM && s.with.name === 'Recipient partnership'));
      const confidential = items.find((s) => s.reason === 'Shared by author for the matrix' && s.id === Math.max(...sharesMade));
      assert.ok(confidential, 'the share of the confidential item is on the list');
      assert.equal((await world.browsers.council_member.fetch(`/api/intelligence/${[...itemsByClassification()].find(([c]) => c === 'confidential')![1]}`)).status, 404);
    });

    it('and another council does not see them', async () => {
      const response = await world.browsers.hartlepoolOfficer.fetch(`/api/shares?about=${DURHAM}`);
      assert.deepEqual(((await response.json()) as { items: unknown[] }).items, []);
      const feed = await world.browsers.hartlepoolOfficer.fetch('/api/shares/feed');
      assert.deepEqual(((await feed.json()) as { items: unknown[] }).items, []);
    });
  });
});
