// Surveys as pages, GOV.UK forms that work without script: a council's
// surveys; recording one and changing it; entering its results by form or
// file; and the survey itself, with the comparability verdict condition by
// condition and what to correct, each question's percentage positive and its
// interval beside the national poll, comparable councils and the council's
// other waves. Each page calls the same use-cases as the API; a refusal
// shows the form again with its problems in the error summary and every
// typed value kept.
import { Readable } from 'node:stream';
import express from 'express';
import { describeDay, type QuestionSet } from '../../../domain/surveys/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { currentResults, type Survey } from '../../../store/surveys.ts';
import { surveyPage } from '../../../web/views/survey-page.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { errorsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { checkedQuery } from '../../platform/http/input-schema.ts';
import { isPageFile } from '../../platform/http/page-upload.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { councilPageQuery } from './api-inputs.ts';
import { findQuestionSet, listQuestionSets } from './question-sets.ts';
import { enterResults, enterResultsFile } from './results.ts';
import { formOfResults, placedQuestions, resultField, resultsFromForm } from './results-form.ts';
import { setsOf } from './survey-checks.ts';
import { formOf, formProblems, surveyField, surveyFormView, surveyFromForm, type Form } from './survey-form.ts';
import { surveyJson } from './survey-view.ts';
import { addSurvey, changeSurvey, findSurvey, guardOf, surveysOf } from './surveys.ts';

/** The set a new survey's form asks about: the LGA's, unless another is named. */
const STANDARD_SET = 'lga-resident-satisfaction';

export function surveysPages(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/surveys', reads('survey'), async (req, res) => {
    const access = accessOf(res);
    const viewer = access.viewer;
    const council = checkedQuery(councilPageQuery, req.query).council ?? (viewer.kind === 'user' ? viewer.councilArea : null) ?? 'E92000001';
    const surveys = await surveysOf(sql, access, council);
    const mayRecord = viewer.kind === 'user' && viewer.councilArea === council && access.may('change', guardOf({ council, organisationId: viewer.organisationId }));
    renderPage(res, 'surveys/list.njk', { council, councilName: engine.index.area(council)?.name ?? council, surveys: surveys.map(listed), mayRecord });
  });

  router.get('/surveys/new', changes('survey'), async (_req, res) => {
    await surveyForm(res, undefined, {}, []);
  });

  router.post('/surveys/new', changes('survey'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const set = await setOf(form.set);
    const { body, problems } = surveyFromForm(form, set);
    const viewer = accessOf(res).viewer;
    if (problems.length > 0) return surveyForm(res, undefined, form, problems, 400);
    try {
      const survey = await addSurvey(sql, accessOf(res), { ...body, council: viewer.kind === 'user' ? (viewer.councilArea ?? '') : '' });
      res.redirect(303, `/surveys/${survey.id}`);
    } catch (error) {
      await surveyForm(res, undefined, form, formProblems(error, surveyField), 400);
    }
  });

  router.get('/surveys/:id', reads('survey'), async (req, res) => {
    const access = accessOf(res);
    const survey = await findSurvey(sql, access, req.params.id, 'read');
    const view = await surveyJson(sql, engine, survey, access);
    renderPage(res, 'surveys/survey.njk', { survey: surveyPage(view, engine.index.area(survey.council)?.name ?? survey.council), mayChange: access.may('change', guardOf(survey)) });
  });

  router.get('/surveys/:id/edit', changes('survey'), async (req, res) => {
    const survey = await findSurvey(sql, accessOf(res), req.params.id, 'change');
    const set = await setOf(survey.placements[0]?.setCode);
    await surveyForm(res, survey, formOf(survey, set), []);
  });

  router.post('/surveys/:id/edit', changes('survey'), async (req, res) => {
    const survey = await findSurvey(sql, accessOf(res), req.params.id, 'change');
    const form = bodyOf(req) as Form;
    const set = await setOf(form.set);
    const { body, problems } = surveyFromForm(form, set);
    if (problems.length > 0) return surveyForm(res, survey, form, problems, 400);
    try {
      await changeSurvey(sql, accessOf(res), survey.id, body);
      res.redirect(303, `/surveys/${survey.id}`);
    } catch (error) {
      await surveyForm(res, survey, form, formProblems(error, surveyField), error instanceof Error && 'status' in error && error.status === 409 ? 409 : 400);
    }
  });

  router.get('/surveys/:id/results/edit', changes('survey'), async (req, res) => {
    const survey = await findSurvey(sql, accessOf(res), req.params.id, 'change');
    await resultsForm(res, survey, formOfResults(await currentResults(sql, survey.id), survey.resultsConfirmed), []);
  });

  router.post('/surveys/:id/results', changes('survey'), async (req, res) => {
    const survey = await findSurvey(sql, accessOf(res), req.params.id, 'change');
    const form = bodyOf(req) as Form;
    const sets = await setsOf(sql, survey.placements);
    const { body, problems } = resultsFromForm(form, survey, sets);
    if (problems.length > 0) return resultsForm(res, survey, form, problems, 400);
    try {
      await enterResults(sql, accessOf(res), survey.id, body);
      res.redirect(303, `/surveys/${survey.id}`);
    } catch (error) {
      await resultsForm(
        res,
        survey,
        form,
        formProblems(error, (field) => resultField(field, survey, sets)),
        400,
      );
    }
  });

  // A file of results (CSV or spreadsheet), chosen on the results page; each refused line named by its line and column.
  router.post('/surveys/:id/results/file', changes('survey'), async (req, res) => {
    const survey = await findSurvey(sql, accessOf(res), req.params.id, 'change');
    const form = bodyOf(req);
    const file = form.file;
    const confirmed = form.confirmed === 'yes';
    if (!isPageFile(file) || file.content.length === 0) return resultsForm(res, survey, {}, [{ field: 'results-file', message: 'Choose a file of results (CSV, XLSX or ODS) to upload' }], 400);
    try {
      await enterResultsFile(sql, accessOf(res), survey.id, { fileName: file.fileName, input: Readable.from([file.content]), confirmed });
      res.redirect(303, `/surveys/${survey.id}`);
    } catch (error) {
      await resultsForm(
        res,
        survey,
        {},
        formProblems(error, () => 'results-file'),
        400,
      );
    }
  });

  async function setOf(code: string | undefined): Promise<QuestionSet> {
    const [wanted, version] = (code ?? STANDARD_SET).split('@');
    const sets = await listQuestionSets(sql);
    const found = (version ? await findQuestionSet(sql, wanted!, Number(version)) : undefined) ?? sets.find((s) => s.code === wanted) ?? sets.find((s) => s.code === STANDARD_SET) ?? sets[0];
    if (!found) throw new Error('no question set is kept: data/surveys holds none');
    return found;
  }

  async function surveyForm(res: express.Response, survey: Survey | undefined, form: Form, problems: readonly FieldProblem[], status = 200) {
    const set = await setOf(form.set ?? survey?.placements[0]?.setCode);
    const setKey = `${set.code}@${set.version}`;
    renderPage(res, 'surveys/survey-form.njk', { survey, form, set, setKey, ...surveyFormView(form, set), problems, errors: errorsOf(problems) }, status);
  }

  async function resultsForm(res: express.Response, survey: Survey, form: Form, problems: readonly FieldProblem[], status = 200) {
    const sets = await setsOf(sql, survey.placements);
    const weighted = survey.weighting.kind === 'weighted';
    const questions = placedQuestions(survey, sets).map((q) => ({
      ...q,
      options: q.answerOptions.map((o) => ({ ...o, countBox: `count-${q.code}-${o.code}`, pctBox: `pct-${q.code}-${o.code}` })),
    }));
    renderPage(res, 'surveys/results-form.njk', { survey, questions, weighted, form, problems, errors: errorsOf(problems) }, status);
  }

  return router;
}

function listed(survey: Survey) {
  return { ...survey, fieldworkEnded: describeDay(survey.fieldworkEnd), comparability: survey.verdict?.overall ?? null };
}
