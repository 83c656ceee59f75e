// What each test file costs, to start the costliest first (test/run.ts): a
// long file that starts late runs alone at the end of the run, with the
// other cores idle. Ordering by folder (the browser's, then the command
// line's, then the server's) started the jobs' files, on no list, in the
// last 45 s of a 545 s run: recurring-jobs (33 s) began 33 s before the end,
// and ran alone for the last 10.
//
// The table holds the files that take 10 s or more, by their wall time in one
// `npm test` at three files at a time on two cores; every other file costs its
// folder's median in the same run. A file added, renamed or deleted costs
// its folder's median, or DEFAULT_SECONDS: an old row only misplaces a file.
// Refresh the table when a file's cost changes by more than half.
import path from 'node:path';

/** The files of 10 s or more, in seconds of wall time. */
const SLOW_FILES: Readonly<Record<string, number>> = {
  'test/browser/support-offer-pages.test.ts': 58,
  'test/browser/pages.test.ts': 50,
  'test/cli/cli.test.ts': 46,
  'test/browser/peer-pool-pages.test.ts': 45,
  'test/browser/peer-challenge-pages.test.ts': 45,
  'test/server/releases/probe.test.ts': 43,
  'test/browser/signed-in-pages.test.ts': 39,
  'test/jobs/recurring-jobs.test.ts': 33,
  'test/e2e/fresh-clone.test.ts': 33,
  'test/browser/good-practice-pages.test.ts': 30,
  'test/browser/survey-pages.test.ts': 27,
  'test/browser/chart-text.test.ts': 25,
  'test/server/access/sessions.test.ts': 25,
  'test/store/embedded-server.test.ts': 25,
  'test/browser/mentoring-pages.test.ts': 24,
  'test/jobs/embargo-ends.test.ts': 23,
  'test/browser/target-forms.test.ts': 23,
  'test/browser/no-peer-challenge-pages.test.ts': 22,
  'test/server/access/probes.test.ts': 22,
  'test/browser/savings-pages.test.ts': 22,
  'test/browser/phone-widths.test.ts': 21,
  'test/browser/case-pages.test.ts': 19,
  'test/store/access-cli.test.ts': 18,
  'test/browser/return-pages.test.ts': 18,
  'test/server/dead-ends.test.ts': 17,
  'test/browser/support-pages.test.ts': 17,
  'test/ingest/demo.test.ts': 15,
  'test/browser/target-pages.test.ts': 15,
  'test/browser/risk-pages.test.ts': 15,
  'test/browser/timeline-pages.test.ts': 14,
  'test/browser/named-verdicts.test.ts': 14,
  'test/browser/release-rule-form.test.ts': 13,
  'test/browser/map-generations.test.ts': 12,
  'test/browser/metric-freshness.test.ts': 11,
  'test/browser/reminder-pages.test.ts': 11,
  'test/browser/targets-beside-figures.test.ts': 11,
  'test/jobs/job-runner.test.ts': 10,
  'test/browser/plain-verdicts.test.ts': 10,
  'test/browser/outcome-pages.test.ts': 10,
};

/**
 * The median file of each folder, in seconds, in the same run. The domain's
 * and the web's files take milliseconds in the processes they share.
 */
const FOLDER_SECONDS: Readonly<Record<string, number>> = {
  'test/e2e': 33,
  'test/browser': 17,
  'test/cli': 7,
  'test/cluster': 7,
  'test/jobs': 6,
  'test/scripts': 5,
  'test/server': 4,
  'test/ingest': 2,
  'test/store': 1.3,
  'test/reports': 0.8,
  'test/engine': 0.6,
  'test/domain': 0.1,
  'test/web': 0.1,
};

/** A file in none of those folders. */
const DEFAULT_SECONDS = 1;

/** What `file` (relative to the project, as test/run.ts names it) is expected to cost, in seconds. */
export function fileCost(file: string): number {
  const name = file.split(path.sep).join('/');
  const listed = SLOW_FILES[name];
  if (listed !== undefined) return listed;
  const folder = Object.keys(FOLDER_SECONDS)
    .filter((dir) => name.startsWith(dir + '/'))
    .sort((a, b) => b.length - a.length)[0];
  return folder === undefined ? DEFAULT_SECONDS : FOLDER_SECONDS[folder]!;
}

/** `files`, costliest first; files of equal cost by name. */
export function costliestFirst(files: readonly string[]): string[] {
  return [...files].sort((a, b) => fileCost(b) - fileCost(a) || a.localeCompare(b));
}

/**
 * Processes, the costliest first: a process's cost is its files' together,
 * so that a share of ten server files, 25 to 40 s, starts before a file of
 * 20 s rather than at the place of its own first file; equal costs by their
 * first file's name.
 */
export function costliestProcessesFirst<T extends { readonly files: readonly string[] }>(processes: readonly T[]): T[] {
  const cost = (one: T) => one.files.reduce((sum, file) => sum + fileCost(file), 0);
  const costs = new Map(processes.map((one) => [one, cost(one)]));
  return [...processes].sort((a, b) => costs.get(b)! - costs.get(a)! || a.files[0]!.localeCompare(b.files[0]!));
}
