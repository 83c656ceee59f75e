// Lantern on a primary with a real streaming replica (test/support/replica.ts):
// a server whose store reads from the replica (LANTERN_DATABASE_READ_URL)
// builds its index from it, serves a batch imported on the primary once the
// replica has replayed it, and sends every write to the primary, reading a
// person's own writes back from the primary straight after. Pausing the
// replica's replay stands for a replica that lags: what is read from it then
// is visibly behind.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../src/store/store.ts';
import { Browser, administratorToken, bearer, organisation, user } from '../support/access.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { startReplica, type TestReplica } from '../support/replica.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

interface Table {
  period: string;
  rows: { area: string; value: number | null }[];
}

describe('a Lantern server reading from a replica', () => {
  let replica: TestReplica;
  let reading: Store;
  let server: TestServer;
  let token: string;

  before(async () => {
    replica = await startReplica();
    const primary = replica.primary.sql;
    await seedCatalogue(primary);
    const first = await importText(primary, 'obesity-2022.csv', `metric,area,period,value\nobesity,${DURHAM},2022/23,30.1\nobesity,${HARTLEPOOL},2022/23,33.0\n`);
    assert.equal(first.status, 'loaded');
    token = await administratorToken(primary);
    const durham = await organisation(primary, 'Durham County Council', 'council', DURHAM);
    await user(primary, 'officer@durham.example', 'performance_officer', durham.id, 'Olive Officer');
    reading = await replica.openReadingStore();
    server = await startTestServer({ ...reading, dataDir: undefined, databaseUrl: replica.databaseUrl });
  });
  after(async () => {
    await replica?.pauseReplay(false).catch(() => {});
    await server?.close();
    await reading?.close();
    await replica?.close();
  });

  const get = async <T>(address: string, headers: Record<string, string> = {}) => {
    const res = await fetch(server.base + address, { headers });
    return { status: res.status, body: (await res.json()) as T };
  };
  const latestObesity = () => get<Table>('/api/benchmark/league-table?metric=obesity');

  it('reads from the replica: its store says so, and the index holds what the replica held at start', async () => {
    assert.ok(reading.replica, 'the store has a replica');
    const [where] = await reading.replica.sql<{ standby: boolean }[]>`select pg_is_in_recovery() as standby`;
    assert.equal(where!.standby, true);
    const { status, body } = await latestObesity();
    assert.equal(status, 200);
    assert.equal(body.period, '2022/23');
  });

  it('serves a batch imported on the primary only once the replica has replayed it', async () => {
    await replica.pauseReplay(true);
    const batch = await importText(replica.primary.sql, 'obesity-2023.csv', `metric,area,period,value\nobesity,${DURHAM},2023/24,31.5\nobesity,${HARTLEPOOL},2023/24,32.2\n`);
    assert.equal(batch.status, 'loaded');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal((await latestObesity()).body.period, '2022/23', 'the engine heard the batch but waits for the replica to replay it');

    const resumed = Date.now();
    await replica.pauseReplay(false);
    let table = await latestObesity();
    while (table.body.period !== '2023/24' && Date.now() - resumed < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      table = await latestObesity();
    }
    assert.equal(table.body.period, '2023/24');
    assert.deepEqual(
      table.body.rows.map((r) => [r.area, r.value]).sort(),
      [
        [HARTLEPOOL, 32.2],
        [DURHAM, 31.5],
      ].sort(),
    );
    assert.deepEqual(server.logged, []);
  });

  it('sends a write to the primary and reads it back in the same request and the next, while others read the replica', async () => {
    await reading.replica!.caughtUp();
    await replica.pauseReplay(true);
    try {
      const made = await fetch(`${server.base}/api/benchmark/groups`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Durham and Hartlepool', areaCodes: [DURHAM, HARTLEPOOL] }),
      });
      assert.equal(made.status, 201);
      const group = (await made.json()) as { id: number; name: string };
      assert.equal(group.name, 'Durham and Hartlepool');
      const wrote = made.headers.getSetCookie().find((c) => c.startsWith('lantern_wrote='));
      assert.match(wrote ?? '', /^lantern_wrote=1; Path=\/; HttpOnly; SameSite=Lax; Max-Age=5$/);

      const theirs = await get<{ name?: string; code?: string }>(`/api/benchmark/groups/${group.id}`);
      assert.equal(theirs.status, 404, 'someone else reads the replica, which has not replayed the group yet');
      const mine = await get<{ name: string }>(`/api/benchmark/groups/${group.id}`, { Cookie: wrote!.split(';')[0]! });
      assert.deepEqual([mine.status, mine.body.name], [200, 'Durham and Hartlepool'], 'the writer reads the primary for a few seconds');
    } finally {
      await replica.pauseReplay(false);
    }
    await reading.replica!.caughtUp();
  });

  it('shows a person signed in on the page the sign-in form redirects to, before the replica has the session', async () => {
    await reading.replica!.caughtUp();
    await replica.pauseReplay(true);
    try {
      const browser = new Browser(server.base);
      const signIn = await browser.signIn('officer@durham.example');
      assert.deepEqual([signIn.status, signIn.headers.get('location')], [303, '/account']);
      const account = await browser.fetch('/account');
      assert.equal(account.status, 200);
      assert.match(await account.text(), /Olive Officer/);
    } finally {
      await replica.pauseReplay(false);
    }
  });

  it('is ready, having asked the primary and the replica', async () => {
    assert.deepEqual(await get('/ready'), { status: 200, body: { status: 'ready' } });
  });
});
