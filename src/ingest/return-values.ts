// A return's values as a file: CSV or a spreadsheet (XLSX, ODS), read by the
// import path's readers, one line a metric and period, as LG Inform takes an
// in-year return:
//
//   metric,period,value,note
//   local-e06000047-missed-bins,2025-09,412,
//   local-e06000047-missed-bins,2025-10,,Collection system replaced: figures follow
//
// A blank value is a period not submitted; the note says why, or anything
// unusual. This reads the lines and names every problem of their shape by
// file, line and column; whether the values may be held (the metric is one
// the council returns, the period of its kind, the value at most two
// decimals) is the domain's check, after, with the same lines.
import type { Readable } from 'node:stream';
import type { Rejection } from '../domain/batch/index.ts';
import { isBlank } from './csv-reader.ts';
import { readTableFile } from './table-file.ts';

export const RETURN_COLUMNS = ['metric', 'period', 'value', 'note'] as const;
const REQUIRED = ['metric', 'period', 'value'] as const;
/** Twelve months of fifty metrics is 600 lines; a file past this is not one council's return. */
export const MAX_RETURN_LINES = 10_000;
const MAX_PROBLEMS = 100;

/** One line of the file, its cells as given (trimmed). */
export interface ReturnLine {
  readonly line: number;
  readonly metric: string;
  readonly period: string;
  readonly value: string;
  readonly note: string;
}

export type ReturnReading = { readonly kind: 'read'; readonly lines: readonly ReturnLine[] } | { readonly kind: 'refused'; readonly problems: readonly Rejection[] };

/** Reads the file's lines, or every problem of its shape (at most 100). A header's names are read in any case. */
export async function readReturnValues(fileName: string, input: Readable): Promise<ReturnReading> {
  const csv = await readTableFile(fileName, input, undefined, { areaColumn: 'metric' });
  const header = csv.header.map((name) => name.trim().toLowerCase());
  const problems: Rejection[] = [];
  const unknown = header.find((name) => name !== '' && !(RETURN_COLUMNS as readonly string[]).includes(name));
  if (unknown !== undefined) problems.push({ line: csv.headerLine, column: unknown, reason: `is not a column of a return (${RETURN_COLUMNS.join(', ')})` });
  for (const name of REQUIRED) if (!header.includes(name)) problems.push({ line: csv.headerLine, column: name, reason: 'is missing: a return has metric, period, value and note' });
  if (problems.length > 0) return { kind: 'refused', problems };
  const at = (record: readonly string[], name: string) => (record[header.indexOf(name)] ?? '').trim();
  const lines: ReturnLine[] = [];
  reading: for await (const chunk of csv.chunks) {
    for (const [i, record] of chunk.records.entries()) {
      if (isBlank(record)) continue;
      const line = chunk.firstLine + i;
      if (lines.length >= MAX_RETURN_LINES) {
        problems.push({ line, reason: `the file holds more than ${MAX_RETURN_LINES.toLocaleString('en-GB')} lines: send it in parts` });
        break reading;
      }
      const metric = at(record, 'metric');
      if (metric === '') problems.push({ line, column: 'metric', reason: 'is blank: each line names its metric' });
      if (problems.length >= MAX_PROBLEMS) break reading;
      lines.push({ line, metric, period: at(record, 'period'), value: at(record, 'value'), note: header.includes('note') ? at(record, 'note') : '' });
    }
  }
  if (problems.length === 0 && lines.length === 0) problems.push({ line: csv.headerLine, reason: 'the file holds no values' });
  return problems.length > 0 ? { kind: 'refused', problems } : { kind: 'read', lines };
}
