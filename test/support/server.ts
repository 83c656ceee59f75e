// The whole app on a real store, listening on a free port of 127.0.0.1, as a
// test's HTTP client sees it; everything it logs is kept for the test to check.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { BenchmarkEngine } from '../../src/engine/benchmark-engine.ts';
import { PdfPrinter } from '../../src/reports/pdf.ts';
import type { TestStore } from './store.ts';

export interface TestServer {
  readonly app: ReturnType<typeof createApp>;
  readonly engine: BenchmarkEngine;
  readonly base: string;
  readonly logged: string[];
  close(): Promise<void>;
}

/** With `building`, the server listens while its index is still being built, as `lantern serve` does; a store with a replica gives its engine the replica to read. */
export async function startTestServer(store: TestStore, options: { building?: boolean } = {}): Promise<TestServer> {
  const logged: string[] = [];
  const log = (line: string) => {
    logged.push(line);
  };
  const engine = options.building ? BenchmarkEngine.begin(store.sql, log, true, store.replica) : await BenchmarkEngine.start(store.sql, log, true, store.replica);
  const printer = new PdfPrinter();
  const app = createApp({ config: readConfig({ LANTERN_DATA_DIR: store.dataDir ?? '' }), store, engine, printer, log });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    app,
    engine,
    logged,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await engine.stop();
      await printer.close();
    },
  };
}
