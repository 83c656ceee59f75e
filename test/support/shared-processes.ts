// Test files that share a Node process (test/run.ts): each process pays once
// what every file would pay again in a process of its own, chiefly importing
// the compiled app (about a second of processor).
//
// A shared process is an entry file that declares one suite per test file,
// named by the file, whose body imports it: the file's tests and hooks are
// declared inside that suite, so hooks at a file's top level hold for its own
// tests alone, a file that fails to load fails its own suite and no other,
// and every failure is reported under its file's name. node:test runs the
// suites one after another, as it runs a file's tests. What a file leaves
// behind in the process (module state, process.env, listeners, timers) is
// the next file's: test/run.ts shares only the folders whose files leave
// nothing.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_DIR } from './data.ts';

/** The folders whose files share processes, each with how many files a process holds at most. */
export type Sharing = Readonly<Record<string, number>>;

/** Where a process's entry goes: the folder that `file`, its first, would have been run from. */
export type EntryFolder = (file: string) => string;

/** The files one process runs: a test file alone, or a share of a folder's files. */
export interface TestProcess {
  readonly files: readonly string[];
  /** The folder whose share this is, and which share of how many; none for a file alone. */
  readonly share?: { readonly folder: string; readonly number: number; readonly of: number };
}

/** The folder of `sharing` that `file` is in, if it shares a process. */
function sharedFolder(file: string, sharing: Sharing): string | undefined {
  return Object.keys(sharing).find((dir) => file.startsWith(dir + path.sep));
}

/**
 * The processes that run `files`: each file of a shared folder in one of
 * that folder's shares, each other file alone. A folder's files are dealt
 * out in turn, so that its slow files, often neighbours, fall in different
 * processes; each share keeps the files' order.
 */
export function shareOut(files: readonly string[], sharing: Sharing): TestProcess[] {
  const byFolder = new Map<string, string[]>();
  const processes: TestProcess[] = [];
  for (const file of files) {
    const folder = sharedFolder(file, sharing);
    if (folder === undefined) processes.push({ files: [file] });
    else byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  for (const [folder, shared] of byFolder) {
    if (shared.length < 2) {
      processes.push({ files: shared });
      continue;
    }
    const of = Math.ceil(shared.length / sharing[folder]!);
    for (let i = 0; i < of; i++) processes.push({ files: shared.filter((_, at) => at % of === i), share: { folder, number: i + 1, of } });
  }
  return processes;
}

/**
 * What Node runs for each process: the file alone (`runnable`: itself, or
 * what it was compiled to), or an entry for a share, written into
 * `folderOf` its first file as `<folder>/shared-process-I-of-N.test.mjs`, so
 * that it starts where that file would have started.
 */
export function processFiles(processes: readonly TestProcess[], folderOf: EntryFolder, runnable: (file: string) => string): string[] {
  return processes.map(({ files, share }) => {
    if (!share) return runnable(files[0]!);
    const entry = path.join(folderOf(files[0]!), share.folder, `shared-process-${share.number}-of-${share.of}.test.mjs`);
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    fs.writeFileSync(entry, entryText(files, runnable));
    return entry;
  });
}

function entryText(share: readonly string[], runnable: (file: string) => string): string {
  const lines = [
    // The runner's --test-force-exit ends the process as soon as its tests are done, and
    // writes to a pipe still waiting are lost: a shared process reports much, so it writes at once.
    'process.stdout._handle?.setBlocking?.(true);',
    "import { describe } from 'node:test';",
    ...share.map((file) => `describe(${JSON.stringify(file)}, () => import(${JSON.stringify(pathToFileURL(path.resolve(PROJECT_DIR, runnable(file))).href)}));`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * The folder a compiled test file was run from before it shared a process:
 * the one `compiled` (`file` compiled, under its own relative path) sits in,
 * numbered by its place in the run, so that its share starts where it would
 * have started.
 */
export function compiledFolder(compiled: string, file: string): string {
  return path.join(compiled, ...file.split(path.sep).map(() => '..'));
}
