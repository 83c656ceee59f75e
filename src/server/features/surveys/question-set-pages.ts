// Question sets as pages: every set at its latest version, for anyone, and
// for administrators a form that takes a set as JSON (the shape the API
// takes and data/surveys keeps), refused in the error summary with each
// problem naming its question and field, and the text kept.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { errorsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { addQuestionSet, listQuestionSets, QUESTION_SET_RECORD } from './question-sets.ts';
import { formProblems } from './survey-form.ts';

export function questionSetPages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/question-sets', reads('question_set'), async (_req, res) => {
    renderPage(res, 'surveys/question-sets.njk', { sets: await listQuestionSets(sql), mayAdd: accessOf(res).may('change', QUESTION_SET_RECORD) });
  });

  router.get('/question-sets/new', changes('question_set'), (_req, res) => {
    setForm(res, '', []);
  });

  router.post('/question-sets/new', changes('question_set'), async (req, res) => {
    const text = String((bodyOf(req) as { set?: unknown }).set ?? '');
    let given: unknown;
    try {
      given = JSON.parse(text);
    } catch (error) {
      return setForm(res, text, [{ field: 'set', message: `The set is not JSON Lantern can read: ${(error as Error).message}` }], 400);
    }
    try {
      await addQuestionSet(sql, accessOf(res), given);
      res.redirect(303, '/question-sets');
    } catch (error) {
      setForm(
        res,
        text,
        formProblems(error, () => 'set'),
        400,
      );
    }
  });

  function setForm(res: express.Response, text: string, problems: readonly FieldProblem[], status = 200) {
    renderPage(res, 'surveys/question-set-form.njk', { text, problems, errors: errorsOf(problems) }, status);
  }

  return router;
}
