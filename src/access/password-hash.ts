/**
 * Passwords as argon2id hashes (PHC strings) with at least OWASP's minimum
 * cost (19 MiB, 2 passes, 1 lane); the only file that imports the hasher.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// @node-rs/argon2's Algorithm.Argon2id; a const enum cannot be imported under isolatedModules.
const argon2id = 2;
export const passwordCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id, ...passwordCost });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A one-time password people can type: 16 characters without look-alikes (0/O, 1/l/I), about 80 bits. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** At least 10 characters, not all of one kind: the rule for passwords people choose. */
export function passwordProblem(password: string): 'too_short' | 'too_simple' | null {
  if (password.length < 10) return 'too_short';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((r) => r.test(password)).length;
  return kinds < 2 ? 'too_simple' : null;
}
