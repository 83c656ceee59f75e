// Surveys in a real store: a question set kept once at each version with its
// benchmarkable questions' metrics made as survey metrics, a survey written
// and read back as the domain's record, the same survey refused twice for
// one period and method, and results entered again superseding the current
// ones while keeping them as history.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parsePeriod, type Period } from '../../src/domain/period/index.ts';
import type { QuestionSet } from '../../src/domain/surveys/index.ts';
import { organisation } from '../support/access.ts';
import { seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';
import {
  createSurvey,
  currentResults,
  ensureSurveyMetrics,
  getQuestionSet,
  getSurvey,
  latestQuestionSets,
  resultsOfQuestion,
  sameSurvey,
  saveQuestionSet,
  saveResults,
  setVerdict,
  surveysOf,
  type SurveyDraft,
} from '../../src/store/surveys.ts';

const DURHAM = 'E06000047';

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

const SCALE = [
  { code: 'very_satisfied', label: 'Very satisfied', positive: true, dontKnow: false },
  { code: 'fairly_satisfied', label: 'Fairly satisfied', positive: true, dontKnow: false },
  { code: 'dissatisfied', label: 'Dissatisfied', positive: false, dontKnow: false },
  { code: 'dont_know', label: "Don't know", positive: false, dontKnow: true },
];

export const TEST_SET: QuestionSet = {
  code: 'test-resident-satisfaction',
  version: 1,
  title: 'Resident satisfaction (test)',
  source: 'Written for the tests',
  questions: [
    { code: 'local-area', wording: 'How satisfied are you with your local area as a place to live?', answerOptions: SCALE, benchmarkable: true, metricCode: 'test-satisfied-local-area' },
    { code: 'own-question', wording: 'How satisfied are you with the bins?', answerOptions: SCALE, benchmarkable: false, metricCode: null },
  ],
};

const draft = (more: Partial<SurveyDraft> = {}): SurveyDraft => ({
  council: DURHAM,
  title: 'Residents survey 2023',
  method: 'postal',
  sampling: 'random_probability',
  fieldworkStart: '2023-09-01',
  fieldworkEnd: '2023-10-31',
  period: periodOf('2023/24'),
  achievedSample: 1100,
  weighting: { kind: 'none' },
  placements: [{ questionCode: 'local-area', setCode: TEST_SET.code, setVersion: 1, position: 1, order: 1, wordingUsed: TEST_SET.questions[0]!.wording }],
  tracker: null,
  ...more,
});

describe('surveys in the store', () => {
  let store: TestStore;
  let council: number;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    council = (await organisation(store.sql, 'Durham County Council', 'council', DURHAM)).id;
  });
  after(() => store.close());

  it('keeps a set once at each version and makes its benchmarkable metrics as survey metrics', async () => {
    const sql = store.sql;
    assert.equal(await saveQuestionSet(sql, TEST_SET, null), true);
    assert.equal(await saveQuestionSet(sql, TEST_SET, null), false, 'the same version again changes nothing');
    assert.equal(await saveQuestionSet(sql, { ...TEST_SET, version: 2, title: 'Resident satisfaction (test), revised' }, null), true);
    assert.equal(await ensureSurveyMetrics(sql, TEST_SET), 1);
    assert.equal(await ensureSurveyMetrics(sql, TEST_SET), 0, 'a metric already there is left as it is');

    const latest = (await latestQuestionSets(sql)).find((s) => s.code === TEST_SET.code);
    assert.equal(latest?.version, 2);
    assert.deepEqual((await getQuestionSet(sql, TEST_SET.code, 1))?.questions, TEST_SET.questions);
    const [metric] = await sql`select status, value_kind, multiplier, unit, polarity, period_kind from metric where code = 'test-satisfied-local-area'`;
    assert.deepEqual({ ...metric }, { status: 'survey', value_kind: 'proportion', multiplier: 100, unit: '%', polarity: 'higher_is_better', period_kind: 'financial_year' });
    assert.equal((await sql`select 1 from metric where code like 'test-%'`).length, 1, "a council's own question has no metric");
  });

  it('writes a survey, reads it back as its record, and refuses the same one twice for a period and method', async () => {
    const sql = store.sql;
    const id = await sql.begin((tx) => createSurvey(tx, draft(), council, null));
    const read = await getSurvey(sql, id);
    assert.equal(read?.council, DURHAM);
    assert.equal(read?.period, '2023/24');
    assert.equal(read?.fieldworkEnd, '2023-10-31');
    assert.deepEqual(read?.weighting, { kind: 'none' });
    assert.equal(read?.placements[0]?.questionCode, 'local-area');
    assert.equal(read?.tracker, null);
    assert.equal(read?.verdict, null);

    assert.equal((await sameSurvey(sql, draft()))?.id, id);
    assert.equal(await sameSurvey(sql, draft(), id), undefined, 'a survey is not its own repeat');
    assert.equal(await sameSurvey(sql, draft({ method: 'online' })), undefined);
    await assert.rejects(
      sql.begin((tx) => createSurvey(tx, draft({ title: 'The same again' }), council, null)),
      (error: { code?: string }) => error.code === '23505',
    );
    const wave = await sql.begin((tx) => createSurvey(tx, draft({ tracker: { name: 'Residents panel', wave: 2 } }), council, null));
    assert.deepEqual((await getSurvey(sql, wave))?.tracker, { name: 'Residents panel', wave: 2 }, "a tracker's waves are surveys of their own");
    assert.deepEqual(
      (await surveysOf(sql, DURHAM)).map((s) => s.id),
      [wave, id],
    );
  });

  it('supersedes results entered again, keeping the old as history, and keeps the verdict', async () => {
    const sql = store.sql;
    const id = await sql.begin((tx) => createSurvey(tx, draft({ method: 'telephone' }), council, null));
    const counts = { very_satisfied: 300, fairly_satisfied: 400, dissatisfied: 250, dont_know: 50 };
    const result = { questionCode: 'local-area', setCode: TEST_SET.code, setVersion: 1, counts, base: 1000, weighted: null };
    const [first] = await sql.begin((tx) => saveResults(tx, id, [result], null));
    const [second] = await sql.begin((tx) => saveResults(tx, id, [{ ...result, counts: { ...counts, dont_know: 40, dissatisfied: 260 } }], null));
    assert.notEqual(first, second);
    const current = await currentResults(sql, id);
    assert.deepEqual(
      current.map((r) => [r.id, r.counts.dissatisfied]),
      [[second, 260]],
    );
    assert.equal((await sql`select 1 from survey_result where survey_id = ${id}`).length, 2, 'the first results stay as history');
    assert.equal((await resultsOfQuestion(sql, [id], 'local-area')).get(id)?.id, second);

    const verdict = { rule: { code: 'lga-comparability', version: 1 }, overall: 'comparable' as const, conditions: [], sentence: 'Comparable.' };
    await sql.begin((tx) => setVerdict(tx, id, verdict, true, null));
    const read = await getSurvey(sql, id);
    assert.deepEqual(read?.verdict, verdict);
    assert.equal(read?.resultsConfirmed, true);
    assert.equal(read?.revision, 2);
  });
});
