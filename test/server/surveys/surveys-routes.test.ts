// Every route of surveys on the real app and store, asked by every role, by
// another council's officer and by probers guessing ids: a council's held
// survey is read by its council alone (404 for everyone else, the same as
// for an id that does not exist), changed by its performance officers alone
// (401 for the public, 403 naming the missing role), and an empty body is
// refused naming its field only for those allowed. The pages' forms refuse
// in the GOV.UK error summary and keep what was typed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLES, type OrganisationKind, type Role } from '../../../src/domain/access/index.ts';
import { apiToken, bearer, Browser, organisation, user } from '../../support/access.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';
import { DURHAM, ENGLAND, HARTLEPOOL, RESULTS, SURVEY, seedSurveyAreas } from './fixtures.ts';

const HOMES: Readonly<Record<Role, [OrganisationKind, string]>> = {
  performance_officer: ['council', 'Durham County Council'],
  council_member: ['council', 'Durham County Council'],
  principal_adviser: ['sector_body', 'Sector body'],
  regional_partner: ['regional_partnership', 'North East partnership'],
  panel_member: ['support_panel', 'Support panel'],
  government_officer: ['government', 'Department'],
  inspector: ['inspectorate', 'Inspectorate'],
  peer_challenge_manager: ['sector_body', 'Sector body'],
  administrator: ['sector_body', 'Sector body'],
};
const PEOPLE = [...ROLES, 'hartlepool_officer', 'public'] as const;
type Person = (typeof PEOPLE)[number];
/** Who reads Durham's survey before it is released: its council. */
const READERS: readonly Person[] = ['performance_officer', 'council_member'];

let store: TestStore;
let server: TestServer;
const tokens = new Map<Person, string>();
let surveyId: number;

before(async () => {
  store = await openTestStore();
  await seedSurveyAreas(store.sql);
  for (const role of ROLES) {
    const [kind, name] = HOMES[role];
    const home = await organisation(store.sql, name, kind, kind === 'council' ? DURHAM : null);
    tokens.set(role, await apiToken(store.sql, (await user(store.sql, `${role}@tests.example`, role, home.id)).id));
  }
  const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
  tokens.set('hartlepool_officer', await apiToken(store.sql, (await user(store.sql, 'officer@hartlepool.example', 'performance_officer', hartlepool.id)).id));
  server = await startTestServer(store);
  const made = await ask('performance_officer', 'POST', '/api/surveys', SURVEY);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  surveyId = (made.body as { id: number }).id;
  assert.equal((await ask('performance_officer', 'POST', `/api/surveys/${surveyId}/results`, RESULTS)).status, 201);
});
after(async () => {
  await server.close();
  await store.close();
});

async function ask(who: Person, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const token = tokens.get(who);
  const response = await fetch(server.base + path, {
    method,
    headers: { ...(token ? bearer(token) : {}), 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

const message = (answer: { body: unknown }) => (answer.body as { message?: string }).message ?? '';

describe('the API, by role', () => {
  for (const who of PEOPLE) {
    it(who, async () => {
      const reads = READERS.includes(who);
      const read = await ask(who, 'GET', `/api/surveys/${surveyId}`);
      assert.equal(read.status, reads ? 200 : 404, `${who} GET: ${JSON.stringify(read.body)}`);
      if (!reads) assert.equal(message(read), `there is no survey ${surveyId} that you may see`);
      const csv = await ask(who, 'GET', `/api/surveys/${surveyId}/results.csv`);
      assert.equal(csv.status, reads ? 200 : 404, `${who} GET results.csv`);
      if (reads) assert.match(String(csv.body), /^survey,council,question,line,/);
      const listed = await ask(who, 'GET', `/api/surveys?council=${DURHAM}`);
      assert.equal(listed.status, 200);
      assert.equal((listed.body as { items: unknown[] }).items.length, reads ? 1 : 0, `${who} lists what they read`);

      const officer = who === 'performance_officer' || who === 'hartlepool_officer';
      for (const [method, path] of [
        ['POST', '/api/surveys'],
        ['PUT', `/api/surveys/${surveyId}`],
        ['POST', `/api/surveys/${surveyId}/results`],
      ] as const) {
        const answer = await ask(who, method, path, {});
        const expected = who === 'public' ? 401 : !officer ? 403 : who === 'performance_officer' || path === '/api/surveys' ? 400 : 404;
        assert.equal(answer.status, expected, `${who} ${method} ${path}: ${JSON.stringify(answer.body)}`);
        if (expected === 403) assert.match(message(answer), /may not change/);
        if (expected === 400) assert.match(message(answer), /^'\w+' /, 'the refusal names its field');
      }
    });
  }
});

describe('probes and refusals', () => {
  it('answers a guessed id as another council’s survey, and a malformed one naming it', async () => {
    const guessed = await ask('hartlepool_officer', 'GET', '/api/surveys/999999');
    assert.deepEqual([guessed.status, message(guessed)], [404, 'there is no survey 999999 that you may see']);
    const theirs = await ask('hartlepool_officer', 'GET', `/api/surveys/${surveyId}`);
    assert.deepEqual([theirs.status, message(theirs).replace(String(surveyId), 'N')], [404, 'there is no survey N that you may see']);
    for (const id of ['abc', '0', '1e3', '-1']) assert.equal((await ask('performance_officer', 'GET', `/api/surveys/${id}`)).status, 400, id);
    const guessedCsv = await ask('hartlepool_officer', 'GET', '/api/surveys/999999/results.csv');
    assert.deepEqual([guessedCsv.status, message(guessedCsv)], [404, 'there is no survey 999999 that you may see']);
    assert.match(message(await ask('public', 'GET', '/api/surveys')), /^'council' is required/);
  });

  it('answers the same survey twice 409 naming it, and gives the verdict with a reason for each condition', async () => {
    const again = await ask('performance_officer', 'POST', '/api/surveys', SURVEY);
    assert.equal(again.status, 409);
    assert.equal((again.body as { details: { existing: number } }).details.existing, surveyId);
    const read = (await ask('performance_officer', 'GET', `/api/surveys/${surveyId}`)).body as {
      verdict: { overall: string; conditions: { reason: string }[] };
      results: { figure: { percent: number } | null }[];
    };
    assert.equal(read.verdict.overall, 'comparable');
    assert.equal(read.verdict.conditions.length, 7);
    assert.ok(read.results.every((r) => r.figure !== null));
  });

  it("takes the national poll's waves from administrators alone, and sets a council's figure beside them", async () => {
    const poll: Record<string, unknown> = { ...SURVEY, title: 'National poll, wave 1', tracker: { name: 'National poll', wave: 1 } };
    delete poll.council;
    assert.equal((await ask('performance_officer', 'POST', '/api/surveys/national-poll', poll)).status, 403);
    const wave = await ask('administrator', 'POST', '/api/surveys/national-poll', poll);
    assert.equal(wave.status, 201, JSON.stringify(wave.body));
    const id = (wave.body as { id: number; council: string }).id;
    assert.equal((wave.body as { council: string }).council, ENGLAND);
    assert.equal((await ask('performance_officer', 'POST', `/api/surveys/${id}/results`, RESULTS)).status, 403);
    assert.equal((await ask('administrator', 'POST', `/api/surveys/national-poll/${id}/results`, RESULTS)).status, 201);
    assert.equal((await ask('public', 'GET', `/api/surveys/${id}`)).status, 200, 'the poll is public');
    const read = (await ask('performance_officer', 'GET', `/api/surveys/${surveyId}`)).body as { results: { nationalPoll: { waves: number; significance: string } | null }[] };
    assert.deepEqual(read.results[0]?.nationalPoll && [read.results[0].nationalPoll.waves, read.results[0].nationalPoll.significance], [1, 'similar']);
  });

  it('lists question sets for anyone and adds them for administrators alone', async () => {
    const sets = await ask('public', 'GET', '/api/question-sets');
    assert.ok((sets.body as { items: { code: string }[] }).items.some((s) => s.code === 'lga-resident-satisfaction'));
    assert.equal((await ask('public', 'POST', '/api/question-sets', {})).status, 401);
    assert.equal((await ask('performance_officer', 'POST', '/api/question-sets', {})).status, 403);
    const empty = await ask('administrator', 'POST', '/api/question-sets', {});
    assert.equal(empty.status, 400);
    assert.match(message(empty), /has no code/);
  });

  it('takes results as a file, and refuses one naming its line and column', async () => {
    const response = await fetch(`${server.base}/api/surveys/${surveyId}/results/import?fileName=bad.csv`, {
      method: 'POST',
      headers: { ...bearer(tokens.get('performance_officer')!), 'Content-Type': 'text/csv' },
      body: 'question,option,count\nsatisfied-with-council,very_satisfied,lots',
    });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /bad\.csv:2: column 'count': 'lots' is not a count/);
  });
});

describe('the pages', () => {
  it('shows the survey to its council and refuses a form in the error summary, keeping what was typed', async () => {
    const browser = new Browser(server.base);
    assert.equal((await browser.signIn('performance_officer@tests.example')).status, 303);
    const page = await (await browser.fetch(`/surveys/${surveyId}`)).text();
    assert.match(page, /Can the results be compared\?/);
    assert.match(page, /Comparable/);
    const form = await browser.fetch('/surveys/new', { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken, title: 'Kept title', 'position-satisfied-with-council': 'first' }) });
    assert.equal(form.status, 400);
    const html = await form.text();
    assert.match(html, /There is a problem/);
    assert.match(html, /href="#method"/);
    assert.match(html, /href="#position-satisfied-with-council"/);
    assert.match(html, /value="Kept title"/);
    const other = new Browser(server.base);
    await other.signIn('officer@hartlepool.example');
    assert.equal((await other.fetch(`/surveys/${surveyId}`)).status, 404);
    assert.equal((await other.fetch(`/surveys/${surveyId}/results/edit`)).status, 404);
  });

  it('lists question sets for anyone and takes a new one from administrators as JSON, refusing it naming the question', async () => {
    assert.match(await (await fetch(`${server.base}/question-sets`)).text(), /Overall, how satisfied or dissatisfied are you with your local area/);
    const officer = new Browser(server.base);
    await officer.signIn('performance_officer@tests.example');
    assert.equal((await officer.fetch('/question-sets/new')).status, 403);
    const admin = new Browser(server.base);
    await admin.signIn('administrator@tests.example');
    assert.equal((await admin.fetch('/question-sets/new')).status, 200);
    const post = (set: string) => admin.fetch('/question-sets/new', { method: 'POST', body: new URLSearchParams({ _csrf: admin.csrfToken, set }) });
    const unread = await post('{ not json');
    assert.equal(unread.status, 400);
    assert.match(await unread.text(), /The set is not JSON Lantern can read/);
    const set = {
      code: 'own-questions',
      version: 1,
      title: 'Our own questions',
      source: 'Durham',
      questions: [{ code: 'bins', wording: 'Bins?', answerOptions: [], benchmarkable: false, metricCode: null }],
    };
    const refused = await post(JSON.stringify(set));
    const html = await refused.text();
    assert.equal(refused.status, 400);
    assert.match(html, /Question &#39;bins&#39; has no answer options/);
    assert.match(html, /Our own questions/, 'the text is kept');
    const options = [{ code: 'yes', label: 'Yes', positive: true, dontKnow: false }];
    assert.equal((await post(JSON.stringify({ ...set, questions: [{ ...set.questions[0], answerOptions: options }] }))).status, 303);
  });
});
