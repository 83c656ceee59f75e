// The access pages over HTTP: recording intelligence through its form (and
// the form coming back with its problem named), sharing from the item's page,
// the council's page of shares, the admin page and the account page, and
// where they send the public and those without the role.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DURHAM, openWorld, type World } from './world.ts';

describe('the access pages', () => {
  let world: World;

  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const form = (fields: Record<string, string>, token: string) => new URLSearchParams({ ...fields, _csrf: token });
  const item = {
    subjectArea: DURHAM,
    cause: 'relationships',
    title: 'Chief executive and leader at odds',
    note: 'Two public disagreements at cabinet in May; the monitoring officer has written to members.',
    classification: 'restricted',
  };

  it('records an item through the form and shows it; refuses a shareable one without evidence, naming it', async () => {
    const author = world.browsers.author;
    const refused = await author.fetch('/intelligence', { method: 'POST', body: form({ ...item, shareable: 'true' }, author.csrfToken) });
    assert.equal(refused.status, 400);
    assert.ok((await refused.text()).includes('An item without evidence cannot be saved as shareable'));
    const made = await author.fetch('/intelligence', { method: 'POST', body: form({ ...item, shareable: 'true', evidenceSource: 'Cabinet minutes, 14 May' }, author.csrfToken) });
    assert.equal(made.status, 303);
    const address = made.headers.get('location')!;
    assert.match(address, /^\/intelligence\/\d+$/);
    const page = await (await author.fetch(address)).text();
    assert.ok(page.includes('Chief executive and leader at odds') && page.includes('Cabinet minutes, 14 May') && page.includes('Share this item'));

    const shared = await author.fetch(`${address}/shares`, {
      method: 'POST',
      body: form({ organisationId: String(world.organisations.durham.id), reason: 'The council should know what we have noted' }, author.csrfToken),
    });
    assert.equal(shared.status, 303);
    const councilPage = await (await world.browsers.council_member.fetch('/shares')).text();
    assert.ok(councilPage.includes('What has been shared about your council'));
    assert.ok(councilPage.includes('The council should know what we have noted'));
    assert.equal((await world.browsers.council_member.fetch(address)).status, 200, 'shared with the council, it reads it');
  });

  it('sends the public to sign in, and tells others which access they lack', async () => {
    for (const address of ['/account', '/intelligence/new', '/admin', '/audit']) {
      const response = await world.browsers.public.fetch(address);
      assert.equal(response.status, 303, address);
      assert.equal(response.headers.get('location'), `/sign-in?returnTo=${encodeURIComponent(address)}`);
    }
    const officer = await world.browsers.performance_officer.fetch('/intelligence/new');
    assert.equal(officer.status, 403);
    assert.ok((await officer.text()).includes('may not change intelligence items'));
    assert.equal((await world.browsers.principal_adviser.fetch('/admin')).status, 403);
    assert.equal((await world.browsers.principal_adviser.fetch('/audit')).status, 403);
  });

  it('lets an administrator add an organisation and a user, the made password shown once', async () => {
    const admin = world.browsers.administrator;
    const organisation = await admin.fetch('/admin/organisations', { method: 'POST', body: form({ name: 'Hartlepool scrutiny panel', kind: 'support_panel', areaCode: '' }, admin.csrfToken) });
    assert.equal(organisation.status, 201);
    const [panel] = await world.store.sql<{ id: number }[]>`select id from organisation where name = 'Hartlepool scrutiny panel'`;
    const user = await admin.fetch('/admin/users', {
      method: 'POST',
      body: form({ name: 'Pat Panel', email: 'pat@panel.example', organisationId: String(panel!.id), role: 'panel_member', password: '' }, admin.csrfToken),
    });
    const html = await user.text();
    assert.equal(user.status, 201);
    assert.match(html, /Their password is <code>[A-Za-z0-9]{20}<\/code>/);
    const wrongRole = await admin.fetch('/admin/users', {
      method: 'POST',
      body: form({ name: 'X', email: 'x@panel.example', organisationId: String(panel!.id), role: 'principal_adviser' }, admin.csrfToken),
    });
    assert.equal(wrongRole.status, 400);
    assert.ok((await wrongRole.text()).includes('cannot belong to Hartlepool scrutiny panel'));
  });

  it('the account page makes a token, shown once', async () => {
    const response = await world.browsers.inspector.fetch('/account/tokens', { method: 'POST', body: form({ name: 'nightly export', scopes: 'read' }, world.browsers.inspector.csrfToken) });
    assert.equal(response.status, 201);
    assert.match(await response.text(), /<code>lantern_[A-Za-z0-9_-]{43}<\/code>/);
    const again = await (await world.browsers.inspector.fetch('/account')).text();
    assert.doesNotMatch(again, /lantern_[A-Za-z0-9_-]{43}/);
    assert.ok(again.includes('nightly export'));
  });
});
