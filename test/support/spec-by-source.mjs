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

/**
 * What node:test says of work a test left running that failed after the test
 * had ended (a query on a store already closed): it fails the file, yet no
 * test, so the failing tests at the end name only the file, "test failed".
 */
const LEFT_RUNNING = /generated asynchronous activity after the test ended/;

// `spec` is a factory that constructs node's reporter class, whatever class
// extends it: that class is extended here, as found on an instance.
const SpecReporter = Object.getPrototypeOf(new spec()).constructor;

// The spec reporter itself, renaming as it reads: a stage of its own between
// the run and the reporter would still hold the last lines (the count of
// failures, the failing tests) when --test-force-exit ends the run. What
// work left running did is said again after the failing tests, since a
// long log may be read from its end alone.
class SpecBySource extends SpecReporter {
  #leftRunning = [];

  _transform(event, encoding, callback) {
    if (event.type === 'test:diagnostic' && LEFT_RUNNING.test(event.data.message)) this.#leftRunning.push(event.data.message);
    super._transform(renamed(event), encoding, callback);
  }

  _flush(callback) {
    super._flush((error, text) => {
      if (error || this.#leftRunning.length === 0) return callback(error, text);
      const said = this.#leftRunning.map((message) => `ℹ ${message}\n`).join('');
      callback(null, `${text ?? ''}\n✖ work left running after its test ended, which fails its file:\n\n${said}`);
    });
  }
}

export default new SpecBySource();
