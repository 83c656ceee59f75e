// The one import path: the CLI, the API and the demo loader all come here.
// It tells what a file holds (observations, metric definitions or areas) from
// its header or its JSON, runs it as one batch inside one transaction, and
// records the batch, loaded or rejected, with every rejection.
import type { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import type { Rejection } from '../domain/batch/index.ts';
import { createBatch, finishBatch, saveRejections, startBatch, type BatchKind, type BatchCounts } from '../store/batches.ts';
import { announceBatch } from '../store/import-notifications.ts';
import type { Tx } from '../store/observations.ts';
import type { Sql } from '../store/store.ts';
import { recordsFromCsv, recordsFromGeoJson, recordsFromJson, type CatalogueRecord } from './catalogue-records.ts';
import type { ColumnMapping } from './column-mapping.ts';
import type { CsvFile } from './csv-reader.ts';
import type { FileReading } from './file-reading.ts';
import { areaSourceOf, loadAreas, type AreaSource } from './import-areas.ts';
import { groupCodeColumn, loadGroup } from './import-group.ts';
import { loadMetrics } from './import-metrics.ts';
import { BatchRejected, loadObservations, type ImportPhase, type StepCounts } from './import-observations.ts';
import { RejectionError, RejectionList, type FileRefusal } from './rejections.ts';
import { readTableFile } from './table-file.ts';

export interface ImportRequest {
  /** The name used in messages and kept with the batch. */
  readonly fileName: string;
  readonly input: Readable;
  readonly importedBy: string;
  readonly skipInvalid?: boolean;
  readonly source?: string;
  /** What the body is, where its name does not say (an upload's Content-Type). */
  readonly format?: 'csv' | 'json';
  /** A saved column mapping: the file is observations in a publisher's layout, read as the mapping says. */
  readonly mapping?: ColumnMapping;
  /** The sheet of a spreadsheet to read (else the mapping's, else the first). */
  readonly sheet?: string;
  /** Keep the areas an observation file names that Lantern does not hold (wards, small areas), typed by their GSS code. */
  readonly addAreas?: boolean;
  readonly onProgress?: (progress: { bytesRead: number; rows: number; phase: ImportPhase }) => void;
  /**
   * Writes the batch's audit event in the transaction that ends the batch,
   * loaded or rejected: no batch is kept without its event, and no event
   * names a batch that was rolled back.
   */
  readonly audit?: (tx: Tx, outcome: BatchOutcome) => Promise<void>;
}

/** How a batch ended, as its audit event tells it. */
export interface BatchOutcome extends BatchCounts {
  readonly batchId: number;
  readonly status: 'loaded' | 'rejected';
}

export interface ImportResult extends BatchCounts {
  readonly batchId: number;
  readonly status: 'loaded' | 'rejected';
  readonly kind: BatchKind;
  /** The first rejections (all of them up to 100,000). */
  readonly rejections: readonly Rejection[];
  readonly notices: readonly string[];
  readonly seconds: number;
  readonly sha256: string | null;
  /** How an observation file was read (its layout, columns and periods). */
  readonly reading?: FileReading;
  /** Why the file could not be read at all, where it was refused as unreadable, too large, malformed or stalled. */
  readonly refusal?: FileRefusal;
}

type Content =
  | { readonly kind: 'observations'; readonly csv: CsvFile }
  | { readonly kind: 'metrics'; readonly records: CatalogueRecord[]; readonly sha256: () => string; readonly notices: string[] }
  | { readonly kind: 'areas'; readonly source: AreaSource; readonly records: CatalogueRecord[]; readonly sha256: () => string; readonly notices: string[] }
  | {
      readonly kind: 'groups';
      readonly codeColumn: string;
      readonly fileName: string;
      readonly importedBy: string;
      readonly records: CatalogueRecord[];
      readonly sha256: () => string;
      readonly notices: string[];
    };

export async function importFile(sql: Sql, request: ImportRequest): Promise<ImportResult> {
  const started = performance.now();
  const skipInvalid = request.skipInvalid ?? false;
  let content: Content;
  try {
    content = await readContent(request);
  } catch (error) {
    if (!(error instanceof RejectionError)) throw error;
    return refuseFile(sql, request, error, started);
  }
  const batchId = await createBatch(sql, { kind: content.kind, fileName: request.fileName, importedBy: request.importedBy, skipInvalid, source: request.source });
  const sha256 = () => (content.kind === 'observations' ? content.csv.sha256() : content.sha256());
  const notices = content.kind === 'observations' ? content.csv.notices : content.notices;
  let rowsRead = 0;
  try {
    const counts = await sql.begin(async (tx) => {
      await startBatch(tx, sql, batchId);
      const step = await runStep(
        tx,
        content,
        batchId,
        skipInvalid,
        request.mapping,
        (rows, phase) => {
          rowsRead = rows;
          request.onProgress?.({ bytesRead: content.kind === 'observations' ? content.csv.bytesRead() : 0, rows, phase });
        },
        request.addAreas ?? false,
      );
      if (step.rowsRead === 0) throw new RejectionError(request.fileName, { line: 1, reason: 'the file holds no rows: nothing to import' });
      if (step.rejections.rows > 0 && !skipInvalid) throw new BatchRejected(step.rejections, step.rowsRead);
      await saveRejections(tx, batchId, step.rejections.kept);
      await finishBatch(tx, batchId, 'loaded', step, sha256(), null);
      await announceBatch(tx, batchId);
      await request.audit?.(tx, { batchId, status: 'loaded', ...pick(step) });
      return step;
    });
    return {
      batchId,
      status: 'loaded',
      kind: content.kind,
      ...pick(counts),
      rejections: counts.rejections.kept,
      notices,
      ...(counts.reading ? { reading: counts.reading } : {}),
      seconds: seconds(started),
      sha256: sha256(),
    };
  } catch (error) {
    if (error instanceof BatchRejected) {
      return rejectBatch(sql, request, batchId, content.kind, error.rejections.kept, error.rowsRead, error.rejections.rows, safeHash(sha256), started, notices, null);
    }
    if (error instanceof RejectionError) {
      const rejection = error.rejection;
      return rejectBatch(sql, request, batchId, content.kind, [rejection], rowsRead, 1, null, started, notices, null, error.refusal);
    }
    await finishBatch(sql, batchId, 'rejected', { rowsRead, inserted: 0, revised: 0, unchanged: 0, rejected: 0 }, null, `failed: ${String(error)}`).catch(() => {});
    throw error;
  }
}

/** A file refused before any of it could be read as rows (or an upload refused before it was whole): a rejected batch with the reason. */
export async function refuseFile(
  sql: Sql,
  request: Pick<ImportRequest, 'fileName' | 'importedBy' | 'skipInvalid' | 'source' | 'audit'>,
  error: RejectionError,
  started = performance.now(),
): Promise<ImportResult> {
  const batchId = await createBatch(sql, {
    kind: 'observations',
    fileName: request.fileName,
    importedBy: request.importedBy,
    skipInvalid: request.skipInvalid ?? false,
    source: request.source,
  });
  const rejections = error.rejection.line > 0 ? [error.rejection] : [];
  return rejectBatch(sql, request, batchId, 'observations', rejections, 0, 1, null, started, [], error.message, error.refusal);
}

async function runStep(
  tx: Tx,
  content: Content,
  batchId: number,
  skipInvalid: boolean,
  mapping: ColumnMapping | undefined,
  onRows: (rows: number, phase: ImportPhase) => void,
  addAreas: boolean,
): Promise<StepCounts & { rejections: RejectionList; reading?: FileReading }> {
  switch (content.kind) {
    case 'observations':
      return loadObservations(tx, content.csv, batchId, skipInvalid, onRows, mapping, addAreas);
    case 'metrics':
      return loadMetrics(tx, content.records, batchId);
    case 'areas':
      return loadAreas(tx, content.source, content.records, batchId);
    case 'groups': {
      const loaded = await loadGroup(tx, content.fileName, content.codeColumn, content.records, batchId, content.importedBy);
      if (loaded.notice) content.notices.push(loaded.notice);
      return loaded;
    }
  }
}

const AREA_COLUMNS = ['code', 'name', 'type'];
/** Keys only a metric definition has. */
const METRIC_KEYS = ['title', 'polarity', 'value_kind', 'period_kind'];
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** Definitions and GeoJSON boundaries nest a few levels; past this, JSON is refused before it is parsed. */
const MAX_JSON_DEPTH = 64;

/** What the file holds, told from its first bytes: JSON or CSV, and then its keys or header. */
async function readContent(request: ImportRequest): Promise<Content> {
  if (request.format === 'json' || (request.format === undefined && /\.(geo)?json$/i.test(request.fileName))) return readJson(request);
  const mapping = request.mapping;
  const csv = await readTableFile(
    request.fileName,
    request.input,
    request.sheet ?? mapping?.sheet,
    mapping && {
      mappingName: mapping.fileName,
      areaColumn: mapping.area,
      ...(mapping.headerRow === undefined ? {} : { headerRow: mapping.headerRow }),
    },
  );
  const header = csv.header.map((cell) => cell.toLowerCase());
  if (request.mapping) return { kind: 'observations', csv };
  if (header.includes('code') && header.includes('title')) {
    return { kind: 'metrics', records: await recordsFromCsv(csv), sha256: csv.sha256, notices: csv.notices };
  }
  if (header.includes('local-authority-code') || AREA_COLUMNS.every((c) => header.includes(c))) {
    return { kind: 'areas', source: areaSourceOf(header), records: await recordsFromCsv(csv), sha256: csv.sha256, notices: csv.notices };
  }
  const codeColumn = groupCodeColumn(csv.header);
  if (codeColumn !== undefined) {
    return {
      kind: 'groups',
      codeColumn: codeColumn.toLowerCase(),
      fileName: request.fileName,
      importedBy: request.importedBy,
      records: await recordsFromCsv(csv),
      sha256: csv.sha256,
      notices: csv.notices,
    };
  }
  return { kind: 'observations', csv };
}

async function readJson(request: ImportRequest): Promise<Content> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.input) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) {
      throw new RejectionError(request.fileName, { line: 1, reason: `the JSON file is over ${MAX_JSON_BYTES / 1024 / 1024} MB; send large data as CSV` }, 'too_large');
    }
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const text = jsonText(request.fileName, bytes);
  const notices: string[] = [];
  const tooDeep = nestingPastLimit(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    throw new RejectionError(request.fileName, { line: lineAt(text, tooDeep), reason: `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep` }, 'malformed');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const position = Number(/position (\d+)/.exec(String(error))?.[1] ?? 0);
    throw new RejectionError(request.fileName, { line: lineAt(text, position), reason: `the file is not valid JSON: ${(error as Error).message}` }, 'malformed');
  }
  const sha256 = () => hash;
  if (isFeatureCollection(parsed)) return { kind: 'areas', source: 'boundaries', records: recordsFromGeoJson(parsed.features), sha256, notices };
  if (!Array.isArray(parsed)) throw new RejectionError(request.fileName, { line: 1, reason: 'the JSON must be an array of metric or area definitions, or a GeoJSON FeatureCollection' });
  const records = recordsFromJson(parsed);
  if (records.some((r) => METRIC_KEYS.some((key) => key in r.cells))) return { kind: 'metrics', records, sha256, notices };
  return { kind: 'areas', source: 'areas', records, sha256, notices };
}

/** The bytes as UTF-8 text; anything else (UTF-16, binary) is refused as unreadable. */
function jsonText(fileName: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RejectionError(fileName, { line: 1, reason: 'the file is not UTF-8 text', suggestion: 'save it as UTF-8' }, 'unreadable');
  }
}

/** Where the text's arrays and objects first open deeper than `limit`, outside strings; undefined if they never do. One pass, no recursion. */
function nestingPastLimit(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function isFeatureCollection(value: unknown): value is { features: { properties?: Record<string, unknown> }[] } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'FeatureCollection' && Array.isArray((value as { features?: unknown }).features);
}

async function rejectBatch(
  sql: Sql,
  request: Pick<ImportRequest, 'audit'>,
  batchId: number,
  kind: BatchKind,
  rejections: readonly Rejection[],
  rowsRead: number,
  rejected: number,
  sha256: string | null,
  started: number,
  notices: readonly string[],
  message: string | null,
  refusal?: FileRefusal,
): Promise<ImportResult> {
  const counts = { rowsRead, inserted: 0, revised: 0, unchanged: 0, rejected };
  await sql.begin(async (tx) => {
    await finishBatch(tx, batchId, 'rejected', counts, sha256, message);
    await saveRejections(tx, batchId, rejections);
    await request.audit?.(tx, { batchId, status: 'rejected', ...counts });
  });
  return { batchId, status: 'rejected', kind, ...counts, rejections, notices, seconds: seconds(started), sha256, ...(refusal ? { refusal } : {}) };
}

function pick(counts: StepCounts): BatchCounts {
  return { rowsRead: counts.rowsRead, inserted: counts.inserted, revised: counts.revised, unchanged: counts.unchanged, rejected: counts.rejected };
}

function safeHash(hash: () => string): string | null {
  try {
    return hash();
  } catch {
    return null;
  }
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}
