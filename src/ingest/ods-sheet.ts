// Reading one table (sheet) of an ODS spreadsheet (OpenDocument, the format
// government statistics are published in) as rows of text.
//
// Every table is in content.xml, which is parsed as a stream (saxes). A cell
// gives its value in office:value (numbers, percentages and currency, with
// full precision), office:date-value (an ISO date), office:boolean-value, or
// as its paragraphs of text. A formula's cell holds its calculated value.
// Repeats are read without expanding them: trailing empty cells and empty
// rows (LibreOffice writes a million of each to the sheet's edge) only move
// the count on, and a repeated cell with a value is placed only up to the
// sheet's column limit.
import { MAX_ROWS, partParser, placeCell, SheetError, type SheetRows } from './sheet-rows.ts';
import { entryText, type ZipEntry } from './zip-archive.ts';

export const ODS_MIME_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export interface OdsReading {
  /** Reads one slice; answers whether there is more. */
  next(): boolean;
  /** The tables seen so far, in order. */
  readonly tables: string[];
  /** The name of the table being read, once found. */
  chosen(): string | undefined;
}

/**
 * Streams the chosen table (the first, or the one named `wanted`) into
 * `rows`, noting the names of every table on the way.
 */
export function streamOdsTable(archive: Buffer, content: ZipEntry, wanted: ((name: string) => boolean) | undefined, rows: SheetRows): OdsReading {
  const parser = partParser(content.name);
  const tables: string[] = [];
  let chosen: string | undefined;
  let reading = false;
  let row = 0;
  let rowRepeat = 1;
  let cells: string[] = [];
  let column = 0;
  let cellRepeat = 1;
  let value: string | undefined;
  let text = '';
  let paragraphs = 0;
  let inAnnotation = 0;
  let inCell = false;
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (name === 'table:table') {
      const table = tag.attributes['table:name'] ?? `Sheet${tables.length + 1}`;
      tables.push(table);
      reading = chosen === undefined && (wanted === undefined || wanted(table));
      if (reading) chosen = table;
      return;
    }
    if (!reading) return;
    switch (name) {
      case 'table:table-row':
        rowRepeat = count(tag.attributes['table:number-rows-repeated']);
        cells = [];
        column = 0;
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        cellRepeat = count(tag.attributes['table:number-columns-repeated']);
        value = valueOf(tag.attributes);
        text = '';
        paragraphs = 0;
        inCell = true;
        break;
      case 'office:annotation':
        inAnnotation++;
        break;
      case 'text:p':
        if (inCell && inAnnotation === 0 && paragraphs++ > 0) text += '\n';
        break;
      case 'text:s':
        if (inCell && inAnnotation === 0) text += ' '.repeat(Math.min(count(tag.attributes['text:c']), 1000));
        break;
      case 'text:tab':
        if (inCell && inAnnotation === 0) text += '\t';
        break;
      case 'text:line-break':
        if (inCell && inAnnotation === 0) text += '\n';
        break;
    }
  });
  parser.on('text', (chunk) => {
    if (inCell && inAnnotation === 0 && paragraphs > 0) text += chunk;
  });
  parser.on('closetag', (tag) => {
    if (!reading) return;
    switch (tag.name) {
      case 'table:table':
        reading = false;
        break;
      case 'office:annotation':
        inAnnotation--;
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell': {
        inCell = false;
        const cell = value ?? text;
        if (cell === '') {
          column += cellRepeat;
          break;
        }
        for (let i = 0; i < cellRepeat; i++) placeCell(cells, column++, cell, row + 1);
        break;
      }
      case 'table:table-row':
        if (cells.length === 0) {
          row += rowRepeat;
          break;
        }
        if (row + rowRepeat > MAX_ROWS) throw new SheetError(row + 1, `the sheet repeats row ${row + 1} beyond row ${MAX_ROWS.toLocaleString('en-GB')}, the most a spreadsheet holds`);
        for (let i = 0; i < rowRepeat; i++) rows.add(++row, i === 0 ? cells : [...cells]);
        break;
    }
  });
  const next = entryText(archive, content, (chunk) => parser.write(chunk));
  let more = true;
  return {
    next() {
      if (!more) return false;
      more = next();
      if (!more) parser.close();
      return more;
    },
    tables,
    chosen: () => chosen,
  };
}

/** A cell's typed value, where it has one; text cells give their paragraphs instead. */
function valueOf(attributes: Record<string, string>): string | undefined {
  switch (attributes['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency':
      return attributes['office:value'];
    case 'date': {
      const date = attributes['office:date-value'];
      return date?.replace(/T00:00:00(\.0+)?$/, '');
    }
    case 'boolean':
      return attributes['office:boolean-value'] === 'true' ? 'TRUE' : 'FALSE';
    default: // string, time: as shown
      return undefined;
  }
}

function count(repeated: string | undefined): number {
  const n = repeated === undefined ? 1 : Number.parseInt(repeated, 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}
