// The pages' static files: Lantern's stylesheets (see src/web/stylesheets),
// Lantern's enhancing script, GOV.UK Frontend's script (which Lantern's
// imports, to start the components it enhances) and its fonts and images.
// Stylesheets and scripts are served under a version taken from their
// content, so browsers may keep them for a year: Lantern's script imports
// GOV.UK's under GOV.UK's own version, and so changes when it does.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { GOVUK_FRONTEND } from '../../../web/render.ts';
import { stylesheet } from '../../../web/stylesheets.ts';
import { middleware, reads } from '../access/rules.ts';

const WEB = fileURLToPath(new URL('../../../web', import.meta.url));
const YEAR = 365 * 24 * 3600;

export interface Assets {
  readonly css: string;
  /** The forms, tables and messages of signed-in pages, added to `css` there. */
  readonly accountCss: string;
  readonly script: string;
  /** GOV.UK Frontend's components, an ES module that `script` imports. */
  readonly govukScript: string;
  /** Changes whenever the stylesheet or the script does. */
  readonly version: string;
  /** The Content-Security-Policy source for the one inline script of the GOV.UK page template. */
  readonly templateScriptHash: string;
}

let compiled: Assets | undefined;

export function pageAssets(): Assets {
  if (compiled) return compiled;
  const css = stylesheet('lantern');
  const accountCss = stylesheet('account');
  const govukScript = fs.readFileSync(path.join(GOVUK_FRONTEND, 'govuk', GOVUK_SCRIPT), 'utf8');
  const govukVersion = crypto.createHash('sha256').update(govukScript).digest('hex').slice(0, 12);
  const script = versionedImport(fs.readFileSync(path.join(WEB, 'scripts', 'lantern.js'), 'utf8'), govukVersion);
  const version = crypto.createHash('sha256').update(css).update(accountCss).update(script).digest('hex').slice(0, 12);
  return (compiled = Object.freeze({ css, accountCss, script, govukScript, version, templateScriptHash: templateScriptHash() }));
}

const GOVUK_SCRIPT = 'govuk-frontend.min.js';

/** Lantern's script with its import of GOV.UK's script under that script's version. */
function versionedImport(script: string, govukVersion: string): string {
  const from = `from './${GOVUK_SCRIPT}';`;
  if (!script.includes(from)) throw new Error(`lantern.js does not import ${GOVUK_SCRIPT}: the GOV.UK components it starts would not load`);
  return script.replace(from, `from './${GOVUK_SCRIPT}?v=${govukVersion}';`);
}

/**
 * The page template marks the body 'js-enabled' with one inline script; the
 * policy allows exactly that script by its hash rather than any inline code.
 */
function templateScriptHash(): string {
  const template = fs.readFileSync(path.join(GOVUK_FRONTEND, 'govuk', 'template.njk'), 'utf8');
  const inline = /<script[^>]*>([^<]+)<\/script>/.exec(template)?.[1];
  if (!inline) throw new Error("the GOV.UK page template has no inline script to allow: check govuk-frontend's template.njk");
  return `'sha256-${crypto.createHash('sha256').update(inline).digest('base64')}'`;
}

export function assetsRouter(assets: Assets): express.Router {
  const router = express.Router();
  const forever = (res: express.Response) => res.set('Cache-Control', `public, max-age=${YEAR}, immutable`);
  router.get('/lantern.css', reads('service'), (_req, res) => {
    forever(res).type('text/css').send(assets.css);
  });
  router.get('/account.css', reads('service'), (_req, res) => {
    forever(res).type('text/css').send(assets.accountCss);
  });
  router.get('/lantern.js', reads('service'), (_req, res) => {
    forever(res).type('text/javascript').send(assets.script);
  });
  router.get(`/${GOVUK_SCRIPT}`, reads('service'), (_req, res) => {
    forever(res).type('text/javascript').send(assets.govukScript);
  });
  router.use('/', middleware("serves Lantern's icon", express.static(path.join(WEB, 'assets'), { maxAge: '1d' })));
  router.use('/govuk', middleware("serves the GOV.UK Frontend's fonts and images", express.static(path.join(GOVUK_FRONTEND, 'govuk', 'assets'), { maxAge: '30d' })));
  return router;
}
