// readConfig(env)'s email settings: none unless LANTERN_SMTP_URL is set; then
// a sender is required, and each bad value is refused naming its setting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from '../src/config.ts';

describe("readConfig(env)'s mail", () => {
  it('is undefined without an SMTP server: Lantern sends no email', () => {
    assert.equal(readConfig({}).mail, undefined);
    assert.equal(readConfig({ LANTERN_SMTP_URL: ' ', LANTERN_MAIL_FROM: 'lantern@sector.example' }).mail, undefined);
  });

  it('reads the server and the sender', () => {
    assert.deepEqual(readConfig({ LANTERN_SMTP_URL: 'smtp://user:secret@mail.example.org:587', LANTERN_MAIL_FROM: 'Lantern <lantern@sector.example>' }).mail, {
      smtpUrl: 'smtp://user:secret@mail.example.org:587',
      from: 'Lantern <lantern@sector.example>',
    });
    assert.equal(readConfig({ LANTERN_SMTP_URL: 'smtps://mail.example.org', LANTERN_MAIL_FROM: 'lantern@sector.example' }).mail?.from, 'lantern@sector.example');
  });

  it('refuses a server that is not an SMTP URL, naming the setting and hiding the password', () => {
    assert.throws(
      () => readConfig({ LANTERN_SMTP_URL: 'https://mail.example.org', LANTERN_MAIL_FROM: 'a@b.example' }),
      (e: Error) => e instanceof ConfigError && /^LANTERN_SMTP_URL must start with smtp:\/\/ or smtps:\/\//.test(e.message),
    );
    assert.throws(
      () => readConfig({ LANTERN_SMTP_URL: 'smtp://user:secret@', LANTERN_MAIL_FROM: 'a@b.example' }),
      (e: Error) => e instanceof ConfigError && e.message.startsWith('LANTERN_SMTP_URL must be a URL') && !e.message.includes('secret'),
    );
  });

  it('refuses a server without a sender, or a sender that is no address', () => {
    assert.throws(() => readConfig({ LANTERN_SMTP_URL: 'smtp://mail.example.org' }), /^Error: LANTERN_MAIL_FROM must be set when LANTERN_SMTP_URL is/);
    assert.throws(() => readConfig({ LANTERN_SMTP_URL: 'smtp://mail.example.org', LANTERN_MAIL_FROM: 'Lantern' }), /LANTERN_MAIL_FROM must be an email address/);
  });
});
