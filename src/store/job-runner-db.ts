// The job runner's (pg-boss's, src/jobs/job-runner.ts) footing in the store:
// its queries run through one of Lantern's own pools, and the owner grants
// the application role what it needs of the runner's schema.
//
// pg-boss's queries go through the `postgres` driver, so that jobs use the
// store's connections, settings and role, and no second driver holds
// credentials. pg-boss is written for node-postgres; two of its habits need
// a word here:
// - it hands some JSON it has already encoded (a job's output, the jobs a
//   schedule sends) as text where PostgreSQL expects json, which `postgres`
//   would encode a second time: text that starts as JSON does is decoded
//   first. No other text pg-boss sends starts with '{' or '[' (queue names
//   are letters, digits, hyphens and underscores; Lantern's keys and dates
//   neither).
// - its maintenance is one text "BEGIN; ...; COMMIT;": run as it is, a
//   failure would leave the pooled connection inside an aborted transaction,
//   so the block runs in a transaction of the pool's, rolled back on failure.
import type PgBoss from 'pg-boss';
import type { Sql } from './store.ts';

const BLOCK = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/i;

/** pg-boss's database: `sql`, the application's pool, or the owner's connection for installing. */
export function jobRunnerDb(sql: Sql): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const block = BLOCK.exec(text);
      if (block) {
        await sql.begin((tx) => tx.unsafe(block[1]!));
        return { rows: [] };
      }
      const rows = values && values.length > 0 ? await sql.unsafe(text, values.map(parameter) as never[]) : await sql.unsafe(text);
      return { rows: [...rows] };
    },
  };
}

function parameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'string' && (value.startsWith('{') || value.startsWith('['))) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** The role `sql` connects as, and whether it is a superuser (which needs no grants). */
export async function connectedRole(sql: Sql): Promise<{ name: string; superuser: boolean }> {
  const [role] = await sql<{ name: string; superuser: boolean }[]>`
    select current_user as name, rolsuper as superuser from pg_roles where rolname = current_user`;
  return role!;
}

/**
 * Grants the application role, as the owner (`owner`), the use of the
 * runner's schema and select, insert, update, delete on its tables; never
 * create, so it cannot make a queue. Nothing when the application connects
 * as the owner itself or a superuser.
 */
export async function grantJobRunner(owner: Sql, app: { name: string; superuser: boolean }, schema: string): Promise<void> {
  const own = await connectedRole(owner);
  if (app.superuser || app.name === own.name) return;
  const role = `"${app.name.replace(/"/g, '""')}"`;
  await owner.unsafe(`grant usage on schema ${schema} to ${role}; grant select, insert, update, delete on all tables in schema ${schema} to ${role}`);
}
