// The report builder's form and the headline report's: what a posted form
// holds, the definition it makes, and the form shown again with its
// problems. The builder is a plain form: a fixed set of fields, then the
// sections, numbered, each with its title, chart, metrics and notes; one
// more choice of chart makes a section of the councils' targets instead.
import type { Response } from 'express';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { compareThemes, OTHER_THEME, themeOf, themeTitle } from '../../../domain/metric/index.ts';
import { CHART_KINDS, checkReportDefinition, sectionKind, type ReportDefinition } from '../../../domain/report/report-definition.ts';
import { councilNames, placeNamed } from '../../../web/views/named-choices.ts';
import { GROUP_CHOICES } from '../../../web/views/words.ts';
import { invalidInput, type FieldProblem } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';

const CHART_TEXT = { bar: 'Bar chart of every area', map: 'Map of England', trend: 'Trend lines', table: 'Table', spine: 'Spine charts' } as const;
/** The choice that makes a section of targets rather than figures: the councils' signed-off targets, on the ticked metrics or all. */
const TARGETS_CHOICE = { value: 'targets', text: 'Targets agreed for these councils, rated (signed-off agreements; tick metrics to narrow)' } as const;

interface SectionForm {
  title: string;
  chart: string;
  metrics: string[];
  notes: string;
}
interface ReportForm {
  title: string;
  areas: string;
  group: string;
  notes: string;
  sections: SectionForm[];
  add: boolean;
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

export function list(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
}

export function emptyForm(index: BenchmarkIndex, council: string | null): ReportForm {
  return { title: '', areas: council ? areaNames(index, [council]) : '', group: 'neighbours', notes: '', sections: [], add: false };
}

/** Councils as the form shows them: by name, separated by commas. */
function areaNames(index: BenchmarkIndex, codes: readonly string[]): string {
  return codes.map((code) => index.area(code)?.name ?? code).join(', ');
}

/**
 * The councils a form names, by name or code, separated by commas, as
 * codes; a name not found is refused, naming the field, rather than guessed.
 */
function areasNamed(index: BenchmarkIndex, text: string): { codes: string[]; problems: FieldProblem[] } {
  const given = text
    .split(/[,;\n]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    // Codes were once written with spaces between them: each is still read.
    .flatMap((t) => (t.split(/\s+/).every((c) => index.area(c.toUpperCase())) ? t.split(/\s+/) : [t]));
  const problems: FieldProblem[] = [];
  const codes = given.map((t) => {
    const byCode = index.area(t.toUpperCase());
    if (byCode) return byCode.code;
    const named = placeNamed(index, t, 'Councils');
    if (named.kind === 'found') return named.code;
    problems.push({ field: 'areas', message: named.message });
    return '';
  });
  return { codes: codes.filter((c) => c !== ''), problems };
}

/** The form as posted: fixed fields, then `sections` numbered sections of fields (section_title_0, section_metrics_0 …). */
export function formOf(body: Record<string, unknown>): ReportForm {
  const count = Math.min(Math.max(Number(text(body.sections)) || 0, 0), 40);
  return {
    title: text(body.title),
    areas: text(body.areas),
    group: text(body.group),
    notes: text(body.notes),
    add: text(body.do) === 'add',
    sections: Array.from({ length: count }, (_, i) => ({
      title: text(body[`section_title_${i}`]),
      chart: text(body[`section_chart_${i}`]),
      metrics: list(body[`section_metrics_${i}`]),
      notes: text(body[`section_notes_${i}`]),
    })).filter((s, i) => i === 0 || s.title.trim() !== '' || s.metrics.length > 0),
  };
}

export function formFromDefinition(index: BenchmarkIndex, definition: ReportDefinition): ReportForm {
  return {
    title: definition.title,
    areas: areaNames(index, definition.areas),
    group: definition.group,
    notes: definition.notes,
    add: false,
    sections: definition.sections.map((s) => ({ title: s.title, chart: sectionKind(s) === 'targets' ? TARGETS_CHOICE.value : s.chart, metrics: [...s.metrics], notes: s.notes })),
  };
}

/** The definition the form gives, its councils named turned into codes, for the use-case to check. */
export function definitionOf(index: BenchmarkIndex, form: ReportForm) {
  const areas = areasNamed(index, form.areas);
  const definition = definitionWith(form, areas.codes);
  if (areas.problems.length === 0) return definition;
  // A council not found is the page's problem; the form's others are shown with it, in the order of the fields.
  const checked = checkReportDefinition(
    definition,
    (c) => index.metric(c) !== undefined,
    (c) => index.area(c) !== undefined,
  );
  const others = checked.kind === 'invalid' ? checked.problems.filter((p) => p.field !== 'areas') : [];
  throw invalidInput([...others.filter((p) => p.field === 'title'), ...areas.problems, ...others.filter((p) => p.field !== 'title')]);
}

function definitionWith(form: ReportForm, areas: readonly string[]) {
  return {
    title: form.title,
    areas,
    group: form.group,
    notes: form.notes,
    sections: form.sections.map((s) =>
      s.chart === TARGETS_CHOICE.value ? { title: s.title, kind: 'targets', metrics: s.metrics, notes: s.notes } : { title: s.title, chart: s.chart || undefined, metrics: s.metrics, notes: s.notes },
    ),
  };
}

function themesOf(index: BenchmarkIndex, checked: readonly string[]) {
  const themes = new Map<string, { code: string; title: string; checked: boolean }[]>();
  for (const series of index.metricsByTitle()) {
    const theme = themeOf(series.metric);
    themes.set(theme, [...(themes.get(theme) ?? []), { code: series.metric.code, title: series.metric.title, checked: checked.includes(series.metric.code) }]);
  }
  return [...themes].sort(([a], [b]) => compareThemes(a, b)).map(([name, metrics]) => ({ name: themeTitle(name), metrics }));
}

/**
 * The label a field has on the builder's page or the headline report's, by
 * the name the definition gives it (`sections[2].metrics`), so that a
 * problem names the field as the reader sees it.
 */
function labelOf(field: string): string | undefined {
  const section = /^sections\[(\d+)\]\.(\w+)$/.exec(field);
  if (section) {
    const number = Number(section[1]) + 1;
    const part = { title: 'title', chart: 'how the figures are shown', kind: 'how the figures are shown', metrics: 'metrics', notes: 'notes' }[section[2]!];
    return part ? `Section ${number}, ${part}` : `Section ${number}`;
  }
  return ({ title: 'Title', areas: 'Councils', area: 'Council', group: 'Compare with', notes: 'Notes for readers', metrics: 'Your priorities', sections: 'Sections' } as Record<string, string>)[field];
}

/** The definition's problems in words, each led by the field's label: 'this is required' on the title reads 'Enter the title'. */
export function problemsInWords(problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.map(({ field, message }) => {
    const label = labelOf(field);
    if (!label || message.startsWith(`${label}:`)) return { field, message: message.charAt(0).toUpperCase() + message.slice(1) };
    if (message === 'this is required') return { field, message: `Enter the ${label.charAt(0).toLowerCase()}${label.slice(1)}` };
    const unknown = /^not (.+): (.+)$/.exec(message);
    if (unknown) return { field, message: `${label}: Lantern does not know ${unknown[2]}; give ${unknown[1]}` };
    return { field, message: `${label}: ${message.replace(/^this /, 'it ')}` };
  });
}

export function builder(res: Response, index: BenchmarkIndex, form: ReportForm, sections: number, action: string, problems: readonly FieldProblem[], status = 200, reportId?: number): void {
  const rows = Array.from({ length: Math.max(sections, 1) }, (_, i) => form.sections[i] ?? { title: '', chart: 'table', metrics: [], notes: '' });
  renderPage(
    res,
    'reports/edit.njk',
    {
      form,
      action,
      problems: problemsInWords(problems),
      reportId,
      councils: councilNames(index),
      groups: GROUP_CHOICES.map((c) => ({ ...c, selected: c.value === (form.group || 'neighbours') })),
      sections: rows.map((s) => ({
        ...s,
        themes: themesOf(index, s.metrics),
        charts: [...CHART_KINDS.map((c) => ({ value: c as string, text: CHART_TEXT[c] })), TARGETS_CHOICE].map((c) => ({ ...c, selected: c.value === (s.chart || 'table') })),
      })),
    },
    status,
  );
}

export function headline(res: Response, index: BenchmarkIndex, form: { area: string; metrics: string[] }, problems: readonly FieldProblem[], status = 200): void {
  renderPage(res, 'reports/headline.njk', { form, problems: problemsInWords(problems), councils: councilNames(index), themes: themesOf(index, form.metrics) }, status);
}

/** The headline report: the ticked metrics by theme, each against the nearest neighbours with England's value beside it. */
export function headlineDefinition(index: BenchmarkIndex, form: { area: string; metrics: string[] }) {
  const area = index.area(form.area);
  const byTheme = new Map<string, string[]>();
  for (const code of form.metrics) {
    const series = index.metric(code);
    const theme = series ? themeOf(series.metric) : OTHER_THEME;
    byTheme.set(theme, [...(byTheme.get(theme) ?? []), code]);
  }
  return {
    title: `${area?.name ?? form.area}: our priorities compared`,
    areas: form.area,
    group: 'neighbours',
    notes: 'The figures the council chose as its priorities, each against its nearest neighbours and England.',
    sections: [...byTheme].sort(([a], [b]) => compareThemes(a, b)).map(([theme, metrics]) => ({ title: themeTitle(theme), metrics, chart: 'spine', notes: '' })),
  };
}
