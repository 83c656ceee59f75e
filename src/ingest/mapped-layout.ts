// Publishers' own layouts, read through a column mapping: a saved one
// (column-mapping.ts), or one Lantern recognises from the header's common
// names (area_code, areacd, geography_code, 'Local authority code'; period,
// date, financial_year; indicator, measure; value, obs_value).
//
// Each distinct metric in the file (its metric columns joined, and the
// measure of a wide value column) is one metric, created by the import where
// Lantern does not have it, from the mapping's definitions; each combination
// of breakdown cells (sex, age band) is a breakdown of it. A wide file gives
// several observations a row: one per value column, or one per period column.
//
// Missing values ('NA', '..', 'x', an empty cell) and status codes that
// withhold a value are kept as suppressed rows, not refused. A period's
// trailing note ('2016-17 (OT)', '2025 (Rev)') is set aside, a revision or a
// provisional figure becoming the row's flag; a bare year reads as the
// metric's definition says (DfE writes the year ending March 2016 as '2016').
import { metricCodeFromTitle, multiplierFromWords, valueKindFromWords, type Metric, type MetricAbout } from '../domain/metric/index.ts';
import type { ObservationFlag } from '../domain/observation/index.ts';
import type { PeriodKind } from '../domain/period/index.ts';
import { BREAKDOWN_TOTALS, measureName, MISSING_MARKERS, namedColumns, ONS_STATUS_CODES, type ColumnMapping, type MetricDefinition, type StatusReading, type YearReading } from './column-mapping.ts';
import type { CellName, LayoutMatch, ObservationCells, RowRefusal } from './observation-layouts.ts';

/** One observation of a row: where its period and value come from. */
interface Reading {
  readonly period: number;
  /** A period column's header, or the mapping's period_value: the period of every value it reads. */
  readonly periodLabel?: string;
  /** What messages about the period name as its column. */
  readonly periodName: string;
  readonly value: number;
  readonly valueColumn: string;
  readonly measure: string;
}

/** A metric met in the file, worked out once. */
interface MetricEntry {
  readonly code: string;
  readonly title: string;
  readonly name: string;
  readonly definition: MetricDefinition;
  /** Whether the file has given this metric a month that cannot be a financial year ('2021-05'). */
  monthly: boolean;
}

const NO_COLUMN = -1;

/** Binds a mapping to a file's header, or says which column the header lacks. */
export function bindMapped(header: readonly string[], mapping: ColumnMapping, layoutName = `mapped by ${mapping.fileName}`): LayoutMatch {
  const trimmed = header.map((cell) => cell.trim());
  const find = (column: string) => trimmed.indexOf(column);
  for (const [key, column] of namedColumns(mapping)) {
    if (find(column) >= 0) continue;
    return {
      kind: 'invalid',
      rejection: {
        line: 1,
        column,
        reason: `the mapping ${mapping.fileName} says '${key}' is the column '${column}', which the file lacks; the header has: ${header.join(', ')}`,
      },
    };
  }
  const at = (column: string | undefined) => (column === undefined ? NO_COLUMN : find(column));
  const readings = readingsOf(header, mapping, find);
  if (readings.length === 0) {
    return { kind: 'invalid', rejection: { line: 1, reason: `the mapping ${mapping.fileName} names every column otherwise: the file has no period columns` } };
  }
  return { kind: 'ok', layout: new MappedLayout(layoutName, header, mapping, readings, at) };
}

function readingsOf(header: readonly string[], mapping: ColumnMapping, find: (column: string) => number): Reading[] {
  const period = mapping.period === undefined ? NO_COLUMN : find(mapping.period);
  const fixed = mapping.periodValue === undefined ? {} : { periodLabel: mapping.periodValue };
  const periodName = mapping.periodValue === undefined ? (header[period] ?? '') : 'period_value';
  if (mapping.valueColumns) {
    return [...mapping.valueColumns].map(([column, measure]) => ({ period, ...fixed, periodName, value: find(column), valueColumn: header[find(column)]!, measure }));
  }
  if (mapping.periodColumns) {
    const named = new Set(namedColumns(mapping).map(([, column]) => find(column)));
    const columns = mapping.periodColumns === 'others' ? header.map((_, i) => i).filter((i) => !named.has(i) && header[i]!.trim() !== '') : mapping.periodColumns.map(find);
    return columns.map((i) => ({ period: NO_COLUMN, periodLabel: header[i]!.trim(), periodName: header[i]!, value: i, valueColumn: header[i]!, measure: '' }));
  }
  const value = find(mapping.value!);
  return [{ period, ...fixed, periodName, value, valueColumn: header[value]!, measure: '' }];
}

class MappedLayout {
  readonly columnOf: Record<CellName, string>;
  /** What each column that is not one of the observation's cells was read as, for `lantern inspect`. */
  readonly otherColumns: Record<string, string> = {};
  readonly readingsPerRecord: number;
  private readonly area: number;
  private readonly areaName: number;
  private readonly metricColumns: number[];
  private readonly breakdowns: number[];
  private readonly lowerCi: number;
  private readonly upperCi: number;
  private readonly numerator: number;
  private readonly denominator: number;
  private readonly status: number;
  private readonly entries = new Map<string, MetricEntry>();
  private readonly byCode = new Map<string, MetricEntry>();
  private readonly periods = new Map<string, { label: string; flag: ObservationFlag | undefined }>();
  private readonly drafts = new Map<string, Metric>();
  private refused: RowRefusal | undefined;

  constructor(
    readonly name: string,
    header: readonly string[],
    private readonly mapping: ColumnMapping,
    private readonly readings: readonly Reading[],
    at: (column: string | undefined) => number,
  ) {
    this.area = at(mapping.area);
    this.areaName = at(mapping.areaName);
    this.metricColumns = mapping.metric.map(at);
    this.breakdowns = mapping.breakdowns.map(at);
    this.lowerCi = at(mapping.lowerCi);
    this.upperCi = at(mapping.upperCi);
    this.numerator = at(mapping.numerator);
    this.denominator = at(mapping.denominator);
    this.status = at(mapping.status);
    this.readingsPerRecord = readings.length;
    const named = (i: number) => (i === NO_COLUMN ? '' : header[i]!);
    this.columnOf = {
      metric: mapping.metric.map(at).map(named).join(' + '),
      area: named(this.area),
      period: readings[0]!.periodName,
      value: readings[0]!.valueColumn,
      numerator: named(this.numerator),
      denominator: named(this.denominator),
      lower_ci: named(this.lowerCi),
      upper_ci: named(this.upperCi),
      flags: named(this.status) || readings[0]!.valueColumn,
    };
    const cells = new Set([...Object.values(this.columnOf), ...mapping.metric]);
    for (const reading of readings.length > 1 && mapping.valueColumns ? readings : []) {
      this.otherColumns[reading.valueColumn] = `a value: the measure '${reading.measure}'`;
    }
    if (mapping.areaName) this.otherColumns[mapping.areaName] = "the area's name";
    for (const column of mapping.breakdowns) this.otherColumns[column] = 'a breakdown of the metric';
    for (const [column, why] of mapping.setAside ?? []) this.otherColumns[column] = why;
    for (const column of header) {
      if (column.trim() !== '' && !cells.has(column) && !(column in this.otherColumns) && readings.every((r) => r.valueColumn !== column)) {
        this.otherColumns[column] = 'not used';
      }
    }
  }

  read(record: readonly string[], into: ObservationCells, which = 0): void {
    const reading = this.readings[which]!;
    const cell = (i: number) => (i === NO_COLUMN ? '' : (record[i] ?? '').trim());
    this.refused = undefined;
    // A wide file's messages name the column the value came from.
    this.columnOf.value = reading.valueColumn;
    this.columnOf.period = reading.periodName;
    const entry = this.metricOf(record, reading.measure);
    into.metric = entry.code;
    into.area = cell(this.area);
    into.area_name = cell(this.areaName);
    const period = this.periodOf(reading.periodLabel ?? cell(reading.period), entry);
    into.period = period.label;
    let flags = period.flag ?? '';
    let value = cell(reading.value);
    const status = this.statusOf(cell(this.status));
    const withheld = status === 'no_value' || status === 'suppressed';
    if (status && !withheld) flags = flags ? `${flags};${status}` : status;
    if (withheld || this.mapping.missing.has(value)) {
      value = '';
      flags = flags ? `${flags};suppressed` : 'suppressed';
    }
    into.value = value;
    into.lower_ci = this.figure(cell(this.lowerCi));
    into.upper_ci = this.figure(cell(this.upperCi));
    into.numerator = this.figure(cell(this.numerator));
    into.denominator = this.figure(cell(this.denominator));
    into.flags = flags;
  }

  /** A problem `read` found that the row's checks cannot see (a status code the mapping does not know). */
  refusal(): RowRefusal | undefined {
    return this.refused;
  }

  defineMetric(_record: readonly string[], cells: ObservationCells, periodKind: PeriodKind): Metric {
    let draft = this.drafts.get(cells.metric);
    if (!draft) {
      const entry = this.byCode.get(cells.metric)!;
      draft = metricFrom(entry, periodKind, this.mapping);
      this.drafts.set(cells.metric, draft);
    }
    return draft;
  }

  definedMetrics(): Metric[] {
    return [...this.drafts.values()];
  }

  /** What the mapping says of each metric the file named (its publication date, next update, page), by code, new or held. */
  aboutGiven(): Map<string, MetricAbout> {
    return new Map([...this.byCode].flatMap(([code, entry]) => (entry.definition.about ? [[code, entry.definition.about] as const] : [])));
  }

  private metricOf(record: readonly string[], measure: string): MetricEntry {
    let key = measure;
    for (const i of this.metricColumns) key += `\u0001${(record[i] ?? '').trim()}`;
    for (const i of this.breakdowns) key += `\u0002${(record[i] ?? '').trim()}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const parts = this.metricColumns.map((i) => (record[i] ?? '').trim()).filter((part) => part !== '');
      if (measure !== '') parts.push(measure);
      const breakdown = this.breakdowns.map((i) => (record[i] ?? '').trim()).filter((part) => part !== '' && !this.mapping.totals.has(part));
      entry = this.entryFor(parts, breakdown);
      this.entries.set(key, entry);
      this.byCode.set(entry.code, entry);
    }
    return entry;
  }

  private entryFor(parts: readonly string[], breakdown: readonly string[]): MetricEntry {
    const name = parts.join(' / ');
    const definition = { ...this.mapping.defaults, ...this.mapping.metrics.get(parts[0] ?? ''), ...this.mapping.metrics.get(name) };
    const [first = '', ...rest] = definition.title ? [definition.title] : parts;
    const qualifiers = [...rest, ...breakdown];
    const title = qualifiers.length > 0 ? `${first} (${qualifiers.join(', ')})` : first;
    const code = definition.code ? [definition.code, metricCodeFromTitle(breakdown.join(' '))].filter((part) => part !== '').join('-') : codeOf(first, qualifiers);
    return { code, title, name, definition, monthly: false };
  }

  private periodOf(raw: string, entry: MetricEntry): { label: string; flag: ObservationFlag | undefined } {
    const yearReadsAs = entry.definition.yearReadsAs;
    if (!entry.monthly && isPlainMonth(raw)) entry.monthly = true;
    const key = `${raw}\u0001${yearReadsAs ?? ''}\u0001${entry.monthly}`;
    let found = this.periods.get(key);
    if (!found) {
      found = readPeriodCell(raw, yearReadsAs, entry.monthly);
      this.periods.set(key, found);
    }
    return found;
  }

  private statusOf(code: string): StatusReading | undefined {
    if (code === '' || this.status === NO_COLUMN) return undefined;
    const reading = this.mapping.statusCodes.get(code);
    if (reading) return reading;
    const known = [...this.mapping.statusCodes.keys()].map((k) => `'${k}'`).join(', ');
    this.refused = {
      column: this.columnOf.flags,
      value: code,
      reason: `'${code}' is not a status code the mapping knows (${known}): add it under 'status_codes' in ${this.mapping.fileName}, saying which flag it means`,
    };
    return undefined;
  }

  /** A figure beside the value; a "no value" marker there is simply absent. */
  private figure(cell: string): string {
    return cell !== '' && this.mapping.missing.has(cell) ? '' : cell;
  }
}

/**
 * A metric's code from its title's parts. A code is at most 100 characters:
 * where an indicator's long wording would push the measure and breakdown off
 * the end (the census's indicators run to 300 characters), the wording is
 * shortened instead, so that each breakdown keeps a code of its own.
 */
function codeOf(first: string, qualifiers: readonly string[]): string {
  const whole = metricCodeFromTitle(qualifiers.length > 0 ? `${first} (${qualifiers.join(', ')})` : first);
  const tail = metricCodeFromTitle(qualifiers.join(' '));
  if (whole.length < 100 || tail === '') return whole;
  const room = Math.max(0, 99 - tail.length);
  return [metricCodeFromTitle(first).slice(0, room).replace(/-+$/, ''), tail]
    .filter((part) => part !== '')
    .join('-')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** 'YYYY-MM' with a month that is not the next year's two digits: a month, whichever way the file is read. */
function isPlainMonth(text: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 && month !== (Number(match[1]) + 1) % 100;
}

const PERIOD_NOTE = /^(.*\S)\s*\(([^()]*)\)$/;
const NOTE_FLAGS: readonly [RegExp, ObservationFlag][] = [
  [/^(r|rev|revised)$/i, 'revised'],
  [/^(p|prov|provisional)$/i, 'provisional'],
];

/**
 * A period cell without its trailing note, the note's flag, and a bare year
 * read as the metric's definition says. '2010-11' reads as a month in Lantern's
 * own files; in a publisher's, where the next year's two digits follow the
 * year, it is the financial year 2010/11, unless the file has given the metric
 * months ('2010-05') before.
 */
export function readPeriodCell(raw: string, yearReadsAs: YearReading | undefined, monthly = false): { label: string; flag: ObservationFlag | undefined } {
  const noted = PERIOD_NOTE.exec(raw);
  const text = noted ? noted[1]! : raw;
  const flag = noted ? NOTE_FLAGS.find(([words]) => words.test(noted[2]!.trim()))?.[1] : undefined;
  const twoYears = /^(\d{4})-(\d{2})$/.exec(text);
  if (twoYears && !monthly && Number(twoYears[2]) === (Number(twoYears[1]) + 1) % 100) return { label: `${twoYears[1]}/${twoYears[2]}`, flag };
  if (!/^\d{4}$/.test(text) || !yearReadsAs || yearReadsAs === 'calendar_year') return { label: text, flag };
  const year = Number(text);
  const first = yearReadsAs === 'financial_year_ending' ? year - 1 : year;
  return { label: `${first}/${String((first + 1) % 100).padStart(2, '0')}`, flag };
}

/** A metric's definition: the mapping's words first, then what its name and unit say. */
function metricFrom(entry: MetricEntry, periodKind: PeriodKind, mapping: ColumnMapping): Metric {
  const definition = entry.definition;
  const words = `${definition.unit ?? ''} ${entry.name}`;
  const valueKind = definition.valueKind ?? valueKindFromWords(words);
  return {
    code: entry.code,
    title: entry.title,
    definition: definition.definition ?? null,
    unit: definition.unit ?? (valueKind === 'proportion' ? '%' : null),
    polarity: definition.polarity ?? 'neutral',
    valueKind,
    multiplier: definition.multiplier ?? multiplierFromWords(words, valueKind),
    periodKind,
    source: definition.source ?? null,
    themes: definition.themes ?? [],
    decimals: definition.decimals ?? 1,
    ciMethod: null,
    status: definition.status ?? mapping.defaults.status ?? 'published',
    ...(definition.about ? { about: definition.about } : {}),
  };
}

/** Common names publishers give each column, compared in lower case with spaces and hyphens as underscores. */
const COMMON_NAMES = {
  area: ['area_code', 'areacd', 'area', 'geography_code', 'geogcode', 'gss_code', 'local_authority_code', 'la_code', 'lad_code', 'ladcd', 'ons_code', 'new_la_code'],
  areaName: ['area_name', 'areanm', 'geography_name', 'local_authority_name', 'la_name', 'lad_name', 'ladnm', 'geography'],
  period: ['period', 'time_period', 'date', 'financial_year', 'time'],
  metric: ['metric', 'metric_code', 'metric_id', 'indicator', 'indicator_name', 'series', 'index_domain', 'category'],
  measure: ['measure', 'measure_name'],
  unit: ['unit', 'units'],
  value: ['value', 'obs_value', 'observation'],
  lowerCi: ['lower_ci', 'lci', 'lci_95', 'lower_cl', 'lower_ci_95', 'lowerci95'],
  upperCi: ['upper_ci', 'uci', 'uci_95', 'upper_cl', 'upper_ci_95', 'upperci95'],
  numerator: ['numerator'],
  denominator: ['denominator'],
  status: ['status', 'obs_status', 'observation_status'],
  /** Text columns that divide a metric, told apart by name in a file whose other columns are figures. */
  breakdowns: ['sex', 'gender', 'age', 'age_band', 'age_group', 'deprivation_quintile', 'deprivation_decile', 'imd_quintile', 'ethnicity', 'ethnic_group'],
  /** Columns that say more about the area, not about the figure. */
  areaDescription: [
    'geography',
    'geography_type',
    'geography_level',
    'area_type',
    'area_level',
    'region',
    'region_name',
    'region_code',
    'country',
    'country_name',
    'county',
    'county_name',
    'la_type',
    'authority_type',
    'notes',
    'note',
  ],
} as const;

/** ONS's code and name columns: a prefix, the boundaries' two-digit year, cd or nm (lad19cd, wd23nm). */
const ONS_CODE_COLUMN = /^[a-z]{2,5}\d{2}cd$/;
const ONS_NAME_COLUMN = /^[a-z]{2,5}\d{2}nm$/;

/** Whether a header cell names a column of area codes, as recogniseHeader reads it (area_code, 'Local authority code', lad19cd). */
export function isAreaColumnName(cell: string): boolean {
  const name = cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (COMMON_NAMES.area as readonly string[]).includes(name) || ONS_CODE_COLUMN.test(name);
}

/** The parts of a date a file may give beside its period column (year, quarter). */
const PERIOD_PART = /^(year|quarter|month|day|week)$|(^|_)(date|year)$/;

/** A value column's measure: a column named by a number alone (0, 1, … 90+, as ONS's population estimates) is a year of age. */
function wideMeasure(column: string): string {
  return /^\d{1,3}\+?$/.test(column) ? `aged ${column}` : measureName(column);
}

/** What Lantern made of a header: a mapping and what each other column was read as, or why it cannot read the file. */
export type HeaderReading = { readonly kind: 'recognised'; readonly mapping: ColumnMapping } | { readonly kind: 'unrecognised'; readonly reason: string; readonly column?: string };

/**
 * The mapping a publisher's file needs, read from its header's names: the
 * area (a common name, or an ONS code column such as lad19cd), the period (a
 * common name, else a name ending _date, else one ending _year), the metric
 * (indicator, measure and unit, or category), and the value. Every other
 * descriptive column is a breakdown of the metric, wherever it stands, except
 * those that describe the area (geography, area_type, region) or the period
 * (year, quarter beside effective_date). A file without a value column gives
 * its figures in the remaining columns: each is a value column, a measure of
 * the metric (average_rank, median_price), and the columns named as
 * breakdowns (sex) divide them; a column named by a number alone is a year of
 * age (ONS population estimates: 0, 1, … 90+). Where a part is missing, says which, what
 * Lantern looked for, and the mapping that would read the file.
 */
export function recogniseHeader(header: readonly string[], fileName: string): HeaderReading {
  const normal = header.map((cell) =>
    cell
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const taken = new Set<number>();
  const take = (i: number) => {
    if (i < 0) return undefined;
    taken.add(i);
    return header[i]!.trim();
  };
  const free = (test: (name: string) => boolean) => normal.findIndex((name, i) => !taken.has(i) && test(name));
  const named = (names: readonly string[]) => {
    for (const name of names) {
      const i = normal.indexOf(name);
      if (i >= 0 && !taken.has(i)) return take(i);
    }
    return undefined;
  };
  const area = named(COMMON_NAMES.area) ?? take(free((name) => ONS_CODE_COLUMN.test(name)));
  const areaName = named(COMMON_NAMES.areaName) ?? take(free((name) => ONS_NAME_COLUMN.test(name)));
  const period = named(COMMON_NAMES.period) ?? take(free((name) => /(^|_)date$/.test(name))) ?? take(free((name) => /(^|_)year$/.test(name)));
  const metric = named(COMMON_NAMES.metric);
  const measure = named(COMMON_NAMES.measure);
  const unit = named(COMMON_NAMES.unit);
  const value = named(COMMON_NAMES.value);
  const optional = {
    lowerCi: named(COMMON_NAMES.lowerCi),
    upperCi: named(COMMON_NAMES.upperCi),
    numerator: named(COMMON_NAMES.numerator),
    denominator: named(COMMON_NAMES.denominator),
    status: named(COMMON_NAMES.status),
  };
  const setAside = new Map<string, string>();
  normal.forEach((name, i) => {
    if (taken.has(i) || name === '') return;
    if ((COMMON_NAMES.areaDescription as readonly string[]).includes(name) || ONS_CODE_COLUMN.test(name) || ONS_NAME_COLUMN.test(name)) {
      setAside.set(header[i]!.trim(), 'describes the area; not used');
    } else if (period && PERIOD_PART.test(name)) {
      setAside.set(header[i]!.trim(), `part of the date; the period is read from ${period}`);
    } else return;
    taken.add(i);
  });
  const rest = header.map((cell, i) => ({ column: cell.trim(), i })).filter(({ column, i }) => column !== '' && !taken.has(i));
  const knownBreakdown = ({ i }: { i: number }) => (COMMON_NAMES.breakdowns as readonly string[]).includes(normal[i]!);
  // A file in Lantern's own words (a 'metric' column) but no value column is a tidy file with a mistake, not a wide one.
  const wide = value === undefined && !normal.includes('metric');
  const breakdowns = (wide ? rest.filter(knownBreakdown) : rest).map(({ column }) => column);
  const valueColumns = wide ? rest.filter((column) => !knownBreakdown(column)).map(({ column }) => column) : [];
  const metricColumns = [metric, measure, unit].filter((c): c is string => c !== undefined);

  if (!area) {
    return {
      kind: 'unrecognised',
      reason:
        `no column holds GSS area codes such as E08000009 (Lantern looks for a column named ${COMMON_NAMES.area.slice(0, 5).join(', ')} or an ONS code column such as lad19cd or wd23cd): ` +
        'Lantern imports figures about areas; give --mapping FILE with an "area" column naming the column of GSS codes',
    };
  }
  if (value === undefined && valueColumns.length === 0) {
    return {
      kind: 'unrecognised',
      reason:
        `no column holds the figures (Lantern looks for a column named ${COMMON_NAMES.value.join(', ')}, or columns of figures beside the area, period and metric): ` +
        'give --mapping FILE with a "value" column, or "value_columns" listing the columns of figures',
    };
  }
  if (value !== undefined && metric === undefined && measure === undefined) {
    return {
      kind: 'unrecognised',
      reason:
        `no column says what the figures are of (Lantern looks for a column named ${[...COMMON_NAMES.metric, ...COMMON_NAMES.measure].join(', ')}): ` + 'give --mapping FILE with a "metric" column',
    };
  }
  const ci = Object.fromEntries(Object.entries(optional).filter(([, column]) => column !== undefined)) as Partial<Record<keyof typeof optional, string>>;
  if (!period) {
    const suggested = {
      area,
      ...(areaName ? { area_name: areaName } : {}),
      period_value: '2023',
      ...(metricColumns.length > 0 ? { metric: metricColumns.length === 1 ? metricColumns[0] : metricColumns } : {}),
      ...(value !== undefined ? { value } : { value_columns: valueColumns }),
      ...(breakdowns.length > 0 ? { breakdowns } : {}),
    };
    return {
      kind: 'unrecognised',
      reason:
        `no column holds the period (Lantern looks for a column named ${COMMON_NAMES.period.join(', ')}, year, or a name ending _date or _year): ` +
        `if every row is of one period, save this line as a mapping, with the file's period in place of 2023, and give it with --mapping FILE: ${JSON.stringify(suggested)}`,
    };
  }
  return {
    kind: 'recognised',
    mapping: {
      fileName,
      area,
      period,
      ...(areaName ? { areaName } : {}),
      ...ci,
      metric: metricColumns,
      ...(value !== undefined ? { value } : { valueColumns: new Map(valueColumns.map((column) => [column, wideMeasure(column)])) }),
      breakdowns,
      setAside,
      statusCodes: ONS_STATUS_CODES,
      missing: new Set(MISSING_MARKERS),
      totals: new Set(BREAKDOWN_TOTALS),
      defaults: {},
      metrics: new Map(),
    },
  };
}
