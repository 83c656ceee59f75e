// A case's support package as pages, working without script: the package
// (objectives, providers, milestones, each metric's progress in clear
// words), agreeing and changing it in a form of a few rows each, and a
// milestone marked met from the package's page. Each form calls the same
// use-case as the API; a refusal comes back as the form again with every
// value kept and each problem beside its own box.
import express from 'express';
import { PROVIDER_KINDS } from '../../../domain/support/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import type { SupportPackage } from '../../../store/support-packages.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { errorsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { metricLines, type MetricLine } from './package-progress.ts';
import { agreePackage, changePackage, findCase, meetMilestone, readPackage } from './packages.ts';
import { formProblems, type Form } from './support-forms.ts';

const PROVIDER_ROWS = 3;
const NEW_MILESTONE_ROWS = 3;
const METRIC_ROWS = 3;
const TAGS = { moved: 'govuk-tag--green', moved_wrong_way: 'govuk-tag--red', unmoved: 'govuk-tag--orange', not_yet_due: 'govuk-tag--grey' } as const;

export function packagePages(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/cases/:id/package/new', changes('support_package'), async (req, res) => {
    const held = await findCase(sql, accessOf(res), req.params.id, 'change');
    renderForm(res, held, 'new', { agreedOn: today() }, []);
  });

  router.post('/cases/:id/package/new', changes('support_package'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const held = await findCase(sql, accessOf(res), req.params.id, 'change');
    try {
      await agreePackage(sql, accessOf(res), held.caseId, bodyFromForm(form));
      res.redirect(303, `/cases/${held.caseId}/package`);
    } catch (error) {
      renderForm(res, held, 'new', form, formProblems(error), error instanceof HttpError && error.status === 409 ? 409 : 400);
    }
  });

  router.get('/cases/:id/package/edit', changes('support_package'), async (req, res) => {
    const read = await readPackage(sql, accessOf(res), req.params.id);
    if (!read.package || !read.mayChange) return void res.redirect(303, `/cases/${read.held.caseId}/package`);
    renderForm(res, read.held, 'edit', formOf(read.package), []);
  });

  router.post('/cases/:id/package/edit', changes('support_package'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const held = await findCase(sql, accessOf(res), req.params.id, 'change');
    try {
      await changePackage(sql, accessOf(res), held.caseId, { ...bodyFromForm(form), revision: form.revision, status: form.status || undefined });
      res.redirect(303, `/cases/${held.caseId}/package`);
    } catch (error) {
      renderForm(res, held, 'edit', form, formProblems(error), error instanceof HttpError && error.status === 409 ? 409 : 400);
    }
  });

  router.post('/cases/:id/package/milestones/:milestoneId', changes('support_package'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const caseId = pathId(req.params.id, 'case');
    try {
      await meetMilestone(sql, accessOf(res), caseId, req.params.milestoneId, { revision: form.revision, metOn: today() });
      res.redirect(303, `/cases/${caseId}/package#milestones`);
    } catch (error) {
      await showPackage(
        res,
        caseId,
        formProblems(error).map((p) => ({ ...p, field: 'milestones' })),
        error instanceof HttpError && error.status === 409 ? 409 : 400,
      );
    }
  });

  router.get('/cases/:id/package', reads('support_package'), async (req, res) => {
    await showPackage(res, req.params.id, []);
  });

  async function showPackage(res: express.Response, idText: unknown, problems: readonly FieldProblem[], status = 200) {
    const read = await readPackage(sql, accessOf(res), idText);
    const pkg = read.package;
    const now = today();
    renderPage(
      res,
      'support/package.njk',
      {
        held: read.held,
        pkg,
        providers: pkg?.providers.map((p) => `${p.name} (${p.kind.replace('_', ' ')})`).join('; ') || 'None named',
        milestones: pkg?.milestones.map((m) => ({ ...m, overdue: m.metOn === null && m.dueOn < now })) ?? [],
        metrics: pkg ? metricLines(engine.index, read.held.areaCode, pkg).map(drawn) : [],
        decisions: read.decisions,
        mayChange: read.mayChange,
        problems,
        errors: errorsOf(problems),
      },
      status,
    );
  }

  function renderForm(res: express.Response, held: { caseId: number; areaName: string }, mode: 'new' | 'edit', form: Form, problems: readonly FieldProblem[], status = 200) {
    const rows = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => i + 1).map((n) => ({ n, value: (name: string) => form[`${prefix}-${n}-${name}`] }));
    const existing = Object.keys(form).filter((k) => /^milestone-\d+-id$/.test(k)).length;
    renderPage(
      res,
      'support/package-form.njk',
      {
        held,
        action: `/cases/${held.caseId}/package/${mode}`,
        heading: mode === 'new' ? 'Agree a support package' : 'Change the support package',
        form,
        providers: rows('provider', PROVIDER_ROWS).map((r) => ({
          n: r.n,
          name: r.value('name'),
          kinds: [{ value: '', text: 'Choose a kind' }, ...PROVIDER_KINDS.map((k) => ({ value: k, text: k.replace('_', ' '), selected: r.value('kind') === k }))],
        })),
        milestones: rows('milestone', existing + NEW_MILESTONE_ROWS).map((r) => ({ n: r.n, id: r.value('id'), title: r.value('title'), owner: r.value('owner'), dueOn: r.value('dueOn') })),
        metrics: rows('metric', METRIC_ROWS).map((r) => ({
          n: r.n,
          metric: r.value('metric'),
          baselinePeriod: r.value('baselinePeriod'),
          baselineValue: r.value('baselineValue'),
          byPeriod: r.value('byPeriod'),
          directions: [
            { value: 'up', text: 'Up', selected: r.value('direction') !== 'down' },
            { value: 'down', text: 'Down', selected: r.value('direction') === 'down' },
          ],
        })),
        problems,
        errors: errorsOf(problems),
      },
      status,
    );
  }

  return router;
}

/** A metric's progress as the page shows it: a tag in the verdict's colour, and whether the move was tested for significance, in words. */
function drawn(line: MetricLine) {
  const tested =
    line.significance === 'not_compared'
      ? 'Not tested: the figure has no confidence interval'
      : line.significance === 'similar'
        ? 'Not significantly different from the baseline (95% interval)'
        : `Significantly ${line.significance} than the baseline (95% interval)`;
  return { ...line, tagClass: TAGS[line.verdict], tested };
}

/** The package as the edit form shows it: every row filled from what is kept. */
function formOf(pkg: SupportPackage): Form {
  const form: Form = { revision: String(pkg.revision), agreedOn: pkg.agreedOn, objectives: pkg.objectives.join('\n'), status: pkg.status };
  pkg.providers.forEach((p, i) => Object.assign(form, { [`provider-${i + 1}-name`]: p.name, [`provider-${i + 1}-kind`]: p.kind }));
  pkg.milestones.forEach((m, i) =>
    Object.assign(form, { [`milestone-${i + 1}-id`]: String(m.id), [`milestone-${i + 1}-title`]: m.title, [`milestone-${i + 1}-owner`]: m.ownerName, [`milestone-${i + 1}-dueOn`]: m.dueOn }),
  );
  pkg.metrics.forEach((m, i) =>
    Object.assign(form, {
      [`metric-${i + 1}-metric`]: m.metricCode,
      [`metric-${i + 1}-baselinePeriod`]: m.baselinePeriod,
      [`metric-${i + 1}-baselineValue`]: String(m.baselineValue),
      [`metric-${i + 1}-direction`]: m.direction,
      [`metric-${i + 1}-byPeriod`]: m.byPeriod,
    }),
  );
  return form;
}

/** The form's rows as the API's body: rows left empty are not given; a row begun is given whole, so that what it lacks is named. */
export function bodyFromForm(form: Form): Record<string, unknown> {
  const text = (name: string) => form[name]?.trim() ?? '';
  const rows = (prefix: string, names: readonly string[]) => {
    const found: Record<string, string>[] = [];
    for (let n = 1; n <= 60; n++) {
      const row = Object.fromEntries(names.map((name) => [name, text(`${prefix}-${n}-${name}`)]));
      if (names.some((name) => name !== 'direction' && name !== 'kind' && row[name] !== '')) found.push(row);
    }
    return found;
  };
  return {
    agreedOn: text('agreedOn'),
    objectives: text('objectives')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    providers: rows('provider', ['name', 'kind']),
    milestones: rows('milestone', ['id', 'title', 'owner', 'dueOn']).map(({ id, ...m }) => (id ? { id, ...m } : m)),
    metrics: rows('metric', ['metric', 'baselinePeriod', 'baselineValue', 'direction', 'byPeriod']),
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
