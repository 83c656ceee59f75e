// The library's pages without script: a writer's form refused keeps every
// typed value and names each field; saved, submitted, returned with a reason
// on the moderation page and published; the library's search box and
// filters live in the address, with pages of results and snippets.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DURHAM, HARTLEPOOL, openWorld, type World } from '../access/world.ts';

describe('the good-practice library’s pages', () => {
  let world: World;
  const officer = () => world.browsers.performance_officer;
  const manager = () => world.browsers.peer_challenge_manager;
  const post = (who: 'performance_officer' | 'peer_challenge_manager', address: string, fields: Record<string, string>) =>
    world.browsers[who].fetch(address, { method: 'POST', body: new URLSearchParams({ ...fields, _csrf: world.browsers[who].csrfToken }) });
  const text = async (response: Response) => response.text();

  before(async () => {
    world = await openWorld();
  });
  after(() => world?.close());

  it('offers the form with the writer’s council filled in', async () => {
    const page = await text(await officer().fetch('/good-practice/new'));
    assert.match(page, new RegExp(`name="councils"[^>]*>${DURHAM}<`));
    assert.equal((await world.browsers.council_member.fetch('/good-practice/new')).status, 403);
  });

  it('shows a refused form again, each problem beside its field, everything typed kept', async () => {
    const response = await post('performance_officer', '/good-practice/new', {
      title: 'Kept title',
      summary: '',
      body: 'Kept body',
      councils: `${DURHAM}\nE09999999`,
      themes: 'health',
      'metric-0': '',
      'from-0': '',
      'to-0': '',
      'metric-1': 'obesity',
      'from-1': '2022/23',
      'to-1': '2018/19',
      source: 'efficiency_casebook',
      sourceNote: '',
    });
    const page = await text(response);
    assert.equal(response.status, 400);
    for (const field of ['summary', 'councils', 'to-1', 'sourceNote']) assert.match(page, new RegExp(`href="#${field}"`), field);
    assert.match(page, /value="Kept title"/);
    assert.match(page, />Kept body</);
    assert.match(page, /value="2018\/19"/);
    assert.match(page, /<option value="obesity" selected>/);
  });

  it('takes a case study from the form through moderation to the library', async () => {
    const made = await post('performance_officer', '/good-practice/new', {
      title: 'Obesity falls with a daily mile',
      summary: 'Every primary school ran a daily mile.',
      body: 'The council and its schools agreed one plan.\n\nChildren ran a mile a day, and adults followed.',
      councils: DURHAM,
      themes: 'health, schools',
      'metric-0': 'obesity',
      'from-0': '2018/19',
      'to-0': '2022/23',
      source: 'council',
      illustrative: 'yes',
    });
    assert.equal(made.status, 303);
    const address = made.headers.get('location')!;
    const id = address.split('/').pop()!;
    assert.match(await text(await officer().fetch(address)), /Submit for moderation/);
    assert.equal((await post('performance_officer', `${address}/submit`, {})).status, 303);
    const moderation = await manager().fetch(`${address}/moderation/edit`);
    assert.equal(moderation.status, 200);
    const refused = await post('peer_challenge_manager', `${address}/return`, { reason: '' });
    assert.equal(refused.status, 400);
    assert.match(await text(refused), /href="#reason"/);
    assert.equal((await post('peer_challenge_manager', `${address}/return`, { reason: 'Name the schools' })).status, 303);
    assert.match(await text(await officer().fetch(address)), /Returned by the moderator: Name the schools/);
    const edit = await text(await officer().fetch(`${address}/edit`));
    const revision = /name="revision" value="(\d+)"/.exec(edit)![1]!;
    const changed = await post('performance_officer', `${address}/edit`, {
      revision,
      title: 'Obesity falls with a daily mile in 40 schools',
      summary: 'Forty primary schools ran a daily mile.',
      body: 'The council and its schools agreed one plan.',
      councils: DURHAM,
      themes: 'health',
      'metric-0': 'obesity',
      'from-0': '2018/19',
      'to-0': '2022/23',
      source: 'council',
    });
    assert.equal(changed.status, 303);
    const stale = await post('performance_officer', `${address}/edit`, { revision, title: 'Stale', summary: 'x', body: 'y', councils: DURHAM, source: 'council' });
    assert.equal(stale.status, 409);
    assert.match(await text(stale), /value="Stale"/);
    await post('performance_officer', `${address}/submit`, {});
    assert.equal((await post('peer_challenge_manager', `${address}/publish`, {})).status, 303);
    const library = await text(await world.browsers.public.fetch('/good-practice?q=daily+mile'));
    assert.match(library, new RegExp(`href="/good-practice/${id}"`));
    assert.match(library, /<mark>daily<\/mark> <mark>mile<\/mark>/);
    const named = await world.browsers.public.fetch('/good-practice?council=Hartlepool&q=daily');
    assert.equal(named.headers.get('location'), `/good-practice?q=daily&council=${HARTLEPOOL}`);
    assert.match(await text(await world.browsers.public.fetch(named.headers.get('location')!)), /0 case studies/);
  });

  it('pages through results with every filter kept in the address', async () => {
    for (let n = 1; n <= 23; n++) {
      const response = await officer().json('POST', '/api/case-studies', {
        title: `Paged study ${n}`,
        summary: 'Paging',
        body: 'Paging through the library.',
        councils: [HARTLEPOOL],
        themes: ['paging'],
        source: 'council',
      });
      const { id } = (await response.json()) as { id: number };
      await officer().json('POST', `/api/case-studies/${id}/submit`);
      await manager().json('POST', `/api/case-studies/${id}/publish`);
    }
    const first = await text(await world.browsers.public.fetch('/good-practice?theme=paging'));
    assert.match(first, /23 case studies/);
    assert.match(first, /href="\/good-practice\?theme=paging&amp;page=2"/);
    const second = await text(await world.browsers.public.fetch('/good-practice?theme=paging&page=2'));
    assert.match(second, /Showing 21 to 23/);
    assert.equal((await world.browsers.public.fetch('/good-practice?colour=red')).status, 400);
  });
});
