// A separate Lantern process running jobs on the store named by the
// environment: it takes STUCK's jobs and never finishes one, and the test
// kills it mid-job.
import { readConfig } from '../../src/config.ts';
import { startJobRunner } from '../../src/jobs/job-runner.ts';
import { openStore } from '../../src/store/store.ts';
import { QUICK, STUCK } from './jobs.ts';

const config = readConfig();
const store = await openStore({ databaseUrl: config.databaseUrl, migrationDatabaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir, role: 'job-child' });
await startJobRunner(
  store,
  [
    {
      ...STUCK,
      async run(_data, run) {
        console.log(`started ${run.id} ${run.attempt}`);
        await new Promise(() => {});
      },
    },
  ],
  { ...QUICK, log: (line) => console.error(line), server: 'job-child' },
);
console.log('ready');
