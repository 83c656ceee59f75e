// Reading one sheet of an XLSX workbook (Office Open XML) as rows of text.
//
// The workbook lists its sheets by name; each is an XML part found through
// the workbook's relationships. Text cells point into the shared strings;
// numbers are kept as written in the file (full precision); a number whose
// cell style is a date format is an Excel serial date and becomes an ISO date
// (2020-12-31), counted from 1900 (with Excel's leap day that never was) or
// from 1904 as the workbook says. A formula's cell holds its last calculated
// value, which is what is read; the formula itself is not. The sheet is
// parsed as a stream (saxes), a slice of the archive at a time.
import type { SaxesTagPlain } from 'saxes';
import { columnOfReference, partParser, placeCell, type SheetRows } from './sheet-rows.ts';
import { entryText, wholeEntryText, ZipError, type ZipEntry } from './zip-archive.ts';

export interface XlsxSheet {
  readonly name: string;
  readonly part: string;
}

export interface XlsxWorkbook {
  readonly sheets: readonly XlsxSheet[];
  readonly date1904: boolean;
}

/** The workbook's sheets in order, and its date system. */
export function xlsxWorkbook(archive: Buffer, entries: ReadonlyMap<string, ZipEntry>): XlsxWorkbook {
  const workbookPart = relationshipTargets(archive, entries, '_rels/.rels', '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = entries.get(workbookPart);
  if (!workbook) throw new ZipError('it is a ZIP archive but not a spreadsheet (no workbook in it)');
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const relationsPart = `${folder}_rels/${workbookPart.slice(folder.length)}.rels`;
  const targets = new Map(relationshipTargets(archive, entries, relationsPart, folder).map((r) => [r.id, r.target]));
  const sheets: XlsxSheet[] = [];
  let date1904 = false;
  eachTag(workbook.name, wholeEntryText(archive, workbook), (tag, closing) => {
    if (closing) return;
    const name = localName(tag.name);
    if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(tag, 'date1904') ?? '');
    if (name === 'sheet') {
      const part = targets.get(attribute(tag, 'id') ?? '');
      if (part) sheets.push({ name: attribute(tag, 'name') ?? '', part });
    }
  });
  return { sheets, date1904 };
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function relationshipTargets(archive: Buffer, entries: ReadonlyMap<string, ZipEntry>, part: string, folder: string): Relationship[] {
  const entry = entries.get(part);
  if (!entry) return [];
  const found: Relationship[] = [];
  eachTag(entry.name, wholeEntryText(archive, entry), (tag, closing) => {
    if (closing || localName(tag.name) !== 'Relationship') return;
    const target = attribute(tag, 'Target') ?? '';
    found.push({ id: attribute(tag, 'Id') ?? '', type: attribute(tag, 'Type') ?? '', target: target.startsWith('/') ? target.slice(1) : folder + target });
  });
  return found;
}

/**
 * Streams the sheet into `rows`: each call of the returned function reads one
 * slice and answers whether there is more.
 */
export function streamXlsxSheet(archive: Buffer, entries: ReadonlyMap<string, ZipEntry>, workbook: XlsxWorkbook, sheet: XlsxSheet, rows: SheetRows, notices: string[]): () => boolean {
  const entry = entries.get(sheet.part);
  if (!entry) throw new ZipError(`the sheet '${sheet.name}' is missing from the workbook (${sheet.part})`);
  const strings = sharedStrings(archive, entries);
  const dateStyles = dateStyleIndexes(archive, entries);
  const parser = partParser(entry.name);
  let row = 0;
  let cells: string[] = [];
  let column = 0;
  let type = '';
  let style = 0;
  let text = '';
  let capturing = false;
  let inPhonetic = false;
  let hasValue = false;
  let hasFormula = false;
  let uncalculated = 0;
  parser.on('opentag', (tag) => {
    switch (localName(tag.name)) {
      case 'row':
        row = Number(tag.attributes.r ?? row + 1);
        cells = [];
        column = 0;
        break;
      case 'c': {
        const reference = tag.attributes.r;
        column = (reference === undefined ? undefined : columnOfReference(reference)) ?? cells.length;
        type = tag.attributes.t ?? 'n';
        style = Number(tag.attributes.s ?? 0);
        text = '';
        hasValue = false;
        hasFormula = false;
        break;
      }
      case 'v':
        capturing = true;
        hasValue = true;
        break;
      case 'f':
        hasFormula = true;
        break;
      case 'rPh':
        inPhonetic = true;
        break;
      case 't':
        capturing = !inPhonetic;
        hasValue = true;
        break;
    }
  });
  parser.on('text', (chunk) => {
    if (capturing) text += chunk;
  });
  parser.on('closetag', (tag) => {
    switch (localName(tag.name)) {
      case 'v':
      case 't':
        capturing = false;
        break;
      case 'rPh':
        inPhonetic = false;
        break;
      case 'c': {
        if (hasFormula && !hasValue) uncalculated++;
        const value = cellText(type, text, strings, dateStyles.has(style), workbook.date1904);
        if (value !== '') placeCell(cells, column, value, row);
        column++;
        break;
      }
      case 'row':
        rows.add(row, cells);
        break;
      case 'worksheet':
        if (uncalculated > 0) notices.push(`${uncalculated} formula cell(s) in the sheet '${sheet.name}' have no saved value (the file was never recalculated); they read as empty`);
        break;
    }
  });
  const next = entryText(archive, entry, (chunk) => parser.write(chunk));
  let more = true;
  return () => {
    if (!more) return false;
    more = next();
    if (!more) parser.close();
    return more;
  };
}

function cellText(type: string, text: string, strings: readonly string[], dateStyled: boolean, date1904: boolean): string {
  switch (type) {
    case 's':
      return strings[Number(text)] ?? '';
    case 'b':
      return text === '1' ? 'TRUE' : text === '0' ? 'FALSE' : text;
    case 'd':
      return text.replace(/T00:00:00(\.0+)?Z?$/, '');
    case 'n':
      return dateStyled && text !== '' ? isoDateOfSerial(Number(text), date1904) : text.trim();
    default: // str (a formula's text), inlineStr, e (an error such as #N/A)
      return text;
  }
}

const DAY_MS = 86_400_000;
/** 1899-12-30: day 0 of Excel's 1900 system, from 1 March 1900 (serial 61) on. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial date as an ISO date, with the time only where it has one. */
export function isoDateOfSerial(serial: number, date1904: boolean): string {
  if (!Number.isFinite(serial)) return String(serial);
  // Excel counts 29 February 1900, which never was: serials before it are a day later than the epoch says.
  const epoch = date1904 ? EPOCH_1904 : serial < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  const instant = new Date(epoch + Math.round((serial * DAY_MS) / 1000) * 1000);
  const iso = instant.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function sharedStrings(archive: Buffer, entries: ReadonlyMap<string, ZipEntry>): string[] {
  const entry = entries.get('xl/sharedStrings.xml');
  if (!entry) return [];
  const strings: string[] = [];
  const parser = partParser(entry.name);
  let text = '';
  let capturing = false;
  let inPhonetic = false;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') text = '';
    else if (name === 'rPh') inPhonetic = true;
    else if (name === 't') capturing = !inPhonetic;
  });
  parser.on('text', (chunk) => {
    if (capturing) text += chunk;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') strings.push(text);
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 't') capturing = false;
  });
  const next = entryText(archive, entry, (chunk) => parser.write(chunk));
  while (next()) {
    /* each call parses one slice */
  }
  parser.close();
  return strings;
}

/** Excel's built-in number formats that are dates (14 to 22, 27 to 36, 45 to 47, 50 to 58). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The indexes of the cell styles (cellXfs) whose number format shows a date. */
function dateStyleIndexes(archive: Buffer, entries: ReadonlyMap<string, ZipEntry>): Set<number> {
  const entry = entries.get('xl/styles.xml');
  const dates = new Set<number>();
  if (!entry) return dates;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  eachTag(entry.name, wholeEntryText(archive, entry), (tag, closing) => {
    const name = localName(tag.name);
    if (name === 'cellXfs') inCellXfs = !closing;
    if (closing) return;
    if (name === 'numFmt' && isDateFormat(attribute(tag, 'formatCode') ?? '')) customDates.add(Number(attribute(tag, 'numFmtId')));
    if (name === 'xf' && inCellXfs) {
      const format = Number(attribute(tag, 'numFmtId') ?? 0);
      if (BUILT_IN_DATES.has(format) || customDates.has(format)) dates.add(index);
      index++;
    }
  });
  return dates;
}

/** A format code shows a date when, outside quoted text, escapes and [colour] sections, it has a day or a year. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare);
}

function eachTag(part: string, xml: string, visit: (tag: SaxesTagPlain, closing: boolean) => void): void {
  const parser = partParser(part);
  parser.on('opentag', (tag) => visit(tag, false));
  parser.on('closetag', (tag) => visit(tag, true));
  parser.write(xml).close();
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name, whatever prefix the file gave it (r:id). */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  const plain = tag.attributes[name];
  if (plain !== undefined) return plain;
  for (const [key, value] of Object.entries(tag.attributes)) {
    if (key.endsWith(`:${name}`)) return value;
  }
  return undefined;
}
