// What a handler asks the policy about each record, for the request's viewer
// at one instant, through `accessOf(res)`:
//
//   const access = accessOf(res);
//   access.require('change', recordOf(item), 'intelligence item 12');   // 404 when unreadable, 403 when readable but refused
//   const visible = await access.reveal(items, recordOf, (i) => String(i.id));  // filters, and audits restricted/confidential reads
//   if (access.may('read', record)) ...
//
// A use-case takes the RequestAccess of whoever acts: a person through the
// API or a page, or the console (console-access.ts).
import type { Request, Response } from 'express';
import { decide, describeDenial, PUBLIC_VIEWER, type Action, type Decision, type GuardedRecord, type RecordKind, type Viewer } from '../../../domain/access/index.ts';
import { recordAudit, type AuditAction, type AuditEntry } from '../../../store/audit.ts';
import type { Db, Sql } from '../../../store/store.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { localsOf } from '../http/locals.ts';

/** The 401 or 403 for a refusal, saying which access is missing. */
export function refusal(decision: Decision, viewer: Viewer, action: Action, kind: RecordKind): HttpError {
  if (decision.allowed) throw new Error('refusal() of an allowed decision');
  const message = describeDenial(decision.reason, viewer, action, kind);
  return decision.reason === 'sign_in_required' ? new HttpError(401, 'sign_in_required', message) : new HttpError(403, 'forbidden', message, { missing: decision.reason, action, kind });
}

/** The request's viewer; the public before identification (a form body refused before it ran). */
export function viewerOf(res: Response): Viewer {
  return localsOf(res).viewer ?? PUBLIC_VIEWER;
}

/** Who did it and from where, as the audit trail records it. */
export interface Actor {
  readonly userId: number | null;
  readonly actor: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export function actorOf(req: Request, res: Response): Actor {
  const user = localsOf(res).user;
  return {
    userId: user?.id ?? null,
    actor: user ? `${user.name} <${user.email}>` : 'public',
    ip: req.ip ?? null,
    userAgent: req.get('user-agent') ?? null,
  };
}

/** What a handler asks the policy, for the request's viewer, at one instant. */
export class RequestAccess {
  private known: Actor | undefined;

  /** `actor` is worked out only when something is audited: most requests audit nothing. */
  constructor(
    readonly viewer: Viewer,
    private readonly actorOf: () => Actor,
    readonly store: Sql,
    readonly now: number,
  ) {}

  get actor(): Actor {
    return (this.known ??= this.actorOf());
  }

  /** The signed-in person acting, as the store records who did a thing: null for the public and the console. */
  get userId(): number | null {
    return this.viewer.kind === 'user' ? this.viewer.userId : null;
  }

  decide(action: Action, record: GuardedRecord): Decision {
    return decide(this.viewer, action, record, this.now);
  }

  may(action: Action, record: GuardedRecord): boolean {
    return this.decide(action, record).allowed;
  }

  /**
   * Refuses unless allowed. A record the viewer may not read is not found (its
   * existence is not confirmed); one they read but may not change or share is
   * a 403 that says why.
   */
  require(action: Action, record: GuardedRecord, what: string): void {
    const decision = this.decide(action, record);
    if (decision.allowed) return;
    if (action !== 'read' && this.may('read', record)) throw refusal(decision, this.viewer, action, record.kind);
    throw notSeen(what);
  }

  /** The records the viewer may read, in order; each read of a restricted or confidential one is audited before it is returned. */
  async reveal<T>(records: readonly T[], describe: (record: T) => GuardedRecord, idOf: (record: T) => string, summary = ''): Promise<T[]> {
    const shown: T[] = [];
    const audited: AuditEntry[] = [];
    for (const record of records) {
      const guarded = describe(record);
      const decision = this.decide('read', guarded);
      if (!decision.allowed) continue;
      shown.push(record);
      if (decision.audited) audited.push(this.entry('read', guarded.kind, idOf(record), summary));
    }
    await recordAudit(this.store, audited);
    return shown;
  }

  /** Records reads already decided (and shown): one audit event per record. */
  async auditReads(kind: RecordKind, ids: readonly string[], summary: string): Promise<void> {
    await recordAudit(
      this.store,
      ids.map((id) => this.entry('read', kind, id, summary)),
    );
  }

  /** Records a change (or share, export, sign-in) in the audit trail, in the caller's transaction where it has one. */
  async audit(db: Db, action: AuditAction, kind: RecordKind, id: string | null, summary: string): Promise<void> {
    await recordAudit(db, [this.entry(action, kind, id, summary)]);
  }

  entry(action: AuditAction, kind: RecordKind, id: string | null, summary: string): AuditEntry {
    return { ...this.actor, action, recordKind: kind, recordId: id, summary };
  }
}

/**
 * The one answer for a record that does not exist and for one the viewer may
 * not read: the same status and words, so that no one learns which ids exist.
 * `what` names the record as the path did ('intelligence item 12').
 */
export function notSeen(what: string): HttpError {
  return notFound(`there is no ${what} that you may see`);
}

/** The request's access: the viewer (set by the session middleware) and the store to audit into. */
export function accessOf(res: Response): RequestAccess {
  const found: RequestAccess | undefined = localsOf(res).access;
  if (!found) throw new Error('accessOf(res): the access middleware did not run for this request');
  return found;
}
