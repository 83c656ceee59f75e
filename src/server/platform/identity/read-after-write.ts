// With a read replica, each request reads from the replica unless it changes
// something, or its person changed something a moment ago: a form posted,
// then the page it redirects to, must show the change although the replica
// may not have replayed it yet. A request that is not a GET or HEAD reads
// from the primary and leaves a short-lived cookie that sends the same
// browser's next requests there too; a request that writes on its way (a
// session's use, an audit event) reads from the primary from then on, which
// the store's routing does by itself (src/store/read-replica.ts).
//
// Without a replica this does nothing.
import type { NextFunction, Request, Response } from 'express';
import type { Store } from '../../../store/store.ts';
import { middleware } from '../access/rules.ts';
import { cookieName, readCookies, setCookie } from './cookies.ts';

const COOKIE = 'lantern_wrote';
/** Longer than a replica on a healthy network lags, short enough that most reads still go to the replica. */
export const READ_OWN_WRITES_SECONDS = 5;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readAfterWrite(store: Store) {
  return middleware('reads from the replica, or from the primary after a change', (req: Request, res: Response, next: NextFunction) => {
    if (!store.replica) return void next();
    const changes = !READS.has(req.method);
    if (changes) setCookie(req, res, COOKIE, '1', { maxAgeSeconds: READ_OWN_WRITES_SECONDS, sameSite: 'Lax' });
    const changedLately = readCookies(req).has(cookieName(req, COOKIE));
    store.readingFrom(changes || changedLately ? 'primary' : 'replica', next);
  });
}
