// Cookies, read from the request's header and written with the flags Lantern
// always wants: HttpOnly, SameSite, Path=/, and Secure with the __Host- prefix
// when the request came over TLS (directly or through a proxy on loopback).
import type { Request, Response } from 'express';

/**
 * What is read of a request's cookies and transport, once per request:
 * several steps of every request ask, and behind a trusted proxy Express
 * parses the peer's address each time it is asked whether it is secure.
 */
const read = new WeakMap<Request, { secure?: boolean; cookies?: ReadonlyMap<string, string> }>();

function readOf(req: Request) {
  let found = read.get(req);
  if (!found) read.set(req, (found = {}));
  return found;
}

/** Whether the request came over TLS (directly or through a proxy on loopback). */
export function isSecure(req: Request): boolean {
  const found = readOf(req);
  found.secure ??= req.secure;
  return found.secure;
}

export function readCookies(req: Request): ReadonlyMap<string, string> {
  const found = readOf(req);
  found.cookies ??= parseCookies(req.headers.cookie ?? '');
  return found.cookies;
}

function parseCookies(header: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (found.has(name)) continue; // the first is the most specific path; never let a later one override
    try {
      found.set(name, decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // a malformed cookie is ignored, as if absent
    }
  }
  return found;
}

/** The cookie's name on this request: `__Host-` prefixed over TLS, so that no other host or path may set it. */
export function cookieName(req: Request, base: string): string {
  return isSecure(req) ? `__Host-${base}` : base;
}

export function setCookie(req: Request, res: Response, base: string, value: string, options: { maxAgeSeconds?: number; sameSite: 'Strict' | 'Lax' }): void {
  res.append(
    'Set-Cookie',
    [
      `${cookieName(req, base)}=${encodeURIComponent(value)}`,
      'Path=/',
      'HttpOnly',
      `SameSite=${options.sameSite}`,
      ...(isSecure(req) ? ['Secure'] : []),
      ...(options.maxAgeSeconds === undefined ? [] : [`Max-Age=${options.maxAgeSeconds}`]),
    ].join('; '),
  );
}

export function clearCookie(req: Request, res: Response, base: string): void {
  res.append('Set-Cookie', `${cookieName(req, base)}=; Path=/; HttpOnly; SameSite=Lax${isSecure(req) ? '; Secure' : ''}; Max-Age=0`);
}
