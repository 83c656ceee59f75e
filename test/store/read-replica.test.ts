// isPlainRead(text): which queries a request may send to the replica. A
// query wrongly sent there fails (a hot standby refuses writes), so the rule
// errs towards the primary; these cases are the ones Lantern writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlainRead } from '../../src/store/read-replica.ts';

describe('isPlainRead(text)', () => {
  const reads = [
    'select id, title from metric where code = $1',
    '  with latest as (select * from observation) select count(*) from latest',
    'SELECT o.value, a.updated_by_batch FROM observation o JOIN area a USING (area_code)',
    'select kind, exists (select 1 from area where batch_id = $1) as "addedAreas" from import_batch',
  ];
  for (const text of reads) it(`sends a plain read to the replica: ${text.trim().slice(0, 50)}`, () => assert.equal(isPlainRead(text), true));

  const writes = [
    'insert into audit_event (actor) values ($1)',
    'update user_session set last_seen_at = now() where id_hash = $1',
    'delete from user_session where expires_at <= now() returning 1',
    'with gone as (delete from share where id = $1 returning id) select * from gone',
    'select id from import_batch where id = $1 for update',
    'select * from job for no key update skip locked',
    'select pg_notify($1, $2)',
    'select pg_advisory_xact_lock($1)',
    'select pg_try_advisory_lock($1)',
    "select nextval('metric_id_seq')",
    "select set_config('statement_timeout', '1s', false)",
    'select pg_current_wal_lsn()',
    'select * into scratch from metric',
    'copy observation from stdin',
    'lock table metric',
    'begin',
  ];
  for (const text of writes) it(`keeps on the primary: ${text.slice(0, 50)}`, () => assert.equal(isPlainRead(text), false));
});
