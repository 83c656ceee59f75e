// A server reached by LANTERN_DATABASE_URL that is not answering yet (starting,
// restarting) is asked again with backoff, and Lantern says so, rather than
// giving up at the first refused connection.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DATABASE_NAME, DATABASE_USER, startEmbeddedServer, type EmbeddedServer } from '../../src/store/embedded-server.ts';
import { openStore } from '../../src/store/store.ts';
import { tempDir } from '../support/store.ts';

describe('a PostgreSQL server reached by URL', () => {
  const dataDir = tempDir('lantern-by-url-');
  let server: EmbeddedServer;
  before(async () => {
    server = await startEmbeddedServer(dataDir, 'test-server');
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is asked again with backoff until it answers, and Lantern says so meanwhile', async () => {
    const port = await freePort();
    const logged: string[] = [];
    // The server appears on the URL's port only 1.5 s after Lantern first asks.
    const relay = net.createServer((client) => {
      const upstream = net.connect(server.port, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end);
      upstream.on('error', end);
    });
    const appears = setTimeout(() => relay.listen(port, '127.0.0.1'), 1500);
    try {
      const url = `postgres://${DATABASE_USER}:${encodeURIComponent(server.password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
      const store = await openStore({
        databaseUrl: url,
        dataDir: '',
        role: 'test',
        maxConnections: 1,
        log: (line) => {
          logged.push(line);
        },
      });
      try {
        const [row] = await store.sql<{ one: number }[]>`select 1 as one`;
        assert.equal(row?.one, 1);
        assert.ok(
          logged.some((line) => /does not answer .*trying again in \d/.test(line)),
          logged.join('\n'),
        );
      } finally {
        await store.close();
      }
    } finally {
      clearTimeout(appears);
      relay.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
