// The library's search, which finds the words by the GIN index alone and
// counts and ranks in one statement, against the plainest SQL of the same
// question: the document tested row by row, what each reader may see and each
// filter worked out here from the rows themselves. Four hundred case studies
// in every state, by several writers of two councils, with words drawn so
// that some are in nearly every one and some in few; every reader kind, every
// kind of words (one, several, a phrase, either, not, only stop words, none
// found), alone and with filters, page by page and past the last page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkCaseStudy, type CaseStudyDraft, type ModerationState } from '../../src/domain/good-practice/index.ts';
import { createCaseStudy, moveCaseStudy, searchCaseStudies, SNIPPET_CHARACTERS, type CaseStudyReader, type CaseStudySearch } from '../../src/store/case-studies.ts';
import { organisation, user } from '../support/access.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const CAMDEN = 'E09000007';
const COUNCILS = [DURHAM, HARTLEPOOL, CAMDEN];
const THEMES = ['housing', 'waste', 'culture'];
const SOURCES = ['peer_challenge', 'award', 'efficiency_casebook', 'council'] as const;
// the first words are drawn often, the last seldom
const WORDS = 'council residents housing waste recycling library reading summer challenge mentoring kaizen allotments'.split(' ');

/** A repeatable draw, so that a failure can be run again as it was. */
function drawer(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface Row {
  readonly id: number;
  readonly state: ModerationState;
  readonly authorId: number;
  readonly organisationId: number;
  readonly themes: string[];
  readonly source: string;
  readonly councils: string[];
  readonly regions: string[];
  readonly publishedAt: Date | null;
  readonly changedAt: Date;
}

describe('the library search against the plainest SQL', () => {
  let store: TestStore;
  let rows: Row[];
  const readers: [string, CaseStudyReader][] = [['the public', { kind: 'public' }]];

  before(async () => {
    store = await openTestStore();
    const sql = store.sql;
    await seedCatalogue(sql);
    const london = await importText(sql, 'london.csv', 'code,name,type,region_code\nE12000007,London,region,\nE09000007,Camden,london_borough,E12000007\n');
    assert.equal(london.status, 'loaded');
    const durham = await organisation(sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    const sector = await organisation(sql, 'Sector body', 'sector_body');
    const writers = [
      await user(sql, 'one@durham.example', 'performance_officer', durham.id),
      await user(sql, 'two@durham.example', 'performance_officer', durham.id),
      await user(sql, 'one@hartlepool.example', 'performance_officer', hartlepool.id),
    ];
    const manager = await user(sql, 'manager@sector.example', 'peer_challenge_manager', sector.id);
    readers.push(
      ['a writer', { kind: 'user', userId: writers[0]!.id, organisationId: durham.id, moderator: false }],
      ['a colleague of no case study', { kind: 'user', userId: -7, organisationId: hartlepool.id, moderator: false }],
      ['a moderator', { kind: 'user', userId: manager.id, organisationId: sector.id, moderator: true }],
    );
    const draw = drawer(21);
    const pick = <T>(list: readonly T[]) => list[Math.floor(Math.pow(draw(), 2) * list.length)]!;
    const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
    for (let n = 0; n < 400; n++) {
      const author = writers[n % writers.length]!;
      const whole: CaseStudyDraft = {
        title: words(4),
        summary: words(8),
        body: `${words(20)}${n % 13 === 0 ? ' the summer reading challenge reached every school ' : ' '}${words(20)}`,
        councils: [COUNCILS[n % 3]!, ...(n % 5 === 0 ? [COUNCILS[(n + 1) % 3]!] : [])],
        themes: [THEMES[n % 3]!, ...(n % 4 === 0 ? [THEMES[(n + 2) % 3]!] : [])],
        metrics: [],
        source: SOURCES[n % 4]!,
        sourceNote: SOURCES[n % 4] === 'council' ? null : 'Improvement Board paper, paragraph 4',
        illustrative: true,
      };
      const checked = checkCaseStudy(whole, { metric: () => true, council: () => true });
      if (checked.kind !== 'ok') throw new Error(JSON.stringify(checked.problems));
      const state: ModerationState = n % 10 === 0 ? 'draft' : n % 10 === 1 ? 'submitted' : 'published';
      const id = await createCaseStudy(sql, { ...whole, metrics: checked.metrics }, author.id, author.organisationId, state);
      if (n % 20 === 1) assert.equal(await moveCaseStudy(sql, id, 'submitted', 'returned', manager.id, 'Say where the figures come from'), true);
    }
    await store.asOwner((owner) => owner`analyze case_study`);
    rows = await sql<Row[]>`
      select cs.id, cs.state, cs.author_id as "authorId", cs.organisation_id as "organisationId", cs.themes, cs.source,
        cs.published_at as "publishedAt", cs.changed_at as "changedAt",
        array(select c.area_code from case_study_council c where c.case_study_id = cs.id) as councils,
        array(select a.region_code from case_study_council c join area a on a.code = c.area_code where c.case_study_id = cs.id and a.region_code is not null) as regions
      from case_study cs`;
  });
  after(() => store?.close());

  /** What the reader may see, by the rule the store's type states. */
  const sees = (reader: CaseStudyReader, row: Row) =>
    row.state === 'published' ||
    (reader.kind === 'user' && (row.authorId === reader.userId || ((row.state === 'submitted' || row.state === 'returned') && (reader.moderator || row.organisationId === reader.organisationId))));

  /** Every match in order, as the plainest SQL and the rows say: the document tested row by row, ranked on the lead, then latest first. */
  async function expected(reader: CaseStudyReader, search: Omit<CaseStudySearch, 'offset' | 'limit'>): Promise<number[]> {
    const matched = await store.sql<{ id: number; rank: number }[]>`
      select id, ts_rank(lead, websearch_to_tsquery('english', ${search.text!})) as rank from case_study
      where document @@ websearch_to_tsquery('english', ${search.text!})`;
    const rank = new Map(matched.map((m) => [m.id, m.rank]));
    const time = (d: Date | null) => d?.getTime() ?? Number.NEGATIVE_INFINITY; // latest first, nulls last
    return rows
      .filter((row) => rank.has(row.id) && sees(reader, row))
      .filter((row) => !search.theme || row.themes.includes(search.theme))
      .filter((row) => !search.source || row.source === search.source)
      .filter((row) => !search.state || row.state === search.state)
      .filter((row) => !search.mine || (reader.kind === 'user' && row.authorId === reader.userId))
      .filter((row) => !search.council || row.councils.includes(search.council))
      .filter((row) => !search.region || row.regions.includes(search.region))
      .sort((a, b) => rank.get(b.id)! - rank.get(a.id)! || time(b.publishedAt) - time(a.publishedAt) || b.changedAt.getTime() - a.changedAt.getTime() || b.id - a.id)
      .map((row) => row.id);
  }

  const searches: Omit<CaseStudySearch, 'offset' | 'limit'>[] = [
    { text: 'council' },
    { text: 'residents housing' },
    { text: 'kaizen' },
    { text: 'allotments or kaizen' },
    { text: 'council -recycling' },
    { text: '"summer reading challenge"' },
    { text: 'the of and' },
    { text: 'zyzzyva' },
    { text: 'housing', theme: 'housing', region: 'E12000007' },
    { text: 'council', council: HARTLEPOOL, source: 'award' },
    { text: 'reading', state: 'submitted' },
    { text: 'waste', mine: true },
  ];

  it('finds, counts and orders the same case studies, page by page, for every reader', async () => {
    let found = 0;
    for (const [who, reader] of readers) {
      for (const search of searches) {
        const want = await expected(reader, search);
        found += want.length;
        const got: number[] = [];
        for (let offset = 0; offset <= want.length; offset += 25) {
          const page = await searchCaseStudies(store.sql, reader, { ...search, offset, limit: 25 });
          assert.equal(page.total, want.length, `${who}, ${JSON.stringify(search)}: the count at ${offset}`);
          got.push(...page.items.map((item) => item.id));
        }
        assert.deepEqual(got, want, `${who}, ${JSON.stringify(search)}`);
      }
    }
    assert.ok(found > 1000, `the searches found ${found} in all: enough to tell orders apart`);
  });

  it('keeps the count past the last page, and gives each row of a page its rank and snippet', async () => {
    const want = await expected(readers[0]![1], { text: 'mentoring' });
    assert.ok(want.length > 0);
    const beyond = await searchCaseStudies(store.sql, readers[0]![1], { text: 'mentoring', offset: want.length + 10, limit: 25 });
    assert.deepEqual([beyond.total, beyond.items.length], [want.length, 0]);
    const first = await searchCaseStudies(store.sql, readers[0]![1], { text: 'mentoring', offset: 0, limit: 5 });
    for (const item of first.items) {
      assert.equal(typeof item.rank, 'number');
      assert.equal(typeof item.headline, 'string');
      assert.ok(item.councils.length > 0);
    }
    assert.ok(first.items.some((item) => item.headline!.toLowerCase().includes('\u0001mentoring\u0002')));
  });
  it("makes a long case study's snippet from its opening: a match further on is found and ranked, its snippet unmarked", async () => {
    const [writer] = await store.sql<{ id: number; organisationId: number }[]>`
      select id, organisation_id as "organisationId" from user_account where email = 'one@durham.example'`;
    // words none of the other case studies hold, in a body several times the snippet's reach
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i}: the depot opened earlier and the crews met every morning.`).join(' ');
    const write = async (summary: string, body: string) => {
      const whole: CaseStudyDraft = { title: 'Buses', summary, body, councils: [DURHAM], themes: [], metrics: [], source: 'council', sourceNote: null, illustrative: true };
      const checked = checkCaseStudy(whole, { metric: () => true, council: () => true });
      if (checked.kind !== 'ok') throw new Error(JSON.stringify(checked.problems));
      return createCaseStudy(store.sql, { ...whole, metrics: checked.metrics }, writer!.id, writer!.organisationId, 'published');
    };
    const longBody = `${filler(60)} The trams and the ferries were timed together. ${filler(150)}`;
    assert.ok(longBody.indexOf('ferries') > SNIPPET_CHARACTERS && longBody.length > 3 * SNIPPET_CHARACTERS);
    const long = await write('How the buses were timed to the trains.', longBody);
    const short = await write('How the buses were timed to the ferries.', `${filler(10)} The ferries ran every hour.`);
    const found = await searchCaseStudies(store.sql, { kind: 'public' }, { text: 'ferries', offset: 0, limit: 10 });
    assert.deepEqual([found.total, found.items.map((item) => item.id)], [2, [short, long]], 'both found, the one with its words in the summary first');
    const [first, second] = found.items;
    assert.ok(first!.headline!.includes('\u0001ferries\u0002'), first!.headline!);
    assert.equal(second!.headline!.includes('\u0001'), false, "no match marked in the long one: its words are past the snippet's reach");
    assert.ok(second!.headline!.startsWith('How the buses were timed to the trains'), second!.headline!);
    assert.equal(typeof second!.rank, 'number');
  });
});
