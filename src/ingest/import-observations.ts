// Importing observations: one batch, all or nothing.
//
// The file streams through the checks; rows that pass are COPYed into a
// staging table inside the batch's transaction; then duplicates are looked
// for and one statement merges the staging table into the store (inserted,
// revised with history, unchanged). Any rejection rolls the whole batch back,
// unless the user asked to load the valid rows (skipInvalid). A process killed
// part-way leaves nothing behind: its transaction dies with its connection.
// Where the file gives the source's own verdict on a figure (Fingertips'
// compared_to_England), it is kept beside the figure in the same batch.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Rejection } from '../domain/batch/index.ts';
import type { Metric, MetricAbout } from '../domain/metric/index.ts';
import { cellHazard, checkObservationValues, emptyValues, type ObservationValues } from '../domain/observation/index.ts';
import { parsePeriod, type Period } from '../domain/period/index.ts';
import { closestMatch, describeCandidate, type Candidate } from '../domain/suggest/index.ts';
import { areaKeys, METRIC_ABOUT_COLUMNS, metricKeys, upsertMetricsWithAbout, type AreaKey, type MetricAboutField, type MetricKey } from '../store/catalogue.ts';
import { updateMetricAbout } from '../store/metric-about.ts';
import {
  assignStagedMetrics,
  createStaging,
  mergeStaged,
  metricsWithObservations,
  openStagingCopy,
  openStoreCopy,
  recordBatchMetrics,
  savePeriods,
  takeWriteTurn,
  type Tx,
} from '../store/observations.ts';
import { sourceVerdictWord } from '../domain/benchmark/source-verdict.ts';
import { saveSourceVerdicts, type SourceVerdictRow } from '../store/source-verdicts.ts';
import { isBlank, type CsvFile } from './csv-reader.ts';
import type { FileReading } from './file-reading.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { bindLayout, emptyCells, type BoundLayout, type CellName, type ObservationCells } from './observation-layouts.ts';
import { RejectionError, RejectionList } from './rejections.ts';
import { SeenKeys } from './seen-keys.ts';
import { UnknownAreas } from './unknown-areas.ts';

export interface StepCounts {
  rowsRead: number;
  inserted: number;
  revised: number;
  unchanged: number;
  rejected: number;
}

export interface ObservationsLoaded extends StepCounts {
  readonly rejections: RejectionList;
  readonly layout: string;
  readonly reading: FileReading;
}

/** Reading streams the file through the checks; merging writes the staged rows into the store. */
export type ImportPhase = 'reading' | 'merging';

export class BatchRejected extends Error {
  constructor(
    readonly rejections: RejectionList,
    readonly rowsRead: number,
  ) {
    super(`${rejections.rows} row(s) rejected`);
  }
}

interface Lookup {
  metrics: Map<string, MetricKey>;
  areas: Map<string, AreaKey>;
  metricCandidates: Candidate[];
  areaCandidates: Candidate[];
  areaByName: Map<string, AreaKey>;
}

async function loadLookup(tx: Tx): Promise<Lookup> {
  const metrics = await metricKeys(tx);
  const areas = await areaKeys(tx);
  return {
    metrics: new Map(metrics.map((m) => [m.code, m])),
    areas: new Map(areas.map((a) => [a.code, a])),
    metricCandidates: metrics.map((m) => ({ key: m.code, label: m.title })),
    areaCandidates: areas.map((a) => ({ key: a.code, label: a.name })),
    areaByName: new Map(areas.map((a) => [a.name.toLowerCase(), a])),
  };
}

/**
 * Checks every row of the file inside `tx` and stores the good ones. Throws
 * BatchRejected when a row failed and skipInvalid is off (the caller rolls
 * back), RejectionError when the file itself cannot be read.
 *
 * Rows of metrics that have no observations yet cannot revise anything, so
 * while the file gives only such metrics its rows are COPYed straight into
 * the store; from the first row of a metric that has observations, the rest
 * go to the staging table and one statement merges them. The batch holds the
 * store's write turn throughout, so what "has observations" means cannot
 * change under it.
 */
export async function loadObservations(
  tx: Tx,
  csv: CsvFile,
  batchId: number,
  skipInvalid: boolean,
  onRows: (rows: number, phase: ImportPhase) => void,
  mapping?: ColumnMapping,
  addAreas = false,
): Promise<ObservationsLoaded> {
  const match = bindLayout(csv.header, mapping);
  // The layout's refusals are of the header: on its own line, below any title and notes.
  if (match.kind === 'invalid') throw new RejectionError('', { ...match.rejection, line: csv.headerLine });
  const layout = match.layout;
  await takeWriteTurn(tx);
  const lookup = await loadLookup(tx);
  const unknownAreas = new UnknownAreas([...lookup.areas.values()], addAreas);
  const checker = new RowChecker(layout, lookup, batchId, await metricsWithObservations(tx), unknownAreas);
  const rejections = new RejectionList();
  const sink = new RowSink(tx);
  const readings = layout.readingsPerRecord ?? 1;
  let rowsRead = 0;
  try {
    for await (const chunk of csv.chunks) {
      for (let i = 0; i < chunk.records.length; i++) {
        const record = chunk.records[i]!;
        if (isBlank(record)) continue;
        // A wide file's record holds several observations, each counted as a row.
        for (let reading = 0; reading < readings; reading++) {
          rowsRead++;
          const row = checker.check(record, chunk.firstLine + i, csv.header.length, reading);
          if (typeof row !== 'string') rejections.addRow(row);
          else if (rejections.rows === 0 || skipInvalid) await sink.add(row, checker.lastRowIsFresh);
          if (record.length !== csv.header.length) break;
        }
      }
      await sink.flush();
      onRows(rowsRead, 'reading');
    }
  } finally {
    await sink.end();
  }
  csv.notices.push(...checker.periodNotes.values());
  if (rejections.rows > 0 && !skipInvalid) throw new BatchRejected(rejections, rowsRead);

  onRows(rowsRead, 'merging');
  await saveDefinedMetrics(tx, layout.definedMetrics?.() ?? [], checker.provisionalIds, batchId, sink.staged > 0);
  await refreshHeldMetricsAbout(tx, layout.aboutGiven?.() ?? new Map(), checker, batchId);
  const added = await unknownAreas.save(tx, batchId, sink.staged > 0);
  if (added) csv.notices.push(added);
  await savePeriods(tx, checker.periods.values());
  const merged = sink.staged > 0 ? await mergeStaged(tx, batchId) : { inserted: 0, revised: 0, changedMetrics: [] };
  await saveSourceVerdicts(tx, batchId, checker.sourceVerdicts);
  await recordBatchMetrics(tx, batchId, checker.storedMetrics, new Set([...checker.freshMetrics, ...merged.changedMetrics]));
  const inserted = sink.direct + merged.inserted;
  return {
    rowsRead,
    inserted,
    revised: merged.revised,
    unchanged: rowsRead - rejections.rows - inserted - merged.revised,
    rejected: rejections.rows,
    rejections,
    layout: layout.name,
    reading: {
      layout: layout.name,
      columns: layout.columnOf,
      periods: [...new Set(checker.periods.values())],
      ...(layout.otherColumns ? { otherColumns: layout.otherColumns } : {}),
    },
  };
}

/**
 * Where checked rows go: COPY straight into the store while every row so far
 * is of a fresh metric, then COPY into the staging table. One COPY at a time
 * on the batch's connection, so the switch happens once.
 */
const COPY_BUFFER_BYTES = 8 * 1024 * 1024;

class RowSink {
  direct = 0;
  staged = 0;
  private copy: Writable | undefined;
  private target: 'store' | 'staging' | undefined;
  private pending = '';

  constructor(private readonly tx: Tx) {}

  async add(row: string, fresh: boolean): Promise<void> {
    const target = this.target === 'staging' || !fresh ? 'staging' : 'store';
    if (target !== this.target) await this.switchTo(target);
    this.pending += row;
    if (target === 'store') this.direct++;
    else this.staged++;
  }

  /**
   * Hands the pending rows to the COPY. Up to a few megabytes may wait in
   * its buffer, so that PostgreSQL stores one chunk while the next is being
   * read and checked; past that, reading waits.
   */
  async flush(): Promise<void> {
    if (this.pending === '' || !this.copy) return;
    this.copy.write(this.pending);
    this.pending = '';
    if (this.copy.writableLength > COPY_BUFFER_BYTES) await once(this.copy, 'drain');
  }

  /** Ends the COPY in progress, so that the connection is free to merge, or to roll back after an error. */
  async end(): Promise<void> {
    await this.flush();
    const copy = this.copy;
    this.copy = undefined;
    if (!copy) return;
    copy.end();
    await once(copy, 'finish');
  }

  private async switchTo(target: 'store' | 'staging'): Promise<void> {
    await this.end();
    if (target === 'staging') await createStaging(this.tx);
    this.copy = target === 'store' ? await openStoreCopy(this.tx) : await openStagingCopy(this.tx);
    this.target = target;
  }
}

/** Metrics a file defined: created or updated now that the whole file has been seen. */
async function saveDefinedMetrics(tx: Tx, defined: readonly Metric[], provisionalIds: Map<string, number>, batchId: number, staged: boolean): Promise<void> {
  if (defined.length === 0) return;
  await upsertMetricsWithAbout(
    tx,
    defined.filter((m) => provisionalIds.has(m.code)),
    batchId,
  );
  // No row was staged (every row of the new metrics was refused, as when their areas are unknown): there is no staging table to update.
  if (provisionalIds.size === 0 || !staged) return;
  await assignStagedMetrics(tx, provisionalIds);
}

/**
 * What a file's mapping says of metrics Lantern already holds (their
 * publication date, next update, method, page), written over what an earlier
 * file said: a newer release of the same figures brings a newer publication
 * date. Only the fields the mapping gives, only for metrics this file brought
 * figures of; the definition itself stays as the catalogue keeps it.
 */
async function refreshHeldMetricsAbout(tx: Tx, given: ReadonlyMap<string, MetricAbout>, checker: RowChecker, batchId: number): Promise<void> {
  for (const [code, about] of given) {
    if (checker.provisionalIds.has(code) || !checker.storedMetrics.has(code)) continue;
    const fields = Object.keys(about).filter((field): field is MetricAboutField => field in METRIC_ABOUT_COLUMNS);
    await updateMetricAbout(tx, code, about, fields, batchId);
  }
}

/**
 * The checks of one row, returning its line for the COPY stream or its
 * rejections. Lookups and period parses are cached: a file names few
 * distinct metrics, areas and periods, many times over.
 */
class RowChecker {
  readonly periods = new Map<string, Period>();
  readonly provisionalIds = new Map<string, number>();
  private readonly periodProblems = new Map<string, string>();
  /** How periods read by a judgement were read, one note per form (a year from 1 September), for the batch's notices. */
  readonly periodNotes = new Map<string, string>();
  private readonly suggestions = new Map<string, string | undefined>();
  private readonly cells: ObservationCells = emptyCells();
  private readonly values: ObservationValues = emptyValues();
  private problems: Rejection[] = [];
  private readonly seen = new SeenKeys();
  /** The codes of the metrics of the rows that passed. */
  readonly storedMetrics = new Set<string>();
  /** Whether the row last checked belongs to a metric with no observations in the store. */
  lastRowIsFresh = false;
  /** The codes of the metrics of those rows, which go to the store directly: every row of them is new. */
  readonly freshMetrics = new Set<string>();
  /** The source's own verdicts on the rows that passed, where the file gives them. */
  readonly sourceVerdicts: SourceVerdictRow[] = [];

  constructor(
    private readonly layout: BoundLayout,
    private readonly lookup: Lookup,
    private readonly batchId: number,
    private readonly metricsWithObservations: ReadonlySet<number>,
    private readonly unknownAreas: UnknownAreas,
  ) {}

  check(record: readonly string[], line: number, width: number, reading = 0): string | Rejection[] {
    if (record.length !== width) {
      return [{ line, reason: `the row has ${record.length} cells but the header has ${width}` }];
    }
    const problems = this.problems;
    const cells = this.cells;
    this.layout.read(record, cells, reading);
    const refused = this.layout.refusal?.();
    if (refused) problems.push({ line, ...refused });
    this.checkHazards(record, line, problems);
    if (problems.length > 0) return this.takeProblems();

    const period = this.period(cells.period, line, problems);
    const metric = this.metric(record, cells, period, line, problems);
    const area = this.area(cells.area, line, problems);
    if (metric && period && metric.periodKind !== period.kind) {
      problems.push({
        line,
        column: this.layout.columnOf.period,
        value: cells.period,
        reason: `'${cells.period}' is a ${words(period.kind)} but ${metric.code} is reported by ${words(metric.periodKind)}`,
      });
    }
    const valueProblems = checkObservationValues(cells, metric?.valueKind ?? 'mean', this.values);
    if (valueProblems) {
      for (const p of valueProblems) problems.push({ line, ...p, column: this.layout.columnOf[p.column as CellName] || p.column });
    }
    if (problems.length > 0 || !metric || !area || !period) return this.takeProblems();
    if (!this.seen.add(metric.id, area.id, period.label)) {
      return [{ line, reason: `the metric ${metric.code}, area ${area.code} and period ${period.label} are on an earlier line too: a file may give each only once` }];
    }
    this.layout.observe?.(record, cells, this.values.value);
    this.storedMetrics.add(metric.code);
    const judged = cells.compared_to_england === '' ? undefined : sourceVerdictWord(cells.compared_to_england);
    if (judged) this.sourceVerdicts.push({ metric: metric.code, area: area.code, period: period.label, verdict: judged, benchmark: 'England' });
    // Provisional (negative) ids are replaced in the staging table once the metric or area is created.
    this.lastRowIsFresh = metric.id > 0 && area.id > 0 && !this.metricsWithObservations.has(metric.id);
    if (this.lastRowIsFresh) this.freshMetrics.add(metric.code);
    // Numbers go on as they were written (checked to be plain): PostgreSQL reads them as exactly as we would.
    return `${metric.id}\t${area.id}\t${period.label}\t${n(cells.value)}\t${n(cells.numerator)}\t${n(cells.denominator)}\t${n(cells.lower_ci)}\t${n(cells.upper_ci)}\t${this.values.flags}\t${this.batchId}\n`;
  }

  /** The row's problems, handing the list over and starting a new one: the good path reuses one empty list. */
  private takeProblems(): Rejection[] {
    const problems = this.problems;
    this.problems = [];
    return problems;
  }

  private checkHazards(record: readonly string[], line: number, problems: Rejection[]): void {
    for (let i = 0; i < record.length; i++) {
      const cell = record[i]!;
      if (cell === '' || (cell.length < 100 && !mayBeFormula(cell.charCodeAt(0)))) continue;
      const hazard = cellHazard(cell);
      if (hazard) problems.push({ line, column: `#${i + 1}`, value: cell.slice(0, 100), ...hazard });
    }
  }

  private period(label: string, line: number, problems: Rejection[]): Period | undefined {
    const known = this.periods.get(label);
    if (known) return known;
    const problem = this.periodProblems.get(label);
    if (problem === undefined) {
      const parsed = parsePeriod(label);
      if (parsed.kind === 'ok') {
        if (parsed.note && !this.periodNotes.has(parsed.note.form)) this.periodNotes.set(parsed.note.form, parsed.note.text);
        this.periods.set(label, parsed.period);
        if (parsed.period.label !== label) this.periods.set(parsed.period.label, parsed.period);
        return parsed.period;
      }
      this.periodProblems.set(label, parsed.reason);
    }
    problems.push({ line, column: this.layout.columnOf.period, value: label, reason: this.periodProblems.get(label)! });
    return undefined;
  }

  private metric(record: readonly string[], cells: ObservationCells, period: Period | undefined, line: number, problems: Rejection[]): MetricKey | undefined {
    const known = this.lookup.metrics.get(cells.metric);
    if (known) return known;
    if (this.layout.defineMetric && cells.metric !== '' && period) {
      const draft = this.layout.defineMetric(record, cells, period.kind);
      const key: MetricKey = { id: -(this.provisionalIds.size + 1), code: draft.code, title: draft.title, valueKind: draft.valueKind, periodKind: draft.periodKind };
      this.provisionalIds.set(draft.code, key.id);
      this.lookup.metrics.set(draft.code, key);
      return key;
    }
    if (this.layout.defineMetric && cells.metric === '') {
      problems.push({ line, column: this.layout.columnOf.metric, value: '', reason: 'the metric is missing' });
      return undefined;
    }
    if (this.layout.defineMetric) return undefined; // its period was rejected; the metric is decided by a good row
    const suggestion = this.suggest('metric', cells.metric, this.lookup.metricCandidates);
    problems.push({
      line,
      column: this.layout.columnOf.metric,
      value: cells.metric,
      reason: cells.metric === '' ? 'the metric is missing' : `'${cells.metric}' is not a metric Lantern knows: import its definition first`,
      ...(suggestion ? { suggestion } : {}),
    });
    return undefined;
  }

  private area(code: string, line: number, problems: Rejection[]): AreaKey | undefined {
    const known = this.lookup.areas.get(code);
    if (known) return known;
    const resolved = this.unknownAreas.resolve(code, this.cells.area_name, line, this.layout.columnOf.area);
    if ('id' in resolved) return resolved;
    problems.push(resolved);
    return undefined;
  }

  private suggest(kind: string, typed: string, candidates: Candidate[]): string | undefined {
    const key = `${kind}:${typed}`;
    if (!this.suggestions.has(key)) {
      const byName = kind === 'area' ? this.lookup.areaByName.get(typed.toLowerCase()) : undefined;
      const near = byName ? { key: byName.code, label: byName.name } : closestMatch(typed, candidates);
      this.suggestions.set(key, near ? describeCandidate(near) : undefined);
    }
    return this.suggestions.get(key);
  }
}

/** = + @ - and white space: the first characters of a cell worth a closer look. */
function mayBeFormula(code: number): boolean {
  return code === 61 || code === 43 || code === 64 || code === 45 || code <= 32;
}

/** A checked number cell in PostgreSQL's COPY text format. */
function n(cell: string): string {
  return cell === '' ? '\\N' : cell.trim();
}

function words(kind: string): string {
  return kind.replace(/_/g, ' ');
}
