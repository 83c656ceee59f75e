// What /health and /ready ask of the store, always of the primary (a request's
// reads may otherwise go to the replica), and of the replica on its own.
import { migrations, type Store } from './store.ts';

/** Resolves when the primary answers a trivial query. */
export async function primaryAnswers(store: Store): Promise<void> {
  await store.readingFrom('primary', () => store.sql`select 1`);
}

/** Resolves when the replica answers a trivial query; at once without one. */
export async function replicaAnswers(store: Store): Promise<void> {
  if (store.replica) await store.replica.sql`select 1`;
}

let known: number[] | undefined; // read from the folder once: a load balancer asks every few seconds

/** The migrations this Lantern knows that the primary has not applied: another server may be applying them. */
export async function pendingMigrations(store: Store): Promise<number[]> {
  const applied = await store.readingFrom('primary', () => store.sql<{ version: number }[]>`select version from schema_migration`);
  const versions = new Set(applied.map((row) => row.version));
  known ??= migrations().map((m) => m.version);
  return known.filter((version) => !versions.has(version));
}
