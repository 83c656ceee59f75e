// The good-practice library in a real store: case studies written, moved
// through moderation (a second moderator finds the move already made), and
// found by PostgreSQL's full-text search: title words rank above body words,
// a phrase is a phrase, each filter narrows, snippets mark the matched words,
// counts and pages are right, and what a reader may not see is neither shown
// nor counted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkCaseStudy, type CaseStudyDraft, type ModerationState } from '../../src/domain/good-practice/index.ts';
import {
  caseStudyThemes,
  createCaseStudy,
  getCaseStudy,
  moveCaseStudy,
  publishedCaseStudiesOf,
  publishedCaseStudiesStamp,
  searchCaseStudies,
  updateCaseStudy,
  type CaseStudyReader,
  type StoredDraft,
} from '../../src/store/case-studies.ts';
import type { Organisation } from '../../src/store/organisations.ts';
import type { User } from '../../src/store/users.ts';
import { organisation, user } from '../support/access.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const CAMDEN = 'E09000007';

function stored(draft: Partial<CaseStudyDraft>): StoredDraft {
  const whole: CaseStudyDraft = {
    title: 'A case study',
    summary: 'What a council did.',
    body: 'The council worked with its partners.',
    councils: [DURHAM],
    themes: [],
    metrics: [],
    source: 'council',
    sourceNote: null,
    illustrative: true,
    ...draft,
  };
  const checked = checkCaseStudy(whole, { metric: () => true, council: () => true });
  if (checked.kind !== 'ok') throw new Error(JSON.stringify(checked.problems));
  return { ...whole, metrics: checked.metrics };
}

describe('case studies in the store', () => {
  let store: TestStore;
  let durham: Organisation;
  let writer: User;
  let manager: User;
  const ids: Record<string, number> = {};
  const publicReader: CaseStudyReader = { kind: 'public' };

  before(async () => {
    store = await openTestStore();
    const sql = store.sql;
    await seedCatalogue(sql);
    const london = await importText(sql, 'london.csv', 'code,name,type,region_code\nE12000007,London,region,\nE09000007,Camden,london_borough,E12000007\n');
    assert.equal(london.status, 'loaded');
    durham = await organisation(sql, 'Durham County Council', 'council', DURHAM);
    const sector = await organisation(sql, 'Sector body', 'sector_body');
    writer = await user(sql, 'writer@durham.example', 'performance_officer', durham.id);
    manager = await user(sql, 'manager@sector.example', 'peer_challenge_manager', sector.id);
    const publish = async (key: string, draft: Partial<CaseStudyDraft>) => {
      ids[key] = await createCaseStudy(sql, stored(draft), writer.id, durham.id, 'published');
    };
    await publish('titleWord', {
      title: 'Recycling doubled through kerbside food waste',
      body: 'Collections changed.',
      themes: ['environment'],
      metrics: [{ metric: 'visits', from: '2019', to: '2022' }],
    });
    await publish('bodyWord', { title: 'A new waste contract', body: 'Residents sorted more for recycling once bins were weekly.', themes: ['environment'], councils: [HARTLEPOOL] });
    await publish('phrase', {
      title: 'Libraries as hubs',
      body: 'Children read more: the summer reading challenge reached every school.',
      themes: ['culture'],
      councils: [CAMDEN],
      source: 'award',
      sourceNote: 'Awards 2009',
    });
    await publish('scattered', { title: 'Reading the figures', body: 'A challenge to the summer plan; children who read were counted.', themes: ['culture'], councils: [DURHAM] });
    ids.draft = await createCaseStudy(sql, stored({ title: 'Recycling draft not yet sent', themes: ['secret-theme'] }), writer.id, durham.id);
  });
  after(() => store?.close());

  it('reads a case study back with its councils, themes and metrics in order', async () => {
    const study = (await getCaseStudy(store.sql, ids.titleWord!))!;
    assert.deepEqual(
      [study.councils, study.themes, study.metrics, study.state, study.authorName],
      [[DURHAM], ['environment'], [{ metric: 'visits', from: '2019', to: '2022' }], 'published', 'writer'],
    );
  });

  it('ranks a match in the title above one in the body, and marks the matched words in its snippet', async () => {
    const found = await searchCaseStudies(store.sql, publicReader, { text: 'recycling', offset: 0, limit: 10 });
    assert.deepEqual(
      found.items.map((i) => i.id),
      [ids.titleWord, ids.bodyWord],
    );
    assert.equal(found.total, 2);
    assert.ok(found.items[0]!.rank! > found.items[1]!.rank!);
    assert.ok(found.items[1]!.headline!.includes('\u0001recycling\u0002'), found.items[1]!.headline!);
  });

  it('finds a phrase as a phrase, and words anywhere without quotes', async () => {
    const phrase = await searchCaseStudies(store.sql, publicReader, { text: '"summer reading challenge"', offset: 0, limit: 10 });
    assert.deepEqual(
      phrase.items.map((i) => i.id),
      [ids.phrase],
    );
    const words = await searchCaseStudies(store.sql, publicReader, { text: 'summer reading challenge', offset: 0, limit: 10 });
    assert.deepEqual(new Set(words.items.map((i) => i.id)), new Set([ids.phrase, ids.scattered]));
  });

  it('narrows by theme, council, region, authority type, metric, source and period', async () => {
    const idsOf = async (filter: object) => (await searchCaseStudies(store.sql, publicReader, { offset: 0, limit: 10, ...filter })).items.map((i) => i.id).sort();
    const sorted = (...keys: string[]) => keys.map((k) => ids[k]!).sort();
    assert.deepEqual(await idsOf({ theme: 'culture' }), sorted('phrase', 'scattered'));
    assert.deepEqual(await idsOf({ council: HARTLEPOOL }), sorted('bodyWord'));
    assert.deepEqual(await idsOf({ region: 'E12000007' }), sorted('phrase'));
    assert.deepEqual(await idsOf({ authorityType: 'unitary', theme: 'culture' }), sorted('scattered'));
    assert.deepEqual(await idsOf({ metric: 'visits' }), sorted('titleWord'));
    assert.deepEqual(await idsOf({ source: 'award' }), sorted('phrase'));
    assert.deepEqual(await idsOf({ period: { start: '2021-01-01', end: '2021-12-31' } }), sorted('titleWord'));
    assert.deepEqual(await idsOf({ period: { start: '2023-01-01', end: '2023-12-31' } }), []);
    assert.deepEqual(await idsOf({ text: 'recycling', council: DURHAM }), sorted('titleWord'));
  });

  it('counts every match and pages through them, the count kept past the last page', async () => {
    const first = await searchCaseStudies(store.sql, publicReader, { offset: 0, limit: 3 });
    const second = await searchCaseStudies(store.sql, publicReader, { offset: 3, limit: 3 });
    const beyond = await searchCaseStudies(store.sql, publicReader, { offset: 9, limit: 3 });
    assert.deepEqual([first.total, first.items.length, second.total, second.items.length, beyond.total, beyond.items.length], [4, 3, 4, 1, 4, 0]);
    assert.equal(new Set([...first.items, ...second.items].map((i) => i.id)).size, 4);
  });

  it('hides a draft from everyone but its writer, in results, counts and themes alike', async () => {
    const readers: [string, CaseStudyReader, boolean][] = [
      ['the public', publicReader, false],
      ['the writer', { kind: 'user', userId: writer.id, organisationId: durham.id, moderator: false }, true],
      ['a moderator', { kind: 'user', userId: manager.id, organisationId: manager.organisationId, moderator: true }, false],
      ['a colleague', { kind: 'user', userId: -5, organisationId: durham.id, moderator: false }, false],
    ];
    for (const [who, reader, sees] of readers) {
      const found = await searchCaseStudies(store.sql, reader, { text: 'recycling', offset: 0, limit: 10 });
      assert.equal(
        found.items.some((i) => i.id === ids.draft),
        sees,
        who,
      );
      assert.equal(found.total, sees ? 3 : 2, who);
      assert.equal((await caseStudyThemes(store.sql, reader)).includes('secret-theme'), sees, who);
    }
  });

  it('moves through moderation once: a second moderator finds it already moved', async () => {
    const sql = store.sql;
    const stamp = await publishedCaseStudiesStamp(sql);
    assert.equal(await moveCaseStudy(sql, ids.draft!, 'draft', 'submitted', writer.id), true);
    const colleague: CaseStudyReader = { kind: 'user', userId: -5, organisationId: durham.id, moderator: false };
    assert.equal((await searchCaseStudies(sql, colleague, { state: 'submitted', offset: 0, limit: 10 })).total, 1, 'the council reads it in moderation');
    const [first, second] = await Promise.all([
      moveCaseStudy(sql, ids.draft!, 'submitted', 'returned', manager.id, 'Say where the figures come from'),
      moveCaseStudy(sql, ids.draft!, 'submitted', 'published', manager.id),
    ]);
    assert.equal([first, second].filter(Boolean).length, 1);
    const moved = (await getCaseStudy(sql, ids.draft!))!;
    assert.equal(moved.moderatorId, manager.id);
    assert.equal(moved.state === 'published' ? (await publishedCaseStudiesStamp(sql)) !== stamp : moved.returnReason === 'Say where the figures come from', true);
  });

  it('changes a draft only at the revision read, and only while it is its writer’s', async () => {
    const sql = store.sql;
    const id = await createCaseStudy(sql, stored({ title: 'First words' }), writer.id, durham.id);
    assert.equal(await updateCaseStudy(sql, id, 1, stored({ title: 'Second words', councils: [HARTLEPOOL, DURHAM] })), true);
    assert.equal(await updateCaseStudy(sql, id, 1, stored({ title: 'Stale words' })), false);
    const study = (await getCaseStudy(sql, id))!;
    assert.deepEqual([study.title, study.councils, study.revision], ['Second words', [HARTLEPOOL, DURHAM], 2]);
    await moveCaseStudy(sql, id, 'draft', 'submitted', writer.id);
    assert.equal(await updateCaseStudy(sql, id, 3, stored({ title: 'Changed in moderation' })), false);
  });

  it('lists published case studies of a metric by council', async () => {
    const found = await publishedCaseStudiesOf(store.sql, 'visits', [DURHAM, HARTLEPOOL]);
    assert.deepEqual([...found.keys()], [DURHAM]);
    assert.deepEqual(
      found.get(DURHAM)!.map((s) => s.id),
      [ids.titleWord],
    );
    assert.equal((await publishedCaseStudiesOf(store.sql, 'visits', [])).size, 0);
  });

  it('refuses a returned case study without its reason, in the table itself', async () => {
    const id = await createCaseStudy(store.sql, stored({}), writer.id, durham.id, 'submitted');
    await assert.rejects(moveCaseStudy(store.sql, id, 'submitted', 'returned' as ModerationState, manager.id, ' '), /check/);
  });
});
