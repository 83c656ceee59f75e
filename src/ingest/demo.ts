// The demo: on first start with an empty store, the public data Lantern ships
// in data/demo (see each folder's PROVENANCE.md) goes in through the ordinary
// import path: the Fingertips extracts, then a council's performance series
// (ONS Explore Local Statistics, DfE children's social care, MHCLG
// homelessness, Oflog adult social care and waste, housing), each publication
// read as published with its saved column mapping, which gives its metrics
// their definitions, polarity and themes; then each metric still without a
// theme is given one, as an administrator would, by importing definitions.
// The regions and the register of local authorities are not the demo's: every
// store has them (migration 005, from data/reference).
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { REFERENCE_DATA_DIR } from '../config.ts';
import { hasLoadedBatch } from '../store/batches.ts';
import { queryMetrics } from '../store/catalogue.ts';
import type { Sql } from '../store/store.ts';
import { loadMappingFile } from './column-mapping.ts';
import { importFile, type ImportResult } from './import-file.ts';

export interface DemoFile {
  readonly path: string;
  /** The saved column mapping beside it, for a publisher's own layout. */
  readonly mapping?: string;
  /** Load the valid rows of a file some of whose rows cannot be stored. */
  readonly skipInvalid: boolean;
}

/**
 * The demo's publications, each a folder of the demo with its PROVENANCE.md:
 * the Fingertips extracts (a layout Lantern reads itself) first, then the
 * council performance series, each file read with the mapping beside it.
 */
export const DEMO_PUBLICATIONS = ['fingertips-extracts', 'ons-els-indicators', 'dfe-lait-childrens-services', 'mhclg-homelessness-hclic', 'oflog-explorer-extracts', 'oi-housing'] as const;
export type DemoPublication = (typeof DEMO_PUBLICATIONS)[number];

const MAPPING_SUFFIX = '.mapping.json';

/**
 * A publication's files: where the folder has saved mappings, the file each
 * one reads (its name less '.mapping.json', plus '.csv'), keeping the valid
 * rows (rows about areas Lantern does not hold are refused, with the reason
 * kept); otherwise every CSV, as one batch each.
 */
export function demoFiles(dataDir: string, only: readonly DemoPublication[] = DEMO_PUBLICATIONS): DemoFile[] {
  return only.flatMap((publication): DemoFile[] => {
    const folder = path.join(dataDir, publication);
    const names = fs.readdirSync(folder).sort();
    const mappings = names.filter((name) => name.endsWith(MAPPING_SUFFIX));
    if (mappings.length === 0) return names.filter((name) => name.endsWith('.csv')).map((name) => ({ path: path.join(folder, name), skipInvalid: false }));
    return mappings.map((name) => ({
      path: path.join(folder, `${name.slice(0, -MAPPING_SUFFIX.length)}.csv`),
      mapping: path.join(folder, name),
      skipInvalid: true,
    }));
  });
}

export async function storeIsEmpty(sql: Sql): Promise<boolean> {
  return !(await hasLoadedBatch(sql));
}

export interface DemoOptions {
  /** Load these publications only (tests load the Fingertips extracts alone, to stay quick). */
  readonly only?: readonly DemoPublication[];
}

/** Loads the demo; returns undefined when the data folder is absent. */
export async function loadDemo(sql: Sql, dataDir: string, log: (line: string) => void, options: DemoOptions = {}): Promise<ImportResult[] | undefined> {
  const only = options.only ?? DEMO_PUBLICATIONS;
  if (!only.every((publication) => fs.existsSync(path.join(dataDir, publication)))) return undefined;
  const results: ImportResult[] = [];
  for (const file of demoFiles(dataDir, only)) {
    const result = await importFile(sql, {
      fileName: path.relative(path.dirname(dataDir), file.path),
      input: fs.createReadStream(file.path),
      importedBy: 'demo',
      skipInvalid: file.skipInvalid,
      source: 'public data (see PROVENANCE.md beside the file)',
      ...(file.mapping ? { mapping: loadMappingFile(file.mapping) } : {}),
    });
    const refused = result.rejected > 0 ? `, ${result.rejected} refused (areas Lantern does not hold; see batch ${result.batchId})` : '';
    log(`  ${result.status === 'loaded' ? '✓' : '✗'} ${path.basename(file.path)}: ${result.inserted} inserted${refused} in ${result.seconds.toFixed(1)} s`);
    results.push(result);
  }
  for (const [name, text] of contextFromRegister(REGISTER_FILE)) {
    const result = await importFile(sql, { fileName: name, input: Readable.from([Buffer.from(text)]), importedBy: 'demo', source: 'uk-local-authorities register' });
    log(`  ${result.status === 'loaded' ? '✓' : '✗'} ${name}: ${result.inserted} inserted, ${result.rejected} rejected`);
    results.push(result);
  }
  const themes = await themedDefinitions(sql);
  const themed = await importFile(sql, { fileName: DEMO_THEMES_FILE, input: Readable.from([Buffer.from(themes)]), importedBy: 'demo', source: 'Lantern demo' });
  log(`  ${themed.status === 'loaded' ? '✓' : '✗'} ${DEMO_THEMES_FILE}: ${themed.revised} metrics given a theme`);
  results.push(themed);
  return results;
}

/** The register of local authorities Lantern ships with, whose columns give the demo's population context. */
export const REGISTER_FILE = path.join(REFERENCE_DATA_DIR, 'uk-local-authorities', 'uk_local_authorities.csv');

/** The name of the demo's batch of metric definitions that gives each metric its theme. */
export const DEMO_THEMES_FILE = 'demo-themes.csv';

/** The demo's themes, by words in a metric's title. */
const DEMO_THEMES: readonly [RegExp, string][] = [
  [/physically active|physically inactive|fairly active/i, 'physical activity'],
  [/life expectancy/i, 'life expectancy'],
  [/overweight|obese|smoking|dentinal decay|depression/i, 'health and wellbeing'],
];

/** The metric definitions as stored, with the demo's theme added to each metric that has none. */
async function themedDefinitions(sql: Sql): Promise<string> {
  const metrics = await queryMetrics(sql, { limit: 10_000, offset: 0 });
  const rows = metrics
    .filter((m) => m.themes.length === 0)
    .map((m) => ({
      code: m.code,
      title: m.title,
      definition: m.definition ?? '',
      unit: m.unit ?? '',
      polarity: m.polarity,
      value_kind: m.valueKind,
      multiplier: m.multiplier ?? '',
      period_kind: m.periodKind,
      source: m.source ?? '',
      decimals: m.decimals,
      ci_method: m.ciMethod ?? '',
      status: m.status,
      themes: DEMO_THEMES.find(([words]) => words.test(m.title))?.[1] ?? 'other',
    }));
  return Papa.unparse(rows) + '\n';
}

/**
 * Contextual metrics for nearest neighbours, from the register's own columns:
 * population in 2020 and the area, hence people per square kilometre (the
 * register's PROVENANCE says hectares, but its figures are square
 * kilometres: Manchester's is 116).
 * They go in through the import path like any other file.
 */
export function contextFromRegister(registerPath: string): [string, string][] {
  const register = Papa.parse<Record<string, string>>(fs.readFileSync(registerPath, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const metrics = [
    'code,title,polarity,value_kind,period_kind,unit,decimals,source,themes',
    'population-2020,Population (2020),neutral,count,calendar_year,people,0,ONS mid-year estimates via the register of local authorities,context',
    'population-density-2020,Population density (2020),neutral,rate,calendar_year,people per square kilometre,0,ONS mid-year estimates and area via the register of local authorities,context',
  ];
  const rows = ['metric,area,period,value'];
  for (const authority of register) {
    const code = authority['gss-code'] ?? '';
    const population = Number(authority['pop-2020']);
    const squareKilometres = Number(authority['area']);
    if (!code.startsWith('E') || authority['end-date'] || !(population > 0)) continue;
    rows.push(`population-2020,${code},2020,${population}`);
    if (squareKilometres > 0) rows.push(`population-density-2020,${code},2020,${(population / squareKilometres).toFixed(1)}`);
  }
  return [
    ['context-metrics.csv', metrics.join('\n') + '\n'],
    ['context-from-register.csv', rows.join('\n') + '\n'],
  ];
}
