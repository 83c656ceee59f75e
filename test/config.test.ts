// readConfig(env): the settings that are parsed and checked, not only read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from '../src/config.ts';

describe('readConfig(env)', () => {
  it('reads LANTERN_DATABASE_READ_URL, or nothing when it is unset or blank', () => {
    const url = 'postgres://lantern_app:secret@replica.example.org:5432/lantern';
    assert.equal(readConfig({ LANTERN_DATABASE_READ_URL: url }).readDatabaseUrl, url);
    assert.equal(readConfig({ LANTERN_DATABASE_READ_URL: 'postgresql://replica/lantern' }).readDatabaseUrl, 'postgresql://replica/lantern');
    assert.equal(readConfig({}).readDatabaseUrl, undefined);
    assert.equal(readConfig({ LANTERN_DATABASE_READ_URL: '  ' }).readDatabaseUrl, undefined);
  });

  it('refuses a LANTERN_DATABASE_READ_URL that is not a PostgreSQL URL, naming the setting and hiding the password', () => {
    assert.throws(
      () => readConfig({ LANTERN_DATABASE_READ_URL: 'replica.example.org' }),
      (error: Error) => error instanceof ConfigError && /^LANTERN_DATABASE_READ_URL must be a URL/.test(error.message),
    );
    assert.throws(
      () => readConfig({ LANTERN_DATABASE_READ_URL: 'mysql://app:hunter2@replica/lantern' }),
      (error: Error) => error instanceof ConfigError && error.message === "LANTERN_DATABASE_READ_URL must start with postgres:// or postgresql://, not 'mysql://'",
    );
    assert.throws(
      () => readConfig({ LANTERN_DATABASE_READ_URL: 'postgres://app:hunter2@replica:port/lantern' }),
      (error: Error) => error instanceof ConfigError && error.message.includes('app:****@') && !error.message.includes('hunter2'),
    );
  });
});
