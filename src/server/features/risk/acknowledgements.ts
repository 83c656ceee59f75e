// Acknowledging a flag: an adviser says the issue is known and being dealt
// with, and why; the flag is muted, with its reason, who and when, until what
// it read changes (its fingerprint: a new period, a revised figure, a new
// version of the rule), as withMuting decides in the domain. "No automatic
// red flag where the issue is known and being dealt with." Checked, written
// and audited in one transaction.
import { formatDate } from '../../../domain/format/index.ts';
import { acknowledgeFlag, type FlagAcknowledgement } from '../../../store/flags.ts';
import { flagById } from '../../../store/risk-reads.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { flagRecord } from './risk-records.ts';

export const REASON_LENGTH = { min: 10, max: 2000 } as const;

export async function acknowledge(sql: Sql, access: RequestAccess, idText: unknown, body: Record<string, unknown>): Promise<FlagAcknowledgement & { flag: number }> {
  const id = pathId(idText, 'flag');
  const reason = reasonOf(body.reason);
  const seen = fingerprintOf(body.fingerprint);
  const flag = await flagById(sql, id);
  if (!flag) throw notSeen(`flag ${id}`);
  access.require('change', flagRecord(flag.area), `flag ${id}`);
  if (flag.clearedAt) throw new HttpError(409, 'conflict', `flag ${id} cleared on ${formatDate(flag.clearedAt)}: there is nothing to acknowledge`);
  if (seen !== undefined && seen !== flag.fingerprint) {
    throw new HttpError(409, 'conflict', `'fingerprint': flag ${id}'s figures changed on ${formatDate(flag.changedAt)}, after you read them; read it again`);
  }
  return sql.begin(async (tx) => {
    const made = await acknowledgeFlag(tx, flag.area, flag.fingerprint, reason, access.actor.actor);
    await access.audit(tx, 'change', 'flag', String(id), `acknowledged, muted until its figures change: ${reason}`);
    return { flag: id, ...made };
  });
}

function reasonOf(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw badRequest("'reason': say why the flag is known and being dealt with", { problems: [{ field: 'reason', message: 'say why the flag is known and being dealt with' }] });
  }
  if (typeof value !== 'string') throw badRequest(`'reason' must be text, not ${typeof value}`);
  const reason = value.trim();
  if (reason.length < REASON_LENGTH.min || reason.length > REASON_LENGTH.max) {
    const message = `the reason must be ${REASON_LENGTH.min} to ${REASON_LENGTH.max} characters, not ${reason.length}`;
    throw badRequest(`'reason': ${message}`, { problems: [{ field: 'reason', message }] });
  }
  return reason;
}

function fingerprintOf(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 2000) throw badRequest("'fingerprint' must be the flag's fingerprint as read, as text");
  return value;
}
