// The headers every answer carries: scripts only from Lantern itself, plus
// the page template's one inline script by its hash (assets.ts), no framing,
// no sniffing, and no referrer beyond this site.
import type { NextFunction, Request, Response } from 'express';
import { middleware } from '../access/rules.ts';

export function securityHeaders(templateScriptHash: string) {
  const policy = `default-src 'self'; script-src 'self' ${templateScriptHash}; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'`;
  return middleware('sets the security headers', (_req: Request, res: Response, next: NextFunction): void => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'Content-Security-Policy': policy });
    next();
  });
}
