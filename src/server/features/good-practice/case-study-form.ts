// The case study's form: what it shows (a stored case study, or what was
// typed, kept whole when refused), and the body it sends to the use-case.
// The form names metric rows' fields `metric-0`, `from-0`, `to-0`; the
// use-case names them `metrics[0].metric`, and a refusal is shown beside the
// form's own field.
import { CASE_STUDY_SOURCES, CASE_STUDY_SOURCE_LABELS } from '../../../domain/good-practice/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import type { CaseStudy } from '../../../store/case-studies.ts';
import { capitalise, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';

export type Form = Record<string, string | undefined>;

/** Rows of metrics the form offers; more are added one save at a time. */
const METRIC_ROWS = 3;

export function formOf(study: CaseStudy): Form {
  const form: Form = {
    title: study.title,
    summary: study.summary,
    body: study.body,
    councils: study.councils.join('\n'),
    themes: study.themes.join(', '),
    source: study.source,
    sourceNote: study.sourceNote ?? '',
    illustrative: study.illustrative ? 'yes' : undefined,
    revision: String(study.revision),
  };
  study.metrics.forEach((m, i) => Object.assign(form, { [`metric-${i}`]: m.metric, [`from-${i}`]: m.from, [`to-${i}`]: m.to }));
  return form;
}

/** The body of the use-case from what was typed: empty metric rows are left out. */
export function bodyFromForm(form: Form): Record<string, unknown> {
  const rows = Object.keys(form)
    .map((k) => /^metric-(\d+)$/.exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  return {
    title: form.title ?? '',
    summary: form.summary ?? '',
    body: form.body ?? '',
    councils: (form.councils ?? '')
      .split(/[\s,]+/)
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    themes: (form.themes ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== ''),
    metrics: rows.map((n) => ({ metric: form[`metric-${n}`] ?? '', from: form[`from-${n}`] ?? '', to: form[`to-${n}`] ?? '' })).filter((m) => m.metric !== '' || m.from !== '' || m.to !== ''),
    source: form.source ?? '',
    sourceNote: form.sourceNote?.trim() ? form.sourceNote : null,
    illustrative: form.illustrative === 'yes',
    ...(form.revision !== undefined ? { revision: form.revision } : {}),
  };
}

/**
 * A refusal as the form's problems, each beside its own field. The metric
 * rows sent are the non-empty ones, so `metrics[1]` is the second non-empty
 * row typed: `rowOf` maps it back.
 */
export function formProblems(error: unknown, form: Form): FieldProblem[] {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const listed = (error.details as { problems?: FieldProblem[] } | undefined)?.problems;
  const given = listed ?? [{ field: /^'([\w.[\]-]+)'/.exec(error.message)?.[1] ?? '', message: error.message }];
  const rows = filledRows(form);
  return given.map((p) => {
    const row = /^metrics\[(\d+)\]\.(metric|from|to)$/.exec(p.field);
    const field = row ? `${row[2]}-${rows[Number(row[1])] ?? 0}` : p.field === 'metrics' ? 'metric-0' : p.field;
    return { field, message: capitalise(p.message.replace(/^'metrics\[(\d+)\]\.(\w+)'/, (_m, n: string, part: string) => `Metric ${Number(n) + 1}, ${part}`).replace(/^'(\w+)'/, '$1')) };
  });
}

function filledRows(form: Form): number[] {
  const rows: number[] = [];
  for (let n = 0; n < 50; n++) if ((form[`metric-${n}`] ?? '') !== '' || (form[`from-${n}`] ?? '') !== '' || (form[`to-${n}`] ?? '') !== '') rows.push(n);
  return rows;
}

/** What the template shows: the typed values, the metric rows (one empty beyond those filled), the sources and metrics to choose from. */
export function formView(index: BenchmarkIndex, form: Form) {
  const filled = filledRows(form);
  const count = Math.max(METRIC_ROWS, (filled.at(-1) ?? -1) + 2);
  const metrics = index.metricsByTitle().map((s) => ({ value: s.metric.code, text: s.metric.title }));
  return {
    form,
    sources: CASE_STUDY_SOURCES.map((s) => ({ value: s, text: CASE_STUDY_SOURCE_LABELS[s], checked: form.source === s })),
    rows: Array.from({ length: count }, (_, n) => ({
      n,
      metrics: [{ value: '', text: 'Choose a metric' }, ...metrics.map((m) => ({ ...m, selected: m.value === form[`metric-${n}`] }))],
      from: form[`from-${n}`] ?? '',
      to: form[`to-${n}`] ?? '',
    })),
  };
}
