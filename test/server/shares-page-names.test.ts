// The shares page asks for the council by name, with suggestions: a name or
// a code shows the shares about it, and a name it cannot find comes back in
// the error summary, naming the field as the page labels it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createShare } from '../../src/store/shares.ts';
import { authorItem, DURHAM, openWorld, type World } from './access/world.ts';

describe('the shares page, by council name', () => {
  let world: World;
  before(async () => {
    world = await openWorld();
    const item = await authorItem(world, 'sector');
    await createShare(world.store.sql, {
      recordKind: 'intelligence_item',
      recordId: String(item.id),
      subjectArea: DURHAM,
      reason: 'For the regional meeting',
      sharedBy: world.users.author.id,
      withOrganisationId: world.organisations.region.id,
      withUserId: null,
    });
  });
  after(() => world.close());

  it('offers councils by name and shows the shares about the one named', async () => {
    for (const about of ['County Durham', 'county durham', DURHAM]) {
      const response = await world.browsers.author.fetch(`/shares?about=${encodeURIComponent(about)}`);
      assert.equal(response.status, 200, about);
      const html = await response.text();
      assert.match(html, /<label class="govuk-label" for="about">\s*Council\s*<\/label>/);
      assert.match(html, /<datalist id="council-names">.*<option value="County Durham"><\/option>/s);
      assert.match(html, /For the regional meeting/, about);
    }
  });

  it('says which council it could not find, in the error summary', async () => {
    const response = await world.browsers.author.fetch('/shares?about=Durham+Council');
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /govuk-error-summary/);
    assert.match(html, /<a href="#about">Council: no council is called ‘Durham Council’\. Did you mean County Durham\? Choose one of the names offered<\/a>/);
  });
});
