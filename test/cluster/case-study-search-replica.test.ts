// The library's search on a primary with a real streaming replica
// (test/support/replica.ts): a search, with words or without, is one plain
// read, so a request that has not written sends it to the replica, and the
// replica plans it as the primary does, the words found by the GIN index
// alone. Pausing the replica's replay shows where each search was answered: a
// case study published on the primary since is found by a search read from
// the primary, and not by one read from the replica, until it has replayed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkCaseStudy, type CaseStudyDraft } from '../../src/domain/good-practice/index.ts';
import { caseStudyThemes, createCaseStudy, searchCaseStudies, wordsStatement, type CaseStudyReader, type CaseStudySearch } from '../../src/store/case-studies.ts';
import type { Sql, Store } from '../../src/store/store.ts';
import { organisation, user } from '../support/access.ts';
import { seedCatalogue } from '../support/import.ts';
import { startReplica, type TestReplica } from '../support/replica.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

function draft(n: number, words: string, theme: string): CaseStudyDraft {
  return {
    title: `Case study ${n}: ${words}`,
    summary: `What ${words} changed for residents.`,
    body: `How the council went about it, in ${words}, and what the figures showed after a year.`,
    councils: [n % 2 === 0 ? DURHAM : HARTLEPOOL],
    themes: [theme],
    metrics: [],
    source: 'council',
    sourceNote: null,
    illustrative: true,
  };
}

async function write(sql: Sql, n: number, words: string, theme: string, authorId: number, organisationId: number, state: 'published' | 'submitted'): Promise<number> {
  const whole = draft(n, words, theme);
  const checked = checkCaseStudy(whole, { metric: () => true, council: () => true });
  if (checked.kind !== 'ok') throw new Error(JSON.stringify(checked.problems));
  return createCaseStudy(sql, { ...whole, metrics: checked.metrics }, authorId, organisationId, state);
}

describe('the library search reading from a replica', () => {
  let replica: TestReplica;
  let reading: Store;
  let server: TestServer;
  let writer: { id: number; organisationId: number };
  let moderator: CaseStudyReader;
  const readers: [string, CaseStudyReader][] = [['the public', { kind: 'public' }]];

  before(async () => {
    replica = await startReplica();
    const primary = replica.primary.sql;
    await seedCatalogue(primary);
    const durham = await organisation(primary, 'Durham County Council', 'council', DURHAM);
    const sector = await organisation(primary, 'Sector body', 'sector_body');
    const officer = await user(primary, 'officer@durham.example', 'performance_officer', durham.id);
    const manager = await user(primary, 'manager@sector.example', 'peer_challenge_manager', sector.id);
    writer = { id: officer.id, organisationId: durham.id };
    moderator = { kind: 'user', userId: manager.id, organisationId: sector.id, moderator: true };
    readers.push(['a moderator', moderator]);
    const words = ['recycling rounds', 'library reading', 'recycling and reading', 'kerbside food waste'];
    for (let n = 0; n < 24; n++) {
      await write(primary, n, words[n % words.length]!, n % 3 === 0 ? 'waste' : 'culture', writer.id, writer.organisationId, n % 5 === 0 ? 'submitted' : 'published');
    }
    // and a library large enough for its plan to matter: 3,000 case studies of some 100 words none of the searches asks for
    const filler = `array[${'council residents housing waste library summer challenge mentoring kaizen'
      .split(' ')
      .map((w) => `'${w}'`)
      .join(',')}]`;
    await primary.unsafe(
      `insert into case_study (title, summary, body, themes, source, illustrative, state, author_id, organisation_id, published_at)
       select 'Filler ' || n, 'Filler ' || n || '.', (select string_agg((${filler})[1 + (n * 31 + k * 7) % 9], ' ') from generate_series(1, 100) k),
         array['culture'], 'council', true, 'published', $1, $2, now() - n * interval '1 hour'
       from generate_series(1, 3000) n`,
      [writer.id, writer.organisationId],
    );
    await replica.primary.asOwner((owner) => owner`analyze case_study`);
    reading = await replica.openReadingStore();
    await reading.replica!.caughtUp();
    server = await startTestServer({ ...reading, dataDir: undefined, databaseUrl: replica.databaseUrl });
  });
  after(async () => {
    await replica?.pauseReplay(false).catch(() => {});
    await server?.close();
    await reading?.close();
    await replica?.close();
  });

  const searches: Omit<CaseStudySearch, 'offset' | 'limit'>[] = [{ text: 'recycling' }, { text: '"library reading"' }, { text: 'reading -recycling', theme: 'culture' }, { text: 'zyzzyva' }, {}];
  const fromReplica = <T>(work: () => Promise<T>) => reading.readingFrom('replica', work);
  const fromPrimary = <T>(work: () => Promise<T>) => reading.readingFrom('primary', work);
  const ids = (page: { items: readonly { id: number }[] }) => page.items.map((item) => item.id);

  it('answers every search from the replica as the primary does, for every reader', async () => {
    for (const [who, reader] of readers) {
      for (const search of searches) {
        const asked = { ...search, offset: 0, limit: 10 };
        const [there, here] = [await fromReplica(() => searchCaseStudies(reading.sql, reader, asked)), await searchCaseStudies(replica.primary.sql, reader, asked)];
        assert.deepEqual([there.total, ids(there)], [here.total, ids(here)], `${who}, ${JSON.stringify(search)}`);
        assert.deepEqual(
          there.items.map((item) => item.headline),
          here.items.map((item) => item.headline),
        );
      }
    }
    assert.ok((await searchCaseStudies(replica.primary.sql, readers[0]![1], { text: 'recycling', offset: 0, limit: 10 })).total > 5, 'the words are found');
  });

  it('finds a case study published since on the primary only once the replica has replayed it', async () => {
    await reading.replica!.caughtUp();
    await replica.pauseReplay(true);
    let added: number;
    try {
      added = await write(replica.primary.sql, 99, 'allotments and kaizen', 'allotments', writer.id, writer.organisationId, 'published');
      for (const [who, reader] of readers) {
        const [words, latest, themes] = await fromReplica(() =>
          Promise.all([
            searchCaseStudies(reading.sql, reader, { text: 'allotments', offset: 0, limit: 10 }),
            searchCaseStudies(reading.sql, reader, { offset: 0, limit: 50 }),
            caseStudyThemes(reading.sql, reader),
          ]),
        );
        assert.deepEqual([words.total, ids(words)], [0, []], `${who}: the search with words was read from the replica`);
        assert.equal(ids(latest).includes(added), false, `${who}: the search without words was read from the replica`);
        assert.equal(themes.includes('allotments'), false, `${who}: the themes were read from the replica`);
        const primary = await fromPrimary(() => searchCaseStudies(reading.sql, reader, { text: 'allotments', offset: 0, limit: 10 }));
        assert.deepEqual([primary.total, ids(primary)], [1, [added]], `${who}: a request that wrote reads the primary`);
      }
      const page = await fetch(`${server.base}/api/case-studies?q=allotments`);
      assert.equal(page.status, 200);
      assert.equal(((await page.json()) as { total: number }).total, 0, "the library's API reads the replica");
    } finally {
      await replica.pauseReplay(false);
    }
    await reading.replica!.caughtUp();
    for (const [who, reader] of readers) {
      const found = await fromReplica(() => searchCaseStudies(reading.sql, reader, { text: 'allotments', offset: 0, limit: 10 }));
      assert.deepEqual([found.total, ids(found)], [1, [added]], `${who}, once replayed`);
    }
    const page = await fetch(`${server.base}/api/case-studies?q=allotments`);
    assert.deepEqual(
      ((await page.json()) as { items: { id: number }[] }).items.map((item) => item.id),
      [added],
    );
  });

  it('plans the words on the replica as on the primary: the GIN index finds them, no row is tested one by one', async () => {
    const [standby] = await reading.replica!.sql<{ standby: boolean }[]>`select pg_is_in_recovery() as standby`;
    assert.equal(standby!.standby, true);
    for (const [who, reader] of readers) {
      for (const search of searches.filter((s): s is typeof s & { text: string } => s.text !== undefined)) {
        const { text, params } = wordsStatement(reader, { ...search, offset: 0, limit: 10 });
        const plan = (await reading.replica!.sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain (costs off) ${text}`, params as never[])).map((r) => r['QUERY PLAN']).join('\n');
        assert.match(plan, /Bitmap Index Scan on case_study_document/, `${who}, ${JSON.stringify(search)}:\n${plan}`);
        assert.doesNotMatch(plan, /Seq Scan on case_study\b|Filter: .*@@/, `${who}, ${JSON.stringify(search)}:\n${plan}`);
      }
    }
  });
});
