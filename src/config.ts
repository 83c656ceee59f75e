// Lantern's configuration, read once from the environment into a frozen,
// typed object. Defaults work on a fresh clone: the embedded PostgreSQL under
// ./lantern-data, HTTP on port 3000, the demo and reference data that ship in
// the project's data folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's folder: where Lantern's own files are, whatever the working directory. */
const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The reference data Lantern ships with (the register, regions and map boundaries), prepared by scripts/prepare-data.ts. */
export const REFERENCE_DATA_DIR = path.join(PROJECT_DIR, 'data', 'reference');

export interface Config {
  /** A PostgreSQL server to use instead of the embedded one, as the application's role (LANTERN_DATABASE_URL). */
  readonly databaseUrl: string | undefined;
  /** The same database as the owner of the tables, for migrations (LANTERN_MIGRATION_DATABASE_URL); databaseUrl when unset. */
  readonly migrationDatabaseUrl: string | undefined;
  /**
   * A streaming replica of that database, as the application's role
   * (LANTERN_DATABASE_READ_URL): the index is built from it and requests read
   * from it until they write; every write goes to the primary.
   */
  readonly readDatabaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its cluster and password. */
  readonly dataDir: string;
  /**
   * LANTERN_DATA_DIR was not set: dataDir is the default ./lantern-data, which
   * Lantern run as root may keep elsewhere (src/store/data-folder.ts); a folder
   * the administrator chose is never moved.
   */
  readonly dataDirIsDefault: boolean;
  readonly port: number;
  /** Folder of public data loaded as the demo on first start. */
  readonly demoDataDir: string;
  /** The reference data: the boundaries for maps are read from here. */
  readonly referenceDataDir: string;
  /** Sessions, sign-in and the first administrator: see src/server/platform/identity. */
  readonly access: AccessConfig;
  /** Email (reminders): sent only when an SMTP server is configured; undefined for none. */
  readonly mail: MailConfig | undefined;
}

export interface MailConfig {
  /** The SMTP server, as smtp://user:password@host:587 or smtps:// for TLS from the start (LANTERN_SMTP_URL). */
  readonly smtpUrl: string;
  /** The sender of Lantern's emails (LANTERN_MAIL_FROM), such as "Lantern <lantern@council.example>". */
  readonly from: string;
}

export interface AccessConfig {
  /** A session unused for this long ends (LANTERN_SESSION_IDLE_MINUTES, default 30). */
  readonly sessionIdleSeconds: number;
  /** A session ends this long after sign-in, used or not (LANTERN_SESSION_HOURS, default 12). */
  readonly sessionMaxSeconds: number;
  /** The demo administrator's password (LANTERN_ADMIN_PASSWORD); when unset one is made and printed once. */
  readonly adminPassword: string | undefined;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return Object.freeze({
    databaseUrl: nonEmpty(env.LANTERN_DATABASE_URL),
    migrationDatabaseUrl: nonEmpty(env.LANTERN_MIGRATION_DATABASE_URL),
    readDatabaseUrl: readUrl(env.LANTERN_DATABASE_READ_URL, 'LANTERN_DATABASE_READ_URL'),
    dataDir: path.resolve(nonEmpty(env.LANTERN_DATA_DIR) ?? 'lantern-data'),
    dataDirIsDefault: nonEmpty(env.LANTERN_DATA_DIR) === undefined,
    port: readPort(env.PORT ?? env.LANTERN_PORT, env.PORT === undefined ? 'LANTERN_PORT' : 'PORT'),
    demoDataDir: path.resolve(nonEmpty(env.LANTERN_DEMO_DATA) ?? path.join(PROJECT_DIR, 'data', 'demo')),
    referenceDataDir: REFERENCE_DATA_DIR,
    access: Object.freeze({
      sessionIdleSeconds: 60 * readWhole(env.LANTERN_SESSION_IDLE_MINUTES, 'LANTERN_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      sessionMaxSeconds: 3600 * readWhole(env.LANTERN_SESSION_HOURS, 'LANTERN_SESSION_HOURS', 12, 1, 24 * 30),
      adminPassword: nonEmpty(env.LANTERN_ADMIN_PASSWORD),
    }),
    mail: readMail(env),
  });
}

/** SMTP when LANTERN_SMTP_URL is set, with the sender it needs; none otherwise. */
function readMail(env: NodeJS.ProcessEnv): MailConfig | undefined {
  const smtpUrl = nonEmpty(env.LANTERN_SMTP_URL);
  if (smtpUrl === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(smtpUrl).protocol;
  } catch {
    throw new ConfigError(`LANTERN_SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587, not '${redactUrl(smtpUrl)}'`);
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new ConfigError(`LANTERN_SMTP_URL must start with smtp:// or smtps://, not '${protocol}//'`);
  const from = nonEmpty(env.LANTERN_MAIL_FROM);
  if (from === undefined) throw new ConfigError('LANTERN_MAIL_FROM must be set when LANTERN_SMTP_URL is: the address Lantern sends email from, such as lantern@council.example');
  if (!/^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/.test(from)) throw new ConfigError(`LANTERN_MAIL_FROM must be an email address, or a name and <address>, not '${from}'`);
  return Object.freeze({ smtpUrl, from });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** A postgres:// or postgresql:// URL, or undefined when unset. */
function readUrl(value: string | undefined, setting: string): string | undefined {
  const url = nonEmpty(value);
  if (url === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new ConfigError(`${setting} must be a URL such as postgres://user:password@host:5432/lantern, not '${redactUrl(url)}'`);
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') throw new ConfigError(`${setting} must start with postgres:// or postgresql://, not '${protocol}//'`);
  return url;
}

/** A URL as it may be shown: its password hidden, as far as it can be found. */
function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1****@');
}

/** A TCP port from text: a whole number from 0 (any free port) to 65535. */
export function readPort(value: string | undefined, setting: string): number {
  if (value === undefined || value.trim() === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${setting} must be a whole number from 0 to 65535, not '${value}'`);
  }
  return port;
}

/** A whole number setting from `min` to `max`, or the fallback when unset. */
function readWhole(value: string | undefined, setting: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new ConfigError(`${setting} must be a whole number from ${min} to ${max}, not '${value}'`);
  return number;
}
