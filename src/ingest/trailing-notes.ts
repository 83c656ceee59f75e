// Notes below the data. Publishers end a table with its source and the key to
// its symbols ("Source: MHCLG", "[x] not available"), each a row of one
// cell in the first column. Such rows after the last data row are set aside
// and said in the batch's notices, rather than refused as short rows. Only
// trailing ones: a row of one cell followed by more data is a data row with
// a mistake, and is checked as one. Rows of empty cells among and before the
// notes (',,,,' where a spreadsheet saved a blank row) go with them. Rows are held back while they might be
// trailing notes, at most MAX_HELD of them, so that memory stays flat.
import type { CsvChunk, CsvFile } from './csv-reader.ts';
import { isEmptyRow, shortened } from './header-row.ts';

/** Past this many rows of notes in a row, they are data after all (and checked as such). */
const MAX_HELD = 1_000;

/** The file with its trailing notes set aside, said in its notices once its rows are read. */
export function setAsideTrailingNotes(csv: CsvFile): CsvFile {
  if (csv.header.length < 2) return csv;
  return { ...csv, chunks: withoutTrailingNotes(csv.chunks, csv.notices) };
}

/** A row of one cell, in the first column. */
export function isNoteRow(record: readonly string[]): boolean {
  if (record.length === 0 || record[0]!.trim() === '') return false;
  for (let i = 1; i < record.length; i++) if (record[i]!.trim() !== '') return false;
  return true;
}

interface Held {
  readonly line: number;
  readonly record: string[];
}

async function* withoutTrailingNotes(chunks: AsyncIterable<CsvChunk>, notices: string[]): AsyncGenerator<CsvChunk, void> {
  let held: Held[] = [];
  for await (const chunk of chunks) {
    const out: CsvChunk[] = [];
    let start = 0; // the first record of the chunk neither passed on nor held
    for (let i = 0; i < chunk.records.length; i++) {
      const record = chunk.records[i]!;
      if (isNoteRow(record) || isEmptyRow(record)) {
        if (held.length === 0 && start < i) out.push({ records: chunk.records.slice(start, i), firstLine: chunk.firstLine + start });
        held.push({ line: chunk.firstLine + i, record });
        start = i + 1;
        if (held.length <= MAX_HELD) continue;
      } else if (held.length === 0) continue;
      out.push(...runs(held));
      held = [];
    }
    if (start < chunk.records.length) out.push(start === 0 ? chunk : { records: chunk.records.slice(start), firstLine: chunk.firstLine + start });
    yield* out;
  }
  const notes = held.filter(({ record }) => !isEmptyRow(record));
  if (notes.length > 0) notices.push(trailingNotice(notes));
}

/** Held rows passed on after all, as chunks of consecutive lines. */
function runs(held: readonly Held[]): CsvChunk[] {
  const chunks: { records: string[][]; firstLine: number }[] = [];
  for (const { line, record } of held) {
    const last = chunks[chunks.length - 1];
    if (last && last.firstLine + last.records.length === line) last.records.push(record);
    else chunks.push({ records: [record], firstLine: line });
  }
  return chunks;
}

function trailingNotice(notes: readonly Held[]): string {
  const first = notes[0]!;
  const lastLine = notes[notes.length - 1]!.line;
  const rows = notes.length === 1 ? `row ${first.line} after the data is a note` : `rows ${first.line} to ${lastLine} after the data are notes`;
  return `${rows} (beginning '${shortened(first.record[0]!.trim())}'), not data: set aside`;
}
