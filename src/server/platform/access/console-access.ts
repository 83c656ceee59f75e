// The person at the server's console, as a use-case sees whoever acts: the
// command line reads the store with the server's own settings, so whoever
// runs it holds the keys already, and the policy is not asked; what they
// change is audited as `cli:<login>` from the lantern command line, and a
// rule that is about the one acting (no one removes their own
// administration) has no one signed in to apply to.
import os from 'node:os';
import { PUBLIC_VIEWER, type Decision } from '../../../domain/access/index.ts';
import type { Sql } from '../../../store/store.ts';
import { RequestAccess } from './request-access.ts';

const ALLOWED: Decision = Object.freeze({ allowed: true, audited: false });

class ConsoleAccess extends RequestAccess {
  override decide(): Decision {
    return ALLOWED;
  }
}

export function consoleAccess(sql: Sql, login = os.userInfo().username): RequestAccess {
  return new ConsoleAccess(PUBLIC_VIEWER, () => ({ userId: null, actor: `cli:${login}`, ip: null, userAgent: 'lantern command line' }), sql, Date.now());
}
