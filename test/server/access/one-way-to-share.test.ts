// Sharing is one use-case (shareWith and stopSharing in
// src/server/platform/access/shares.ts), whatever is shared and wherever it
// is asked: an intelligence item from its page or the API, an early-sight
// release from the admin API. So each refuses a reason too short in the same
// words, audits a share in the same words, and no one but a person signed in
// can share: not even the console, which the policy never refuses.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { consoleAccess } from '../../../src/server/platform/access/console-access.ts';
import { shareWith } from '../../../src/server/platform/access/shares.ts';
import { guardedRecord } from '../../../src/domain/access/index.ts';
import { HttpError } from '../../../src/server/platform/http/http-error.ts';
import { authorItem, DURHAM, EARLY, openWorld, type World } from './world.ts';

const SHORT = "'reason' is required: at least 10 characters";

describe('one way to share, from every place that shares', () => {
  let world: World;
  let item: number;

  before(async () => {
    world = await openWorld();
    item = (await authorItem(world, 'restricted')).id;
  });
  after(() => world.close());

  const recipient = () => ({ organisationId: String(world.organisations.recipient.id) });
  const api = (path: string, body: object) => (path.includes('early-sight') ? world.browsers.administrator.json('POST', path, body) : world.browsers.author.json('POST', path, body));
  const page = (body: Record<string, string>) =>
    world.browsers.author.fetch(`/intelligence/${item}/shares`, {
      method: 'POST',
      body: new URLSearchParams({ ...body, _csrf: world.browsers.author.csrfToken }),
    });
  const shareEvents = async (recordId: string) =>
    (
      await world.store.sql<{ summary: string }[]>`
    select summary from audit_event where action = 'share' and record_id = ${recordId} order by id`
    ).map((e) => e.summary);

  it('refuses a reason too short in the same words, from the item page, its API and a release', async () => {
    for (const path of [`/api/intelligence/${item}/shares`, `/api/admin/early-sight/${EARLY}/shares`]) {
      const response = await api(path, { ...recipient(), reason: 'because' });
      assert.equal(response.status, 400, path);
      assert.equal(((await response.json()) as { message: string }).message, SHORT, path);
    }
    const refused = await page({ ...recipient(), reason: 'because' });
    assert.equal(refused.status, 400);
    assert.ok((await refused.text()).replaceAll('&#39;', "'").includes(SHORT), 'the page shows the same words as its problem');
    assert.deepEqual([...(await shareEvents(String(item))), ...(await shareEvents(EARLY))], []);
  });

  it('audits a share in the same words, whichever record and wherever it was asked', async () => {
    const reason = 'The partnership reviews this in the autumn';
    assert.equal((await page({ ...recipient(), reason })).status, 303);
    assert.equal((await api(`/api/intelligence/${item}/shares`, { ...recipient(), reason })).status, 201);
    assert.equal((await api(`/api/admin/early-sight/${EARLY}/shares`, { ...recipient(), reason })).status, 201);
    const said = /^shared with Recipient partnership \(share \d+\): The partnership reviews this in the autumn$/;
    const events = [...(await shareEvents(String(item))), ...(await shareEvents(EARLY))];
    assert.equal(events.length, 3);
    for (const summary of events) assert.match(summary, said);
  });

  it('refuses the console: a share names the person who answers for it', async () => {
    const record = { kind: 'intelligence_item' as const, id: String(item), subjectArea: DURHAM, guarded: guardedRecord('intelligence_item', 'restricted'), label: `intelligence item ${item}` };
    await assert.rejects(shareWith(world.store.sql, consoleAccess(world.store.sql), record, { ...recipient(), reason: 'A reason long enough' }), (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, 403);
      assert.equal(error.message, 'a share is made by someone signed in, who answers for it');
      return true;
    });
  });
});
