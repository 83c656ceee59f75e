// Access policy benchmark: what one decision costs, and what the whole access
// layer (identifying the viewer, the route's rule, the policy's decisions,
// the CSRF check) adds to a league table request over HTTP.
//
// Measured:
//   a. decide() per call, for the decisions Lantern makes most: the public
//      reading published data, a user reading a confidential intelligence
//      item with shares, a refusal, a share, an early-sight row; and
//      permits() (the route's rule). Median of 7 runs of 2,000,000 calls.
//   b. GET /api/benchmark/league-table on the demo data (../shared/data),
//      through the real application, as the public, with a session cookie,
//      and with an API token; against the same league table served by a bare
//      Express app with the handler as it was before access existed (same
//      request parsing, same index, no viewer, no rule, no decisions).
//      Each: autocannon, 10 connections, 4 s, after a warm-up; the pair
//      alternates five times and the medians are compared. The overhead is
//      the server's time per request (1 / requests per second) with access
//      against without.
// Targets: a decision ≤ 5 µs; overhead on a league table request ≤ 10%.
//
// Usage: npm run bench:policy [-- --seconds 4]
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import express from 'express';
import { decide, guardedRecord, permits, PUBLIC_VIEWER, SESSION_ACTIONS, type UserViewer } from '../src/domain/access/index.ts';
import { leagueTable } from '../src/domain/benchmark/benchmark-queries.ts';
import { readConfig } from '../src/config.ts';
import { loadDemo } from '../src/ingest/demo.ts';
import { errorHandler } from '../src/server/platform/http/errors.ts';
import { PdfPrinter } from '../src/reports/pdf.ts';
import { createApp } from '../src/server/app.ts';
import { BenchmarkEngine } from '../src/engine/benchmark-engine.ts';
import { areaOf, groupSpec, seriesOf } from '../src/server/features/explore/benchmark-requests.ts';
import { leagueTableQuery } from '../src/server/features/explore/api-inputs.ts';
import { createApiToken } from '../src/store/api-tokens.ts';
import { createOrganisation } from '../src/store/organisations.ts';
import { openStore } from '../src/store/store.ts';
import { createUser } from '../src/store/users.ts';
import { hashPassword } from '../src/server/platform/identity/passwords.ts';
import { newApiToken, sha256 } from '../src/server/platform/identity/secrets.ts';
import { notFound } from '../src/server/platform/http/http-error.ts';
import { checkedQuery } from '../src/server/platform/http/input-schema.ts';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '4' } } });
const SECONDS = Number(args.seconds);

// ---- a. one decision -------------------------------------------------------

function decisions(): void {
  const now = Date.now();
  const reader: UserViewer = Object.freeze({ kind: 'user', userId: 42, role: 'regional_partner', organisationId: 7, councilArea: null, actions: SESSION_ACTIONS });
  const author: UserViewer = { ...reader, userId: 9, role: 'principal_adviser', organisationId: 3 };
  const council: UserViewer = { ...reader, userId: 77, role: 'performance_officer', organisationId: 11, councilArea: 'E06000047' };
  const publicObservation = guardedRecord('observation', 'public');
  const item = guardedRecord('intelligence_item', 'confidential', {
    subjectArea: 'E06000047',
    ownerOrganisation: 3,
    author: 9,
    sharedWithOrganisations: [1, 2, 5, 7],
    sharedWithUsers: [13, 21, 34],
    shareable: true,
  });
  const early = guardedRecord('observation', 'restricted', { subjectArea: 'E06000047', subjectReads: true, sharedWithOrganisations: [4, 6], embargoUntil: now + 86_400_000, shareable: true });
  const cases: [string, () => boolean][] = [
    ['public reads published data', () => decide(PUBLIC_VIEWER, 'read', publicObservation, now).allowed],
    ['partner reads a confidential item shared with them', () => decide(reader, 'read', item, now).allowed],
    ['council is refused a confidential item', () => decide(council, 'read', item, now).allowed],
    ['author shares a confidential item', () => decide(author, 'share', item, now).allowed],
    ['council reads its own early-sight row', () => decide(council, 'read', early, now).allowed],
    ["permits(): a route's rule", () => permits(reader, 'read', 'intelligence_item').allowed],
  ];
  const CALLS = 2_000_000;
  console.log('a. one policy decision (median of 7 runs of 2,000,000 calls)');
  for (const [name, call] of cases) {
    const runs: number[] = [];
    let allowed = 0;
    for (let run = 0; run < 7; run++) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < CALLS; i++) if (call()) allowed++;
      runs.push(Number(process.hrtime.bigint() - started) / CALLS);
    }
    runs.sort((x, y) => x - y);
    console.log(`   ${name.padEnd(52)} ${runs[3]!.toFixed(1).padStart(6)} ns  (${allowed > 0 ? 'allowed' : 'refused'})`);
  }
}

// ---- b. a league table request --------------------------------------------

/**
 * The league table as it was served before access existed: the application's
 * shape then (security headers, /health, the benchmarking router at
 * /api/benchmark, the JSON errors), the same parsing and index; no viewer,
 * no rule, no decisions.
 */
function bareApp(engine: BenchmarkEngine, sql: Parameters<typeof groupSpec>[1]): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'Content-Security-Policy': "default-src 'self'; script-src 'self'; frame-ancestors 'none'" });
    next();
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const router = express.Router();
  router.get('/league-table', async (req, res) => {
    const q = checkedQuery(leagueTableQuery, req.query);
    const index = engine.index;
    const series = seriesOf(index, q.metric);
    const slice = q.period === undefined ? series.latest() : series.slice(q.period);
    if (!slice) throw notFound('no values');
    const area = q.area === undefined ? index.area('E92000001')! : areaOf(index, q.area);
    res.json(leagueTable(index, series, slice, area, await groupSpec(res, sql, index, area, q, 'england'), q.level));
  });
  app.use('/api/benchmark', router);
  app.use(errorHandler(() => {}));
  return app;
}

async function listen(handler: http.RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface Measured {
  readonly requests: number;
  readonly p50: number;
  readonly mean: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Measured> {
  const result = await autocannon({ url, connections: 10, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requests: result.requests.average, p50: result.latency.p50, mean: result.latency.mean };
}

async function leagueTables(): Promise<void> {
  const config = readConfig();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-policy-'));
  const store = await openStore({ dataDir, role: 'bench' });
  try {
    console.log(`\nb. GET /api/benchmark/league-table on the demo data (loading ${config.demoDataDir} …)`);
    if (!(await loadDemo(store.sql, config.demoDataDir, () => {}))) throw new Error(`no demo data at ${config.demoDataDir}`);
    const engine = await BenchmarkEngine.start(store.sql, () => {}, false);
    await engine.trendsKept;
    const organisation = await createOrganisation(store.sql, { name: 'Bench partnership', kind: 'regional_partnership', areaCode: null });
    const password = 'a bench password 123';
    const user = await createUser(store.sql, { email: 'bench@lantern.example', name: 'Bench', organisationId: organisation.id, role: 'regional_partner', passwordHash: await hashPassword(password) });
    const token = newApiToken();
    await createApiToken(store.sql, { userId: user.id, name: 'bench', tokenHash: sha256(token), scopes: ['read'], expiresAt: null });
    const printer = new PdfPrinter(); // never asked to print here, so no browser starts
    const full = await listen(createApp({ config, store, engine, printer, log: () => {} }));
    const bare = await listen(bareApp(engine, store.sql));
    const session = await signIn(full.base, user.email, password);
    const metric = [...engine.index.metrics()].find((s) => s.metric.status === 'published' && s.latest())!.metric.code;
    const address = `/api/benchmark/league-table?metric=${metric}&area=E06000047&group=region`;
    const variants: [string, Record<string, string>][] = [
      ['the public', {}],
      ['a session cookie', { Cookie: session }],
      ['an API token', { Authorization: `Bearer ${token}` }],
    ];
    console.log(`   ${address}; autocannon, 10 connections, ${SECONDS} s each, alternating 5 times; medians`);
    console.log(`   ${'viewer'.padEnd(18)} ${'with access'.padStart(26)} ${'bare handler'.padStart(26)} ${'overhead (time per request)'.padStart(28)}`);
    await load(full.base + address, {}, 5); // warm-up, while the application's background work (map boundaries) finishes
    await load(bare.base + address, {}, 5);
    for (const [name, headers] of variants) {
      await load(full.base + address, headers, 1);
      await load(bare.base + address, {}, 1);
      const withAccess: Measured[] = [];
      const without: Measured[] = [];
      for (let round = 0; round < 5; round++) {
        withAccess.push(await load(full.base + address, headers, SECONDS));
        without.push(await load(bare.base + address, {}, SECONDS));
      }
      const a = median(withAccess);
      const b = median(without);
      const perRequest = (m: Measured) => 1e6 / m.requests; // µs of the server's time per request
      const overhead = (perRequest(a) - perRequest(b)) / perRequest(b);
      const shown = (m: Measured) => `${m.requests.toFixed(0)} req/s, ${perRequest(m).toFixed(0)} µs, p50 ${m.p50} ms`;
      console.log(`   ${name.padEnd(18)} ${shown(a).padStart(26)} ${shown(b).padStart(26)} ${`${(overhead * 100).toFixed(1)}% (+${(perRequest(a) - perRequest(b)).toFixed(0)} µs)`.padStart(28)}`);
    }
    await full.close();
    await bare.close();
    await engine.stop();
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function median(runs: Measured[]): Measured {
  const by = (key: keyof Measured) => [...runs].map((r) => r[key]).sort((x, y) => x - y)[Math.floor(runs.length / 2)]!;
  return { requests: by('requests'), p50: by('p50'), mean: by('mean') };
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const first = await fetch(`${base}/api/session`);
  const presession = first.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const response = await fetch(`${base}/sign-in`, { method: 'POST', redirect: 'manual', headers: { Cookie: presession }, body: new URLSearchParams({ email, password, _csrf: csrfToken }) });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lantern_session='));
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(';')[0]!;
}

decisions();
await leagueTables();
