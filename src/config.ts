// Lantern's configuration, read once from the environment into a frozen,
// typed object. Defaults work on a fresh clone: the embedded PostgreSQL under
// ./lantern-data, HTTP on port 3000, demo data from ../shared/data.
import path from 'node:path';

export interface Config {
  /** A PostgreSQL server to use instead of the embedded one. */
  readonly databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its cluster and password. */
  readonly dataDir: string;
  readonly port: number;
  /** Folder of public data loaded as the demo on first start. */
  readonly demoDataDir: string;
  readonly production: boolean;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return Object.freeze({
    databaseUrl: nonEmpty(env.LANTERN_DATABASE_URL),
    dataDir: path.resolve(nonEmpty(env.LANTERN_DATA_DIR) ?? 'lantern-data'),
    port: readPort(env.PORT ?? env.LANTERN_PORT, env.PORT === undefined ? 'LANTERN_PORT' : 'PORT'),
    demoDataDir: path.resolve(nonEmpty(env.LANTERN_DEMO_DATA) ?? '../shared/data'),
    production: env.NODE_ENV === 'production',
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
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
