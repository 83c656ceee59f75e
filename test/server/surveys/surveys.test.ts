// The surveys feature's use-cases called as the API calls them, as a
// council's officer, another council's officer, an adviser and an
// administrator: a survey recorded and its results entered, judged and held
// as the council's values where comparable; every refusal naming its field
// (and its question); the same survey twice answered 409 naming the one
// there; a stale change refused; another council's survey not found; and
// every change in the audit trail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COMPARABILITY_CONDITIONS } from '../../../src/domain/surveys/index.ts';
import { addQuestionSet, listQuestionSets } from '../../../src/server/features/surveys/question-sets.ts';
import { enterResults, enterResultsFile } from '../../../src/server/features/surveys/results.ts';
import { addSurvey, changeSurvey, readSurvey, surveysOf } from '../../../src/server/features/surveys/surveys.ts';
import { currentHeldValues } from '../../../src/store/held-values.ts';
import type { User } from '../../../src/store/users.ts';
import { accessAs, organisation, refusalOf, user } from '../../support/access.ts';
import { textStream } from '../../support/data.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';
import { DURHAM, HARTLEPOOL, RESULTS, SURVEY, result, seedSurveyAreas } from './fixtures.ts';

describe('surveys through their use-cases', () => {
  let store: TestStore;
  let officer: User;
  let other: User;
  let adviser: User;
  let admin: User;

  before(async () => {
    store = await openTestStore();
    await seedSurveyAreas(store.sql);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    const body = await organisation(store.sql, 'Sector body', 'sector_body');
    officer = await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id, 'Olive Officer');
    other = await user(store.sql, 'officer@hartlepool.example', 'performance_officer', hartlepool.id);
    adviser = await user(store.sql, 'adviser@sector.example', 'principal_adviser', body.id);
    admin = await user(store.sql, 'admin@sector.example', 'administrator', body.id);
  });
  after(() => store.close());

  const as = (person: User) => accessAs(store.sql, person, person === officer ? DURHAM : person === other ? HARTLEPOOL : null);
  const refused = async (work: Promise<unknown>) => {
    const error = await refusalOf(work);
    return { status: error.status, message: error.message, fields: ((error.details as { problems?: { field: string }[] } | undefined)?.problems ?? []).map((p) => p.field) };
  };
  let method = 0;
  /** A survey of its own period and method, so that each test's is not a repeat of another's. */
  const fresh = (more: Record<string, unknown> = {}) => {
    const year = 2010 + method++;
    return addSurvey(store.sql, as(officer), { ...SURVEY, fieldworkStart: `${year}-09-01`, fieldworkEnd: `${year}-10-31`, ...more });
  };

  it('records a survey, judges its results condition by condition, and holds the comparable ones for the council', async () => {
    const survey = await addSurvey(store.sql, as(officer), SURVEY);
    assert.deepEqual([survey.council, survey.period, survey.verdict, survey.revision], [DURHAM, '2023/24', null, 1]);
    const entered = await enterResults(store.sql, as(officer), survey.id, RESULTS);
    const verdict = entered.verdict!;
    assert.deepEqual(
      verdict.conditions.map((c) => c.condition),
      [...COMPARABILITY_CONDITIONS],
      'every condition is judged',
    );
    for (const c of verdict.conditions) assert.ok(c.reason.length > 10, `${c.condition} has its reason`);
    assert.equal(verdict.overall, 'comparable', verdict.sentence);
    const held = await currentHeldValues(store.sql, DURHAM);
    assert.deepEqual(
      held.map((v) => [v.metricCode, v.period, v.origin, v.provisional]),
      [
        ['residents-satisfied-with-council', '2023/24', 'survey', true],
        ['residents-satisfied-with-local-area', '2023/24', 'survey', true],
      ],
    );
    const area = held.find((v) => v.metricCode === 'residents-satisfied-with-local-area')!;
    assert.equal(area.originId, entered.results.find((r) => r.questionCode === 'satisfied-with-local-area')!.id);
    assert.equal(area.denominator, 900, 'a weighted result is held on its effective base');
    assert.ok(area.lowerCi! < area.value! && area.value! < area.upperCi!);
    assert.ok(Math.abs(area.value! - 70) < 0.5, `70% positive, not ${area.value}`);

    await enterResults(store.sql, as(officer), survey.id, { ...RESULTS, confirmed: true });
    assert.ok(
      (await currentHeldValues(store.sql, DURHAM)).every((v) => !v.provisional),
      'confirmed results are no longer provisional',
    );
    const trail = await store.sql`select summary from audit_event where record_kind = 'survey' and record_id = ${String(survey.id)} order by id`;
    assert.equal(trail.length, 3);
    assert.match(trail[0]!.summary, /^recorded survey 'Residents survey 2023'/);
  });

  it('keeps results that are not comparable off the council’s values, and says why', async () => {
    const survey = await fresh({ method: 'online', sampling: 'opt_in_panel', title: 'Online panel' });
    const entered = await enterResults(store.sql, as(officer), survey.id, RESULTS);
    assert.equal(entered.verdict?.overall, 'not_comparable');
    assert.deepEqual(
      entered.verdict?.conditions.filter((c) => c.outcome === 'fail').map((c) => c.condition),
      ['method', 'random_sampling'],
    );
    assert.equal((await currentHeldValues(store.sql, DURHAM)).filter((v) => v.period === survey.period).length, 0);
  });

  it('refuses the same survey twice for one period and method, naming the one there', async () => {
    const first = await fresh({ title: 'First' });
    const again = await refused(fresh({ title: 'Again', fieldworkStart: first.fieldworkStart, fieldworkEnd: first.fieldworkEnd }));
    assert.equal(again.status, 409);
    assert.match(again.message, new RegExp(`^'method': survey ${first.id} \\('First'\\) is already recorded for ${DURHAM} in ${first.period.replace('/', '\\/')} by telephone`));
    const wave = await fresh({ title: 'Wave 2', fieldworkStart: first.fieldworkStart, fieldworkEnd: first.fieldworkEnd, tracker: { name: 'Panel', wave: 2 } });
    assert.deepEqual(wave.tracker, { name: 'Panel', wave: 2 }, "a tracker's next wave is not a repeat");
  });

  it('refuses a bad record, naming each field', async () => {
    const future = await refused(fresh({ fieldworkEnd: '2999-01-01' }));
    assert.deepEqual([future.status, future.fields], [400, ['fieldworkEnd']]);
    assert.match(future.message, /in the future/);
    assert.deepEqual((await refused(fresh({ method: 'pigeon' }))).message, "'method' must be postal, online, telephone, face_to_face, mixed, not 'pigeon'");
    const small = await refused(fresh({ achievedSample: 50, weighting: { kind: 'none' } }));
    assert.deepEqual(small.fields, ['achievedSample']);
    const unknown = await refused(fresh({ placements: [{ ...SURVEY.placements[0]!, questionCode: 'favourite-colour' }] }));
    assert.deepEqual(unknown.fields, ['placements[favourite-colour].questionCode']);
  });

  it('refuses bad results, naming the question and the field, and keeps nothing', async () => {
    const survey = await fresh();
    const cases: [unknown, string, RegExp][] = [
      [{ results: [{ ...result('satisfied-with-council', [220, 385, 165, 165, 110, 55]), base: 1200 }] }, 'results[satisfied-with-council].base', /counts add up to 1100, not the base of 1200/],
      [{ results: [result('satisfied-with-council', [220, 385, 165, 165, 110, 55], 900, [20, 35, 15, 15, 10, 10])] }, 'results[satisfied-with-council].weighted.percentages', /sum to 105/],
      [{ results: [result('satisfied-with-council', [20, 30, 10, 10, 5, 5], 50)] }, 'results[satisfied-with-council].base', /under the minimum base of 100/],
      [
        { results: [{ ...result('satisfied-with-council', [220, 385, 165, 165, 110, 55]), counts: { very_satisfied: 220 } }] },
        'results[satisfied-with-council].counts.fairly_satisfied',
        /no count for "Fairly satisfied"/,
      ],
      [{ results: [result('trust-council', [1, 2, 3, 4, 5, 6])] }, 'results[trust-council].questionCode', /not placed in survey \d+'s questionnaire/],
    ];
    for (const [body, field, message] of cases) {
      const problem = await refused(enterResults(store.sql, as(officer), survey.id, body));
      assert.equal(problem.status, 400);
      assert.equal(problem.fields[0], field);
      assert.match(problem.message, message);
    }
    assert.equal((await readSurvey(store.sql, as(officer), survey.id)).verdict, null, 'nothing was kept');
  });

  it('enters results from a file, and names the file and line of a problem in it', async () => {
    const survey = await fresh({ weighting: { kind: 'none' } });
    const lines = [
      'question,option,count',
      ...['very_satisfied', 'fairly_satisfied', 'neither', 'fairly_dissatisfied', 'very_dissatisfied', 'dont_know'].map((o, i) => `satisfied-with-council,${o},${[200, 300, 100, 100, 50, 50][i]}`),
    ];
    const entered = await enterResultsFile(store.sql, as(officer), survey.id, { fileName: 'council.csv', input: textStream(lines.join('\n')), confirmed: false });
    assert.equal(entered.results[0]?.base, 800);
    const bad = await refused(enterResultsFile(store.sql, as(officer), survey.id, { fileName: 'bad.csv', input: textStream(lines.slice(0, 3).join('\n')), confirmed: false }));
    assert.match(bad.message, /^bad\.csv: no results entered: bad\.csv:2: Question 'satisfied-with-council' has no count for "Neither/);
    const unread = await refused(enterResultsFile(store.sql, as(officer), survey.id, { fileName: 'bad.csv', input: textStream('question,option,count\nx,y,z'), confirmed: false }));
    assert.match(unread.message, /bad\.csv:2: column 'count': 'z' is not a count/);
  });

  it('changes a survey from its latest reading only, and judges its results again', async () => {
    const survey = await fresh();
    await enterResults(store.sql, as(officer), survey.id, RESULTS);
    const record: Partial<typeof SURVEY> = { ...SURVEY };
    delete record.council;
    const changed = await changeSurvey(store.sql, as(officer), survey.id, {
      ...record,
      fieldworkStart: survey.fieldworkStart,
      fieldworkEnd: survey.fieldworkEnd,
      sampling: 'quota',
      revision: survey.revision + 1,
    });
    assert.equal(changed.verdict?.overall, 'not_comparable', 'a quota sample is judged again');
    const held = (await currentHeldValues(store.sql, DURHAM)).filter((v) => v.period === survey.period);
    assert.ok(held.length > 0 && held.every((v) => v.value === null && /^Not comparable/.test(v.note ?? '')), 'the values held before are left blank, with why');
    const stale = await refused(changeSurvey(store.sql, as(officer), survey.id, { ...record, fieldworkStart: survey.fieldworkStart, fieldworkEnd: survey.fieldworkEnd, revision: 1 }));
    assert.equal(stale.status, 409);
    assert.match(stale.message, /^'revision': survey \d+ was changed/);
  });

  it("refuses another council's officer, the public's reader and an adviser, without confirming the survey exists", async () => {
    const survey = await fresh();
    for (const person of [other, adviser]) {
      const read = await refused(readSurvey(store.sql, as(person), survey.id));
      assert.deepEqual([read.status, read.message], [404, `there is no survey ${survey.id} that you may see`]);
      assert.equal((await refused(enterResults(store.sql, as(person), survey.id, RESULTS))).status, 404);
    }
    assert.deepEqual((await refused(readSurvey(store.sql, as(officer), 999_999))).message, 'there is no survey 999999 that you may see', 'a guessed id is answered as another council’s is');
    assert.equal((await surveysOf(store.sql, as(other), DURHAM)).length, 0);
    const elsewhere = await refused(addSurvey(store.sql, as(officer), { ...SURVEY, council: HARTLEPOOL }));
    assert.deepEqual([elsewhere.status, elsewhere.message], [403, `'council': you record surveys of your own council (${DURHAM}), not of ${HARTLEPOOL}`]);
  });

  it('lets administrators add a question set at a new version, with its metrics, and no one else', async () => {
    const [lga] = await listQuestionSets(store.sql);
    const next = { ...lga!, version: 2, title: `${lga!.title}, revised` };
    const added = await addQuestionSet(store.sql, as(admin), next);
    assert.equal(added.version, 2);
    const again = await refused(addQuestionSet(store.sql, as(admin), next));
    assert.deepEqual([again.status, again.message], [409, `'version': the set 'lga-resident-satisfaction' is kept at version 2 already ('${next.title}')`]);
    const reworded = { ...next, questions: next.questions.map((q, i) => (i === 0 ? { ...q, wording: `${q.wording} (reworded)` } : q)) };
    const changed = await refused(addQuestionSet(store.sql, as(admin), reworded));
    assert.deepEqual([changed.status, changed.message], [409, "'version': Version 2 of lga-resident-satisfaction is already held with other questions or wording: give the changed set version 3"]);
    assert.equal((await refused(addQuestionSet(store.sql, as(officer), { ...next, version: 3 }))).status, 403);
    const bad = await refused(addQuestionSet(store.sql, as(admin), { ...next, version: 3, questions: [{ ...next.questions[0]!, answerOptions: [] }] }));
    assert.equal(bad.fields[0], 'questions[satisfied-with-local-area].answerOptions');
  });
});
