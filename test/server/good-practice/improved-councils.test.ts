// A metric's page lists the councils the benchmark engine finds significantly
// better on it, with the library's published case studies of how: County
// Durham's obesity falls year on year with narrow intervals (a significant
// trend), Hartlepool's holds still (not listed); a draft case study is not
// shown, and one published after the page was first made shows at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DURHAM, HARTLEPOOL, openWorld, type World } from '../access/world.ts';
import { importText } from '../../support/import.ts';

const YEARS = ['2018/19', '2019/20', '2020/21', '2021/22', '2022/23'];

describe('councils that improved a metric, on its page', () => {
  let world: World;
  const officer = () => world.browsers.performance_officer;
  const study = async (title: string, council: string, publish: boolean) => {
    const response = await officer().json('POST', '/api/case-studies', {
      title,
      summary: 'How obesity fell.',
      body: 'A whole-system approach.',
      councils: [council],
      metrics: [{ metric: 'obesity', from: '2018/19', to: '2022/23' }],
      source: 'council',
    });
    const { id } = (await response.json()) as { id: number };
    if (publish) {
      await officer().json('POST', `/api/case-studies/${id}/submit`);
      assert.equal((await world.browsers.peer_challenge_manager.json('POST', `/api/case-studies/${id}/publish`)).status, 200);
    }
    return id;
  };
  const section = async () => {
    const page = await (await world.browsers.public.fetch('/metrics/obesity')).text();
    return page.slice(page.indexOf('id="improved"'));
  };

  /** Waits until the index holds the batch (it hears of it by notification). */
  const held = async (batchId: number) => {
    const deadline = Date.now() + 10_000;
    while (!world.server.engine.holds([batchId]) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await world.server.engine.settled();
  };

  before(async () => {
    world = await openWorld();
    const rows = YEARS.flatMap((year, i) => [`obesity,${DURHAM},${year},${36 - 2 * i},${35.5 - 2 * i},${36.5 - 2 * i}`, `obesity,${HARTLEPOOL},${year},33.9,33.4,34.4`]);
    const loaded = await importText(world.store.sql, 'obesity-series.csv', ['metric,area,period,value,lower_ci,upper_ci', ...rows].join('\n'));
    assert.equal(loaded.status, 'loaded');
    await held(loaded.batchId);
  });
  after(() => world?.close());

  it('lists the council that improved significantly, and not the one that held still', async () => {
    const shown = await section();
    assert.match(shown, new RegExp(`href="/areas/${DURHAM}"`));
    assert.match(shown, /Getting better over five periods/);
    assert.doesNotMatch(shown, new RegExp(`href="/areas/${HARTLEPOOL}"`));
    assert.match(shown, /None in the library yet/);
    assert.match(shown, /href="\/good-practice\?metric=obesity"/);
  });

  it('shows a published case study at once, and never a draft', async () => {
    await section(); // the page is made and kept
    const draft = await study('A draft about obesity', DURHAM, false);
    const published = await study('Obesity fell in County Durham', DURHAM, true);
    const shown = await section();
    assert.match(shown, new RegExp(`href="/good-practice/${published}"`));
    assert.doesNotMatch(shown, new RegExp(`href="/good-practice/${draft}"`));
  });

  it('names no council on a metric where neither way is better', async () => {
    const metric = await importText(world.store.sql, 'neutral-metric.csv', 'code,title,polarity,value_kind,period_kind\nvisitors,Visitors,neutral,count,financial_year\n');
    const rows = YEARS.map((year, i) => `visitors,${DURHAM},${year},${100 + 20 * i},${99 + 20 * i},${101 + 20 * i}`);
    const values = await importText(world.store.sql, 'visitors.csv', ['metric,area,period,value,lower_ci,upper_ci', ...rows].join('\n'));
    assert.deepEqual([metric.status, values.status], ['loaded', 'loaded'], JSON.stringify(values.rejections));
    await held(values.batchId);
    const page = await (await world.browsers.public.fetch('/metrics/visitors')).text();
    assert.match(page, /neither better nor worse on this metric/);
  });
});
