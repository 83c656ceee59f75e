// Where a file's header is. Government statistics published as spreadsheets,
// and CSVs saved from them, put a title, a source and notes above the header
// ("Table 3: Households owed a duty, by local authority", "Source: MHCLG",
// a blank row, then the header). A saved mapping may say which row the
// header is on (`header_row`); without it, Lantern reads the first of the
// file's first 20 rows that looks like a header: at least two cells, most of
// them filled, none of them a number (a year such as 2021 names a period
// column, and is allowed), and one of them naming the area column (as
// recogniseHeader reads it, Lantern's own `area`, `code` for definitions, or
// the mapping's area column). Where no row looks like one, the first row that
// is not blank is the header, as it always was, so that every message about
// a header stays as it was. The rows set aside above the header are said in
// the batch's notices; line numbers stay the file's (or sheet's) own.
import type { CsvChunk, CsvFile } from './csv-reader.ts';
import { isAreaColumnName } from './mapped-layout.ts';
import { RejectionError } from './rejections.ts';

/** How far down a file Lantern looks for its header, where no mapping says. */
export const HEADER_SEARCH_ROWS = 20;

export interface HeaderChoice {
  /** The header's row number (1-based), as a mapping's `header_row` says. */
  readonly headerRow?: number;
  /** The mapping's name, for messages. */
  readonly mappingName?: string;
  /** The column a mapping reads the area from: a header names it. */
  readonly areaColumn?: string;
}

interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

/** The file with its header where the mapping says, or where it is found; throws RejectionError where the mapping's row is not in the file. */
export async function placeHeader(fileName: string, csv: CsvFile, choice: HeaderChoice = {}): Promise<CsvFile> {
  const wanted = choice.headerRow;
  if (wanted === undefined ? looksLikeHeader(csv.header, choice.areaColumn) : wanted === csv.headerLine) {
    if (wanted !== undefined && wanted > 1) csv.notices.push(headerNotice(wanted, [], choice));
    return csv;
  }
  const iterator = csv.chunks[Symbol.asyncIterator]();
  const pulled: CsvChunk[] = [];
  const until = wanted ?? HEADER_SEARCH_ROWS;
  let last = csv.headerLine;
  let ended = false;
  while (last < until) {
    const item = await iterator.next();
    if (item.done) {
      ended = true;
      break;
    }
    pulled.push(item.value);
    if (item.value.records.length > 0) last = item.value.firstLine + item.value.records.length - 1;
  }
  const rows: Row[] = [{ line: csv.headerLine, cells: csv.header }];
  for (const chunk of pulled) {
    for (let i = 0; i < chunk.records.length && chunk.firstLine + i <= until; i++) rows.push({ line: chunk.firstLine + i, cells: chunk.records[i]! });
  }
  const header =
    wanted === undefined ? rows.find((row) => row.line <= HEADER_SEARCH_ROWS && looksLikeHeader(row.cells, choice.areaColumn)) : mappedHeader(fileName, rows, wanted, ended ? last : undefined, choice);
  const rest = async function* (): AsyncGenerator<CsvChunk, void> {
    for (const chunk of pulled) {
      const from = header ? Math.max(0, header.line + 1 - chunk.firstLine) : 0;
      if (from < chunk.records.length) yield from === 0 ? chunk : { records: chunk.records.slice(from), firstLine: chunk.firstLine + from };
    }
    for (let item = await iterator.next(); !item.done; item = await iterator.next()) yield item.value;
  };
  if (!header) return { ...csv, chunks: rest() };
  const width = header.cells.length;
  csv.notices.push(
    headerNotice(
      header.line,
      rows.filter((row) => row.line < header.line && !isEmptyRow(row.cells)),
      choice,
    ),
  );
  return {
    ...csv,
    header: header.cells.map((cell) => cell.trim()),
    headerLine: header.line,
    chunks: csv.fillsRows ? filled(rest(), width) : rest(),
  };
}

/**
 * A header: at least two cells filled, more than half of them up to the last
 * one filled, none a number other than a year, and one naming the area column.
 */
export function looksLikeHeader(cells: readonly string[], areaColumn?: string): boolean {
  let filled = 0;
  let width = 0;
  let area = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!.trim();
    if (cell === '') continue;
    filled++;
    width = i + 1;
    if (isNumber(cell) && !/^(19|20)\d\d$/.test(cell)) return false;
    if (!area) area = isAreaColumnName(cell) || cell.toLowerCase() === 'code' || (areaColumn !== undefined && cell === areaColumn.trim());
  }
  return area && filled >= 2 && filled * 2 > width;
}

/** A row of no cells, or of empty ones only (',,,,' in a CSV saved from a spreadsheet). */
export function isEmptyRow(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

function isNumber(cell: string): boolean {
  return /^[-+]?(\d[\d,]*\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(cell);
}

/** The row a mapping names, or a refusal saying why it cannot be the header. `lastLine` is the file's last line, where it ended before that row. */
function mappedHeader(fileName: string, rows: readonly Row[], wanted: number, lastLine: number | undefined, choice: HeaderChoice): Row {
  const row = rows.find((candidate) => candidate.line === wanted);
  if (row && !isEmptyRow(row.cells)) return row;
  const says = `${mappingWords(choice)} says 'header_row' is ${wanted}`;
  const reason = lastLine !== undefined && lastLine < wanted ? `${says}, but the file has ${lastLine} rows` : `${says}, but row ${wanted} is blank`;
  throw new RejectionError(fileName, { line: lastLine !== undefined && lastLine < wanted ? lastLine : wanted, reason });
}

/** "the header is on row 4; rows 1 to 3 (a title and notes, beginning 'Table 3: …') were set aside". */
function headerNotice(line: number, above: readonly Row[], choice: HeaderChoice): string {
  const where = choice.headerRow === undefined ? `the header is on row ${line}` : `the header is on row ${line}, as ${mappingWords(choice)} says`;
  const rows = line === 2 ? 'row 1' : `rows 1 to ${line - 1}`;
  const verb = line === 2 ? 'was' : 'were';
  const first = above[0]?.cells.find((cell) => cell.trim() !== '')?.trim();
  if (first === undefined) return `${where}; ${rows} (blank) ${verb} set aside`;
  const what = above.length === 1 ? 'a title' : 'a title and notes';
  return `${where}; ${rows} (${what}, beginning '${shortened(first)}') ${verb} set aside`;
}

function mappingWords(choice: HeaderChoice): string {
  return choice.mappingName === undefined ? 'the mapping' : `the mapping ${choice.mappingName}`;
}

export function shortened(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`;
}

/** A spreadsheet's records filled out to the header's width, less empty cells past it (a row read against a wider title row). */
async function* filled(chunks: AsyncIterable<CsvChunk>, width: number): AsyncGenerator<CsvChunk, void> {
  for await (const chunk of chunks) {
    for (const record of chunk.records) {
      while (record.length < width) record.push('');
      while (record.length > width && record[record.length - 1] === '') record.pop();
    }
    yield chunk;
  }
}
