// How PostgreSQL plans the library's search with words, in a library large
// enough for the plan to matter (3,000 case studies of about 320 words; on a
// few dozen rows reading them all is cheaper, and is planned so). The search
// sets nothing and opens no transaction, so that it can be read from a
// replica; what keeps its plan is its shape: the words are matched in a
// subquery nothing is pushed into, against words the planner cannot see. For
// every reader kind and every kind of words and filter, the GIN index alone
// finds the matches: no sequential scan of the case studies, and no row's
// document tested one by one. The index takes each new case study straight
// in, with no pending list for a search to read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { searchCaseStudies, wordsStatement, type CaseStudyReader, type CaseStudySearch } from '../../src/store/case-studies.ts';
import { organisation, user } from '../support/access.ts';
import { seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const CASE_STUDIES = 3_000;
// the first words are drawn often, the last seldom
const WORDS = 'council residents housing waste recycling library reading summer challenge mentoring kaizen allotments'.split(' ');

describe('the library search plan', () => {
  let store: TestStore;
  const readers: [string, CaseStudyReader][] = [['the public', { kind: 'public' }]];

  before(async () => {
    store = await openTestStore();
    const sql = store.sql;
    await seedCatalogue(sql);
    const durham = await organisation(sql, 'Durham County Council', 'council', DURHAM);
    const sector = await organisation(sql, 'Sector body', 'sector_body');
    const writer = await user(sql, 'one@durham.example', 'performance_officer', durham.id);
    const manager = await user(sql, 'manager@sector.example', 'peer_challenge_manager', sector.id);
    readers.push(
      ['a writer', { kind: 'user', userId: writer.id, organisationId: durham.id, moderator: false }],
      ['a moderator', { kind: 'user', userId: manager.id, organisationId: sector.id, moderator: true }],
    );
    const words = `array[${WORDS.map((w) => `'${w}'`).join(',')}]`;
    // a word's place is drawn by the square of a repeatable draw, so that the first words are common
    const text = (count: number, salt: number) =>
      `(select string_agg((${words})[1 + floor(${WORDS.length} * power(((n * ${salt} + k * 7919) % 1000) / 1000.0, 2))::int], ' ') from generate_series(1, ${count}) k)`;
    await sql.unsafe(
      `insert into case_study (title, summary, body, themes, source, illustrative, state, author_id, organisation_id, submitted_at, published_at)
       select ${text(5, 31)}, ${text(20, 37)}, ${text(300, 41)} || case when n % 50 = 0 then ' the summer reading challenge reached every school' else '' end,
         array[(array['housing', 'waste', 'culture'])[1 + n % 3]], (array['peer_challenge', 'award', 'efficiency_casebook', 'council'])[1 + n % 4], true,
         case when n % 10 = 0 then 'draft' when n % 10 = 1 then 'submitted' else 'published' end, $1, $2,
         case when n % 10 = 1 then now() end, case when n % 10 > 1 then now() - n * interval '1 minute' end
       from generate_series(1, ${CASE_STUDIES}) n`,
      [writer.id, durham.id],
    );
    await sql`insert into case_study_council (case_study_id, area_code, position) select id, case when id % 2 = 0 then ${DURHAM} else ${HARTLEPOOL} end, 0 from case_study`;
    await sql`
      insert into case_study_metric (case_study_id, position, metric_code, from_period, to_period, improved_during)
      select id, 0, 'obesity', '2018/19', '2022/23', '[2018-04-01,2023-03-31]' from case_study where id % 3 = 0`;
    await store.asOwner((owner) => owner`analyze`);
  });
  after(() => store?.close());

  const searches: (Omit<CaseStudySearch, 'offset' | 'limit'> & { text: string })[] = [
    { text: 'council' },
    { text: 'kaizen' },
    { text: 'residents housing' },
    { text: 'allotments or kaizen' },
    { text: 'council -recycling' },
    { text: '"summer reading challenge"' },
    { text: 'zyzzyva' },
    { text: 'housing', theme: 'housing', region: 'E12000001' },
    { text: 'council', council: HARTLEPOOL, source: 'award' },
    { text: 'reading', metric: 'obesity', period: { start: '2020-04-01', end: '2021-03-31' } },
    { text: 'reading', state: 'submitted' },
    { text: 'waste', mine: true, authorityType: 'unitary' },
  ];

  it('finds the words by the GIN index alone, for every reader and every search', async () => {
    for (const [who, reader] of readers) {
      for (const search of searches) {
        const { text, params } = wordsStatement(reader, { ...search, offset: 20, limit: 20 });
        const plan = (await store.sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain (costs off) ${text}`, params as never[])).map((r) => r['QUERY PLAN']).join('\n');
        const said = `${who}, ${JSON.stringify(search)}:\n${plan}`;
        // what the public may not see, it is not read at all
        const nothing = reader.kind === 'public' && (search.state === 'submitted' || search.mine === true);
        assert.match(plan, nothing ? /One-Time Filter: false/ : /Bitmap Index Scan on case_study_document/, said);
        assert.doesNotMatch(plan, /Seq Scan on case_study\b/, said);
        assert.doesNotMatch(plan, /Filter: .*@@/, said);
      }
    }
  });

  it('finds what the plan says it finds', async () => {
    const [counted] = await store.sql<{ n: number }[]>`
      select count(*)::int as n from case_study where state = 'published' and document @@ websearch_to_tsquery('english', 'kaizen')`;
    const found = await searchCaseStudies(store.sql, readers[0]![1], { text: 'kaizen', offset: 0, limit: 20 });
    assert.ok(counted!.n > 20, `kaizen is in ${counted!.n} published case studies`);
    assert.equal(found.total, counted!.n);
    assert.equal(found.items.length, 20);
  });

  it('keeps in each row what the search reads, the ranking vector never compressed, the rest out of line', async () => {
    const [kept] = await store.sql<{ compressed: number; pages: number; rows: number }[]>`
      select count(*) filter (where pg_column_compression(lead) is not null)::int as compressed,
        (pg_relation_size('case_study') / current_setting('block_size')::int)::int as pages, count(*)::int as rows
      from case_study`;
    assert.equal(kept!.compressed, 0, 'no lead is compressed');
    // e: out of line, uncompressed; m: in the row (what every row found is tested or ranked on)
    const storage = await store.sql<{ name: string; storage: string }[]>`
      select attname as name, attstorage as storage from pg_attribute
      where attrelid = 'case_study'::regclass and attname in ('title', 'summary', 'lead', 'themes') order by attname`;
    assert.deepEqual(
      storage.map((a) => `${a.name} ${a.storage}`),
      ['lead m', 'summary e', 'themes m', 'title e'],
    );
    // a row of some 320 words, its body and document out of line, took some 900 bytes with its title and summary in it: eight to a page
    assert.ok(kept!.rows / kept!.pages > 12, `${kept!.rows} rows in ${kept!.pages} pages`);
  });

  it('puts a new case study straight into the index, with no pending list to read', async () => {
    const options = await store.sql<{ name: string; options: string[] | null }[]>`
      select c.relname as name, c.reloptions as options from pg_class c where c.relname in ('case_study_document', 'case_study_themes') order by 1`;
    assert.deepEqual(
      [...options],
      [
        { name: 'case_study_document', options: ['fastupdate=off'] },
        { name: 'case_study_themes', options: ['fastupdate=off'] },
      ],
    );
  });
});
