// The good-practice library as pages, GOV.UK forms that work without script:
// the library with its search box, filters and pages of results; a case
// study; writing one and changing it while it is the writer's; submitting
// it; and moderation, where a peer challenge manager publishes it or returns
// it with a reason. Each page calls the same use-cases as the API; a refusal
// shows the form again with its problems and everything typed kept.
import express, { type Response } from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { findAreas } from '../../../web/views/search.ts';
import type { CaseStudy } from '../../../store/case-studies.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { errorsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { checkedQuery } from '../../platform/http/input-schema.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { libraryQuery } from './api-inputs.ts';
import { changeCaseStudy, findCaseStudy, publishCaseStudy, returnCaseStudy, searchLibrary, submitCaseStudy, writeCaseStudy } from './case-studies.ts';
import { bodyFromForm, formOf, formProblems, formView, type Form } from './case-study-form.ts';
import { caseStudyRecord, moderates } from './case-study-guard.ts';
import { caseStudyView, libraryAddress, libraryView } from './library-view.ts';
import { isEditable } from '../../../domain/good-practice/index.ts';

export function goodPracticePages(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/good-practice', reads('case_study'), async (req, res) => {
    const raw = { ...req.query } as Record<string, unknown>;
    // A council may be named rather than coded: the one council that matches is looked for.
    if (typeof raw.council === 'string' && raw.council.trim() !== '' && !/^E\d{8}$/i.test(raw.council.trim())) {
      const named = findAreas(engine.index, raw.council)[0];
      if (named) return res.redirect(303, libraryAddress(checkedQuery(libraryQuery, { ...raw, council: named.code })));
    }
    const query = checkedQuery(libraryQuery, raw);
    const access = accessOf(res);
    const library = await searchLibrary(sql, access, query);
    const viewer = access.viewer;
    renderPage(res, 'good-practice/library.njk', {
      library: libraryView(engine.index, query, library),
      mayWrite: viewer.kind === 'user' && access.may('change', caseStudyRecord({ state: 'draft', authorId: viewer.userId, organisationId: viewer.organisationId })),
      moderator: moderates((action, record) => access.may(action, record)),
      moderationAddress: libraryAddress({ ...query, state: 'submitted', page: 1 }),
      mineAddress: libraryAddress({ ...query, mine: true, page: 1 }),
    });
  });

  router.get('/good-practice/new', changes('case_study'), (_req, res) => {
    const viewer = accessOf(res).viewer;
    form(res, undefined, { councils: viewer.kind === 'user' ? (viewer.councilArea ?? '') : '', source: 'council' }, []);
  });

  router.post('/good-practice/new', changes('case_study'), async (req, res) => {
    const typed = bodyOf(req) as Form;
    try {
      const study = await writeCaseStudy(sql, accessOf(res), bodyFromForm(typed));
      res.redirect(303, `/good-practice/${study.id}`);
    } catch (error) {
      form(res, undefined, typed, formProblems(error, typed), 400);
    }
  });

  router.get('/good-practice/:id', reads('case_study'), async (req, res) => {
    const access = accessOf(res);
    const study = await findCaseStudy(sql, access, req.params.id, 'read');
    const mayChange = access.may('change', caseStudyRecord(study));
    renderPage(res, 'good-practice/case-study.njk', {
      study: caseStudyView(engine.index, study),
      mayChange: mayChange && isEditable(study.state),
      moderate: mayChange && study.state === 'submitted' && moderates((action, record) => access.may(action, record)),
    });
  });

  router.get('/good-practice/:id/edit', changes('case_study'), async (req, res) => {
    const study = await findCaseStudy(sql, accessOf(res), req.params.id, 'change');
    form(res, study, formOf(study), []);
  });

  router.post('/good-practice/:id/edit', changes('case_study'), async (req, res) => {
    const study = await findCaseStudy(sql, accessOf(res), req.params.id, 'change');
    const typed = bodyOf(req) as Form;
    try {
      await changeCaseStudy(sql, accessOf(res), study.id, bodyFromForm(typed));
      res.redirect(303, `/good-practice/${study.id}`);
    } catch (error) {
      const problems = formProblems(error, typed);
      form(res, study, typed, problems, (error as { status?: number }).status === 409 ? 409 : 400);
    }
  });

  router.post('/good-practice/:id/submit', changes('case_study'), async (req, res) => {
    const study = await submitCaseStudy(sql, accessOf(res), req.params.id);
    res.redirect(303, `/good-practice/${study.id}`);
  });

  router.get('/good-practice/:id/moderation/edit', changes('case_study'), async (req, res) => {
    const access = accessOf(res);
    const study = await findCaseStudy(sql, access, req.params.id, 'change');
    if (!moderates((action, record) => access.may(action, record))) throw new HttpError(403, 'forbidden', "only the library's moderators (peer challenge managers) moderate case studies");
    moderation(res, study, {}, []);
  });

  router.post('/good-practice/:id/publish', changes('case_study'), async (req, res) => {
    const study = await publishCaseStudy(sql, accessOf(res), req.params.id);
    res.redirect(303, `/good-practice/${study.id}`);
  });

  router.post('/good-practice/:id/return', changes('case_study'), async (req, res) => {
    const typed = bodyOf(req) as Form;
    try {
      const study = await returnCaseStudy(sql, accessOf(res), req.params.id, { reason: typed.reason ?? '' });
      res.redirect(303, `/good-practice/${study.id}`);
    } catch (error) {
      const problems = formProblems(error, typed);
      const study = await findCaseStudy(sql, accessOf(res), req.params.id, 'change');
      moderation(res, study, typed, problems, (error as { status?: number }).status === 409 ? 409 : 400);
    }
  });

  return router;

  function form(res: Response, study: CaseStudy | undefined, typed: Form, problems: FieldProblem[], status = 200): void {
    renderPage(
      res,
      'good-practice/case-study-form.njk',
      { study: study ? { id: study.id, title: study.title } : null, ...formView(engine.index, typed), problems, errors: errorsOf(problems) },
      status,
    );
  }

  function moderation(res: Response, study: CaseStudy, typed: Form, problems: FieldProblem[], status = 200): void {
    renderPage(res, 'good-practice/moderation.njk', { study: caseStudyView(engine.index, study), form: typed, problems, errors: errorsOf(problems) }, status);
  }
}
