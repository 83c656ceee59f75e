// A council's timeline over HTTP on a real store, read as the people who
// read it: the adviser who holds the case sees everything they may, the
// council sees its flags, its case and every share about it but never a
// confidential item nor the Panel's papers, the public sees what is public,
// and another council (guessing at addresses) sees nothing of this
// council's case. Reads of restricted and confidential records are audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DURHAM, HARTLEPOOL, openWorld, type Who, type World } from './access/world.ts';
import { seedTimeline, type TimelineHistory } from './timeline-fixture.ts';

interface Entry {
  at: string;
  kind: string;
  sentence: string;
  record: { kind: string; id: string };
  href: string;
}

describe('a council’s timeline', () => {
  let world: World;
  let history: TimelineHistory;
  before(async () => {
    world = await openWorld();
    history = await seedTimeline(world);
  });
  after(() => world.close());

  const timelineAs = async (who: Who | 'hartlepoolOfficer', code = DURHAM) => {
    const response = await world.browsers[who].fetch(`/api/areas/${code}/timeline`);
    const body = (await response.json()) as { council: { code: string }; entries: Entry[]; message?: string };
    assert.equal(response.status, 200, body.message);
    return body.entries;
  };
  const kinds = (entries: Entry[]) => entries.map((e) => `${e.kind} ${e.record.kind}`);
  const caseKinds = ['case_opened', 'outcome', 'event', 'panel_decision'];

  it('shows the adviser who holds the case everything, newest first, each with a sentence and a link', async () => {
    const entries = await timelineAs('author');
    const times = entries.map((e) => Date.parse(e.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
    const old = entries.filter((e) => e.at < '2026-04-01');
    assert.deepEqual(kinds(old), [
      'panel_decision panel_meeting',
      'flag_cleared flag',
      'event improvement_case',
      'shared share',
      'outcome improvement_case',
      'case_opened improvement_case',
      'flag_raised flag',
      'case_closed improvement_case',
      'case_opened improvement_case',
    ]);
    const byKind = Object.fromEntries([...old].reverse().map((e) => [e.kind, e]));
    assert.equal(byKind.case_closed!.sentence, 'Improvement case closed: explained. Waiting lists were counted twice in the return.');
    assert.equal(byKind.case_closed!.at, '2025-09-30T00:00:00.000Z');
    assert.equal(byKind.flag_raised!.sentence, 'Flag raised: Adults classified as obese: 31.2%, worse than its neighbours and getting worse.');
    assert.equal(byKind.flag_raised!.href, `/areas/${DURHAM}/risk`);
    assert.equal(byKind.outcome!.sentence, 'Outcome of the conversation: The council has appropriate steps in place; kept under review.');
    assert.equal(byKind.case_opened!.sentence, 'Improvement case opened (Corporate). How it began: early warning flags.');
    assert.equal(byKind.outcome!.href, `/cases/${history.durhamCase}`);
    assert.equal(byKind.event!.sentence, 'Best Value Notice, from 25 February 2026 to 24 August 2026: Financial management falls short of the Best Value duty.');
    assert.match(byKind.panel_decision!.sentence, /Panel, March 2026, on Durham: support package: The package is agreed for six months\./);
    assert.ok(!entries.some((e) => e.sentence.includes('mentored')), 'a decision taken in private stays in the Panel’s papers');
    assert.ok(!entries.some((e) => e.sentence.includes('resign')), 'notes are never on the timeline');
    const items = entries.filter((e) => e.kind === 'item_recorded').map((e) => e.href);
    assert.deepEqual(items.sort(), [history.publicItem, history.sharedItem, history.secretItem].map((id) => `/intelligence/${id}`).sort());
    assert.match(entries.find((e) => e.href === `/intelligence/${history.secretItem}`)!.sentence, /^Intelligence recorded under trust and confidence/);
  });

  it('shows the council its flags, its case, its outcome and every share about it, but no confidential item and no Panel papers', async () => {
    for (const who of ['performance_officer', 'council_member'] as const) {
      const entries = await timelineAs(who);
      const seen = new Set(entries.map((e) => e.kind));
      for (const kind of ['flag_raised', 'flag_cleared', 'case_opened', 'outcome', 'event', 'shared', 'item_recorded']) assert.ok(seen.has(kind), `${who} sees ${kind}`);
      assert.ok(!seen.has('panel_decision'), `${who} does not see the Panel's decisions`);
      const items = entries.filter((e) => e.kind === 'item_recorded').map((e) => e.href);
      assert.deepEqual(items.sort(), [`/intelligence/${history.publicItem}`, `/intelligence/${history.sharedItem}`].sort(), `${who}: the public item and the one shared with it`);
      const shares = entries.filter((e) => e.kind === 'shared').map((e) => e.sentence);
      assert.ok(
        shares.some((s) => s.includes('Referred to the region')),
        'the council sees the referral of its case',
      );
      assert.ok(
        shares.some((s) => s.includes('what we have noted about its reserves')),
        'and the share of the item',
      );
    }
  });

  it('audits the council’s reading of restricted records, once a record', async () => {
    const before = await world.store.sql<{ n: number }[]>`
      select count(*)::int as n from audit_event where user_id = ${world.users.council_member.id} and summary = ${`timeline of ${DURHAM}`}`;
    await timelineAs('council_member');
    const audited = await world.store.sql<{ record_kind: string; record_id: string }[]>`
      select record_kind, record_id from audit_event where user_id = ${world.users.council_member.id} and summary = ${`timeline of ${DURHAM}`}
      order by id offset ${before[0]!.n}`;
    const read = audited.map((a) => `${a.record_kind} ${a.record_id}`);
    assert.ok(read.includes(`improvement_case ${history.durhamCase}`), read.join(', '));
    assert.ok(read.includes(`intelligence_item ${history.sharedItem}`), read.join(', '));
    assert.equal(read.filter((r) => r === `improvement_case ${history.durhamCase}`).length, 1, 'the case once, not once an entry');
    assert.ok(!read.includes(`intelligence_item ${history.publicItem}`), 'a public item is not an audited read');
  });

  it('gives the timeline a page at a time, auditing only the records behind the entries shown', async () => {
    const whole = await timelineAs('council_member');
    const response = await world.browsers.council_member.fetch(`/api/areas/${DURHAM}/timeline?limit=2&offset=1`);
    const page = (await response.json()) as { total: number; limit: number; offset: number; entries: Entry[] };
    assert.equal(page.total, whole.length);
    assert.deepEqual([page.limit, page.offset], [2, 1]);
    assert.deepEqual(page.entries, whole.slice(1, 3));

    const [{ last }] = await world.store.sql<[{ last: number }]>`select coalesce(max(id), 0)::int as last from audit_event`;
    const oldest = (await (await world.browsers.council_member.fetch(`/api/areas/${DURHAM}/timeline?limit=1&offset=${whole.length - 1}`)).json()) as { entries: Entry[] };
    const audited = await world.store.sql<{ record_kind: string; record_id: string }[]>`
      select record_kind, record_id from audit_event where id > ${last} and user_id = ${world.users.council_member.id}`;
    assert.deepEqual(
      audited.map((a) => `${a.record_kind} ${a.record_id}`),
      oldest.entries.map((e) => `${e.record.kind} ${e.record.id}`),
      'the one record shown, and nothing else',
    );

    // Flags raised and cleared at interleaved times: page by page, the same entries as the whole, in the same order.
    await world.store.sql`
      insert into flag (area_code, rule, rule_version, metric_code, subject, period, figures, sentence, fingerprint, raised_at, changed_at, cleared_at)
      select ${HARTLEPOOL}, 'worse_and_worsening', 1, 'obesity', n::text, '2022/23', '{}', 'Hartlepool flag ' || n || '.', 'p' || n,
        timestamptz '2025-01-01' + (n || ' days')::interval, timestamptz '2025-01-01' + (n || ' days')::interval,
        case when n % 3 <> 0 then timestamptz '2025-01-01' + (40 - n || ' days')::interval end
      from generate_series(1, 12) n`;
    const read = async (query: string) => (await (await world.browsers.hartlepoolOfficer.fetch(`/api/areas/${HARTLEPOOL}/timeline?${query}`)).json()) as { total: number; entries: Entry[] };
    const all = await read('limit=1000');
    const pages: Entry[] = [];
    for (let offset = 0; offset < all.total; offset += 3) {
      const one = await read(`limit=3&offset=${offset}`);
      assert.equal(one.total, all.total, `the total on the page from ${offset}`);
      pages.push(...one.entries);
    }
    assert.equal(all.entries.length, all.total);
    assert.deepEqual(pages, all.entries);

    const refused = await world.browsers.council_member.fetch(`/api/areas/${DURHAM}/timeline?limit=0`);
    assert.equal(refused.status, 400);
    assert.match(((await refused.json()) as { message: string }).message, /'limit'/);
  });

  it('shows a region the case referred to it, and the public only what is public', async () => {
    const region = kinds(await timelineAs('regional_partner'));
    assert.ok(region.includes('case_opened improvement_case') && region.includes('outcome improvement_case'), region.join(', '));
    assert.ok(!region.some((k) => k.startsWith('flag_')), 'a region does not watch flags');
    const publicEntries = await timelineAs('public');
    assert.deepEqual(
      publicEntries.map((e) => e.href),
      [`/intelligence/${history.publicItem}`],
    );
  });

  it('shows another council nothing of this council’s case, flags or shares, whichever timeline it asks for', async () => {
    const theirs = await timelineAs('hartlepoolOfficer');
    assert.deepEqual(
      theirs.filter((e) => !['item_recorded'].includes(e.kind)),
      [],
      'only items open to every signed-in reader',
    );
    const own = await timelineAs('hartlepoolOfficer', HARTLEPOOL);
    assert.ok(
      own.some((e) => e.kind === 'case_opened' && e.href === `/cases/${history.hartlepoolCase}`),
      'its own case',
    );
    assert.ok(!own.some((e) => e.href === `/cases/${history.durhamCase}`));
    const durhamOfficer = await timelineAs('performance_officer', HARTLEPOOL);
    assert.deepEqual(
      durhamOfficer.filter((e) => caseKinds.includes(e.kind) || e.kind.startsWith('flag_')),
      [],
      "Durham sees nothing of Hartlepool's case or flags",
    );
  });

  it('answers the page with the same entries, and names a code it does not know', async () => {
    const page = await world.browsers.council_member.fetch(`/areas/${DURHAM}/timeline`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h1 class="govuk-heading-l">Timeline<\/h1>/);
    assert.ok(html.includes('Flag cleared') && html.includes('2 March 2026'), 'the cleared flag with its day in London');
    assert.ok(!html.includes('Leader and chief executive at odds'));
    const second = await (await world.browsers.council_member.fetch(`/areas/${DURHAM}/timeline?offset=1`)).text();
    assert.match(second, new RegExp(`<a class="govuk-link govuk-pagination__link" href="/areas/${DURHAM}/timeline" rel="prev">`), 'a link back to the newest entries');
    assert.equal((await world.browsers.council_member.fetch(`/areas/${DURHAM}/timeline?offset=minus`)).status, 400);
    assert.equal((await world.browsers.author.fetch('/api/areas/E92000001/timeline')).status, 404, 'England is not a council');
    assert.equal((await world.browsers.author.fetch('/api/areas/E06999999/timeline')).status, 404);
    const bad = await world.browsers.author.fetch('/api/areas/durham/timeline');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /'code'/);
  });
});
