// The `lantern` command: serve, import, export, migrate, areas, metrics.
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Command, Option } from 'commander';
import { ConfigError, readConfig, readPort, type Config } from '../config.ts';
import type { ImportResult } from '../ingest/import-file.ts';
import type { Store } from '../store/store.ts';
import { registerPeerChallengeCommands } from './peer-challenges.ts';
import { drainable, onStopSignal, stopInOrder } from './shutdown.ts';
import { registerSupportCommands } from './support.ts';
import { CommandError, registerAccessCommands } from './users.ts';

// Each command loads what it needs when it runs (import() in its function):
// the server alone, with Sass and the PDF printer, takes seconds to load, and
// `lantern --help` or `lantern areas` should not wait for it.

const err = (line: string) => process.stderr.write(line + '\n');
const out = (line: string) => process.stdout.write(line + '\n');

/**
 * The configured store; says so when it is kept elsewhere than asked (root, a
 * private project folder). Only the server reads from a replica: the other
 * commands write, or read once, on the primary.
 */
async function openConfiguredStore(config: Config, role: string, onLost?: (message: string) => void): Promise<Store> {
  const { openStore } = await import('../store/store.ts');
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    migrationDatabaseUrl: config.migrationDatabaseUrl,
    dataDir: config.dataDir,
    isDefaultFolder: config.dataDirIsDefault,
    role,
    log: err,
    ...(onLost ? { onLost } : {}),
    ...(role === 'serve' ? { readDatabaseUrl: config.readDatabaseUrl } : {}),
  });
  if (store.notice) err(`Lantern: ${store.notice}`);
  return store;
}

async function withStore<T>(config: Config, role: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(config, role);
  const stopOn = (code: number) => () => {
    void store.close().finally(() => process.exit(code));
  };
  const onInt = stopOn(130);
  const onTerm = stopOn(143);
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  try {
    return await work(store);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    await store.close();
  }
}

async function serve(config: Config, options: { port?: string; demo: boolean }): Promise<void> {
  const port = options.port === undefined ? config.port : readPort(options.port, '--port');
  // The store opens first, and the index starts building as soon as it has: the server's own modules (seconds of
  // them, on this thread) load while PostgreSQL reads, and the demo's only when serve loads the demo.
  // A store whose server died and cannot be started again is gone: exit and say why, rather than answer 503 for ever.
  const opening = openConfiguredStore(config, 'serve', (message) => {
    err(`Lantern: ${message}; stopping`);
    process.exit(1);
  });
  opening.catch(() => {}); // awaited below
  const { BenchmarkEngine } = await import('../engine/benchmark-engine.ts');
  const store = await opening;
  if (store.embedded && !store.embedded.owned && store.embedded.ownerRole.startsWith('serve')) {
    await store.close();
    throw new ConfigError(
      `Lantern is already serving ${store.embedded.dataDir} (process ${store.embedded.ownerPid}${store.embedded.ownerRole.replace(/^serve:?/, ', port ').replace(/, port $/, '')}): ` +
        'stop it first, or give this one its own LANTERN_DATA_DIR',
    );
  }
  const server = http.createServer();
  const requests = drainable(server);
  let printer: import('../reports/pdf.ts').PdfPrinter | undefined = undefined;
  let stopping = false;
  let jobs: Promise<import('../jobs/index.ts').LanternJobs> | undefined = undefined;
  let engine: ReturnType<typeof BenchmarkEngine.begin> | undefined = undefined;
  // What SIGTERM stops, in this order: whatever is still starting is simply not there yet.
  onStopSignal(() => {
    stopping = true;
    return stopInOrder(
      [
        ['taking requests (those under way finished)', () => requests.drain()],
        // A runner still starting is let finish its start, then stopped: closing the store under its start cuts off its queries.
        ['the job runner (its job under way finished)', async () => (await jobs?.catch(() => undefined))?.stop()],
        ['the benchmark engine', () => engine?.stop()],
        ['the PDF printer', () => printer?.close()],
        ['the store', () => store.close()], // last: everything before may still use it
      ],
      err,
    );
  }, err);
  try {
    await start();
  } catch (error) {
    // A stop closes the store under whatever is still starting, which then fails: the stop under way exits.
    if (stopping) return;
    await store.close(); // and PostgreSQL with it, before the error ends the process
    throw error;
  }

  async function start(): Promise<void> {
    err(`Lantern: store is ${store.description}`);
    if (store.replica) err(`Lantern: reading from the ${store.replica.description}`);
    if (options.demo) await loadDemoInto(store, config);
    // The index is built in the background: Lantern answers at once, and what needs figures says they are loading.
    const started = performance.now();
    const building = BenchmarkEngine.begin(store.sql, err, true, store.replica);
    engine = building;
    building.ready.then(
      () => {
        const { observations, bytes } = building.index.size();
        err(`Lantern: benchmark index of ${observations.toLocaleString('en-GB')} observations built in ${((performance.now() - started) / 1000).toFixed(1)} s (${(bytes / 2 ** 20).toFixed(1)} MB)`);
      },
      () => {
        if (stopping) return;
        err('Lantern: without its benchmark index Lantern cannot serve figures; stopping');
        void store.close().finally(() => process.exit(1));
      },
    );
    const [{ createApp }, { PdfPrinter }] = await Promise.all([import('../server/app.ts'), import('../reports/pdf.ts')]);
    printer = new PdfPrinter();
    const app = createApp({ config, store, engine, printer, log: err });
    server.on('request', app);
    server.listen(port, () => {
      const listening = (server.address() as AddressInfo).port;
      store.embedded?.announce(`serve:${listening}`);
      err(`Lantern: listening on http://localhost:${listening}`);
    });
    server.on('error', (error) => {
      err(`Lantern: cannot listen on port ${port}: ${error.message}`);
      void store.close().finally(() => process.exit(1));
    });
    // Scheduled work (closing interrupted batches, embargo ends, the nightly index check, packing) runs once across
    // servers. It starts after the server listens: no request waits on it, and its start is a second of a server's.
    jobs = import('../jobs/index.ts').then(({ startLanternJobs }) => startLanternJobs(store, building, { log: err, mail: config.mail }));
    await jobs;
  }
}

/** The demo's data into an empty store, and its users (their password from the configuration), its agreement and its synthetic surveys and returns into any. */
async function loadDemoInto(store: Store, config: Config): Promise<void> {
  const { loadDemo, storeIsEmpty } = await import('../ingest/demo.ts');
  if (await storeIsEmpty(store.sql)) {
    err(`Lantern: loading the demo data from ${config.demoDataDir}`);
    const demoStarted = performance.now();
    const results = await loadDemo(store.sql, config.demoDataDir, err);
    if (results) err(`Lantern: demo loaded in ${((performance.now() - demoStarted) / 1000).toFixed(1)} s`);
    else err(`Lantern: no demo data at ${config.demoDataDir}; the store is empty. Import data with: npx lantern import FILE.csv`);
  }
  const { createDemoAccess } = await import('../server/features/admin/demo-access.ts');
  await createDemoAccess(store.sql, config.access.adminPassword, err);
  const { createDemoAgreement } = await import('../server/features/targets/demo-agreement.ts');
  await createDemoAgreement(store.sql, err);
  const { createDemoSurveys } = await import('../server/features/surveys/demo-surveys.ts');
  await createDemoSurveys(store.sql, err);
  const { createDemoReturns } = await import('../server/features/returns/demo-returns.ts');
  await createDemoReturns(store.sql, err);
  const { createDemoCaseStudies } = await import('../server/features/good-practice/demo-case-studies.ts');
  await createDemoCaseStudies(store.sql, err);
  const { createDemoSupportOffer } = await import('../server/features/support-offer/demo-support-offer.ts');
  await createDemoSupportOffer(store.sql, err);
  const { createDemoSavings } = await import('../server/features/savings/demo-savings.ts');
  await createDemoSavings(store.sql, err);
  const { createDemoMentoring } = await import('../server/features/mentoring/demo-mentoring.ts');
  await createDemoMentoring(store.sql, err);
  const { createDemoChallenges } = await import('../server/features/peer-challenges/demo-challenges.ts');
  await createDemoChallenges(store.sql, err);
  const { createDemoPeers } = await import('../server/features/peer-pool/demo-peers.ts');
  await createDemoPeers(store.sql, err);
}

async function importFiles(config: Config, files: string[], options: { skipInvalid: boolean; addAreas: boolean; by: string; mapping?: string; sheet?: string }): Promise<void> {
  for (const file of files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ConfigError(`${file}: no such file`);
  }
  // The same use-case as the API's upload: each batch in the audit trail, as done by the person at the console.
  const [{ importAs }, { consoleAccess }, { readMapping }, { progressBar }] = await Promise.all([
    import('../server/features/data-hub/imports.ts'),
    import('../server/platform/access/console-access.ts'),
    import('./inspect-file.ts'),
    import('./progress-bar.ts'),
  ]);
  const mapping = options.mapping === undefined ? undefined : readMapping(options.mapping);
  let failed = 0;
  await withStore(config, 'import', async (store) => {
    for (const file of files) {
      const size = fs.statSync(file).size;
      const bar = progressBar(path.basename(file), size);
      const result = await importAs(store.sql, consoleAccess(store.sql), {
        fileName: path.basename(file),
        // Small reads keep each chunk's rows young: large ones were promoted by
        // the garbage collector, doubling memory and time (1 MB: 342 MB, 5.6 s a
        // million rows; 64 KB: 125 MB, 3.0 s).
        input: fs.createReadStream(file),
        importedBy: options.by,
        skipInvalid: options.skipInvalid,
        addAreas: options.addAreas,
        source: path.resolve(file),
        onProgress: (p) => bar.update(p.bytesRead, p.rows, p.phase),
        ...(mapping ? { mapping } : {}),
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      });
      bar.done();
      await printSummary(path.basename(file), result);
      if (result.status === 'rejected') failed++;
    }
  });
  if (failed > 0) process.exitCode = 1;
}

async function printSummary(file: string, result: ImportResult): Promise<void> {
  const { formatRejection } = await import('../domain/batch/index.ts');
  for (const notice of result.notices) err(`${file}: note: ${notice}`);
  const shown = result.rejections.slice(0, 20);
  for (const rejection of shown) err(formatRejection(file, rejection));
  if (result.rejected > shown.length) err(`… ${result.rejections.length - shown.length} more; see batch ${result.batchId} (lantern: GET /api/imports/${result.batchId}/rejections)`);
  const rate = result.seconds > 0 ? Math.round(result.rowsRead / result.seconds).toLocaleString('en-GB') : '–';
  const verdict = result.status === 'loaded' ? 'loaded' : 'REJECTED: nothing was stored (use --skip-invalid to load the valid rows)';
  out(
    `${file}: batch ${result.batchId} ${verdict}; ${result.rowsRead} rows read, ${result.inserted} inserted, ${result.revised} revised, ` +
      `${result.unchanged} unchanged, ${result.rejected} rejected in ${result.seconds.toFixed(2)} s (${rate} rows/s)`,
  );
}

async function exportObservations(config: Config, options: { metric?: string; area?: string; out?: string }): Promise<void> {
  const [{ observationsCsv }, { publicObservations }, { streamObservations }] = await Promise.all([
    import('../reports/observations-csv.ts'),
    import('../server/platform/access/observations.ts'),
    import('../store/observations.ts'),
  ]);
  await withStore(config, 'export', async (store) => {
    const target = options.out ? fs.createWriteStream(options.out) : process.stdout;
    // As the public may read them: early-sight data under embargo is not exported.
    for await (const text of observationsCsv(publicObservations(store.sql, streamObservations(store.sql, { metric: options.metric, area: options.area?.toUpperCase() })))) {
      if (!target.write(text)) await once(target, 'drain');
    }
    if (options.out) await new Promise((resolve) => (target as fs.WriteStream).end(resolve));
  });
}

function table<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): void {
  const cell = (row: T, column: keyof T) => String(row[column] ?? '');
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  out(columns.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  for (const row of rows)
    out(
      columns
        .map((c, i) => cell(row, c).padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}

export function program(config: () => Config): Command {
  const cli = new Command('lantern').description('Lantern: performance data for English local government').showHelpAfterError();
  cli
    .command('serve')
    .description('start Lantern on its store, loading the demo data into an empty one')
    .option('-p, --port <port>', 'HTTP port (default: PORT or 3000)')
    .option('--no-demo', 'do not load the demo data into an empty store')
    .action((options) => serve(config(), options));
  cli
    .command('import')
    .description('import CSV or JSON files (observations, metric definitions or areas), each as one batch')
    .argument('<files...>', 'files to import')
    .option('--skip-invalid', 'load the valid rows and keep the rejections with the batch, instead of rejecting the whole file', false)
    .option('--add-areas', 'keep the areas an observation file names that Lantern does not hold (wards, small areas), typed by their GSS code and named from its area_name column', false)
    .option('--mapping <file>', "a saved column mapping (JSON) saying how to read a publisher's layout: area, period, metric and value columns, status codes, metric definitions")
    .option('--sheet <name>', 'the sheet of a spreadsheet (XLSX, ODS) to read; the first otherwise')
    .option('--dry-run', 'read the files as an import would and say what it would do, storing nothing', false)
    .option('--by <name>', 'who is importing, kept with the batch', process.env.USER ?? 'cli')
    .action(async (files, options) => (options.dryRun ? (await import('./inspect-file.ts')).inspectFiles(config(), withStore, files, options, 'dry-run', out) : importFiles(config(), files, options)));
  cli
    .command('inspect')
    .description('say how Lantern reads a file (layout, columns, metrics, periods, unknown area codes, rejections), storing nothing')
    .argument('<files...>', 'files to inspect (CSV, XLSX, ODS or JSON)')
    .option('--mapping <file>', 'a saved column mapping (JSON) to read the file by')
    .option('--sheet <name>', 'the sheet of a spreadsheet to read; the first otherwise')
    .action(async (files, options) => (await import('./inspect-file.ts')).inspectFiles(config(), withStore, files, options, 'inspect', out));
  cli
    .command('export')
    .description('export observations as CSV, in the import format (published data: early sight under embargo is left out)')
    .option('--metric <code>', 'only this metric')
    .option('--area <code>', 'only this area')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action((options) => exportObservations(config(), options));
  cli
    .command('migrate')
    .description('apply the store migrations not yet applied')
    .action(() =>
      withStore(config(), 'migrate', async (store) => {
        const applied = await store.migrate();
        const { installJobRunner, LANTERN_QUEUES } = await import('../jobs/index.ts');
        await installJobRunner(store, LANTERN_QUEUES);
        out(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'the store is up to date');
      }),
    );
  cli
    .command('areas')
    .description('list areas')
    .addOption(new Option('--type <type>', 'only this type (unitary, district, county, region, …)'))
    .option('--region <code>', 'only areas in this region')
    .option('-q, --query <text>', 'name contains')
    .option('--all', 'include areas that have ended', false)
    .action((options) =>
      withStore(config(), 'areas', async (store) => {
        const { queryAreas } = await import('../store/catalogue.ts');
        const rows = await queryAreas(store.sql, { type: options.type, region: options.region, q: options.query, current: !options.all, limit: 10_000, offset: 0 });
        table(rows, ['code', 'name', 'type', 'regionCode', 'countyCode', 'endDate']);
      }),
    );
  cli
    .command('metrics')
    .description('list or search the metric library')
    .option('-q, --query <text>', 'words in the title, code or definition')
    .action((options) =>
      withStore(config(), 'metrics', async (store) => {
        const { queryMetrics } = await import('../store/catalogue.ts');
        const rows = await queryMetrics(store.sql, { q: options.query, limit: 10_000, offset: 0 });
        table(rows, ['code', 'title', 'polarity', 'periodKind']);
      }),
    );
  registerAccessCommands(cli, config, withStore, out, table as (rows: readonly object[], columns: readonly string[]) => void);
  registerSupportCommands(cli, config, withStore, out, table as (rows: readonly object[], columns: readonly string[]) => void);
  registerPeerChallengeCommands(cli, config, withStore, out);
  return cli;
}

try {
  await program(readConfig).parseAsync(process.argv);
} catch (error) {
  const { EmbeddedServerError } = await import('../store/embedded-server.ts');
  if (error instanceof ConfigError || error instanceof EmbeddedServerError || error instanceof CommandError) {
    err(`lantern: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
