// The test files compiled ahead, once per run (test/run.ts), so that the test
// processes load plain JavaScript with no TypeScript loader. Through tsx's
// loader every module is a resolve and a load on Node's hooks thread: the app
// is some 2,600 of them, about 1.8 s of processor in each test process. The
// same code bundled loads in a third of that.
//
// One esbuild build with every test file an entry point and the shared code
// split into chunks: a test file and the code it tests share one copy of each
// module in a process, as they do when loaded one module at a time. Packages
// stay outside, loaded from node_modules as they are by the loader.
//
// The `lantern` command is compiled with them (`command`), for the tests that
// run it as a child process (test/support/lantern-command.ts): through tsx a
// `lantern serve` costs about 3.4 s of processor before it is done starting,
// compiled 1.7. bin/lantern.js itself, and the children the tests start with
// `--import tsx`, keep the loader.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_DIR } from './data.ts';

/** The folder of a run's compiled files, under `into`. */
const BUILT = 'built';

/** `import.meta`'s own values, which a bundle would otherwise give as its own. */
const IMPORT_META = /\bimport\.meta\.(url|dirname|filename)\b/g;
/**
 * Any other use of `import.meta` would name the bundle, but for resolving a
 * package, which is found from the bundle as from the source.
 */
const OTHER_IMPORT_META = /\bimport\.meta\b(?!\.(url|dirname|filename)\b|\.resolve\(\s*['"][^'"./])/;

const LOADERS: Readonly<Record<string, esbuild.Loader>> = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };

/**
 * Every source keeps its own `import.meta.url`, `dirname` and `filename`, so
 * that what the code finds beside itself (templates, migrations, data, the
 * project's folder) is found where it was.
 */
const ownImportMeta: esbuild.Plugin = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const loader = LOADERS[path.extname(args.path)];
      if (!text.includes('import.meta')) return { contents: text, loader };
      if (OTHER_IMPORT_META.test(text)) {
        const where = path.relative(PROJECT_DIR, args.path);
        return { errors: [{ text: `${where}: only import.meta.url, dirname, filename and resolve('a-package') keep their meaning in the compiled tests` }] };
      }
      const own: Record<string, string> = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
      return { contents: text.replace(IMPORT_META, (_, name: string) => JSON.stringify(own[name])), loader };
    });
  },
};

/** What a run's test files were compiled to. */
export interface CompiledTests {
  /** Each test file's compiled path. */
  readonly files: ReadonlyMap<string, string>;
  /** The `lantern` command (src/cli/main.ts, what bin/lantern.js runs), compiled with the tests. */
  readonly command: string;
}

/** Where the command goes in the compiled folder: beside the numbered folders, never given to Node as a test. */
const COMMAND = path.join('command', 'lantern');

/**
 * Compiles `files` (test files, relative to the project) into `into`, each
 * to its relative path with `.mjs` for `.ts`, with linked source maps so that
 * failures name the TypeScript lines. Node's runner starts the files it is
 * given in order of their full paths, so each file's path begins with a
 * folder numbered by its place in `files`: they start in the order given.
 */
export async function compileTests(files: readonly string[], into: string): Promise<CompiledTests> {
  const outdir = path.join(into, BUILT);
  const place = (at: number) => String(at).padStart(String(files.length).length, '0');
  const stem = (file: string, at: number) => path.join(place(at), file.replace(/\.[cm]?[jt]s$/, ''));
  await esbuild.build({
    absWorkingDir: PROJECT_DIR,
    entryPoints: [...files.map((file, at) => ({ in: path.resolve(PROJECT_DIR, file), out: stem(file, at) })), { in: path.join(PROJECT_DIR, 'src/cli/main.ts'), out: COMMAND }],
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    packages: 'external',
    // Error names and functions' names as the sources give them.
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [ownImportMeta],
  });
  // The packages, found from the compiled files as from the sources.
  fs.symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(outdir, 'node_modules'), 'dir');
  return { files: new Map(files.map((file, at) => [file, path.join(outdir, `${stem(file, at)}.mjs`)])), command: path.join(outdir, `${COMMAND}.mjs`) };
}
