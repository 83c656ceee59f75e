// The release calendar as a page, on the real app and store: the council's
// officer sees each held value with where it stands on its way to the public
// (confirmed and private, provisional, blank); the public sees none of them
// before release, and the released value with the day it became public after.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parsePeriod, type Period } from '../../../src/domain/period/index.ts';
import { holdValues, type HeldValueInput } from '../../../src/store/held-values.ts';
import { releaseDue } from '../../../src/store/releases.ts';
import { Browser, organisation, user } from '../../support/access.ts';
import { seedCatalogue } from '../../support/import.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

const held = (period: string, value: number | null, provisional: boolean): HeldValueInput => ({
  metricCode: 'visits',
  areaCode: DURHAM,
  period: periodOf(period),
  value,
  provisional,
  origin: 'return',
  note: value === null ? 'Library closed' : null,
});

describe('the release calendar page', () => {
  let store: TestStore;
  let server: TestServer;
  let officer: Browser;
  const anyone = () => new Browser(server.base);
  const pageOf = async (browser: Browser) => {
    const response = await browser.fetch(`/releases/${DURHAM}`);
    assert.equal(response.status, 200);
    return response.text();
  };

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    await store.sql.begin((tx) => holdValues(tx, [held('2021', 1234, false), held('2022', 1357, true), held('2023', null, false)], null));
    server = await startTestServer(store);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id);
    officer = new Browser(server.base);
    assert.equal((await officer.signIn('officer@durham.example')).status, 303);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  it('shows the council every value it holds and where each stands; the public none of them', async () => {
    const own = await pageOf(officer);
    assert.match(own, /1,234/);
    assert.match(own, /Private to the council/);
    assert.match(own, /1,357[\s\S]*Provisional: released only once confirmed/);
    assert.match(own, /Not submitted: nothing to release/);
    const outside = await pageOf(anyone());
    assert.doesNotMatch(outside, /1,234|1,357/);
    assert.match(outside, /There are no values of County Durham that you may see here/);
  });

  it('shows the public a value once it is released, with the day', async () => {
    const set = await officer.json('PUT', `/api/releases/${DURHAM}/visits`, { kind: 'public_from', publicFrom: '2025-04-01T00:00:00+01:00' });
    assert.equal(set.status, 200, await set.text());
    await releaseDue(store.sql, new Date());
    const outside = await pageOf(anyone());
    assert.match(outside, /1,234[\s\S]*Public since/);
    assert.doesNotMatch(outside, /1,357/, 'the provisional value stays private');
  });
});
