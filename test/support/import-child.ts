// A separate process that imports one file into the store named by the
// environment: the test kills it part-way.
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../../src/config.ts';
import { importFile } from '../../src/ingest/import-file.ts';
import { openStore } from '../../src/store/store.ts';

const file = process.argv[2]!;
const config = readConfig();
const store = await openStore({ databaseUrl: config.databaseUrl, migrationDatabaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir, role: 'import-child' });
const result = await importFile(store.sql, { fileName: path.basename(file), input: fs.createReadStream(file), importedBy: 'child' });
console.log(result.status);
await store.close();
