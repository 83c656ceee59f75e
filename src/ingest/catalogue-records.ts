// Reading definitions of areas and metrics: from CSV (one row each) or JSON (an
// array of objects, or a GeoJSON FeatureCollection of boundaries), into
// records of named cells, each with the line (or item) it came from.
import type { Rejection } from '../domain/batch/index.ts';
import { cellHazard } from '../domain/observation/index.ts';
import { isBlank, type CsvFile } from './csv-reader.ts';

export interface CatalogueRecord {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export async function recordsFromCsv(csv: CsvFile): Promise<CatalogueRecord[]> {
  const records: CatalogueRecord[] = [];
  for await (const chunk of csv.chunks) {
    chunk.records.forEach((record, i) => {
      if (isBlank(record)) return;
      const cells: Record<string, string> = {};
      csv.header.forEach((name, j) => {
        cells[name.toLowerCase()] = record[j] ?? '';
      });
      records.push({ line: chunk.firstLine + i, cells });
    });
  }
  return records;
}

/** JSON items become records; their position (1-based) stands for the line. */
export function recordsFromJson(items: readonly unknown[]): CatalogueRecord[] {
  return items.map((item, i) => {
    const cells: Record<string, string> = {};
    if (item && typeof item === 'object') {
      for (const [key, value] of Object.entries(item)) {
        cells[snakeCase(key)] = Array.isArray(value) ? value.join(';') : value === null || value === undefined ? '' : String(value);
      }
    }
    return { line: i + 1, cells };
  });
}

/** A GeoJSON boundary file's features as area records: code and name from the *CD and *NM properties. */
export function recordsFromGeoJson(features: readonly { properties?: Record<string, unknown> }[]): CatalogueRecord[] {
  return features.map((feature, i) => {
    const properties = feature.properties ?? {};
    const code = Object.entries(properties).find(([key]) => /^[A-Z]+\d{2}CD$/.test(key))?.[1];
    const name = Object.entries(properties).find(([key]) => /^[A-Z]+\d{2}NM$/.test(key))?.[1];
    return { line: i + 1, cells: { code: String(code ?? ''), name: String(name ?? '') } };
  });
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_');
}

/** Formula-looking and over-long cells, for every cell of a record. */
export function hazards(record: CatalogueRecord, maxLength: number): Rejection[] {
  const problems: Rejection[] = [];
  for (const [column, value] of Object.entries(record.cells)) {
    const hazard = cellHazard(value, maxLength);
    if (hazard) problems.push({ line: record.line, column, value: value.slice(0, 100), ...hazard });
  }
  return problems;
}

export function cellOf(record: CatalogueRecord, ...names: string[]): string {
  for (const name of names) {
    const value = record.cells[name];
    if (value !== undefined) return value.trim();
  }
  return '';
}

export function listOf(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The fields a record gives, by their columns (a CSV's header, a JSON item's
 * keys): an import changes only these of a definition Lantern already holds.
 */
export function givenFields<F extends string>(record: CatalogueRecord, columns: Readonly<Record<F, string>>): F[] {
  return (Object.keys(columns) as F[]).filter((field) => columns[field] in record.cells);
}

/** Definitions grouped by the fields they give, so that each group is written in one statement. */
export function byGivenFields<T, F extends string>(items: readonly { value: T; given: readonly F[] }[]): { values: T[]; given: readonly F[] }[] {
  const groups = new Map<string, { values: T[]; given: readonly F[] }>();
  for (const { value, given } of items) {
    const key = given.join(',');
    const group = groups.get(key) ?? { values: [], given };
    group.values.push(value);
    groups.set(key, group);
  }
  return [...groups.values()];
}
