// stylesheet(name): what Sass makes of Lantern's styles, whether compiled in
// this process or read as an earlier process kept it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';
import { GOVUK_FRONTEND } from '../../src/web/render.ts';
import { stylesheet } from '../../src/web/stylesheets.ts';
import { PROJECT_DIR } from '../support/data.ts';

const STYLES = fileURLToPath(new URL('../../src/web/styles', import.meta.url));

/** Sass's output now, as stylesheets.ts asks for it. */
function compiled(name: string): string {
  return sass.compile(path.join(STYLES, `${name}.scss`), { loadPaths: [GOVUK_FRONTEND], style: 'compressed', quietDeps: true }).css;
}

/** The sheet as a new process serves it: from what this one kept. */
function inAnotherProcess(name: string): string {
  const script = `import { stylesheet } from './src/web/stylesheets.ts'; process.stdout.write(stylesheet(${JSON.stringify(name)}));`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_DIR, encoding: 'utf8' });
}

describe('stylesheet(name)', () => {
  it('is what Sass makes of the styles, then the comparison tags’ colours, in this process and the next', () => {
    const here = stylesheet('print');
    const sassMade = compiled('print');
    assert.ok(here.startsWith(sassMade), 'begins with what Sass makes now');
    assert.match(here.slice(sassMade.length), /^(\.lantern-tag--[\w-]+\{background:[^}]+\})+$/);
    assert.equal(inAnotherProcess('print'), here);
  });

  it('adds no tag colours to the signed-in sheet', () => {
    assert.equal(stylesheet('account'), compiled('account'));
  });
});
