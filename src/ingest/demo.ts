// The demo: on first start with an empty store, the public data beside the
// project (see its PROVENANCE files) goes in through the ordinary import path:
// the English regions from the boundaries reference, the register of local
// authorities, then every Fingertips extract.
import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from '../store/store.ts';
import { importFile, type ImportResult } from './import-file.ts';

export interface DemoFile {
  readonly path: string;
  /** The register has a few pre-GSS authorities that cannot be areas: load the rest. */
  readonly skipInvalid: boolean;
}

export function demoFiles(dataDir: string): DemoFile[] {
  const extracts = path.join(dataDir, 'fingertips-extracts');
  return [
    { path: path.join(dataDir, 'boundaries-2023-2024', 'regions_dec_2023_en_buc.geojson'), skipInvalid: false },
    { path: path.join(dataDir, 'uk-local-authorities', 'uk_local_authorities.csv'), skipInvalid: true },
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
  return results;
}
