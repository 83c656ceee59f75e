// Every route of improvement cases, asked by every role and by probers: the
// pages and the API's changes answer each person as the access policy says
// (401 or sign-in for the public, 403 naming the missing role for those who
// may never change a case, 404 for an adviser of another body, who may not
// know the case exists), before any input is read: an empty body reaches the
// use-case, and is refused there naming its field, only for those allowed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { answer, DURHAM, EVERYONE, openCaseWorld, raiseFlag, type CaseWorld } from './world.ts';

let world: CaseWorld;
let caseId: number;
let stepId: number;
let shareId: number;

before(async () => {
  world = await openCaseWorld();
  const author = world.browsers.author;
  caseId = (await answer<{ id: number }>(await author.json('POST', '/api/cases', { area: DURHAM, strands: ['adults'], summary: 'Delayed transfers', flags: [await raiseFlag(world)] }), 201)).id;
  stepId = (await answer<{ id: number }>(await author.json('POST', `/api/cases/${caseId}/steps`, { action: 'Send the plan', owner: 'Pat Chief', dueOn: '2026-12-01' }), 201)).id;
  shareId = (await answer<{ id: number }>(await author.json('POST', `/api/cases/${caseId}/shares`, { organisationId: world.organisations.region.id, reason: 'For the regional lead' }), 201)).id;
});
after(() => world.close());

const PEOPLE = [...EVERYONE, 'hartlepoolOfficer', 'otherAdviser'] as const;
type Person = (typeof PEOPLE)[number];
const ADVISERS: readonly Person[] = ['author', 'principal_adviser'];
/** Who reads the case: its holder's people, the council, and the region it was referred to. */
const READERS: readonly Person[] = ['author', 'principal_adviser', 'peer_challenge_manager', 'performance_officer', 'council_member', 'regional_partner'];

/** What a change route answers a person who sends an empty body. */
function changeAnswer(who: Person, allowed: readonly number[]): readonly number[] {
  if (who === 'public') return [401];
  if (ADVISERS.includes(who)) return allowed;
  if (who === 'otherAdviser') return [404];
  return [403];
}

describe('the API changes, by role, with an empty body', () => {
  const routes = () =>
    [
      [`/api/cases/${caseId}/meetings`, [400]],
      [`/api/cases/${caseId}/notes`, [400]],
      [`/api/cases/${caseId}/steps`, [400]],
      [`/api/cases/${caseId}/outcomes`, [400]],
      [`/api/cases/${caseId}/events`, [400]],
      [`/api/cases/${caseId}/close`, [400]],
      [`/api/cases/${caseId}/steps/${stepId}/done`, [200, 409]],
      [`/api/cases/${caseId}/shares/${shareId}/revoke`, [400]],
      ['/api/cases', [400]],
    ] as const;
  for (const who of PEOPLE) {
    it(`${who}`, async () => {
      for (const [path, allowed] of routes()) {
        const response = await world.browser(who).json('POST', path, {});
        const expected = path === '/api/cases' && who === 'otherAdviser' ? [400] : changeAnswer(who, allowed);
        const text = await response.text();
        assert.ok(expected.includes(response.status), `${who} POST ${path}: ${response.status} ${text}`);
        if (response.status === 403) assert.match((JSON.parse(text) as { message: string }).message, /may not (change|share)/);
      }
    });
  }
});

describe('the pages and reads, by role', () => {
  for (const who of PEOPLE) {
    it(`${who}`, async () => {
      const browser = world.browser(who);
      const status = async (path: string) => (await browser.fetch(path)).status;
      const reads = READERS.includes(who);
      const signIn = who === 'public';
      const page = await status(`/cases/${caseId}`);
      assert.ok(signIn ? page !== 200 && page < 500 : page === (reads ? 200 : 404), `${who} /cases/${caseId}: ${page}`);
      const api = await status(`/api/cases/${caseId}`);
      assert.equal(api, signIn ? 401 : reads ? 200 : 404, `${who} /api/cases/${caseId}`);
      for (const form of ['/cases/new', `/cases/${caseId}/outcomes/new`, `/cases/${caseId}/meetings/new`]) {
        const answered = await status(form);
        const expected = signIn ? [302, 303, 401] : ADVISERS.includes(who) ? [200] : who === 'otherAdviser' ? (form === '/cases/new' ? [200] : [404]) : [403];
        assert.ok(expected.includes(answered), `${who} ${form}: ${answered}`);
      }
      const council = await browser.fetch(`/areas/${DURHAM}/case`);
      const text = await council.text();
      if (signIn) assert.notEqual(council.status, 200);
      else {
        assert.equal(council.status, 200);
        assert.equal(text.includes(`Case ${caseId}</a>`), reads, `${who} sees the case on the council's page only if they read it`);
      }
    });
  }
});
