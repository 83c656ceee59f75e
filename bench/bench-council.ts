// A fresh embedded store for the targets benches: `areas` unitary areas and
// `metrics` yearly metrics, a council holding the first area, and its
// performance officer's access, as the use-cases take it. The caller closes
// the store and removes its folder (`close`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { importFile } from '../src/ingest/import-file.ts';
import { RequestAccess } from '../src/server/platform/access/request-access.ts';
import { hashPassword } from '../src/server/platform/identity/passwords.ts';
import { createOrganisation } from '../src/store/organisations.ts';
import { openStore, type Sql, type Store } from '../src/store/store.ts';
import { createUser } from '../src/store/users.ts';

export const areaCode = (i: number) => `E06${String(900000 + i).padStart(6, '0')}`;

export interface BenchCouncil {
  readonly store: Store;
  readonly access: RequestAccess;
  /** The areas' codes, in order; the council holds the first. */
  readonly areas: readonly string[];
  close(): Promise<void>;
}

async function load(sql: Sql, fileName: string, text: string): Promise<void> {
  const result = await importFile(sql, { fileName, input: Readable.from([Buffer.from(text)]), importedBy: 'bench' });
  if (result.status !== 'loaded') throw new Error(`${fileName}: ${JSON.stringify(result.rejections.slice(0, 3))}`);
}

export async function openBenchCouncil(prefix: string, areaCount: number, metrics: number): Promise<BenchCouncil> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = await openStore({ dataDir, role: 'bench' });
  const close = async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const areas = Array.from({ length: areaCount }, (_, i) => areaCode(i));
    await load(store.sql, 'areas.csv', ['code,name,type', ...areas.map((code, i) => `${code},Area ${i},unitary`)].join('\n'));
    await load(
      store.sql,
      'metrics.csv',
      ['code,title,polarity,value_kind,period_kind', ...Array.from({ length: metrics }, (_, m) => `metric-${m},Metric ${m},higher_is_better,mean,financial_year`)].join('\n'),
    );
    const council = await createOrganisation(store.sql, { name: 'Bench council', kind: 'council', areaCode: areas[0]! });
    const officer = await createUser(store.sql, {
      email: 'officer@bench.example',
      name: 'Officer',
      organisationId: council.id,
      role: 'performance_officer',
      passwordHash: await hashPassword('a long bench password 1'),
    });
    const access = new RequestAccess(
      { kind: 'user', userId: officer.id, role: 'performance_officer', organisationId: council.id, councilArea: areas[0]!, actions: ['read', 'change', 'share'] },
      () => ({ userId: officer.id, actor: officer.email, ip: null, userAgent: 'bench' }),
      store.sql,
      Date.now(),
    );
    return { store, access, areas, close };
  } catch (error) {
    await close();
    throw error;
  }
}
