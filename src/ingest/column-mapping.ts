// A saved column mapping: a small JSON file a data team keeps beside a
// publication and reuses for every release of it (`lantern import --mapping
// FILE`). It says which of the publisher's columns hold the area, period,
// metric and value (or which columns are periods or measures, for a wide
// file), the intervals, numerator and denominator, a status column and what
// its codes mean, the cells that mean "no value", the breakdown columns, and
// the metrics' definitions: inline, and from the publisher's own metadata
// file through a column map.
//
// A mapping is checked here, before any data is read, and every mistake is
// told with the mapping's name and the key at fault; whether the columns it
// names are in the data file is checked when the file's header is read
// (mapped-layout.ts).
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import {
  ABOUT_FIELDS,
  aboutFieldFromText,
  isAboutField,
  isMetricCode,
  isMetricStatus,
  isValueKind,
  METRIC_STATUSES,
  polarityFromWords,
  VALUE_KINDS,
  type AboutField,
  type MetricAbout,
  type MetricStatus,
  type Polarity,
  type ValueKind,
} from '../domain/metric/index.ts';
import { OBSERVATION_FLAGS, type ObservationFlag } from '../domain/observation/index.ts';
import { closestMatch } from '../domain/suggest/index.ts';
import { MAX_ROWS } from './sheet-rows.ts';

/** What a status code says of a value: a flag on it, or that it has none to give (stored as suppressed). */
export type StatusReading = ObservationFlag | 'no_value';

/** How a period written as a bare year ('2016') is read for a metric. */
export const YEAR_READINGS = ['calendar_year', 'financial_year_ending', 'financial_year_starting'] as const;
export type YearReading = (typeof YEAR_READINGS)[number];

/** What the mapping or the publisher's metadata says of a metric; the rest is worked out from the file. */
export interface MetricDefinition {
  readonly code?: string;
  readonly title?: string;
  readonly definition?: string;
  readonly unit?: string;
  readonly polarity?: Polarity;
  readonly valueKind?: ValueKind;
  readonly multiplier?: number;
  readonly themes?: readonly string[];
  readonly source?: string;
  readonly decimals?: number;
  readonly status?: MetricStatus;
  readonly yearReadsAs?: YearReading;
  /** Method, caveats, the publisher's page and dates: 'method', 'caveats', 'source_url', 'published_on', 'next_update'. */
  readonly about?: MetricAbout;
}

export interface ColumnMapping {
  /** The mapping file's name, for messages. */
  readonly fileName: string;
  /** The sheet to read in a spreadsheet. */
  readonly sheet?: string;
  /** The header's row number (1-based), where titles and notes are above it; found by looking otherwise. */
  readonly headerRow?: number;
  readonly area: string;
  readonly areaName?: string;
  readonly period?: string;
  /** A file about one period that has no period column: the period of every row ('2023'). */
  readonly periodValue?: string;
  /** A wide file: the columns that are periods, or every column the mapping does not name otherwise. */
  readonly periodColumns?: readonly string[] | 'others';
  /** The columns whose cells, joined, name the metric (indicator, measure, unit). */
  readonly metric: readonly string[];
  readonly value?: string;
  /** A wide file: value columns, each a measure of the metric (column → measure's name). */
  readonly valueColumns?: ReadonlyMap<string, string>;
  readonly lowerCi?: string;
  readonly upperCi?: string;
  readonly numerator?: string;
  readonly denominator?: string;
  readonly status?: string;
  readonly statusCodes: ReadonlyMap<string, StatusReading>;
  /** Cells that mean "no value", compared after trimming. */
  readonly missing: ReadonlySet<string>;
  /** Columns whose every combination is a breakdown of the metric (sex, age band). */
  readonly breakdowns: readonly string[];
  /** Breakdown cells that mean the whole, not a part ('Total', 'Persons'). */
  readonly totals: ReadonlySet<string>;
  /** Said of every metric the file defines, unless its own definition says otherwise. */
  readonly defaults: MetricDefinition;
  /** Definitions by the metric's name in the file (its cells joined with ' / '), or by its first part. */
  readonly metrics: ReadonlyMap<string, MetricDefinition>;
  /** Columns read and not used, with why (they describe the area, or are part of the date): said by `lantern inspect`. */
  readonly setAside?: ReadonlyMap<string, string>;
}

/** A value column's measure, named after it: less a 'value_' prefix, underscores as spaces ('median_price' → 'median price'). */
export function measureName(column: string): string {
  return column
    .trim()
    .replace(/^values?[_ ]/i, '')
    .replace(/_/g, ' ');
}

/** ONS's status codes (x not available, u low reliability, c confidential, z not applicable). */
export const ONS_STATUS_CODES: ReadonlyMap<string, StatusReading> = new Map([
  ['x', 'no_value'],
  ['u', 'estimated'],
  ['c', 'suppressed'],
  ['z', 'no_value'],
]);

/** Cells publishers write for "no value". */
export const MISSING_MARKERS: readonly string[] = ['', 'NA', 'N/A', '-', '..', ':', 'x', '*'];

export const BREAKDOWN_TOTALS: readonly string[] = ['Total', 'All', 'Persons', 'All ages', 'NA'];

export class MappingError extends Error {}

const TOP_KEYS = [
  'publication',
  'notes',
  'source',
  'sheet',
  'header_row',
  'area',
  'area_name',
  'period',
  'period_value',
  'period_columns',
  'metric',
  'value',
  'value_columns',
  'lower_ci',
  'upper_ci',
  'numerator',
  'denominator',
  'status',
  'status_codes',
  'missing',
  'breakdowns',
  'totals',
  'metric_defaults',
  'metrics',
  'metadata',
] as const;
const DEFINITION_KEYS = [
  'code',
  'title',
  'definition',
  'unit',
  'polarity',
  'value_kind',
  'multiplier',
  'themes',
  'source',
  'decimals',
  'status',
  'year_reads_as',
  'notes',
  ...(Object.keys(ABOUT_FIELDS) as AboutField[]),
] as const;
const METADATA_KEYS = ['file', 'key', 'columns', 'values'] as const;
const READINGS: readonly StatusReading[] = [...OBSERVATION_FLAGS, 'no_value'];

type Json = Record<string, unknown>;

/** Reads a mapping file, and any metadata files it names (beside it). */
export function loadMappingFile(filePath: string): ColumnMapping {
  const fileName = path.basename(filePath);
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    throw new MappingError(`${fileName}: the mapping file cannot be read (${filePath})`);
  }
  return parseMapping(text, fileName, (name) => path.resolve(path.dirname(filePath), name));
}

/**
 * Reads a mapping from its JSON text. `metadataPath` finds a metadata file the
 * mapping names; without it (a mapping sent over HTTP) a mapping may not name files.
 */
export function parseMapping(text: string, fileName: string, metadataPath?: (name: string) => string): ColumnMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new MappingError(`${fileName}: the mapping is not valid JSON: ${(error as Error).message}`);
  }
  const json = object(parsed, fileName, 'the mapping');
  const at = new Reader(fileName);
  at.knownKeys(json, TOP_KEYS, '');
  const periodColumns = at.periodColumns(json);
  const valueColumns = at.valueColumns(json);
  const period = at.optionalText(json, 'period');
  const periodValue = typeof json.period_value === 'number' ? String(json.period_value) : at.optionalText(json, 'period_value');
  const value = at.optionalText(json, 'value');
  if (!period && !periodColumns && !periodValue) {
    throw at.error(
      'period',
      'is missing: name the period column ("period": "date"), the period columns ("period_columns": ["2021", "2022"]) or, for a file about one period, the period itself ("period_value": "2023")',
    );
  }
  if (period && periodColumns) throw at.error('period_columns', "and 'period' are both given: a file has either a period column or one column per period");
  if (periodValue && (period || periodColumns)) throw at.error('period_value', `and '${period ? 'period' : 'period_columns'}' are both given: 'period_value' is for a file with no period column`);
  if (!value && !valueColumns && !periodColumns)
    throw at.error('value', 'is missing: name the value column ("value": "obs_value") or the value columns ("value_columns": ["value_percent", "value_tonnes"])');
  if (valueColumns && periodColumns) throw at.error('value_columns', "and 'period_columns' are both given: Lantern reads one wide dimension at a time");
  const metrics = at.definitions(json);
  for (const source of at.metadataSources(json)) readMetadata(at, source, metadataPath, metrics);
  return {
    fileName,
    ...optional('sheet', at.optionalText(json, 'sheet')),
    ...optional('headerRow', at.headerRow(json)),
    area: at.text(json, 'area'),
    ...optional('areaName', at.optionalText(json, 'area_name')),
    ...optional('period', period),
    ...optional('periodValue', periodValue),
    ...optional('periodColumns', periodColumns),
    metric: json.metric === undefined && valueColumns ? [] : at.texts(json, 'metric', true),
    ...optional('value', value),
    ...optional('valueColumns', valueColumns),
    ...optional('lowerCi', at.optionalText(json, 'lower_ci')),
    ...optional('upperCi', at.optionalText(json, 'upper_ci')),
    ...optional('numerator', at.optionalText(json, 'numerator')),
    ...optional('denominator', at.optionalText(json, 'denominator')),
    ...optional('status', at.optionalText(json, 'status')),
    statusCodes: at.statusCodes(json),
    missing: new Set((json.missing === undefined ? MISSING_MARKERS : at.texts(json, 'missing', false)).map((cell) => cell.trim())),
    breakdowns: json.breakdowns === undefined ? [] : at.texts(json, 'breakdowns', false),
    totals: new Set(json.totals === undefined ? BREAKDOWN_TOTALS : at.texts(json, 'totals', false)),
    defaults: {
      ...(json.source === undefined ? {} : { source: at.text(json, 'source') }),
      ...(json.metric_defaults === undefined ? {} : at.definition(object(json.metric_defaults, fileName, "'metric_defaults'"), 'metric_defaults')),
    },
    metrics,
  };
}

/** The columns every layout may name, for checking them against a file's header. */
export function namedColumns(mapping: ColumnMapping): [key: string, column: string][] {
  const named: [string, string | undefined][] = [
    ['area', mapping.area],
    ['area_name', mapping.areaName],
    ['period', mapping.period],
    ['value', mapping.value],
    ['lower_ci', mapping.lowerCi],
    ['upper_ci', mapping.upperCi],
    ['numerator', mapping.numerator],
    ['denominator', mapping.denominator],
    ['status', mapping.status],
    ...mapping.metric.map((column) => ['metric', column] as [string, string]),
    ...mapping.breakdowns.map((column) => ['breakdowns', column] as [string, string]),
    ...[...(mapping.valueColumns?.keys() ?? [])].map((column) => ['value_columns', column] as [string, string]),
    ...(Array.isArray(mapping.periodColumns) ? mapping.periodColumns : []).map((column) => ['period_columns', column] as [string, string]),
  ];
  return named.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function object(value: unknown, fileName: string, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MappingError(`${fileName}: ${what} must be a JSON object ({ ... })`);
  return value as Json;
}

interface MetadataSource {
  readonly where: string;
  readonly file: string;
  readonly key: string;
  readonly columns: ReadonlyMap<string, string>;
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Reads the pieces of a mapping, each mistake told with the mapping's name and the key. */
class Reader {
  constructor(readonly fileName: string) {}

  error(key: string, words: string): MappingError {
    return new MappingError(`${this.fileName}: '${key}' ${words}`);
  }

  knownKeys(json: Json, known: readonly string[], within: string): void {
    for (const key of Object.keys(json)) {
      if (known.includes(key)) continue;
      const near = closestMatch(
        key,
        known.map((k) => ({ key: k })),
      );
      throw this.error(within + key, `is not a key a mapping has${near ? ` (did you mean '${within}${near.key}'?)` : ''}; it may have: ${known.join(', ')}`);
    }
  }

  text(json: Json, key: string, within = ''): string {
    const value = json[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (value === undefined) throw this.error(within + key, 'is missing');
    throw this.error(within + key, `must name a column as text, not ${JSON.stringify(value)}`);
  }

  optionalText(json: Json, key: string, within = ''): string | undefined {
    return json[key] === undefined || json[key] === null ? undefined : this.text(json, key, within);
  }

  /** Text or a list of texts; `nonEmpty` for a key that must name at least one column. */
  texts(json: Json, key: string, nonEmpty: boolean): string[] {
    const value = json[key];
    if (typeof value === 'string') return nonEmpty || value !== '' ? [this.text(json, key)] : [''];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string') && (!nonEmpty || value.length > 0)) return value.map((item: string) => item.trim());
    if (value === undefined && nonEmpty) throw this.error(key, 'is missing');
    throw this.error(key, `must be text or a list of texts${nonEmpty ? ', at least one' : ''}, not ${JSON.stringify(value)}`);
  }

  /** A row number: a whole number from 1 to a spreadsheet's last row. */
  headerRow(json: Json): number | undefined {
    const value = json.header_row;
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ROWS) return value;
    throw this.error('header_row', `must be the row number of the header, a whole number from 1 (the file's first row) to ${MAX_ROWS.toLocaleString('en-GB')}, not ${JSON.stringify(value)}`);
  }

  periodColumns(json: Json): readonly string[] | 'others' | undefined {
    if (json.period_columns === undefined) return undefined;
    if (json.period_columns === 'others') return 'others';
    const columns = this.texts(json, 'period_columns', true);
    if (columns.length === 1 && typeof json.period_columns === 'string') {
      throw this.error('period_columns', 'must list the period columns ["2021", "2022"], or be "others" for every column the mapping does not name otherwise');
    }
    return columns;
  }

  /** A list of value columns (each measure named after its column: measureName) or a map of column to measure. */
  valueColumns(json: Json): ReadonlyMap<string, string> | undefined {
    const value = json.value_columns;
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return new Map(this.texts(json, 'value_columns', true).map((column) => [column, measureName(column)]));
    const entries = Object.entries(object(value, this.fileName, "'value_columns'"));
    if (entries.length === 0 || entries.some(([, measure]) => typeof measure !== 'string')) {
      throw this.error('value_columns', 'must list the value columns, or map each value column to its measure\'s name ({ "value_percent": "Percentage" })');
    }
    return new Map(entries as [string, string][]);
  }

  statusCodes(json: Json): ReadonlyMap<string, StatusReading> {
    if (json.status_codes === undefined) return ONS_STATUS_CODES;
    const codes = new Map<string, StatusReading>();
    for (const [code, reading] of Object.entries(object(json.status_codes, this.fileName, "'status_codes'"))) {
      if (typeof reading !== 'string' || !(READINGS as readonly string[]).includes(reading)) {
        throw this.error(`status_codes.${code}`, `is ${JSON.stringify(reading)}: a status code reads as one of ${READINGS.join(', ')}`);
      }
      codes.set(code.trim(), reading as StatusReading);
    }
    return codes;
  }

  definitions(json: Json): Map<string, MetricDefinition> {
    const definitions = new Map<string, MetricDefinition>();
    if (json.metrics === undefined) return definitions;
    for (const [key, item] of Object.entries(object(json.metrics, this.fileName, "'metrics'"))) {
      definitions.set(key, this.definition(object(item, this.fileName, `'metrics.${key}'`), `metrics.${key}`));
    }
    return definitions;
  }

  definition(json: Json, where: string): MetricDefinition {
    this.knownKeys(json, DEFINITION_KEYS, `${where}.`);
    const fields: Record<string, string> = {};
    for (const key of DEFINITION_KEYS) {
      const value = json[key];
      if (value === undefined || value === null || key === 'notes') continue;
      if (key === 'themes' && Array.isArray(value)) fields[key] = value.join(';');
      else if (typeof value === 'string' || typeof value === 'number') fields[key] = String(value);
      else throw this.error(`${where}.${key}`, `must be text${key === 'themes' ? ' or a list of texts' : ''}, not ${JSON.stringify(value)}`);
    }
    return definitionFromText(fields, (key, words) => this.error(`${where}.${key}`, words));
  }

  metadataSources(json: Json): MetadataSource[] {
    if (json.metadata === undefined) return [];
    const items = Array.isArray(json.metadata) ? json.metadata : [json.metadata];
    return items.map((item, i) => {
      const where = Array.isArray(json.metadata) ? `metadata[${i}]` : 'metadata';
      const source = object(item, this.fileName, `'${where}'`);
      this.knownKeys(source, METADATA_KEYS, `${where}.`);
      const columns = object(source.columns ?? {}, this.fileName, `'${where}.columns'`);
      this.knownKeys(columns, DEFINITION_KEYS, `${where}.columns.`);
      const values = object(source.values ?? {}, this.fileName, `'${where}.values'`);
      this.knownKeys(values, DEFINITION_KEYS, `${where}.values.`);
      return {
        where,
        file: this.text(source, 'file', `${where}.`),
        key: this.text(source, 'key', `${where}.`),
        columns: new Map(Object.keys(columns).map((field) => [field, this.text(columns, field, `${where}.columns.`)])),
        values: new Map(
          Object.entries(values).map(([field, map]) => [field, new Map(Object.entries(object(map, this.fileName, `'${where}.values.${field}'`)).map(([k, v]) => [k.trim(), String(v)]))]),
        ),
      };
    });
  }
}

/**
 * A definition from text fields, as a mapping or a metadata file gives them;
 * `fail` makes the error for a field that does not read.
 */
function definitionFromText(fields: Readonly<Record<string, string>>, fail: (key: string, words: string) => MappingError): MetricDefinition {
  const definition: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(fields)) {
    const text = raw.trim();
    if (text === '' && key !== 'polarity') continue;
    switch (key) {
      case 'code':
        if (!isMetricCode(text)) throw fail(key, `is '${text}', which is not a metric code: lower-case letters, digits and hyphens`);
        definition.code = text;
        break;
      case 'polarity': {
        const polarity = polarityFromWords(text);
        if (!polarity) throw fail(key, `is '${text}', which Lantern cannot read as a polarity: use higher_is_better, lower_is_better or neutral (or map the publisher's words under 'values')`);
        definition.polarity = polarity;
        break;
      }
      case 'value_kind':
        if (!isValueKind(text)) throw fail(key, `is '${text}': use one of ${VALUE_KINDS.join(', ')}`);
        definition.valueKind = text;
        break;
      case 'status':
        if (!isMetricStatus(text)) throw fail(key, `is '${text}': use one of ${METRIC_STATUSES.join(', ')}`);
        definition.status = text;
        break;
      case 'year_reads_as':
        if (!(YEAR_READINGS as readonly string[]).includes(text)) throw fail(key, `is '${text}': use one of ${YEAR_READINGS.join(', ')}`);
        definition.yearReadsAs = text;
        break;
      case 'multiplier':
      case 'decimals': {
        const number = Number(text);
        if (text === '' || !Number.isFinite(number) || (key === 'decimals' && !(Number.isInteger(number) && number >= 0 && number <= 6))) {
          throw fail(key, `is '${text}': ${key === 'decimals' ? 'a whole number from 0 to 6' : 'a number such as 100000'}`);
        }
        definition[key] = number;
        break;
      }
      case 'themes': {
        const themes = text
          .split(';')
          .map((theme) => theme.trim())
          .filter((theme) => theme !== '');
        if (themes.length > 0) definition.themes = themes;
        break;
      }
      default:
        if (isAboutField(key)) {
          const read = aboutFieldFromText(key, text);
          if ('problem' in read) throw fail(key, read.problem);
          definition.about = { ...(definition.about as MetricAbout | undefined), [ABOUT_FIELDS[key]]: read.value };
        } else if (text !== '') definition[key] = text;
    }
  }
  return definition as MetricDefinition;
}

/** Adds the definitions a publisher's metadata file gives, without overriding the mapping's own. */
function readMetadata(at: Reader, source: MetadataSource, metadataPath: ((name: string) => string) | undefined, into: Map<string, MetricDefinition>): void {
  if (!metadataPath) throw at.error(`${source.where}.file`, "names a file, which a mapping sent with an upload cannot read: give the definitions under 'metrics' instead");
  let text: string;
  try {
    text = fs.readFileSync(metadataPath(source.file), 'utf8');
  } catch {
    throw at.error(`${source.where}.file`, `names '${source.file}', which cannot be read beside the mapping`);
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  const header = parsed.meta.fields ?? [];
  for (const [key, column] of [['key', source.key], ...[...source.columns].map(([field, c]) => [`columns.${field}`, c])] as [string, string][]) {
    if (!header.includes(column)) {
      throw at.error(`${source.where}.${key}`, `names the column '${column}', which ${source.file} lacks; its header has: ${header.join(', ')}`);
    }
  }
  parsed.data.forEach((row, i) => {
    const key = (row[source.key] ?? '').trim();
    if (key === '') return;
    const fields: Record<string, string> = {};
    for (const [field, column] of source.columns) {
      const cell = (row[column] ?? '').trim();
      fields[field] = source.values.get(field)?.get(cell) ?? cell;
    }
    const fail = (field: string, words: string) =>
      new MappingError(`${at.fileName}: ${source.file} line ${i + 2}, column '${source.columns.get(field)}' (for '${source.where}.columns.${field}') ${words}`);
    const read = definitionFromText(fields, fail);
    into.set(key, { ...read, ...into.get(key) });
  });
}
