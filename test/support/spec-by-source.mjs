// node:test's spec reporter, with each compiled test file named as its author
// knows it: test/server/x.test.ts rather than the run's
// .../built/012/test/server/x.test.mjs (test/support/compile-tests.ts). A file
// that fails to load, or fails as a whole, is reported under its file's name;
// a shared process's entry keeps its own.
import { spec } from 'node:test/reporters';

const BUILT = /^(?:file:\/\/)?.*[\\/]built[\\/]\d+[\\/](.+)\.mjs$/;

function sourceName(name) {
  if (typeof name !== 'string' || name.includes('shared-process-')) return name;
  return name.replace(BUILT, (_, file) => `${file.replaceAll('\\', '/')}.ts`);
}

function renamed(event) {
  // A test inside a file is already placed by its source map.
  if (typeof event.data?.name !== 'string' || !BUILT.test(event.data.name)) return event;
  return { ...event, data: { ...event.data, name: sourceName(event.data.name), file: sourceName(event.data.file) } };
}

// The spec reporter itself, renaming as it reads: a stage of its own between
// the run and the reporter would still hold the last lines (the count of
// failures, the failing tests) when --test-force-exit ends the run.
class SpecBySource extends spec {
  _transform(event, encoding, callback) {
    super._transform(renamed(event), encoding, callback);
  }
}

export default new SpecBySource();
