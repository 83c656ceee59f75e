// Reading a hostile CSV against a well-formed one of the same size: a file of
// N MB of observation rows, and the same file with a quote opened on line 2
// and never closed. Each is read by the CSV reader (decode, parse, every
// record pulled) in a process of its own, so that each peak RSS is its own.
// The target: the unclosed quote refused in at most 2× the time of the
// well-formed file, with RSS under 300 MB.
//
//   npm run bench:hostile-files            # 40 MB
//   npm run bench:hostile-files -- 40 300  # 40 MB and 300 MB
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTableFile } from '../src/ingest/table-file.ts';
import { RejectionError } from '../src/ingest/rejections.ts';

interface Reading {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly records: number;
  readonly outcome: string;
}

const ROW = 'healthy-life-expectancy-at-birth-female,E06000047,2019/20 - 21/22,59.7\n';

async function readOne(file: string): Promise<Reading> {
  const started = performance.now();
  let records = 0;
  let outcome = 'read to the end';
  try {
    const csv = await readTableFile(path.basename(file), fs.createReadStream(file));
    for await (const chunk of csv.chunks) records += chunk.records.length;
  } catch (error) {
    if (!(error instanceof RejectionError)) throw error;
    outcome = `refused: ${error.message}`;
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, records, outcome };
}

function writeFile(file: string, megabytes: number, unclosedQuote: boolean): void {
  const out = fs.openSync(file, 'w');
  const head = 'metric,area,period,value\n' + (unclosedQuote ? 'healthy-life-expectancy-at-birth-female,"E06000047,2019/20 - 21/22,59.7\n' : ROW);
  fs.writeSync(out, head);
  const block = ROW.repeat(Math.floor((1024 * 1024) / ROW.length));
  for (let written = head.length; written < megabytes * 1024 * 1024; written += block.length) fs.writeSync(out, block);
  fs.closeSync(out);
}

function readInChild(file: string): Reading {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--read', file], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  if (child.status !== 0) throw new Error(`reading ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Reading;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--read') {
    console.log(JSON.stringify(await readOne(process.argv[3]!)));
    return;
  }
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-hostile-'));
  try {
    for (const megabytes of sizes.length > 0 ? sizes : [40]) {
      const wellFormed = path.join(folder, `well-formed-${megabytes}.csv`);
      const unclosed = path.join(folder, `unclosed-quote-${megabytes}.csv`);
      writeFile(wellFormed, megabytes, false);
      writeFile(unclosed, megabytes, true);
      const good = readInChild(wellFormed);
      fs.rmSync(wellFormed);
      const bad = readInChild(unclosed);
      fs.rmSync(unclosed);
      console.log(`${megabytes} MB well-formed:     ${good.seconds.toFixed(2)} s, peak RSS ${good.peakRssMb.toFixed(0)} MB, ${good.records.toLocaleString('en-GB')} records, ${good.outcome}`);
      console.log(`${megabytes} MB unclosed quote:  ${bad.seconds.toFixed(2)} s, peak RSS ${bad.peakRssMb.toFixed(0)} MB, ${bad.outcome}`);
      console.log(`${megabytes} MB ratio (unclosed / well-formed): time ${(bad.seconds / good.seconds).toFixed(3)}×, peak RSS ${(bad.peakRssMb / good.peakRssMb).toFixed(2)}×`);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

await main();
