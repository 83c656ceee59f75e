// Cookies, read from the request's header and written with the flags Lantern
// always wants: HttpOnly, SameSite, Path=/, and Secure with the __Host- prefix
// when the request came over TLS (directly or through a proxy on loopback).
import type { Request, Response } from 'express';

export function readCookies(req: Request): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
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
  return req.secure ? `__Host-${base}` : base;
}

export function setCookie(req: Request, res: Response, base: string, value: string, options: { maxAgeSeconds?: number; sameSite: 'Strict' | 'Lax' }): void {
  res.append('Set-Cookie', [
    `${cookieName(req, base)}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', `SameSite=${options.sameSite}`,
    ...(req.secure ? ['Secure'] : []),
    ...(options.maxAgeSeconds === undefined ? [] : [`Max-Age=${options.maxAgeSeconds}`]),
  ].join('; '));
}

export function clearCookie(req: Request, res: Response, base: string): void {
  res.append('Set-Cookie', `${cookieName(req, base)}=; Path=/; HttpOnly; SameSite=Lax${req.secure ? '; Secure' : ''}; Max-Age=0`);
}
