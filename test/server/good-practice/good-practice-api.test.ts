// The good-practice library over the API, on the real app and store: a
// council's performance officer writes a case study, submits it, and a peer
// challenge manager publishes it or returns it with a reason. Every role is
// probed against every state and action, with ids guessed: a case study one
// may not read is not found, the same answer as an id that does not exist;
// and search finds and counts only what each reader may see.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiToken, bearer } from '../../support/access.ts';
import { DURHAM, HARTLEPOOL, openWorld, type Who, type World } from '../access/world.ts';

type Person = Who | 'hartlepoolOfficer';
const PEOPLE: readonly Person[] = [
  'public',
  'author',
  'performance_officer',
  'council_member',
  'principal_adviser',
  'regional_partner',
  'panel_member',
  'government_officer',
  'inspector',
  'peer_challenge_manager',
  'administrator',
  'hartlepoolOfficer',
];

const STUDY = {
  title: 'Fewer adults obese after a whole-system approach',
  summary: 'Leisure, planning and schools pulled the same way for five years.',
  body: 'County Durham brought its partners together behind one plan.\n\nEvery school ran a daily mile.',
  councils: [DURHAM],
  themes: ['health'],
  metrics: [{ metric: 'obesity', from: '2018/19', to: '2022/23' }],
  source: 'council',
};

describe('the good-practice library over the API', () => {
  let world: World;
  const as = (who: Person) => world.browsers[who];
  const fieldsOf = async (response: Response) => ((await response.json()) as { details?: { problems?: { field: string }[] } }).details?.problems?.map((p) => p.field);
  const write = async (fields: object = {}) => {
    const response = await as('performance_officer').json('POST', '/api/case-studies', { ...STUDY, ...fields });
    const body = (await response.json()) as { id: number; revision: number; state: string; message?: string };
    assert.equal(response.status, 201, body.message);
    return body;
  };
  const statuses = async (method: string, address: string, body?: unknown) =>
    Object.fromEntries(await Promise.all(PEOPLE.map(async (who) => [who, (await as(who).json(method, address, body)).status])));

  before(async () => {
    world = await openWorld();
  });
  after(() => world?.close());

  it('writes a draft held by the writer’s council, naming every field it refuses', async () => {
    const made = await write();
    assert.equal(made.state, 'draft');
    const refused = await as('performance_officer').json('POST', '/api/case-studies', {
      ...STUDY,
      title: '',
      councils: ['E09999999'],
      metrics: [{ metric: 'obesity', from: '2022/23', to: '2018/19' }],
      source: 'award',
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(await fieldsOf(refused), ['title', 'councils', 'metrics[0].to', 'sourceNote']);
    assert.equal((await as('performance_officer').json('POST', '/api/case-studies', { ...STUDY, source: 'hearsay' })).status, 400);
  });

  it('lets only writers write: the public is asked to sign in, other roles are refused, a read-only token too', async () => {
    const status = await statuses('POST', '/api/case-studies', STUDY);
    assert.deepEqual(status, {
      public: 401,
      author: 201,
      performance_officer: 201,
      council_member: 403,
      principal_adviser: 201,
      regional_partner: 201,
      panel_member: 403,
      government_officer: 403,
      inspector: 403,
      peer_challenge_manager: 201,
      administrator: 403,
      hartlepoolOfficer: 201,
    });
    const token = await apiToken(world.store.sql, world.users.performance_officer.id, ['read']);
    const response = await fetch(`${world.base}/api/case-studies`, { method: 'POST', headers: { ...bearer(token), 'Content-Type': 'application/json' }, body: JSON.stringify(STUDY) });
    assert.equal(response.status, 403);
  });

  it('probes every role against a draft, a submitted and a published case study: read, change, publish', async () => {
    const draft = await write({ title: 'Draft probe' });
    const submitted = await write({ title: 'Submitted probe' });
    assert.equal((await as('performance_officer').json('POST', `/api/case-studies/${submitted.id}/submit`)).status, 200);
    const published = await write({ title: 'Published probe' });
    await as('performance_officer').json('POST', `/api/case-studies/${published.id}/submit`);
    assert.equal((await as('peer_challenge_manager').json('POST', `/api/case-studies/${published.id}/publish`)).status, 200);

    const only = (allowed: Partial<Record<Person, number>>, otherwise: number) => Object.fromEntries(PEOPLE.map((who) => [who, allowed[who] ?? otherwise]));
    // read
    assert.deepEqual(await statuses('GET', `/api/case-studies/${draft.id}`), only({ performance_officer: 200 }, 404));
    assert.deepEqual(await statuses('GET', `/api/case-studies/${submitted.id}`), only({ performance_officer: 200, council_member: 200, peer_challenge_manager: 200 }, 404));
    assert.deepEqual(await statuses('GET', `/api/case-studies/${published.id}`), only({}, 200));
    // change, with an empty body: those allowed get as far as its check (400)
    const notWriters = { public: 401, council_member: 403, panel_member: 403, government_officer: 403, inspector: 403, administrator: 403 };
    assert.deepEqual(await statuses('PUT', `/api/case-studies/${draft.id}`, {}), only({ ...notWriters, performance_officer: 400 }, 404));
    assert.deepEqual(await statuses('PUT', `/api/case-studies/${submitted.id}`, {}), only({ ...notWriters, performance_officer: 400, peer_challenge_manager: 400 }, 404));
    assert.deepEqual(await statuses('PUT', `/api/case-studies/${published.id}`, {}), only({ ...notWriters, performance_officer: 400 }, 403));
    // publish: only a moderator, and only what they may read
    assert.deepEqual(await statuses('POST', `/api/case-studies/${draft.id}/publish`), only({ ...notWriters, performance_officer: 403 }, 404));
    assert.deepEqual(await statuses('POST', `/api/case-studies/${published.id}/publish`), only(notWriters, 403), 'a published one is no longer the moderators’ to change');
  });

  it('probes the pages of a draft’s form and a submitted one’s moderation, for every role', async () => {
    const draft = await write({ title: 'Page probe draft' });
    const submitted = await write({ title: 'Page probe submitted' });
    await as('performance_officer').json('POST', `/api/case-studies/${submitted.id}/submit`);
    const pages = async (address: string) => Object.fromEntries(await Promise.all(PEOPLE.map(async (who) => [who, (await as(who).fetch(address)).status])));
    const only = (allowed: Partial<Record<Person, number>>, otherwise: number) => Object.fromEntries(PEOPLE.map((who) => [who, allowed[who] ?? otherwise]));
    // A page sends the public to sign in.
    const notWriters = { public: 303, council_member: 403, panel_member: 403, government_officer: 403, inspector: 403, administrator: 403 };
    assert.deepEqual(await pages(`/good-practice/${draft.id}/edit`), only({ ...notWriters, performance_officer: 200 }, 404));
    assert.deepEqual(await pages(`/good-practice/${submitted.id}/moderation/edit`), only({ ...notWriters, performance_officer: 403, peer_challenge_manager: 200 }, 404));
    assert.deepEqual(await pages(`/good-practice/${draft.id}`), only({ performance_officer: 200 }, 404));
    assert.deepEqual(await pages('/good-practice/2147483647/edit'), only(notWriters, 404));
  });

  it('answers a guessed id as it answers another’s draft, and a word for an id with its field', async () => {
    const draft = await write({ title: 'Hidden draft' });
    const seen = await as('hartlepoolOfficer').json('GET', `/api/case-studies/${draft.id}`);
    const guessed = await as('hartlepoolOfficer').json('GET', '/api/case-studies/999999');
    assert.deepEqual([seen.status, guessed.status], [404, 404]);
    assert.equal(((await seen.json()) as { message: string }).message.replace(String(draft.id), 'N'), ((await guessed.json()) as { message: string }).message.replace('999999', 'N'));
    assert.equal((await as('public').json('GET', '/good-practice/999999')).status, 404);
    const word = await as('public').json('GET', '/api/case-studies/latest');
    assert.equal(word.status, 400);
    assert.match(((await word.json()) as { message: string }).message, /'id'/);
  });

  it('publishes once, returns with a reason, and refuses a stale change naming the revision', async () => {
    const study = await write({ title: 'To be returned' });
    assert.equal((await as('performance_officer').json('POST', `/api/case-studies/${study.id}/publish`)).status, 403, 'a writer does not publish their own');
    assert.equal((await as('peer_challenge_manager').json('POST', `/api/case-studies/${study.id}/return`, { reason: 'Not yet' })).status, 404, 'a draft is not the moderators’');
    await as('performance_officer').json('POST', `/api/case-studies/${study.id}/submit`);
    const noReason = await as('peer_challenge_manager').json('POST', `/api/case-studies/${study.id}/return`, { reason: ' ' });
    assert.equal(noReason.status, 400);
    assert.deepEqual(await fieldsOf(noReason), ['reason']);
    const returned = await as('peer_challenge_manager').json('POST', `/api/case-studies/${study.id}/return`, { reason: 'Say where the figures come from' });
    const body = (await returned.json()) as { state: string; returnReason: string; revision: number };
    assert.deepEqual([returned.status, body.state, body.returnReason], [200, 'returned', 'Say where the figures come from']);
    const stale = await as('performance_officer').json('PUT', `/api/case-studies/${study.id}`, { ...STUDY, revision: body.revision - 1 });
    assert.equal(stale.status, 409);
    assert.match(((await stale.json()) as { message: string }).message, /revision/);
    const changed = await as('performance_officer').json('PUT', `/api/case-studies/${study.id}`, { ...STUDY, sourceNote: null, revision: body.revision });
    assert.equal(changed.status, 200);
    assert.equal((await as('performance_officer').json('POST', `/api/case-studies/${study.id}/submit`)).status, 200);
    assert.equal((await as('peer_challenge_manager').json('POST', `/api/case-studies/${study.id}/publish`)).status, 200);
    const again = await as('peer_challenge_manager').json('POST', `/api/case-studies/${study.id}/return`, { reason: 'Too late' });
    assert.equal(again.status, 403);
    assert.equal((await as('performance_officer').json('PUT', `/api/case-studies/${study.id}`, { ...STUDY, revision: 99 })).status, 409, 'published: no longer its writer’s to change');
  });

  it('finds and counts only what each reader may see', async () => {
    const word = `kerbside${Date.now().toString(36).replace(/\d/g, '')}`;
    const draft = await write({ title: `Draft about ${word}` });
    const live = await write({ title: `Published about ${word}`, councils: [DURHAM, HARTLEPOOL] });
    await as('performance_officer').json('POST', `/api/case-studies/${live.id}/submit`);
    await as('peer_challenge_manager').json('POST', `/api/case-studies/${live.id}/publish`);
    const found = async (who: Person, query = '') => {
      const response = await as(who).json('GET', `/api/case-studies?q=${word}${query}`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { total: number; items: { id: number; snippet: string | null }[] };
      return { total: body.total, ids: body.items.map((i) => i.id).sort() };
    };
    assert.deepEqual(await found('public'), { total: 1, ids: [live.id] });
    assert.deepEqual(await found('peer_challenge_manager'), { total: 1, ids: [live.id] });
    assert.deepEqual(await found('performance_officer'), { total: 2, ids: [draft.id, live.id].sort() });
    assert.deepEqual(await found('public', `&council=${HARTLEPOOL}`), { total: 1, ids: [live.id] });
    assert.deepEqual(await found('public', '&theme=transport'), { total: 0, ids: [] });
    const bad = await as('public').json('GET', '/api/case-studies?period=someday');
    assert.equal(bad.status, 400);
    assert.deepEqual(await fieldsOf(bad), ['period']);
  });
});
