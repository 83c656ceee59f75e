// Returns' pages on the real app and store, as a council's officer uses them
// without script: a local metric defined and a return added through their
// forms, values entered on the return's page and confirmed, a file sent from
// the calendar; each refusal shown beside its field with what was typed
// kept; another council's officer and the public see nothing of it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from '../../support/access.ts';
import { openWorld, type World } from '../access/world.ts';

describe('the returns pages', () => {
  let world: World;
  let returnId: number;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const officer = () => world.browsers.performance_officer;
  const post = (browser: Browser, address: string, fields: Record<string, string>) => browser.fetch(address, { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken, ...fields }) });

  it('names each field of a local metric it refuses and keeps what was typed', async () => {
    const response = await post(officer(), '/returns/local-metrics/new', { title: 'Missed bins', definition: '', polarity: 'lower_is_better' });
    const html = await response.text();
    assert.equal(response.status, 400);
    assert.match(html, /<a href="#definition">Definition is required<\/a>/);
    assert.match(html, /<a href="#valueKind">Kind of value is required/);
    assert.match(html, /value="Missed bins"/);
  });

  it('defines a local metric and adds its return through the forms', async () => {
    const defined = await post(officer(), '/returns/local-metrics/new', {
      title: 'Missed bins',
      definition: 'Collections reported missed',
      polarity: 'lower_is_better',
      valueKind: 'count',
      periodKind: 'month',
    });
    assert.equal(defined.status, 303);
    assert.equal(defined.headers.get('location'), '/returns/new?metric=local-e06000047-missed-bins');
    const refused = await post(officer(), '/returns/new', { metric: 'local-e06000047-missed-bins', firstPeriod: '2025-04', dueKind: 'working_days_after', days: '0' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /<a href="#days">Working days must be a whole number from 1 to 60<\/a>/);
    const added = await post(officer(), '/returns/new', { metric: 'local-e06000047-missed-bins', firstPeriod: '2025-04', dueKind: 'months_after', months: '1' });
    assert.equal(added.status, 303);
    returnId = Number(/\/returns\/(\d+)$/.exec(added.headers.get('location') ?? '')?.[1]);
    assert.ok(returnId > 0);
  });

  it('enters values on the return page, names a refused one by its period, and confirms them', async () => {
    const refused = await post(officer(), `/returns/${returnId}/values`, { 'period-0': '2025-04', 'value-0': '-2', 'note-0': '', 'period-1': '2025-05', 'value-1': '10', 'note-1': '' });
    const html = await refused.text();
    assert.equal(refused.status, 400);
    assert.match(html, /<a href="#value-0">The value for 2025-04 must be 0 or more: a count cannot be below zero<\/a>/);
    assert.match(html, /id="value-1"[^>]*value="10"/);
    const saved = await post(officer(), `/returns/${returnId}/values`, { 'period-0': '2025-04', 'value-0': '12', 'note-0': '', 'period-1': '2025-05', 'value-1': '', 'note-1': 'Depot closed' });
    assert.equal(saved.status, 303);
    const page = await (await officer().fetch(`/returns/${returnId}`)).text();
    assert.match(page, /Provisional/);
    assert.match(page, /Not submitted/);
    assert.match(page, /Confirm the provisional values/);
    assert.equal((await post(officer(), `/returns/${returnId}/confirm`, {})).status, 303);
    assert.doesNotMatch(await (await officer().fetch(`/returns/${returnId}`)).text(), /Confirm the provisional values/);
  });

  it('shows the calendar to the council and sends a file from it', async () => {
    const calendar = await (await officer().fetch('/returns')).text();
    assert.match(calendar, /Missed bins/);
    assert.match(calendar, /<a class="govuk-service-navigation__link" href="\/returns"/, "the menu leads a council's officer to returns");
    const member = await (await world.browsers.council_member.fetch('/returns')).text();
    assert.doesNotMatch(member, /<a class="govuk-service-navigation__link" href="\/returns"/, 'and no one else');
    const form = new FormData();
    form.set('_csrf', officer().csrfToken);
    form.set('file', new Blob(['metric,period,value,note\nlocal-e06000047-missed-bins,2025-06,9,\n'], { type: 'text/csv' }), 'bins.csv');
    const sent = await officer().fetch('/returns/upload', { method: 'POST', body: form });
    assert.equal(sent.status, 303, await sent.clone().text());
    const bad = new FormData();
    bad.set('_csrf', officer().csrfToken);
    bad.set('file', new Blob(['metric,period,value,note\nlocal-e06000047-missed-bins,2025-06,x,\n'], { type: 'text/csv' }), 'bins.csv');
    const refused = await officer().fetch('/returns/upload', { method: 'POST', body: bad });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /bins\.csv:2: column &#39;value&#39;/i);
  });

  it('shows nothing of the return to another council or the public', async () => {
    assert.equal((await world.browsers.hartlepoolOfficer.fetch(`/returns/${returnId}`)).status, 404);
    assert.equal((await world.browsers.public.fetch(`/returns/${returnId}`)).status, 404);
    assert.doesNotMatch(await (await world.browsers.hartlepoolOfficer.fetch('/returns')).text(), /Missed bins/);
    assert.equal((await post(world.browsers.hartlepoolOfficer, `/returns/${returnId}/values`, { 'period-0': '2025-04', 'value-0': '1' })).status, 404);
  });
});
