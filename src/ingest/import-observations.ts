// Importing observations: one batch, all or nothing.
//
// The file streams through the checks; rows that pass are COPYed into a
// staging table inside the batch's transaction; then duplicates are looked
// for and one statement merges the staging table into the store (inserted,
// revised with history, unchanged). Any rejection rolls the whole batch back,
// unless the user asked to load the valid rows (skipInvalid). A process killed
// part-way leaves nothing behind: its transaction dies with its connection.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Rejection } from '../domain/batch/index.ts';
import type { Metric } from '../domain/metric/index.ts';
import { cellHazard, checkObservationValues } from '../domain/observation/index.ts';
import { parsePeriod, type Period } from '../domain/period/index.ts';
import { closestMatch, describeCandidate, type Candidate } from '../domain/suggest/index.ts';
import { areaKeys, metricKeys, upsertMetrics, type AreaKey, type MetricKey } from '../store/catalogue.ts';
import { createStaging, findDuplicateKeys, mergeStaged, openStagingCopy, savePeriods, takeWriteTurn, type Tx } from '../store/observations.ts';
import { isBlank, type CsvFile } from './csv-reader.ts';
import { bindLayout, emptyCells, type BoundLayout, type ObservationCells } from './observation-layouts.ts';
import { RejectionError, RejectionList } from './rejections.ts';

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
}

/** Reading streams the file through the checks; merging writes the staged rows into the store. */
export type ImportPhase = 'reading' | 'merging';

export class BatchRejected extends Error {
  constructor(readonly rejections: RejectionList, readonly rowsRead: number) {
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
 * Checks and stages every row of the file inside `tx`, then merges. Throws
 * BatchRejected when a row failed and skipInvalid is off (the caller rolls
 * back), RejectionError when the file itself cannot be read.
 */
export async function loadObservations(
  tx: Tx, csv: CsvFile, batchId: number, skipInvalid: boolean, onRows: (rows: number, phase: ImportPhase) => void,
): Promise<ObservationsLoaded> {
  const match = bindLayout(csv.header);
  if (match.kind === 'invalid') throw new RejectionError('', match.rejection);
  const layout = match.layout;
  const lookup = await loadLookup(tx);
  await createStaging(tx);
  const copy = await openStagingCopy(tx);
  const checker = new RowChecker(layout, lookup);
  const rejections = new RejectionList();
  let rowsRead = 0;

  for await (const chunk of csv.chunks) {
    let out = '';
    for (let i = 0; i < chunk.records.length; i++) {
      const record = chunk.records[i]!;
      if (isBlank(record)) continue;
      rowsRead++;
      const line = chunk.firstLine + i;
      const staged = checker.check(record, line, csv.header.length);
      if (typeof staged === 'string') {
        if (rejections.rows === 0 || skipInvalid) out += staged;
      } else {
        rejections.addRow(staged);
      }
    }
    if (out !== '' && !copy.write(out)) await once(copy, 'drain');
    onRows(rowsRead, 'reading');
  }
  await endCopy(copy);
  if (rejections.rows > 0 && !skipInvalid) throw new BatchRejected(rejections, rowsRead);

  onRows(rowsRead, 'merging');
  await takeWriteTurn(tx);
  const defined = layout.definedMetrics?.() ?? [];
  await saveDefinedMetrics(tx, defined, checker.provisionalIds, batchId);
  await rejectDuplicates(tx, rejections, skipInvalid, rowsRead);
  await savePeriods(tx, checker.periods.values());
  const merged = await mergeStaged(tx, batchId);
  const stored = rowsRead - rejections.rows;
  return {
    rowsRead, inserted: merged.inserted, revised: merged.revised, unchanged: stored - merged.inserted - merged.revised,
    rejected: rejections.rows, rejections, layout: layout.name,
  };
}

async function endCopy(copy: Writable): Promise<void> {
  copy.end();
  await once(copy, 'finish');
}

/** Metrics a file defined: created or updated now that the whole file has been seen. */
async function saveDefinedMetrics(tx: Tx, defined: readonly Metric[], provisionalIds: Map<string, number>, batchId: number): Promise<void> {
  if (defined.length === 0) return;
  await upsertMetrics(tx, defined.filter((m) => provisionalIds.has(m.code)), batchId);
  for (const [code, provisional] of provisionalIds) {
    await tx`update staged_observation set metric_id = (select id from metric where code = ${code}) where metric_id = ${provisional}`;
  }
}

async function rejectDuplicates(tx: Tx, rejections: RejectionList, skipInvalid: boolean, rowsRead: number): Promise<void> {
  const duplicates = await findDuplicateKeys(tx, 10_000);
  if (duplicates.length === 0) return;
  for (const { lines } of duplicates) {
    for (const line of lines) {
      rejections.addRow([{ line, reason: `the same metric, area and period are on lines ${lines.join(', ')}: a file may give each only once` }]);
    }
  }
  if (!skipInvalid) throw new BatchRejected(rejections, rowsRead);
  await tx`delete from staged_observation where line in ${tx(duplicates.flatMap((d) => d.lines))}`;
  await rejectDuplicates(tx, rejections, skipInvalid, rowsRead); // more than one page of them
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
  private readonly suggestions = new Map<string, string | undefined>();
  private readonly cells: ObservationCells = emptyCells();

  constructor(private readonly layout: BoundLayout, private readonly lookup: Lookup) {}

  check(record: readonly string[], line: number, width: number): string | Rejection[] {
    if (record.length !== width) {
      return [{ line, reason: `the row has ${record.length} cells but the header has ${width}` }];
    }
    const problems: Rejection[] = [];
    const cells = this.cells;
    this.layout.read(record, cells);
    this.checkHazards(record, line, problems);
    if (problems.length > 0) return problems;

    const period = this.period(cells.period, line, problems);
    const metric = this.metric(record, cells, period, line, problems);
    const area = this.area(cells.area, line, problems);
    if (metric && period && metric.periodKind !== period.kind) {
      problems.push({
        line, column: this.layout.columnOf.period, value: cells.period,
        reason: `'${cells.period}' is a ${words(period.kind)} but ${metric.code} is reported by ${words(metric.periodKind)}`,
      });
    }
    const checked = checkObservationValues(cells, metric?.valueKind ?? 'mean');
    if (checked.kind === 'invalid') {
      for (const p of checked.problems) problems.push({ line, ...p, column: this.layout.columnOf[p.column as keyof ObservationCells] || p.column });
    }
    if (problems.length > 0 || !metric || !area || !period || checked.kind !== 'ok') return problems;
    const v = checked.values;
    this.layout.observe?.(record, cells, v.value);
    return `${line}\t${metric.id}\t${area.id}\t${period.label}\t${n(v.value)}\t${n(v.numerator)}\t${n(v.denominator)}\t${n(v.lowerCi)}\t${n(v.upperCi)}\t${v.flags}\n`;
  }

  private checkHazards(record: readonly string[], line: number, problems: Rejection[]): void {
    for (let i = 0; i < record.length; i++) {
      const cell = record[i]!;
      if (cell === '' || (cell.length < 100 && !/^[\s=+@]/.test(cell))) continue;
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
    if (this.layout.defineMetric) return undefined; // its period was rejected; the metric is decided by a good row
    const suggestion = this.suggest('metric', cells.metric, this.lookup.metricCandidates);
    problems.push({
      line, column: this.layout.columnOf.metric, value: cells.metric,
      reason: cells.metric === '' ? 'the metric is missing' : `'${cells.metric}' is not a metric Lantern knows: import its definition first`,
      ...(suggestion ? { suggestion } : {}),
    });
    return undefined;
  }

  private area(code: string, line: number, problems: Rejection[]): AreaKey | undefined {
    const known = this.lookup.areas.get(code);
    if (known) return known;
    const suggestion = this.suggest('area', code, this.lookup.areaCandidates);
    problems.push({
      line, column: this.layout.columnOf.area, value: code,
      reason: code === '' ? 'the area code is missing' : `'${code}' is not an area in the register`,
      ...(suggestion ? { suggestion } : {}),
    });
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

/** A number in PostgreSQL's COPY text format. */
function n(value: number | null): string {
  return value === null ? '\\N' : String(value);
}

function words(kind: string): string {
  return kind.replace(/_/g, ' ');
}
