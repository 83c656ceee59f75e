// An embargo's end reaches every server at its instant: two Lantern servers,
// each with its own pool, engine, page cache and job runner, on one store.
// The public pages they keep change within a second of the instant (not
// when the cache expires) and so does the API; moving or lifting the
// embargo moves or takes back its job.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startLanternJobs, type LanternJobs } from '../../src/jobs/index.ts';
import { EMBARGO_QUEUE, jobIdOf } from '../../src/jobs/embargo-ends.ts';
import { administratorToken, bearer } from '../support/access.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { eventually, openSiblingStore, QUICK } from '../support/jobs.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const EARLY = 'early-reserves';
const FIGURE = '12.5';
/** Far inside the minute a kept page lives, so only the embargo's event can have changed it; loose enough for a busy machine. */
const SOON_MS = 10_000;

interface Lantern {
  readonly name: string;
  readonly server: TestServer;
  readonly jobs: LanternJobs;
  readonly logged: string[];
}

describe('an embargo ending, on two servers', () => {
  let store: TestStore;
  let other: TestStore;
  const lanterns: Lantern[] = [];
  let admin: Record<string, string>;
  /** How long one round of asking both servers takes here and now, warm: the ends are set far enough ahead of it. */
  let roundMs = 0;
  /** How far ahead an end is set, and how long before it the last check is made. */
  const lead = () => 2500 + 8 * roundMs + margin();
  const margin = () => 1500 + 2 * roundMs;

  const embargo = async (until: Date | null) => {
    const response = await fetch(`${lanterns[0]!.server.base}/api/admin/early-sight/${EARLY}/embargo`, {
      method: 'PUT',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ embargoUntil: until?.toISOString() ?? null }),
    });
    assert.equal(response.status, 200, await response.text());
  };
  /** What the public sees of the figure on a server: on Durham's page (kept in each server's page cache) and from the API. */
  const seen = async (lantern: Lantern) => {
    const page = await fetch(`${lantern.server.base}/areas/${DURHAM}?group=region`);
    const text = await page.text();
    assert.equal(page.status, 200, text.slice(0, 3000));
    const api = await fetch(`${lantern.server.base}/api/benchmark/league-table?metric=${EARLY}`);
    return { page: text.includes(FIGURE), api: api.status === 200 };
  };
  const hidden = async (why: string) => {
    for (const lantern of lanterns) assert.deepEqual(await seen(lantern), { page: false, api: false }, `${why}, on ${lantern.name}`);
  };
  /** How long after `until` each server showed the figure on its page and from its API. */
  const delaysAfter = async (until: Date) =>
    Promise.all(
      lanterns.map(async (lantern) => {
        const shown = { page: NaN, api: NaN };
        await eventually(
          `${lantern.name} to show the figure`,
          async () => {
            const now = await seen(lantern);
            if (now.page && Number.isNaN(shown.page)) shown.page = Date.now() - until.getTime();
            if (now.api && Number.isNaN(shown.api)) shown.api = Date.now() - until.getTime();
            return now.page && now.api ? true : undefined;
          },
          70,
        );
        return { name: lantern.name, ...shown };
      }),
    );
  const jobsOf = (until: Date) => store.sql<{ state: string }[]>`select state from pgboss.job where name = ${EMBARGO_QUEUE} and id = ${jobIdOf(EARLY, until)}`;
  const at = (seconds: number) => new Date(Date.now() + seconds * 1000);
  const until = async (instant: Date) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, instant.getTime() - Date.now())));
  };

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const loaded = [
      await importText(store.sql, 'obesity.csv', `metric,area,period,value\nobesity,${DURHAM},2022/23,31.2\n`),
      await importText(
        store.sql,
        'early-metric.csv',
        `code,title,polarity,value_kind,period_kind,status\n${EARLY},Reserves as a share of spending,higher_is_better,proportion,financial_year,early_sight\n`,
      ),
      await importText(store.sql, 'early.csv', `metric,area,period,value\n${EARLY},${DURHAM},2024/25,${FIGURE}\n`),
    ];
    for (const result of loaded) assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    admin = bearer(await administratorToken(store.sql));
    other = await openSiblingStore(store);
    for (const [name, on] of [
      ['first', store],
      ['second', other],
    ] as const) {
      const server = await startTestServer(on);
      const logged: string[] = [];
      const jobs = await startLanternJobs(on, server.engine, {
        ...QUICK,
        log: (line) => {
          logged.push(line);
        },
        server: name,
      });
      lanterns.push({ name, server, jobs, logged });
    }
    // The same page and API for another council and metric, which keeps no page of the figure: once to load what
    // the first asking loads, once to time a round. On a busy machine, or in a shared process, a round can take seconds.
    const warm = () =>
      Promise.all(
        lanterns.map(async (lantern) => [await fetch(`${lantern.server.base}/areas/E06000001?group=region`), await fetch(`${lantern.server.base}/api/benchmark/league-table?metric=obesity`)]),
      );
    await warm();
    const started = performance.now();
    for (const response of (await warm()).flat()) assert.equal(response.status, 200, await response.text());
    roundMs = performance.now() - started;
  });
  after(async () => {
    for (const lantern of lanterns) {
      await lantern.jobs.stop();
      await lantern.server.close();
    }
    await other.close();
    await store.close();
  });

  // How soon is measured by bench/cluster/jobs.ts (about 130 ms here); the test holds the line
  // that matters: long before a kept page's minute is up, so the change came by an event.
  it("shows the figure on both servers' pages and APIs at the instant, not when kept pages expire", async () => {
    // A few seconds ahead, more on a busy machine: after the checks made before it.
    const end = at(lead() / 1000);
    await embargo(end);
    // Asked twice, so that each server keeps the page without the figure.
    await hidden('under embargo');
    await hidden('under embargo, asked again');
    await until(new Date(end.getTime() - margin()));
    await hidden('a moment before the end');
    const delays = await delaysAfter(end);
    for (const delay of delays) {
      assert.ok(delay.page <= SOON_MS && delay.api <= SOON_MS, `${delay.name} showed the figure ${delay.page} ms (page) and ${delay.api} ms (API) after the end`);
    }
    assert.deepEqual(
      (await jobsOf(end)).map((j) => j.state),
      ['completed'],
      'one job for the end, run once',
    );
    const said = lanterns.flatMap((l) => l.logged).filter((line) => line.includes(`the embargo on ${EARLY} ended`));
    assert.equal(said.length, 1, `one server ran the job: ${said.join(' | ')}`);
  });

  it('moves the job when the embargo is moved, and hides the figure again on both servers at once', async () => {
    const later = at(600);
    await embargo(later);
    await eventually(
      'both servers to hide the figure again',
      async () => {
        const now = await Promise.all(lanterns.map(seen));
        return now.every((s) => !s.page && !s.api) ? true : undefined;
      },
      1,
    );
    assert.deepEqual(
      (await jobsOf(later)).map((j) => j.state),
      ['created'],
    );
    const sooner = at(lead() / 1000);
    await embargo(sooner);
    assert.deepEqual(await eventually("the later end's job to be taken back", async () => ((await jobsOf(later)).length === 0 ? [] : undefined), 5), []);
    await hidden('before the moved end');
    for (const delay of await delaysAfter(sooner)) assert.ok(delay.page <= SOON_MS, `${delay.name} showed the figure ${delay.page} ms after the moved end`);
    assert.deepEqual(
      (await jobsOf(sooner)).map((j) => j.state),
      ['completed'],
    );
  });

  it('takes back the job when the embargo is lifted: the figure stays hidden past the old end', async () => {
    // Far enough ahead that the job is still to run when the embargo is lifted, however busy the machine.
    const end = at(lead() / 1000);
    await embargo(end);
    await eventually('the job for the end', async () => ((await jobsOf(end)).length === 1 ? true : undefined), 5);
    await embargo(null);
    await eventually('the job to be taken back', async () => ((await jobsOf(end)).length === 0 ? true : undefined), 5);
    await until(new Date(end.getTime() + 1500));
    await hidden("after the lifted embargo's old end");
  });
});
