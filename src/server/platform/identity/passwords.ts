// Passwords: hashed with argon2id (OWASP's parameters: 19 MiB, two passes, one
// lane), kept as the PHC string. Checking an unknown email still runs one
// verification, against a hash of nothing, so that timing does not tell which
// addresses have accounts.
import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const; // argon2id is the package's default algorithm

export const PASSWORD_LENGTH = { min: 12, max: 200 } as const;

export async function hashPassword(password: string): Promise<string> {
  const hashed = await hash(password, OPTIONS);
  if (!hashed.startsWith('$argon2id$')) throw new Error('argon2 did not produce an argon2id hash');
  return hashed;
}

let decoy: Promise<string> | undefined;

/** Whether `password` matches `passwordHash`; with no hash, spends the same time and says no. */
export async function checkPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    await verify(await (decoy ??= hashPassword(randomBytes(16).toString('hex'))), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** What is wrong with a new password, or undefined: long enough to resist guessing, short enough to hash. */
export function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string') return "'password' is required";
  if (password.length < PASSWORD_LENGTH.min) return `'password' must be at least ${PASSWORD_LENGTH.min} characters`;
  if (password.length > PASSWORD_LENGTH.max) return `'password' must be at most ${PASSWORD_LENGTH.max} characters`;
  return undefined;
}

/** A password for a new account: 20 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
