// Provenance: who made a record and from where. The data hub's records are
// public, but the people behind them are not: the name and organisation of
// whoever imported a batch or saved a comparator group are for signed-in
// users (sector), and the server path a command-line import read is for
// administrators alone (restricted, overseen). E-mail addresses are never
// shown with a record. The policy decides each, as it decides any read.
import { guardedRecord, type GuardedRecord } from './guarded-record.ts';

/** The person behind a batch or a saved group: their name and organisation. */
export const PERSON_BEHIND: Readonly<Record<'import_batch' | 'comparator_group', GuardedRecord>> = Object.freeze({
  import_batch: guardedRecord('import_batch', 'sector'),
  comparator_group: guardedRecord('comparator_group', 'sector'),
});

/** Where on the server a command-line import read its file. */
export const SERVER_DETAILS: GuardedRecord = guardedRecord('import_batch', 'restricted');

/** Whether a batch's source names a place on the server (an absolute path) rather than a publisher. */
export function isServerPath(source: string): boolean {
  return /^(\/|~|[A-Za-z]:[\\/]|\\\\)/.test(source.trim());
}

/** The name part of how Lantern records an actor ('A Member <member@durham.example>' gives 'A Member'). */
export function nameOfActor(actor: string): string {
  return actor.replace(/\s*<[^<>]*>\s*$/, '').trim();
}

/** The e-mail address in how Lantern records an actor, if any. */
export function emailOfActor(actor: string): string | null {
  return /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(actor)?.[1]?.toLowerCase() ?? null;
}
