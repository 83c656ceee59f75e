// A node:test reporter for test/run.ts's LANTERN_TEST_COUNTS: a line for each
// test that ran (suites are not counted), naming its file and whether it
// passed, appended at once to the file LANTERN_TEST_EVENTS names, since the
// run ends its processes as soon as the tests are done and a stream's last
// lines would be lost. A test's file is where it was declared (through source
// maps, the TypeScript file), so a file counts the same whether it ran alone,
// compiled ahead or in a shared process. It writes nothing to its own output.
import fs from 'node:fs';
import path from 'node:path';

export default async function* fileCounts(source) {
  const into = process.env.LANTERN_TEST_EVENTS;
  for await (const event of source) {
    if (!into || (event.type !== 'test:pass' && event.type !== 'test:fail')) continue;
    if (event.data.details?.type === 'suite') continue;
    const file = event.data.file ? path.relative(process.cwd(), event.data.file) : '(no file)';
    const outcome = event.type === 'test:fail' ? 'failed' : event.data.skip !== undefined || event.data.todo !== undefined ? 'skipped' : 'passed';
    fs.appendFileSync(into, `${file}\t${outcome}\n`);
  }
  yield '';
}
