// Batches and saved groups as each viewer may see who made them: a person by
// name and organisation to signed-in users, nobody to the public; the server
// path of a command-line import to administrators only; an e-mail address to
// no one. The policy (domain/access/provenance.ts) decides each.
import { PERSON_BEHIND, SERVER_DETAILS, emailOfActor, isServerPath, nameOfActor } from '../../../domain/access/index.ts';
import type { Batch } from '../../../store/batches.ts';
import type { SavedGroup } from '../../../store/comparator-groups.ts';
import type { Sql } from '../../../store/store.ts';
import { peopleByEmail } from '../../../store/users.ts';
import type { RequestAccess } from './request-access.ts';

type People = Awaited<ReturnType<typeof peopleByEmail>>;

/** A batch as a viewer sees it: `importedBy` is null for those who may not see who imported it. */
export type SeenBatch = Omit<Batch, 'importedBy'> & { readonly importedBy: string | null };
export type SeenGroup = Omit<SavedGroup, 'createdBy'> & { readonly createdBy: string | null };

/** Batches with `importedBy` and `source` as the viewer may see them. */
export async function batchesAsSeen(sql: Sql, access: RequestAccess, batches: readonly Batch[]): Promise<SeenBatch[]> {
  const people = await peopleOf(
    sql,
    access,
    'import_batch',
    batches.map((b) => b.importedBy),
  );
  const paths = access.may('read', SERVER_DETAILS);
  return batches.map((batch) => ({
    ...batch,
    importedBy: personShown(people, batch.importedBy),
    source: batch.source !== null && isServerPath(batch.source) && !paths ? null : batch.source,
  }));
}

/** Saved groups with `createdBy` as the viewer may see it. */
export async function groupsAsSeen(sql: Sql, access: RequestAccess, groups: readonly SavedGroup[]): Promise<SeenGroup[]> {
  const people = await peopleOf(
    sql,
    access,
    'comparator_group',
    groups.map((g) => g.createdBy),
  );
  return groups.map((group) => ({ ...group, createdBy: personShown(people, group.createdBy) }));
}

/** The people named, looked up; null when the viewer may not see who made such records. */
async function peopleOf(sql: Sql, access: RequestAccess, kind: keyof typeof PERSON_BEHIND, actors: readonly string[]): Promise<People | null> {
  if (!access.may('read', PERSON_BEHIND[kind])) return null;
  const emails = [...new Set(actors.map(emailOfActor).filter((e) => e !== null))];
  return peopleByEmail(sql, emails);
}

function personShown(people: People | null, actor: string): string | null {
  if (people === null) return null;
  const email = emailOfActor(actor);
  const known = email === null ? undefined : people.get(email);
  return known ? `${known.name} (${known.organisationName})` : nameOfActor(actor);
}
