// The shapes of observation files Lantern reads, and how each maps onto an
// observation's cells.
//
// - Lantern's tidy CSV: metric, area, period, value, and optionally numerator,
//   denominator, lower_ci, upper_ci, flags (see docs/import-formats.md).
// - A tidy extract as councils publish them from Fingertips: area_code,
//   area_name, period, indicator, measure, unit, value, compared_to_England,
//   inequality. Each indicator (and inequality breakdown) is a metric, created
//   by the import where Lantern does not yet have it. 'NA' is a suppressed
//   value. Polarity is read from the publisher's own judgements: where an area
//   above England is 'Better', higher is better; and each judgement is kept
//   as the source's verdict on its figure.
// - Any other publisher's file, through a column mapping (mapped-layout.ts):
//   a saved one, or one recognised from the header's common column names.
import { ENGLAND_CODE } from '../domain/area/index.ts';
import { metricCodeFromTitle, type Metric, type MetricAbout, type ValueKind } from '../domain/metric/index.ts';
import type { PeriodKind } from '../domain/period/index.ts';
import { closestMatch } from '../domain/suggest/index.ts';
import type { Rejection } from '../domain/batch/index.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { bindMapped, recogniseHeader } from './mapped-layout.ts';

/** An observation's cells as strings, and the file column each came from. */
export interface ObservationCells {
  metric: string;
  area: string;
  period: string;
  value: string;
  numerator: string;
  denominator: string;
  lower_ci: string;
  upper_ci: string;
  flags: string;
  /** The area's name, where the file gives one: it names the areas an import adds (--add-areas). */
  area_name: string;
  /** The source's own verdict on the figure against England, where the file gives one: 'Better', 'Not compared'. */
  compared_to_england: string;
}

/** The cells a layout names a file column for, in messages. */
export type CellName = Exclude<keyof ObservationCells, 'area_name' | 'compared_to_england'>;

export interface BoundLayout {
  readonly name: string;
  /** The file's name for each cell, for messages. */
  readonly columnOf: Readonly<Record<CellName, string>>;
  /** What each other column was read as (a breakdown, the area's name, not used), for `lantern inspect`. */
  readonly otherColumns?: Readonly<Record<string, string>>;
  /** Observations in each record: more than one in a wide file (a value column per measure or per period). */
  readonly readingsPerRecord?: number;
  /** Fills `into` from a record (its `reading`th observation in a wide file), reusing one object for speed. */
  read(record: readonly string[], into: ObservationCells, reading?: number): void;
  /** A problem the last `read` found that the row's checks cannot see. */
  refusal?(): RowRefusal | undefined;
  /** A file that defines its metrics: the metric a record belongs to. */
  defineMetric?(record: readonly string[], cells: ObservationCells, periodKind: PeriodKind): MetricDraft;
  /** Called for each stored row, so a layout can learn from the data (polarity). */
  observe?(record: readonly string[], cells: ObservationCells, value: number | null): void;
  /** The metrics the file defined, completed from what was observed. */
  definedMetrics?(): Metric[];
  /** What the file says of each metric it names (publication date, next update), by code: refreshed for metrics already held. */
  aboutGiven?(): ReadonlyMap<string, MetricAbout>;
}

export type MetricDraft = Metric;

export interface RowRefusal {
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

export type LayoutMatch = { readonly kind: 'ok'; readonly layout: BoundLayout } | { readonly kind: 'invalid'; readonly rejection: Rejection };

export function emptyCells(): ObservationCells {
  return { metric: '', area: '', period: '', value: '', numerator: '', denominator: '', lower_ci: '', upper_ci: '', flags: '', area_name: '', compared_to_england: '' };
}

const TIDY_REQUIRED = ['metric', 'area', 'period', 'value'] as const;
const TIDY_OPTIONAL = ['numerator', 'denominator', 'lower_ci', 'upper_ci', 'flags', 'area_name'] as const;
const FINGERTIPS_REQUIRED = ['area_code', 'period', 'indicator', 'value'] as const;

/**
 * Chooses the layout: the mapping given; else from the header, a Fingertips
 * extract (it has compared_to_England or inequality beside indicator and
 * area_code), Lantern's tidy CSV, or a publisher's file read from its
 * column names. A file none of them reads is refused with what Lantern looked
 * for and did not find; in the words of Lantern's tidy CSV only where the file
 * is written in them (it has a 'metric' column, or three of the four).
 */
export function bindLayout(header: readonly string[], mapping?: ColumnMapping): LayoutMatch {
  if (mapping) return bindMapped(header, mapping);
  const lower = header.map((cell) => cell.trim().toLowerCase());
  const fingertips = lower.includes('compared_to_england') || lower.includes('inequality');
  if (fingertips && lower.includes('indicator') && lower.includes('area_code')) return bindFingertips(lower);
  const tidy = TIDY_REQUIRED.filter((column) => lower.includes(column));
  if (tidy.length === TIDY_REQUIRED.length) return bindTidy(lower);
  const recognised = recogniseHeader(header, 'a column mapping (--mapping FILE)');
  if (recognised.kind === 'recognised') return bindMapped(header, recognised.mapping, 'recognised from the header');
  if (lower.includes('metric') || tidy.length >= 3) return bindTidy(lower);
  return { kind: 'invalid', rejection: { line: 1, reason: `${recognised.reason}; the header has: ${header.join(', ')}` } };
}

function missingColumn(header: readonly string[], wanted: readonly string[]): Rejection | undefined {
  const missing = wanted.filter((column) => !header.includes(column));
  if (missing.length === 0) return undefined;
  const column = missing[0]!;
  const near = closestMatch(
    column,
    header.filter((cell) => !wanted.includes(cell)).map((key) => ({ key })),
  );
  return {
    line: 1,
    column,
    reason: `the required column '${column}' is missing (the header has: ${header.join(', ')})${missing.length > 1 ? `; also missing: ${missing.slice(1).join(', ')}` : ''}`,
    ...(near ? { suggestion: `'${near.key}'` } : {}),
  };
}

function bindTidy(header: readonly string[]): LayoutMatch {
  const missing = missingColumn(header, TIDY_REQUIRED);
  if (missing) return { kind: 'invalid', rejection: missing };
  const index = (name: string) => header.indexOf(name);
  const at = [...TIDY_REQUIRED, ...TIDY_OPTIONAL].map((name) => [name, index(name)] as const);
  const columnOf = Object.fromEntries([...TIDY_REQUIRED, ...TIDY_OPTIONAL].map((name) => [name, name])) as Record<CellName, string>;
  return {
    kind: 'ok',
    layout: {
      name: 'Lantern tidy CSV',
      columnOf,
      read(record, into) {
        for (const [name, i] of at) into[name] = i < 0 ? '' : (record[i] ?? '');
      },
    },
  };
}

interface PolarityVotes {
  england: Map<string, number>;
  higherIsBetter: number;
  lowerIsBetter: number;
}

function bindFingertips(header: readonly string[]): LayoutMatch {
  const missing = missingColumn(header, FINGERTIPS_REQUIRED);
  if (missing) return { kind: 'invalid', rejection: missing };
  const col = (name: string) => header.indexOf(name);
  const [area, period, indicator, value, measure, unit, inequality, compared, areaName] = [
    'area_code',
    'period',
    'indicator',
    'value',
    'measure',
    'unit',
    'inequality',
    'compared_to_england',
    'area_name',
  ].map(col) as number[];
  const cell = (record: readonly string[], i: number) => (i! < 0 ? '' : (record[i!] ?? '').trim());
  // Some extracts name the sex in the unit column ('Male', 'Female', 'Persons'
  // for the same indicator, area and period): a part of the metric, not its
  // unit; 'Persons' is the whole.
  const sexInUnit = (record: readonly string[]) => SEXES.has(cell(record, unit!).toLowerCase());
  const breakdown = (record: readonly string[]) => {
    const text = cell(record, inequality!);
    const parts = [text === '' || text === 'NA' ? '' : text, sexInUnit(record) && !/^persons$/i.test(cell(record, unit!)) ? cell(record, unit!) : ''];
    return parts.filter((part) => part !== '').join(', ');
  };
  const drafts = new Map<string, MetricDraft>();
  const votes = new Map<string, PolarityVotes>();

  return {
    kind: 'ok',
    layout: {
      name: 'Fingertips tidy extract',
      columnOf: { metric: 'indicator', area: 'area_code', period: 'period', value: 'value', numerator: '', denominator: '', lower_ci: '', upper_ci: '', flags: 'value' },
      read(record, into) {
        const title = cell(record, indicator!);
        const part = breakdown(record);
        into.metric = metricCodeFromTitle(part ? `${title} ${part}` : title);
        into.area = cell(record, area!);
        into.area_name = cell(record, areaName!);
        into.compared_to_england = cell(record, compared!);
        into.period = cell(record, period!);
        const raw = cell(record, value!);
        into.value = raw === 'NA' ? '' : raw;
        into.flags = raw === 'NA' ? 'suppressed' : '';
      },
      defineMetric(record, cells, periodKind) {
        let draft = drafts.get(cells.metric);
        if (!draft) {
          const title = cell(record, indicator!);
          const part = breakdown(record);
          const kind = valueKindOf(cell(record, measure!));
          draft = {
            code: cells.metric,
            title: part ? `${title} (${part})` : title,
            definition: title,
            unit: kind === 'proportion' ? '%' : sexInUnit(record) ? null : cell(record, unit!) || null,
            polarity: 'neutral',
            valueKind: kind,
            multiplier: kind === 'proportion' ? 100 : null,
            periodKind,
            source: 'Fingertips (OHID public health profiles)',
            themes: [],
            decimals: 1,
            ciMethod: null,
            status: 'published',
          };
          drafts.set(cells.metric, draft);
        }
        return draft;
      },
      observe(record, cells, observed) {
        if (observed === null) return;
        let tally = votes.get(cells.metric);
        if (!tally) votes.set(cells.metric, (tally = { england: new Map(), higherIsBetter: 0, lowerIsBetter: 0 }));
        if (cells.area === ENGLAND_CODE) tally.england.set(cells.period, observed);
        const judgement = cell(record, compared!).toLowerCase();
        const england = tally.england.get(cells.period);
        if (england === undefined || observed === england || (judgement !== 'better' && judgement !== 'worse')) return;
        const aboveAndBetter = observed > england === (judgement === 'better');
        if (aboveAndBetter) tally.higherIsBetter++;
        else tally.lowerIsBetter++;
      },
      definedMetrics() {
        return [...drafts.values()].map((draft) => {
          const tally = votes.get(draft.code);
          const polarity = !tally || tally.higherIsBetter === tally.lowerIsBetter ? 'neutral' : tally.higherIsBetter > tally.lowerIsBetter ? 'higher_is_better' : 'lower_is_better';
          return { ...draft, polarity };
        });
      },
    },
  };
}

/** Words for a sex that some extracts put in their unit column. */
const SEXES: ReadonlySet<string> = new Set(['male', 'female', 'persons']);

function valueKindOf(measure: string): ValueKind {
  if (/percent|proportion/i.test(measure)) return 'proportion';
  if (/rate/i.test(measure)) return 'rate';
  if (/count|number/i.test(measure)) return 'count';
  if (/index/i.test(measure)) return 'index';
  return 'mean';
}
