// Prepares the demo Lantern ships with, in data/demo, from the public data in
// ../shared/data (or the folder given):
//
//   node --import tsx scripts/prepare-demo.ts [SOURCE] [--out PROJECT]
//
// Each publication's files are copied as published: their oddities (ISO
// periods, status codes, '(OT)' after a year, two-digit financial years, codes
// Lantern does not hold) are the import's work, not this script's. The one
// exception is a measure whose re-use terms do not allow Lantern to pass it
// on (see SHIPPED), whose rows are left out, line by line, and nothing else
// changed. Each folder's PROVENANCE.md is copied with a note on what Lantern
// ships and why. The column mappings (*.mapping.json) and the reviewed
// polarity and themes of the ONS series beside them are written by hand and
// kept in data/demo; this script leaves them alone.
//
// Running it again over the same sources writes the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Shipped {
  readonly files: readonly string[];
  /** Rows left out, by a column's value, and why. */
  readonly leaveOut?: { readonly file: string; readonly column: string; readonly values: readonly string[] };
  readonly note: string;
}

/** What Lantern ships of each publication, and why. */
export const SHIPPED: Readonly<Record<string, Shipped>> = {
  'fingertips-extracts': {
    files: [
      'active_adults.csv',
      'active_children.csv',
      'adults_depression.csv',
      'adults_smoking_manual.csv',
      'children_dental_decay.csv',
      'fairly_active_adults.csv',
      'healthy_life_expectancy.csv',
      'inactive_adults.csv',
      'inequality_life_expectancy.csv',
      'overweight_adult.csv',
    ],
    note: "Every extract, unchanged. Lantern reads the Fingertips layout itself (no mapping needed): each indicator and breakdown becomes a metric, with its polarity read from the extracts' own Better/Worse judgements.",
  },
  'ons-els-indicators': {
    files: ['els_indicators_la.csv', 'els_metrics.csv'],
    note:
      'The series and their metadata, unchanged (els_areas.csv is left out: Lantern holds its own register of areas). ' +
      '`els_indicators_la.mapping.json` reads them, and `els_review.csv`, written for Lantern and reviewed by hand, gives each series the polarity ' +
      'the source lacks (neutral where neither higher nor lower is better) and its theme. The mapping reads the method, caveats, page and publication date of each series from `els_metrics.csv` with its definition.',
  },
  'dfe-lait-childrens-services': {
    files: ['lait_csc_headline_long.csv', 'lait_csc_headline_measures.csv'],
    note:
      'The 63 headline measures and their dictionary rows, unchanged (the full dictionary and the code lookup are left out: the import does not need them). ' +
      '`lait_csc_headline_long.mapping.json` reads the periods as DfE writes them: a bare year is the year ending in it (31 March, or 30 September for the workforce), ' +
      "'2016-17 (OT)' the financial year's outturn. Inner and Outer London (E13) are not areas Lantern holds: their rows are refused, with the reason kept. " +
      "Each measure's page (Hyperlink(s)) is read with its definition.",
  },
  'mhclg-homelessness-hclic': {
    files: ['hclic_quarterly_la.csv', 'hclic_metrics.csv'],
    note:
      'The quarterly series and its metric list, unchanged (hclic_areas.csv is left out). `hclic_quarterly_la.mapping.json` reads `..` as a suppressed value ' +
      'and carries the series break of `assessed_total` from July to September 2023 in its definition.',
  },
  'oflog-explorer-extracts': {
    files: ['oflog_asc_metrics.csv', 'oflog_waste_metrics.csv', 'oflog_waste_metric_metadata.csv'],
    leaveOut: { file: 'oflog_asc_metrics.csv', column: 'Code', values: ['ASC7'] },
    note:
      'The waste extract and its metadata, unchanged. The adult social care extract without its ASC7 rows (social care workforce turnover): ' +
      "they come from Skills for Care's ASC-WDS, whose re-use terms this folder's provenance could not confirm, so Lantern does not redistribute them; " +
      'every other row is as published.',
  },
  'oi-housing': {
    files: ['affordable_homes_by_tenure.csv', 'vacant_homes.csv', 'net_additional_dwellings.csv', 'population_all_ages.csv'],
    note:
      'The four files, unchanged (CC BY 4.0: attribute Open Innovations). Each has a mapping that names its metrics; codes Lantern does not hold ' +
      '(combined authorities, metropolitan counties, the nations, and one mistyped code in vacant_homes.csv) are refused with the reason kept.',
  },
};

function main(argv: readonly string[]): void {
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : PROJECT_DIR;
  if (!out) throw new Error('--out needs a folder');
  const positional = argv.filter((_, i) => i !== outAt && i !== outAt + 1);
  const source = path.resolve(positional[0] ?? path.join(PROJECT_DIR, '..', 'shared', 'data'));
  for (const [folder, shipped] of Object.entries(SHIPPED)) {
    const into = path.join(out, 'data', 'demo', folder);
    fs.mkdirSync(into, { recursive: true });
    for (const file of shipped.files) {
      const text = fs.readFileSync(path.join(source, folder, file), 'utf8');
      const leaveOut = shipped.leaveOut?.file === file ? shipped.leaveOut : undefined;
      fs.writeFileSync(path.join(into, file), leaveOut ? withoutRows(text, leaveOut.column, leaveOut.values) : text);
    }
    const provenance = fs.readFileSync(path.join(source, folder, 'PROVENANCE.md'), 'utf8');
    fs.writeFileSync(path.join(into, 'PROVENANCE.md'), `${provenance.trimEnd()}\n\n## What Lantern ships, and why\n\n${shipped.note}\n`);
  }
}

/** The file's text without the lines of the rows whose `column` holds one of `values`; every other byte as it was. */
function withoutRows(text: string, column: string, values: readonly string[]): string {
  const records = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  const lines = text.split(/(?<=\n)/);
  if (records.length !== lines.length && !(records.length === lines.length + 1 && text.endsWith('\n'))) {
    throw new Error(`a quoted cell spans lines: rows cannot be left out line by line`);
  }
  const at = records[0]!.indexOf(column);
  if (at < 0) throw new Error(`no column '${column}'`);
  return lines.filter((_, i) => i === 0 || !values.includes(records[i]?.[at] ?? '')).join('');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
