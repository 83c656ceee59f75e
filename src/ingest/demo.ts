// The demo: on first start with an empty store, the public data beside the
// project (see its PROVENANCE files) goes in through the ordinary import path:
// every Fingertips extract; then each metric is given its theme, as an
// administrator would, by importing metric definitions. The regions and the
// register of local authorities are not the demo's: every store has them
// (migration 005, from data/reference).
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { REFERENCE_DATA_DIR } from '../config.ts';
import { queryMetrics } from '../store/catalogue.ts';
import type { Sql } from '../store/store.ts';
import { importFile, type ImportResult } from './import-file.ts';

export interface DemoFile {
  readonly path: string;
  /** Load the valid rows of a file some of whose rows cannot be stored. */
  readonly skipInvalid: boolean;
}

export function demoFiles(dataDir: string): DemoFile[] {
  const extracts = path.join(dataDir, 'fingertips-extracts');
  return [
    ...fs.readdirSync(extracts).filter((f) => f.endsWith('.csv')).sort().map((f) => ({ path: path.join(extracts, f), skipInvalid: false })),
  ];
}

export async function storeIsEmpty(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ batches: number }[]>`select count(*)::int as batches from import_batch where status = 'loaded'`;
  return row!.batches === 0;
}

/** Loads the demo; returns undefined when the data folder is absent. */
export async function loadDemo(sql: Sql, dataDir: string, log: (line: string) => void): Promise<ImportResult[] | undefined> {
  if (!fs.existsSync(path.join(dataDir, 'fingertips-extracts'))) return undefined;
  const results: ImportResult[] = [];
  for (const file of demoFiles(dataDir)) {
    const result = await importFile(sql, {
      fileName: path.relative(path.dirname(dataDir), file.path),
      input: fs.createReadStream(file.path),
      importedBy: 'demo',
      skipInvalid: file.skipInvalid,
      source: 'public data (see PROVENANCE.md beside the file)',
    });
    log(`  ${result.status === 'loaded' ? '✓' : '✗'} ${path.basename(file.path)}: ${result.inserted} inserted, ${result.rejected} rejected`);
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
  const rows = metrics.filter((m) => m.themes.length === 0).map((m) => ({
    code: m.code, title: m.title, definition: m.definition ?? '', unit: m.unit ?? '', polarity: m.polarity, value_kind: m.valueKind,
    multiplier: m.multiplier ?? '', period_kind: m.periodKind, source: m.source ?? '', decimals: m.decimals, ci_method: m.ciMethod ?? '', status: m.status,
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
  return [['context-metrics.csv', metrics.join('\n') + '\n'], ['context-from-register.csv', rows.join('\n') + '\n']];
}
