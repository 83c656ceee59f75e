// Every list a person or the protocol relies on says how many there are:
// the audit trail (API and page), import batches and a batch's rejections.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { administratorToken, bearer } from '../../support/access.ts';
import { importText } from '../../support/import.ts';
import { openWorld, type World } from './world.ts';

describe('counted lists', () => {
  let world: World;
  let admin: Record<string, string>;
  let rejectedBatch: number;

  before(async () => {
    world = await openWorld();
    admin = bearer(await administratorToken(world.store.sql));
    const rows = ['metric,area,period,value', ...Array.from({ length: 30 }, (_, i) => `visits,E99${String(i).padStart(6, '0')},2024,${i}`)];
    const result = await importText(world.store.sql, 'unknown-areas.csv', rows.join('\n'));
    assert.equal(result.status, 'rejected');
    rejectedBatch = result.batchId;
  });
  after(() => world.close());

  const json = async <T>(address: string) => {
    const response = await fetch(world.base + address, { headers: admin });
    assert.equal(response.status, 200, address);
    return (await response.json()) as T;
  };

  it('gives the audit trail a total, the same on every page, and the page says it', async () => {
    const count = (await world.store.sql<{ count: number }[]>`select count(*)::int as count from audit_event where action = 'sign_in'`)[0]!.count;
    const first = await json<{ items: { id: string }[]; total: number; next: string | null }>('/api/audit?action=sign_in&limit=3');
    assert.equal(first.total, count);
    assert.ok(first.next);
    const second = await json<{ items: unknown[]; total: number }>(`/api/audit?action=sign_in&limit=3&${first.next}`);
    assert.equal(second.total, count);
    const page = await (await world.browsers.administrator.fetch('/audit?action=sign_in')).text();
    assert.match(page, new RegExp(`${count} events match`));
  });

  it("gives batches and a batch's rejections their totals", async () => {
    const batches = await json<{ items: unknown[]; total: number }>('/api/imports?limit=1');
    const count = (await world.store.sql<{ count: number }[]>`select count(*)::int as count from import_batch`)[0]!.count;
    assert.deepEqual([batches.items.length, batches.total], [1, count]);
    const rejections = await json<{ items: unknown[]; total: number }>(`/api/imports/${rejectedBatch}/rejections?limit=10&offset=25`);
    assert.deepEqual([rejections.items.length, rejections.total], [5, 30]);
  });
});
