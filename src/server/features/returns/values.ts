// A return's values: entered on its form or through the API, or uploaded as a
// file, and confirmed. Every value is held (src/store/held-values.ts), never
// written to `observation`: provisional until the council confirms it, and
// each change kept as its history. A set of values is all or nothing; a file
// names each problem by its line and column.
import type { Readable } from 'node:stream';
import { formatRejection, type Rejection } from '../../../domain/batch/index.ts';
import { parsePeriod } from '../../../domain/period/index.ts';
import { checkReturnValues, type GivenValue, type ReturnValue } from '../../../domain/returns/index.ts';
import { londonDay } from '../../../domain/format/index.ts';
import { currentHeldValues, holdValues, type HeldValueInput } from '../../../store/held-values.ts';
import { listReturns, returnShares, type CouncilReturn } from '../../../store/returns.ts';
import type { Db, Sql } from '../../../store/store.ts';
import { readReturnValues } from '../../../ingest/return-values.ts';
import { RejectionError } from '../../../ingest/rejections.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { councilOfficer, findReturn, refused, returnRecord } from './returns.ts';

export interface ValuesEntered {
  readonly returnId: number;
  /** Values new or changed; the same value again changes nothing. */
  readonly changed: number;
}

/** Holds the values given for periods of a return: `{ values: [{ period, value, note }] }`. */
export async function enterValues(sql: Sql, access: RequestAccess, idText: unknown, body: Readonly<Record<string, unknown>>): Promise<ValuesEntered> {
  const found = await findReturn(sql, access, idText, 'change');
  if (!Array.isArray(body.values) || body.values.length === 0) throw refused([{ field: 'values', message: `'values' must list at least one period's value` }]);
  const given = (body.values as unknown[]).map((v) => (typeof v === 'object' && v !== null ? (v as GivenValue) : { period: undefined, value: undefined }));
  const checked = checkReturnValues(given, rulesOf(found, access), (index, field) => `values[${index}].${field}`);
  if (checked.kind === 'refused') throw refused(checked.problems);
  return sql.begin(async (tx) => {
    const changed = await holdValues(tx, await heldInputs(tx, found, checked.values), access.actor.userId);
    await access.audit(tx, 'change', 'council_return', String(found.id), `entered ${checked.values.length} values of ${found.metric.code}: ${changed} new or changed`);
    return { returnId: found.id, changed };
  });
}

/** Confirms the return's provisional values (those of `periods`, or all): they stop being provisional, the provisional ones kept as history. */
export async function confirmValues(sql: Sql, access: RequestAccess, idText: unknown, body: Readonly<Record<string, unknown>>): Promise<ValuesEntered> {
  const found = await findReturn(sql, access, idText, 'change');
  const periods = body.periods;
  if (periods !== undefined && (!Array.isArray(periods) || periods.some((p) => typeof p !== 'string'))) throw refused([{ field: 'periods', message: `'periods' must be a list of periods` }]);
  return sql.begin(async (tx) => {
    const held = (await currentHeldValues(tx, found.areaCode, [found.metric.code])).filter((v) => v.origin === 'return' && v.originId === found.id);
    const chosen = held.filter((v) => v.provisional && v.value !== null && (periods === undefined || (periods as string[]).includes(v.period)));
    if (periods !== undefined) {
      const unknown = (periods as string[]).find((p) => !held.some((v) => v.period === p && v.value !== null));
      if (unknown !== undefined) throw refused([{ field: 'periods', message: `'periods': ${unknown} holds no value of this return to confirm` }]);
    }
    const confirmed = chosen.map((v) => ({ ...inputOf(found, v.period, v.value, v.note), provisional: false }));
    const changed = await holdValues(tx, confirmed, access.actor.userId);
    await access.audit(tx, 'change', 'council_return', String(found.id), `confirmed ${changed} values of ${found.metric.code}`);
    return { returnId: found.id, changed };
  });
}

/** A file of the viewer's council's values (metric, period, value, note), held all or nothing; each line goes to the council's return of its metric at its period's frequency. */
export async function importValues(
  sql: Sql,
  access: RequestAccess,
  file: { readonly fileName: string; readonly input: Readable },
): Promise<{ readonly imported: number; readonly changed: number; readonly returns: number[] }> {
  const officer = councilOfficer(access, 'send returns');
  const reading = await readReturnValues(file.fileName, file.input).catch((error: unknown) => {
    if (error instanceof RejectionError) throw new HttpError(400, 'bad_request', error.message, { problems: [{ field: 'file', message: error.message }] });
    throw error;
  });
  if (reading.kind === 'refused') throw fileRefusal(file.fileName, reading.problems);
  const returns = await listReturns(sql, { areaCode: officer.councilArea });
  const shares = await returnShares(
    sql,
    returns.map((r) => r.id),
  );
  const problems: Rejection[] = [];
  const byReturn = new Map<CouncilReturn, GivenValue[]>();
  for (const line of reading.lines) {
    const found = returnOfLine(returns, line.metric, line.period);
    if (!found || !access.may('change', returnRecord(found, shares.get(found.id)))) {
      problems.push({ line: line.line, column: 'metric', reason: `'${line.metric}' is not a metric your council returns at the frequency of '${line.period}'` });
      continue;
    }
    byReturn.set(found, [...(byReturn.get(found) ?? []), { period: line.period, value: line.value, note: line.note, line: line.line }]);
  }
  const checked: [CouncilReturn, readonly ReturnValue[]][] = [];
  for (const [found, given] of byReturn) {
    const check = checkReturnValues(given, rulesOf(found, access));
    if (check.kind === 'refused') problems.push(...check.problems.map((p) => ({ line: p.line ?? 1, column: p.field, reason: p.message.replace(/^'[^']+':? ?/, '') })));
    else checked.push([found, check.values]);
  }
  if (problems.length > 0)
    throw fileRefusal(
      file.fileName,
      problems.sort((a, b) => a.line - b.line),
    );
  return sql.begin(async (tx) => {
    let changed = 0;
    for (const [found, values] of checked) {
      changed += await holdValues(tx, await heldInputs(tx, found, values), officer.userId);
      await access.audit(tx, 'change', 'council_return', String(found.id), `imported ${values.length} values of ${found.metric.code} from ${file.fileName}`);
    }
    return { imported: reading.lines.length, changed, returns: checked.map(([found]) => found.id) };
  });
}

/** The return of a line's metric whose frequency is its period's kind; the only return of the metric when the period cannot be read (the check then says why). */
function returnOfLine(returns: readonly CouncilReturn[], metric: string, period: string): CouncilReturn | undefined {
  const ofMetric = returns.filter((r) => r.metric.code === metric);
  if (ofMetric.length <= 1) return ofMetric[0];
  const kind = /Q[1-4]/i.test(period) ? 'quarter' : /^\d{4}-\d{2}$/.test(period.trim()) || /[a-z]{3}/i.test(period) ? 'month' : 'financial_year';
  return ofMetric.find((r) => r.periodKind === kind);
}

function rulesOf(found: CouncilReturn, access: RequestAccess) {
  return { periodKind: found.periodKind, valueKind: found.metric.valueKind, today: londonDay(new Date(access.now)) };
}

/** The values as held: a value entered again unchanged keeps its confirmation, any change makes it provisional again. */
async function heldInputs(sql: Db, found: CouncilReturn, values: readonly ReturnValue[]): Promise<HeldValueInput[]> {
  const current = new Map((await currentHeldValues(sql, found.areaCode, [found.metric.code])).map((v) => [v.period, v]));
  return values.map((v) => {
    const kept = current.get(v.period.label);
    const same = kept !== undefined && kept.value === v.value && kept.note === v.note;
    return { ...inputOf(found, v.period, v.value, v.note), provisional: same ? kept.provisional : true };
  });
}

function inputOf(found: CouncilReturn, period: ReturnValue['period'] | string, value: number | null, note: string | null): HeldValueInput {
  const label = typeof period === 'string' ? period : period.label;
  return {
    metricCode: found.metric.code,
    areaCode: found.areaCode,
    period: typeof period === 'string' ? periodFromLabel(label) : period,
    value,
    note,
    provisional: true,
    origin: 'return',
    originId: found.id,
  };
}

/** A held value's period, read again: held periods were read when entered, so one that cannot be read is a fault. */
function periodFromLabel(label: string): ReturnValue['period'] {
  const parsed = parsePeriod(label);
  if (parsed.kind === 'invalid') throw new Error(`held period ${label} cannot be read: ${parsed.reason}`);
  return parsed.period;
}

function fileRefusal(fileName: string, problems: readonly Rejection[]): HttpError {
  const messages = problems.map((p) => formatRejection(fileName, p));
  return new HttpError(400, 'bad_request', `${fileName}: no values held: ${messages.join('; ')}`, {
    problems: problems.map((p, i) => ({ field: p.column ?? 'file', line: p.line, message: messages[i] })),
  });
}
