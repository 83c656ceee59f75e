// The random secrets of sign-in: session ids, CSRF tokens and API tokens, and
// the SHA-256 under which the store keeps the first and the last (a copy of
// the tables opens nothing). Comparisons take the same time however much
// matches.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes as 43 characters of base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const API_TOKEN_PREFIX = 'lantern_';
export const API_TOKEN_PATTERN = /^lantern_[A-Za-z0-9_-]{43}$/;

export function newApiToken(): string {
  return API_TOKEN_PREFIX + newSecret();
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
