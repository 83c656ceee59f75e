// Failed sign-ins, counted in the store so that every server sees the same
// counts: per key (an address, an account, or the pair, as sign-in-throttle.ts
// names them), within a window that starts at the key's first failure. The
// clock is PostgreSQL's, one for all servers. Counting is one atomic upsert,
// so failures taken at once by two servers both count.
import type { Db } from './store.ts';

/** A key's failures in its current window, and how long the window has still to run. */
export interface FailureWindow {
  readonly failures: number;
  readonly secondsLeft: number;
}

/** The keys' current windows; a key whose window has ended, or that has none, is absent. */
export async function failureWindows(sql: Db, keys: readonly string[]): Promise<Map<string, FailureWindow>> {
  const rows = await sql<{ key: string; failures: number; secondsLeft: number }[]>`
    select key, failures, extract(epoch from window_ends_at - now())::float8 as "secondsLeft"
    from sign_in_failure where key = any(${keys as string[]}) and window_ends_at > now()`;
  return new Map(rows.map((r) => [r.key, { failures: r.failures, secondsLeft: r.secondsLeft }]));
}

/**
 * Counts one failure against each key: in its window if it is still open,
 * else in a new one of `windowSeconds`. Returns each key's count now. Keys
 * are taken in order, so that two servers counting overlapping keys wait on
 * each other rather than deadlock.
 */
export async function addFailures(sql: Db, keys: readonly string[], windowSeconds: number): Promise<Map<string, number>> {
  const sorted = [...new Set(keys)].sort();
  const rows = await sql<{ key: string; failures: number }[]>`
    insert into sign_in_failure as f (key, window_ends_at, failures)
    select key, now() + make_interval(secs => ${windowSeconds}), 1 from unnest(${sorted}::text[]) with ordinality as k (key, n) order by n
    on conflict (key) do update set
      failures = case when f.window_ends_at > now() then f.failures + 1 else 1 end,
      window_ends_at = case when f.window_ends_at > now() then f.window_ends_at else excluded.window_ends_at end
    returning key, failures`;
  return new Map(rows.map((r) => [r.key, r.failures]));
}

export async function clearFailures(sql: Db, key: string): Promise<void> {
  await sql`delete from sign_in_failure where key = ${key}`;
}

/** Removes the windows that have ended: nothing reads them again. */
export async function purgeEndedFailureWindows(sql: Db): Promise<number> {
  const rows = await sql`delete from sign_in_failure where window_ends_at <= now() returning 1`;
  return rows.length;
}
