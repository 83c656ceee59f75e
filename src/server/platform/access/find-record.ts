// Finding the record a path names, as every use-case that takes an id does
// it: the id checked, the record read, and the policy asked, so that a
// record that does not exist and one the viewer may not read get the same
// answer.
import type { Action, GuardedRecord } from '../../../domain/access/index.ts';
import { pathId } from '../http/request-body.ts';
import { notSeen, type RequestAccess } from './request-access.ts';

/**
 * The record a path's id names, if the viewer may `action` it: a bad id is a
 * 400 naming `noun`, a record that does not exist gets the one not-found
 * answer, and the policy refuses the rest (not found when unreadable, 403
 * naming the access when readable but refused). `read` finds it by id and
 * `guard` is what the policy reads of it.
 */
export async function findRecord<T>(
  access: RequestAccess,
  idText: unknown,
  noun: string,
  action: Action,
  read: (id: number) => Promise<T | undefined>,
  guard: (record: T) => GuardedRecord,
): Promise<T> {
  const id = pathId(idText, noun);
  const found = await read(id);
  if (!found) throw notSeen(`${noun} ${id}`);
  access.require(action, guard(found), `${noun} ${id}`);
  return found;
}

/** As findRecord, and a record read is revealed: its read audited where its classification asks for that. */
export async function findRevealed<T extends { readonly id: number }>(
  access: RequestAccess,
  idText: unknown,
  noun: string,
  action: Action,
  read: (id: number) => Promise<T | undefined>,
  guard: (record: NoInfer<T>) => GuardedRecord,
): Promise<T> {
  const found = await findRecord(access, idText, noun, action, read, guard);
  if (action === 'read') await access.reveal([found], guard, (r) => String(r.id));
  return found;
}
