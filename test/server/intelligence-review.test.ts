// Intelligence items under a cause of failure and a Best Value theme, older
// clients' riskFactor read as the cause, and items going stale six months
// after their last review until someone who may change them marks them
// reviewed (audited). On a real store, through the API and the pages.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DURHAM, authorItem, openWorld, type World } from './access/world.ts';

interface ItemJson {
  id: number;
  cause: string;
  bestValueTheme: string;
  riskFactor: string;
  reviewedAt: string;
  stale: boolean;
  message?: string;
  details?: { problems?: { field: string }[] };
}

describe('intelligence items: causes, themes and review', () => {
  let world: World;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const read = async (id: number) => (await (await world.browsers.author.fetch(`/api/intelligence/${id}`)).json()) as ItemJson;
  const makeOld = (id: number) => world.store.sql`update intelligence_item set reviewed_at = now() - interval '7 months' where id = ${id}`;

  it("files an old client's riskFactor under its cause and the cause's usual theme, and answers both names", async () => {
    const { id } = await authorItem(world, 'confidential', { riskFactor: 'leadership_and_relationships' });
    const item = await read(id);
    assert.deepEqual([item.cause, item.bestValueTheme, item.riskFactor, item.stale], ['leadership', 'leadership', 'leadership_and_relationships', false]);
    assert.ok(Math.abs(Date.parse(item.reviewedAt) - Date.now()) < 60_000, item.reviewedAt);
  });

  it('records the cause and theme given, and lists by cause, theme or the old risk factor', async () => {
    const { id } = await authorItem(world, 'sector', { riskFactor: undefined, cause: 'relationships', bestValueTheme: 'culture' });
    const item = await read(id);
    assert.deepEqual([item.cause, item.bestValueTheme, item.riskFactor], ['relationships', 'culture', 'leadership_and_relationships']);
    const ids = async (query: string) => ((await (await world.browsers.author.fetch(`/api/intelligence?about=${DURHAM}&${query}`)).json()) as { items: ItemJson[] }).items.map((i) => i.cause);
    assert.deepEqual(await ids('cause=relationships'), ['relationships']);
    assert.deepEqual(await ids('bestValueTheme=culture'), ['relationships']);
    assert.deepEqual((await ids('riskFactor=leadership_and_relationships')).sort(), ['leadership', 'relationships']);
  });

  it('refuses a cause or theme it does not know, and a riskFactor that disagrees with the cause, naming the field', async () => {
    const refusal = async (fields: Record<string, unknown>) => {
      const response = await world.browsers.author.json('POST', '/api/intelligence', {
        subjectArea: DURHAM,
        title: 'Refused',
        note: 'A note long enough to be specific about something.',
        ...fields,
      });
      assert.equal(response.status, 400);
      return ((await response.json()) as ItemJson).message ?? '';
    };
    assert.match(await refusal({ cause: 'gossip' }), /'cause' must be one of leadership, relationships/);
    assert.match(await refusal({ cause: 'leadership', bestValueTheme: 'vibes' }), /'bestValueTheme' must be one of/);
    assert.match(await refusal({ cause: 'disengagement', riskFactor: 'financial_difficulty' }), /'riskFactor' is the old name of 'cause'/);
    assert.match(await refusal({}), /'cause' is required/);
    const list = await world.browsers.author.fetch('/api/intelligence?cause=gossip');
    assert.equal(list.status, 400);
    assert.match(((await list.json()) as ItemJson).message ?? '', /cause/);
  });

  it('changes the cause by either name, and a change counts as a review', async () => {
    const { id } = await authorItem(world, 'confidential');
    await makeOld(id);
    assert.equal((await read(id)).stale, true);
    const changed = await world.browsers.author.json('PATCH', `/api/intelligence/${id}`, { riskFactor: 'disengagement' });
    const body = (await changed.json()) as ItemJson;
    assert.equal(changed.status, 200, body.message);
    assert.deepEqual([body.cause, body.bestValueTheme, body.stale], ['disengagement', 'use_of_resources', false]);
  });

  it('says an item not reviewed for six months is stale, in the API, on its page and in the list', async () => {
    const { id } = await authorItem(world, 'confidential', { title: 'Old news about the budget' });
    await makeOld(id);
    const [row] = await world.store.sql<{ reviewed_at: Date }[]>`select reviewed_at from intelligence_item where id = ${id}`;
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(row!.reviewed_at);
    const item = await read(id);
    assert.equal(item.stale, true);
    assert.equal(Date.parse(item.reviewedAt), row!.reviewed_at.getTime());
    const page = await (await world.browsers.author.fetch(`/intelligence/${id}`)).text();
    assert.ok(page.includes(`Not reviewed since ${day}: stale`), 'the item page says so');
    assert.match(page, /Mark as reviewed/);
    const list = await (await world.browsers.author.fetch(`/intelligence?about=${DURHAM}`)).text();
    const rowHtml = list.split('<tr').find((r) => r.includes('Old news about the budget')) ?? '';
    assert.ok(rowHtml.includes(`Not reviewed since ${day}: stale`), 'the list says so');
  });

  it('marks an item reviewed for those who may change it, through the API and the page, each audited; others may not', async () => {
    const { id } = await authorItem(world, 'restricted');
    await makeOld(id);
    for (const who of ['performance_officer', 'regional_partner', 'panel_member', 'public'] as const) {
      const refused = await world.browsers[who].json('POST', `/api/intelligence/${id}/review`, {});
      assert.ok([401, 403, 404].includes(refused.status), `${who}: ${refused.status}`);
    }
    assert.equal((await read(id)).stale, true, 'still stale after the refusals');

    const response = await world.browsers.author.json('POST', `/api/intelligence/${id}/review`, {});
    const body = (await response.json()) as ItemJson;
    assert.equal(response.status, 200, body.message);
    assert.equal(body.stale, false);

    await makeOld(id);
    const form = await world.browsers.author.fetch(`/intelligence/${id}/review`, { method: 'POST', body: new URLSearchParams({ _csrf: world.browsers.author.csrfToken }) });
    assert.equal(form.status, 303);
    assert.equal((await read(id)).stale, false);
    const audited = await world.store.sql<{ user_id: number }[]>`
      select user_id from audit_event where record_kind = 'intelligence_item' and record_id = ${String(id)} and summary = 'marked reviewed' order by id`;
    assert.deepEqual(
      audited.map((a) => a.user_id),
      [world.users.author.id, world.users.author.id],
    );
  });
});

describe('migration 028', () => {
  let world: World;
  before(async () => {
    world = await openWorld({ signIn: false });
  });
  after(() => world.close());

  it('moves the old risk factors across as causes and themes, leadership and relationships as leadership, reviewed when last changed', async () => {
    const migration = fs.readFileSync(new URL('../../src/store/migrations/028-intelligence-causes-and-review.sql', import.meta.url), 'utf8');
    const rows = await world.store.asOwner((owner) =>
      owner.begin(async (tx) => {
        await tx`create schema before_028`;
        await tx`set local search_path = before_028`;
        await tx`create table intelligence_item (id integer primary key, subject_area text not null, risk_factor text not null, updated_at timestamptz not null)`;
        await tx`insert into intelligence_item values (1, ${DURHAM}, 'leadership_and_relationships', '2025-01-02'), (2, ${DURHAM}, 'high_risk_change', '2025-01-03'),
          (3, ${DURHAM}, 'disengagement', '2025-01-04'), (4, ${DURHAM}, 'financial_difficulty', '2025-01-05'), (5, ${DURHAM}, 'service_performance', '2025-01-06')`;
        await tx.unsafe(migration);
        const moved = await tx<{ cause: string; best_value_theme: string; reviewed_at: Date; updated_at: Date }[]>`select * from intelligence_item order by id`;
        await tx`drop schema before_028 cascade`;
        return moved;
      }),
    );
    assert.deepEqual(
      rows.map((r) => [r.cause, r.best_value_theme]),
      [
        ['leadership', 'leadership'],
        ['high_risk_change', 'governance'],
        ['disengagement', 'partnerships_and_community_engagement'],
        ['financial_difficulty', 'use_of_resources'],
        ['service_performance', 'service_delivery'],
      ],
    );
    for (const r of rows) assert.equal(r.reviewed_at.getTime(), r.updated_at.getTime());
    assert.equal('risk_factor' in rows[0]!, false, 'the old column is gone');
  });
});
