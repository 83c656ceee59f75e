// A report: a saved layout of sections for one or several councils, each
// section a few metrics shown one way (bar chart, map, trend lines, table or
// spine chart), compared with one comparator group. Drafts are edited as
// definitions; publishing freezes a version (see report-snapshot in
// src/reports). This file checks a definition as people send it, field by
// field, so a bad one is refused with every problem named and nothing saved.
import { isGssCode } from '../area/index.ts';
import { isMetricCode } from '../metric/index.ts';

export const CHART_KINDS = ['bar', 'map', 'trend', 'table', 'spine'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export const REPORT_GROUPS = ['neighbours', 'region', 'type', 'england'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/**
 * What a section shows: the figures of its metrics (the kind of every
 * section saved before there were others), or the targets agreed for the
 * report's councils, each rated with its rule; a targets section's metrics,
 * if any, narrow it to the targets on them.
 */
export const SECTION_KINDS = ['figures', 'targets'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface ReportSection {
  readonly title: string;
  readonly metrics: readonly string[];
  readonly chart: ChartKind;
  readonly notes: string;
  /** Absent from sections saved before targets sections: figures. */
  readonly kind?: SectionKind;
}

/** A section's kind, reading one saved before kinds as figures. */
export function sectionKind(section: Pick<ReportSection, 'kind'>): SectionKind {
  return section.kind ?? 'figures';
}

export interface ReportDefinition {
  readonly title: string;
  readonly areas: readonly string[];
  readonly group: ReportGroup;
  readonly sections: readonly ReportSection[];
  readonly notes: string;
}

export interface FieldProblem {
  /** Where the problem is, as a form names it: 'title', 'sections[2].metrics'. */
  readonly field: string;
  readonly message: string;
}

export type CheckedDefinition = { readonly kind: 'ok'; readonly definition: ReportDefinition } | { readonly kind: 'invalid'; readonly problems: readonly FieldProblem[] };

export const REPORT_LIMITS = { title: 200, notes: 5000, areas: 20, sections: 40, metricsPerSection: 40 } as const;

/** Checks a definition from outside (a form, JSON); `knownMetric` says whether a metric code is in the library. */
export function checkReportDefinition(input: unknown, knownMetric: (code: string) => boolean, knownArea: (code: string) => boolean): CheckedDefinition {
  const problems: FieldProblem[] = [];
  const record = isRecord(input) ? input : {};
  if (!isRecord(input)) problems.push({ field: '', message: 'a report definition must be an object' });
  const title = text(record.title, 'title', REPORT_LIMITS.title, problems, true);
  const notes = text(record.notes, 'notes', REPORT_LIMITS.notes, problems, false);
  const areas = codes(
    record.areas,
    'areas',
    REPORT_LIMITS.areas,
    problems,
    (c) => isGssCode(c) && knownArea(c),
    'GSS codes of councils Lantern holds',
    (c) => c.toUpperCase(),
  );
  if (areas.length === 0 && !problems.some((p) => p.field === 'areas')) problems.push({ field: 'areas', message: 'choose at least one council' });
  const group = (REPORT_GROUPS as readonly unknown[]).includes(record.group) ? (record.group as ReportGroup) : undefined;
  if (!group) problems.push({ field: 'group', message: `the comparator group must be one of ${REPORT_GROUPS.join(', ')}` });
  const sectionsInput = Array.isArray(record.sections) ? record.sections : [];
  if (!Array.isArray(record.sections) || sectionsInput.length === 0) problems.push({ field: 'sections', message: 'a report needs at least one section' });
  if (sectionsInput.length > REPORT_LIMITS.sections) problems.push({ field: 'sections', message: `a report has at most ${REPORT_LIMITS.sections} sections` });
  const sections = sectionsInput.slice(0, REPORT_LIMITS.sections).map((section, i) => checkSection(section, `sections[${i}]`, knownMetric, problems));
  if (problems.length > 0) return { kind: 'invalid', problems };
  return { kind: 'ok', definition: { title, areas, group: group!, sections, notes } };
}

function checkSection(input: unknown, at: string, knownMetric: (code: string) => boolean, problems: FieldProblem[]): ReportSection {
  const record = isRecord(input) ? input : {};
  if (!isRecord(input)) problems.push({ field: at, message: 'a section must be an object' });
  const title = text(record.title, `${at}.title`, REPORT_LIMITS.title, problems, true);
  const notes = text(record.notes, `${at}.notes`, REPORT_LIMITS.notes, problems, false);
  const kind = record.kind === undefined ? 'figures' : (SECTION_KINDS as readonly unknown[]).includes(record.kind) ? (record.kind as SectionKind) : undefined;
  if (!kind) problems.push({ field: `${at}.kind`, message: `the kind of section must be one of ${SECTION_KINDS.join(', ')}` });
  const metrics = codes(record.metrics, `${at}.metrics`, REPORT_LIMITS.metricsPerSection, problems, (c) => isMetricCode(c) && knownMetric(c), 'codes of metrics in the library');
  // A targets section lists every target of the councils unless metrics narrow it.
  if (kind !== 'targets' && metrics.length === 0 && !problems.some((p) => p.field === `${at}.metrics`)) problems.push({ field: `${at}.metrics`, message: 'choose at least one metric' });
  const chart = (CHART_KINDS as readonly unknown[]).includes(record.chart) ? (record.chart as ChartKind) : 'table';
  if (record.chart !== undefined && !(CHART_KINDS as readonly unknown[]).includes(record.chart)) {
    problems.push({ field: `${at}.chart`, message: `the chart must be one of ${CHART_KINDS.join(', ')}` });
  }
  return kind === 'targets' ? { title, metrics, chart: 'table', notes, kind } : { title, metrics, chart, notes };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, field: string, limit: number, problems: FieldProblem[], required: boolean): string {
  if (value === undefined || value === null) {
    if (required) problems.push({ field, message: 'this is required' });
    return '';
  }
  if (typeof value !== 'string') {
    problems.push({ field, message: 'this must be text' });
    return '';
  }
  const trimmed = value.trim();
  if (required && trimmed === '') problems.push({ field, message: 'this is required' });
  if (trimmed.length > limit) problems.push({ field, message: `this is longer than ${limit} characters` });
  // Control characters (other than line breaks and tabs) are never meant in a title or a note.
  if (/[^\P{Cc}\t\n\r]/u.test(trimmed)) problems.push({ field, message: 'this holds a control character' });
  return trimmed;
}

function codes(value: unknown, field: string, limit: number, problems: FieldProblem[], valid: (code: string) => boolean, what: string, normalise = (code: string) => code): string[] {
  const list = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : value === undefined ? [] : null;
  if (list === null || !list.every((c) => typeof c === 'string')) {
    problems.push({ field, message: `this must be a list of ${what}` });
    return [];
  }
  const cleaned = [...new Set((list as string[]).map((c) => normalise(c.trim())).filter((c) => c !== ''))];
  const wrong = cleaned.filter((c) => !valid(c));
  if (wrong.length > 0) problems.push({ field, message: `not ${what}: ${wrong.slice(0, 5).join(', ')}${wrong.length > 5 ? ' …' : ''}` });
  if (cleaned.length > limit) problems.push({ field, message: `at most ${limit}` });
  return cleaned.filter(valid).slice(0, limit);
}
