// `lantern inspect FILE` and `lantern import --dry-run FILE`: how Lantern
// reads a file, in plain words, with nothing stored. Both run the dry run (the
// real import, rolled back); inspect explains the reading, a dry run adds the
// counts an import would give. It works on a fresh store too: there every
// area code is unknown, and the output says so by kind of code.
import fs from 'node:fs';
import path from 'node:path';
import { readGssCode } from '../domain/area/index.ts';
import { formatRejection } from '../domain/batch/index.ts';
import { loadMappingFile, MappingError, type ColumnMapping } from '../ingest/column-mapping.ts';
import { dryRunFile, type DryRun } from '../ingest/dry-run.ts';
import type { Store } from '../store/store.ts';
import type { BatchKind } from '../store/batches.ts';
import { ConfigError, type Config } from '../config.ts';

export interface InspectOptions {
  readonly mapping?: string;
  readonly sheet?: string;
  readonly skipInvalid?: boolean;
  readonly addAreas?: boolean;
  readonly by?: string;
}

type WithStore = <T>(config: Config, role: string, work: (store: Store) => Promise<T>) => Promise<T>;

/** Reads each file as an import would and prints what it found; the exit code is 1 where a file would be rejected. */
export async function inspectFiles(config: Config, withStore: WithStore, files: readonly string[], options: InspectOptions, mode: 'inspect' | 'dry-run', out: (line: string) => void): Promise<void> {
  for (const file of files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ConfigError(`${file}: no such file`);
  }
  const mapping = options.mapping === undefined ? undefined : readMapping(options.mapping);
  let failed = 0;
  await withStore(config, mode, async (store) => {
    for (const file of files) {
      const name = path.basename(file);
      const run = await dryRunFile(store.sql, {
        fileName: name,
        input: fs.createReadStream(file),
        importedBy: options.by ?? 'cli',
        skipInvalid: options.skipInvalid ?? false,
        addAreas: options.addAreas ?? false,
        ...(mapping ? { mapping } : {}),
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      });
      for (const line of describeReading(name, run, mode)) out(line);
      if (!run.wouldLoad) failed++;
    }
  });
  if (failed > 0) process.exitCode = 1;
}

/** A saved column mapping, or a ConfigError that names the mapping and the key at fault. */
export function readMapping(file: string): ColumnMapping {
  try {
    return loadMappingFile(file);
  } catch (error) {
    if (error instanceof MappingError) throw new ConfigError(error.message);
    throw error;
  }
}

const CELL_WORDS: Readonly<Record<string, string>> = {
  metric: 'the metric',
  area: 'the area code',
  period: 'the period',
  value: 'the value',
  numerator: 'the numerator',
  denominator: 'the denominator',
  lower_ci: 'the lower confidence limit',
  upper_ci: 'the upper confidence limit',
  flags: 'flags',
};

/** What a person needs to know about how the file was read, a line at a time. */
export function describeReading(file: string, run: DryRun, mode: 'inspect' | 'dry-run'): string[] {
  const lines = [`${file}: ${mode === 'dry-run' ? 'dry run, nothing stored' : 'inspected, nothing stored'}`];
  for (const notice of run.notices) lines.push(`  note: ${notice}`);
  if (run.reading) {
    lines.push(`  read as: ${run.reading.layout}`);
    lines.push('  columns:');
    const readAs = new Map<string, string[]>();
    for (const [cell, column] of Object.entries(run.reading.columns)) {
      if (column) readAs.set(column, [...(readAs.get(column) ?? []), CELL_WORDS[cell] ?? cell]);
    }
    // A wide file's value columns are said by the layout: the cells name only the one read last.
    for (const [column, readAsWords] of Object.entries(run.reading.otherColumns ?? {})) readAs.set(column, [readAsWords]);
    for (const [column, cells] of readAs) lines.push(`    ${column} → ${cells.join(', ')}`);
  } else {
    lines.push(`  read as: ${KIND_WORDS[run.kind]}`);
  }
  if (run.metrics.length > 0) {
    lines.push(`  metrics it would create or change (${run.metrics.length}):`);
    for (const metric of run.metrics) lines.push(`    ${metric.code}: ${metric.title} (${words(metric.periodKind)})`);
  }
  if (run.periods) {
    const { first, last, count, kinds } = run.periods;
    lines.push(`  periods: ${count} (${kinds.map(words).join(', ')}), from ${first} to ${last}`);
  }
  if (run.areas.length > 0) lines.push(`  areas it would add: ${run.areas.length} (${countBy(run.areas.map((a) => words(a.type)))})`);
  if (run.unknownAreas.length > 0) {
    lines.push(`  area codes Lantern does not hold (${run.unknownAreas.length}), by kind of code:`);
    for (const [kind, codes] of codesByKind(run.unknownAreas)) lines.push(`    ${kind}: ${codes.length} (${sample(codes)})`);
  }
  const shown = run.rejections.slice(0, mode === 'inspect' ? 10 : 20);
  if (shown.length > 0) {
    lines.push(`  rejections (${run.rejected} row(s)${run.rejected > shown.length ? `; the first ${shown.length}` : ''}):`);
    for (const rejection of shown) lines.push(`    ${formatRejection(file, rejection)}`);
  }
  lines.push(`  ${verdict(run)}`);
  return lines;
}

function verdict(run: DryRun): string {
  const counts = `${run.rowsRead} rows read: ${run.inserted} would be inserted, ${run.revised} revised, ${run.unchanged} unchanged, ${run.rejected} rejected`;
  if (run.wouldLoad) return `would load; ${counts}`;
  const valid = run.inserted + run.revised + run.unchanged;
  return `would be REJECTED; ${counts}${valid > 0 ? ' (with --skip-invalid the valid rows would load)' : ''}`;
}

/** Codes grouped by their GSS entity, told by their first three characters (E05 wards, E06 unitary authorities, …). */
function codesByKind(codes: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const code of codes) {
    const reading = readGssCode(code);
    const kind = reading.kind === 'entity' ? `${reading.entity.plural} (${reading.entity.prefix})` : reading.kind === 'unknown_entity' ? `${reading.prefix} codes` : 'not GSS codes';
    groups.set(kind, [...(groups.get(kind) ?? []), code]);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

function sample(codes: readonly string[]): string {
  return codes.length <= 3 ? codes.join(', ') : `${codes.slice(0, 3).join(', ')}, …`;
}

function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${n} ${value}`).join(', ');
}

function words(kind: string): string {
  return kind.replace(/_/g, ' ');
}

/** What a file that is not read through an observation layout was read as. */
const KIND_WORDS: Readonly<Record<BatchKind, string>> = {
  observations: 'observations (the file could not be read: see below)',
  metrics: 'metric definitions',
  areas: 'areas',
  groups: 'a comparator group (a list of areas with no figures)',
};
