// Importing metric definitions from CSV or JSON: code, title, polarity,
// value_kind, period_kind, and optionally definition, unit, multiplier,
// source, themes (separated by ;), decimals, ci_method, status, and what the
// publisher says of it: method, caveats, source_url, published_on,
// next_update (dates as 2026-05-06 or 06/05/2026). A metric
// Lantern holds changes only in the columns the file gives (a file of code and
// title retitles it and keeps the rest); the store keeps every change with the
// batch that made it.
import type { Rejection } from '../domain/batch/index.ts';
import {
  ABOUT_FIELDS,
  aboutFieldFromText,
  isMetricCode,
  isMetricStatus,
  isPolarity,
  isValueKind,
  METRIC_STATUSES,
  POLARITIES,
  VALUE_KINDS,
  type AboutField,
  type Metric,
  type MetricAbout,
  type MetricStatus,
  type Polarity,
  type ValueKind,
} from '../domain/metric/index.ts';
import { readNumber } from '../domain/observation/index.ts';
import { isPeriodKind, PERIOD_KINDS, type PeriodKind } from '../domain/period/index.ts';
import { closestMatch } from '../domain/suggest/index.ts';
import { METRIC_ABOUT_COLUMNS, METRIC_COLUMNS, metricKeys, upsertMetricsWithAbout, type MetricAboutField } from '../store/catalogue.ts';
import { takeWriteTurn, type Tx } from '../store/observations.ts';
import { byGivenFields, cellOf, givenFields, hazards, listOf, type CatalogueRecord } from './catalogue-records.ts';
import type { StepCounts } from './import-observations.ts';
import { RejectionList } from './rejections.ts';

export async function loadMetrics(tx: Tx, records: readonly CatalogueRecord[], batchId: number): Promise<StepCounts & { rejections: RejectionList }> {
  const rejections = new RejectionList();
  const metrics: { value: Metric; given: readonly (keyof Metric | MetricAboutField)[] }[] = [];
  const seen = new Map<string, number>();
  const knownCodes = new Set((await metricKeys(tx)).map((m) => m.code));
  for (const record of records) {
    const problems = hazards(record, 5000);
    const given = givenFields(record, METRIC_COLUMNS);
    const read = problems.length > 0 ? undefined : fromRecord(record, problems, knownCodes.has(cellOf(record, 'code')) ? given : undefined);
    const about = read ? aboutOf(record, problems) : undefined;
    const metric = read && about ? { ...read, about } : read;
    if (metric) {
      const duplicate = seen.get(metric.code);
      if (duplicate !== undefined)
        problems.push({ line: record.line, column: 'code', value: metric.code, reason: `${metric.code} is also on line ${duplicate}: a file may define each metric only once` });
      seen.set(metric.code, record.line);
    }
    if (problems.length > 0) rejections.addRow(problems);
    else if (metric) metrics.push({ value: metric, given: [...given, ...givenFields(record, METRIC_ABOUT_COLUMNS)] });
  }
  await takeWriteTurn(tx);
  const counts = { inserted: 0, revised: 0 };
  for (const group of byGivenFields(metrics)) {
    const written = await upsertMetricsWithAbout(tx, group.values, batchId, group.given);
    counts.inserted += written.inserted;
    counts.revised += written.revised;
  }
  return {
    rowsRead: records.length,
    inserted: counts.inserted,
    revised: counts.revised,
    unchanged: records.length - rejections.rows - counts.inserted - counts.revised,
    rejected: rejections.rows,
    rejections,
  };
}

/**
 * What the record says of the metric's method, caveats, page and dates
 * (columns method, caveats, source_url, published_on, next_update), each
 * checked; undefined where it gives none of them.
 */
function aboutOf(record: CatalogueRecord, problems: Rejection[]): MetricAbout | undefined {
  const about: Record<string, string> = {};
  for (const field of Object.keys(ABOUT_FIELDS) as AboutField[]) {
    const cell = cellOf(record, field);
    if (cell === '') continue;
    const read = aboutFieldFromText(field, cell);
    if ('problem' in read) problems.push({ line: record.line, column: field, value: cell, reason: `'${field}' ${read.problem}` });
    else about[ABOUT_FIELDS[field]] = read.value;
  }
  return Object.keys(about).length > 0 ? about : undefined;
}

/**
 * A metric from its record. held: the fields the record gives, for a metric
 * Lantern holds, whose other fields are kept and so need not be given; a new
 * metric must give its title, value kind and period kind.
 */
function fromRecord(record: CatalogueRecord, problems: Rejection[], held: readonly (keyof Metric)[] | undefined): Metric {
  const line = record.line;
  const needs = (field: keyof Metric) => !held || held.includes(field);
  const code = cellOf(record, 'code');
  if (!isMetricCode(code)) problems.push({ line, column: 'code', value: code, reason: `'${code}' is not a metric code: lower-case letters, digits and hyphens, such as 'adult-obesity'` });
  const title = cellOf(record, 'title');
  if (needs('title') && title === '') problems.push({ line, column: 'title', value: '', reason: 'the title is missing' });
  const problemsOf = (field: keyof Metric) => (needs(field) ? problems : []); // a kept field's absence is no problem
  return {
    code,
    title,
    definition: orNull(cellOf(record, 'definition')),
    unit: orNull(cellOf(record, 'unit')),
    polarity: oneOf<Polarity>(record, 'polarity', POLARITIES, isPolarity, problems, 'neutral'),
    valueKind: oneOf<ValueKind>(record, 'value_kind', VALUE_KINDS, isValueKind, problemsOf('valueKind')),
    multiplier: number(record, 'multiplier', problems),
    periodKind: oneOf<PeriodKind>(record, 'period_kind', PERIOD_KINDS, isPeriodKind, problemsOf('periodKind')),
    source: orNull(cellOf(record, 'source')),
    themes: listOf(cellOf(record, 'themes')),
    decimals: decimals(record, problems),
    ciMethod: orNull(cellOf(record, 'ci_method')),
    status: oneOf<MetricStatus>(record, 'status', METRIC_STATUSES, isMetricStatus, problems, 'published'),
  };
}

function oneOf<T extends string>(record: CatalogueRecord, column: string, allowed: readonly T[], is: (text: string) => text is T, problems: Rejection[], fallback?: T): T {
  const text = cellOf(record, column);
  if (text === '' && fallback !== undefined) return fallback;
  if (is(text)) return text;
  const near = closestMatch(
    text,
    allowed.map((key) => ({ key })),
  );
  problems.push({
    line: record.line,
    column,
    value: text,
    reason: text === '' ? `the ${column} is missing (one of ${allowed.join(', ')})` : `'${text}' is not a ${column} (one of ${allowed.join(', ')})`,
    ...(near ? { suggestion: near.key } : {}),
  });
  return allowed[0]!;
}

function number(record: CatalogueRecord, column: string, problems: Rejection[]): number | null {
  const read = readNumber(cellOf(record, column));
  if (read.kind === 'number') return read.value;
  if (read.kind === 'invalid') problems.push({ line: record.line, column, value: cellOf(record, column), reason: read.reason, ...(read.suggestion ? { suggestion: read.suggestion } : {}) });
  return null;
}

function decimals(record: CatalogueRecord, problems: Rejection[]): number {
  const value = number(record, 'decimals', problems);
  if (value === null) return 1;
  if (Number.isInteger(value) && value >= 0 && value <= 6) return value;
  problems.push({ line: record.line, column: 'decimals', value: cellOf(record, 'decimals'), reason: 'decimals must be a whole number from 0 to 6' });
  return 1;
}

function orNull(text: string): string | null {
  return text === '' ? null : text;
}
