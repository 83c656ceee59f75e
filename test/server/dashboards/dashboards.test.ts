// The dashboards' use-cases (src/server/features/dashboards/dashboards.ts)
// called as the pages call them, with whoever acts: the tiles checked against
// the index with each problem naming its field as the domain words it, a
// dashboard of one's own found by no one else, every change audited, and
// the console (no one signed in) asked to sign in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BenchmarkIndex } from '../../../src/domain/benchmark/benchmark-index.ts';
import { buildIndex } from '../../../src/engine/benchmark-engine.ts';
import { addDashboard, changeDashboard, findDashboard } from '../../../src/server/features/dashboards/dashboards.ts';
import { consoleAccess } from '../../../src/server/platform/access/console-access.ts';
import type { User } from '../../../src/store/users.ts';
import { accessAs, organisation, refusalOf as refusal, user } from '../../support/access.ts';
import { importText, seedCatalogue } from '../../support/import.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';

describe('dashboards, made and changed through their use-cases', () => {
  let store: TestStore;
  let index: BenchmarkIndex;
  let member: User;
  let colleague: User;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    assert.equal((await importText(store.sql, 'obesity.csv', `metric,area,period,value\nobesity,${DURHAM},2022/23,31.2\n`)).status, 'loaded');
    index = await buildIndex(store.sql);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    member = await user(store.sql, 'member@durham.example', 'council_member', durham.id);
    colleague = await user(store.sql, 'colleague@durham.example', 'council_member', durham.id);
  });
  after(() => store.close());

  const as = (person: User) => accessAs(store.sql, person, DURHAM);
  const tile = (metric: string) => ({ kind: 'value', metric, area: DURHAM, group: 'neighbours' });

  it("refuses a tile of a metric the index does not hold, naming the tile's field, and stores nothing", async () => {
    const error = await refusal(addDashboard(store.sql, as(member), index, { title: 'Bad', tiles: [tile('no-such-metric')] }));
    assert.equal(error.status, 400);
    assert.deepEqual((error.details as { problems: unknown }).problems, [{ field: 'tiles[0].metric', message: "not a metric in the library: 'no-such-metric'" }]);
    assert.equal((await store.sql<{ n: number }[]>`select count(*)::int as n from dashboard`)[0]!.n, 0);
  });

  it("makes and changes a dashboard of one's own, audited; a colleague does not find it", async () => {
    const made = await addDashboard(store.sql, as(member), index, { title: 'What I follow', tiles: [tile('obesity')] });
    const changed = await changeDashboard(store.sql, as(member), index, String(made.id), { title: 'What I follow now', tiles: [tile('obesity')] });
    assert.equal(changed.title, 'What I follow now');
    assert.equal((await refusal(findDashboard(store.sql, as(colleague), String(made.id), 'read'))).status, 404);
    assert.equal((await refusal(changeDashboard(store.sql, as(colleague), index, String(made.id), { title: 'Mine now', tiles: [tile('obesity')] }))).status, 404);
    const events = await store.sql<{ actor: string; summary: string }[]>`select actor, summary from audit_event where record_kind = 'dashboard' order by id`;
    assert.deepEqual(
      Array.from(events, (e) => ({ ...e })),
      [
        { actor: member.email, summary: "made dashboard 'What I follow'" },
        { actor: member.email, summary: "changed dashboard 'What I follow now'" },
      ],
    );
  });

  it("asks the console to sign in: a dashboard is someone's own", async () => {
    const error = await refusal(addDashboard(store.sql, consoleAccess(store.sql), index, { title: "Nobody's", tiles: [tile('obesity')] }));
    assert.equal(error.status, 401);
    assert.equal(error.message, 'Sign in to see your dashboards.');
  });
});
