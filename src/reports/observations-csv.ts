// Observations as CSV, in Lantern's tidy import format (plus the area's name),
// so that an export can be imported again. Cells that a spreadsheet would run
// as formulas are escaped.
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
      o.metric, o.area, o.areaName, o.period, o.value, o.numerator, o.denominator, o.lowerCi, o.upperCi, decodeFlags(o.flags).join(';'),
    ]);
    yield Papa.unparse(data, { header: false, escapeFormulae: true, newline: '\r\n' }) + '\r\n';
  }
}
