// PHEindicatormethods' reference tables (../shared/data/pheindicatormethods-reference,
// see its PROVENANCE.md), read as they lie, and the tolerance every statistic must
// meet against them: 1e-6 relative, or 1e-9 absolute near zero (the tables round
// figures below 1 to 9 decimal places).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { ConfidenceLevel } from '../../src/domain/stats/index.ts';
import { sharedFile } from './data.ts';

export const RELATIVE_TOLERANCE = 1e-6;
export const ABSOLUTE_TOLERANCE = 1e-9;

export type ReferenceRow = Readonly<Record<string, string>>;

export function readReferenceTable(file: string): readonly ReferenceRow[] {
  const text = readFileSync(sharedFile('pheindicatormethods-reference', file), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, [], `${file} parses as CSV`);
  return Object.freeze(parsed.data.map((row) => Object.freeze({ ...row })));
}

/** A cell's text; a column the table lacks is a broken test, not an empty cell. */
export function cell(row: ReferenceRow, column: string): string {
  const text = row[column];
  if (text === undefined) throw new Error(`the table has no column '${column}'`);
  return text.trim();
}

/** A numeric cell, or undefined where the table leaves it empty (NA in R). */
export function numberCell(row: ReferenceRow, column: string): number | undefined {
  const text = cell(row, column);
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`'${text}' in column '${column}' is not a number`);
  return value;
}

/** A numeric cell that must be filled. */
export function filledCell(row: ReferenceRow, column: string): number {
  const value = numberCell(row, column);
  if (value === undefined) throw new Error(`column '${column}' is empty`);
  return value;
}

export function levelOf(label: string): ConfidenceLevel {
  if (label === '95%') return 0.95;
  if (label === '99.8%') return 0.998;
  throw new Error(`'${label}' is not a confidence level in the reference tables`);
}

export function isClose(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(RELATIVE_TOLERANCE * Math.abs(expected), ABSOLUTE_TOLERANCE);
}

export function assertClose(actual: number, expected: number, what: string): void {
  assert.ok(isClose(actual, expected), `${what}: expected ${expected}, got ${actual}`);
}
