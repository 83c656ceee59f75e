// Observations as CSV, in Lantern's tidy import format (plus the area's name),
// so that an export can be imported again. Cells that a spreadsheet would run
// as formulas are escaped. Numbers lose their float noise (67.30000000000001
// is written 67.3) but are not cut to the metric's decimals: an export read
// back in must match the store, or every row would count as a revision.
import Papa from 'papaparse';
import { decodeFlags } from '../domain/observation/index.ts';

export interface CsvObservation {
  readonly metric: string;
  readonly area: string;
  readonly areaName: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly lowerCi: number | null;
  readonly upperCi: number | null;
  readonly flags: number;
}

export const OBSERVATION_CSV_HEADER = ['metric', 'area', 'area_name', 'period', 'value', 'numerator', 'denominator', 'lower_ci', 'upper_ci', 'flags'];

export async function* observationsCsv(pages: AsyncIterable<readonly CsvObservation[]>): AsyncGenerator<string> {
  yield OBSERVATION_CSV_HEADER.join(',') + '\r\n';
  for await (const rows of pages) {
    if (rows.length === 0) continue;
    const data = rows.map((o) => [
      o.metric,
      o.area,
      o.areaName,
      o.period,
      plain(o.value),
      plain(o.numerator),
      plain(o.denominator),
      plain(o.lowerCi),
      plain(o.upperCi),
      decodeFlags(o.flags).join(';'),
    ]);
    yield Papa.unparse(data, { header: false, escapeFormulae: true, newline: '\r\n' }) + '\r\n';
  }
}

/** Fifteen significant digits, all a double holds for certain: what was imported, without the noise of arithmetic. */
function plain(figure: number | null): number | null {
  return figure === null ? null : Number(figure.toPrecision(15));
}
