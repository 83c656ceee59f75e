// Personal data in public responses: the people behind import batches and
// saved groups are shown by name and organisation to signed-in users, to the
// public not at all, with no e-mail address to anyone; the server path of a
// command-line import is for administrators alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importFile } from '../../../src/ingest/import-file.ts';
import { textStream } from '../../support/data.ts';
import { DURHAM, openWorld, type World } from './world.ts';

const SERVER_PATH = '/srv/lantern/incoming/visits-2024.csv';

describe('personal data in public responses', () => {
  let world: World;

  before(async () => {
    world = await openWorld();
    const member = world.users.council_member;
    const uploaded = await importFile(world.store.sql, {
      fileName: 'visits.csv',
      input: textStream(`metric,area,period,value\nvisits,${DURHAM},2024,1\n`),
      importedBy: `${member.name} <${member.email}>`,
    });
    assert.equal(uploaded.status, 'loaded');
    const fromCli = await importFile(world.store.sql, {
      fileName: 'visits-2024.csv',
      input: textStream(`metric,area,period,value\nvisits,${DURHAM},2024,2\n`),
      importedBy: 'operator',
      source: SERVER_PATH,
    });
    assert.equal(fromCli.status, 'loaded');
    const saved = await world.browsers.council_member.json('POST', '/api/benchmark/groups', { name: 'Our family', areaCodes: [DURHAM] });
    assert.equal(saved.status, 201);
  });
  after(() => world.close());

  const text = async (who: keyof World['browsers'], address: string) => {
    const response = await world.browsers[who].fetch(address);
    assert.equal(response.status, 200);
    return response.text();
  };

  it('shows the public no e-mail address, no person and no server path', async () => {
    for (const address of ['/api/imports', '/api/imports?limit=1', '/api/benchmark/groups']) {
      const body = await text('public', address);
      assert.doesNotMatch(body, /@/, `${address} holds no e-mail address`);
      assert.ok(!body.includes('/srv/'), `${address} holds no server path`);
      assert.ok(!body.includes(world.users.council_member.name), `${address} does not name the person`);
    }
    const batches = JSON.parse(await text('public', '/api/imports')) as { items: { importedBy: string | null }[]; total: number };
    assert.ok(batches.items.every((b) => b.importedBy === null));
    assert.equal(batches.total, batches.items.length);
  });

  it('names the person by name and organisation to signed-in users, still without an e-mail address', async () => {
    const { items } = JSON.parse(await text('inspector', '/api/imports')) as { items: { importedBy: string; source: string | null }[] };
    assert.ok(
      items.some((b) => b.importedBy === `${world.users.council_member.name} (${world.organisations.durham.name})`),
      JSON.stringify(items),
    );
    const groups = await text('inspector', '/api/benchmark/groups');
    assert.ok(groups.includes(`${world.users.council_member.name} (${world.organisations.durham.name})`));
    assert.doesNotMatch(groups + JSON.stringify(items), /@/);
    assert.ok(
      items.every((b) => b.source !== SERVER_PATH),
      'the server path is for administrators',
    );
  });

  it('shows administrators where a command-line import read its file', async () => {
    const { items } = JSON.parse(await text('administrator', '/api/imports')) as { items: { source: string | null }[] };
    assert.ok(items.some((b) => b.source === SERVER_PATH));
  });
});
