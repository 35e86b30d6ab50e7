import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum recommendation. */
const ARGON2ID = 2;

/** A random, URL-safe secret of `bytes` bytes of entropy: session tokens, CSRF tokens, client secrets. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A numeric one-time code of `digits` digits, uniformly drawn. */
export function randomDigits(digits: number): string {
  return Array.from({ length: digits }, () => randomInt(10)).join('');
}

/** What the database keeps of a high-entropy token: enough to find it, useless to present. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Compares two secrets in time that does not depend on where they first differ. */
export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, { algorithm: ARGON2ID });
}

let decoyHash: Promise<string> | undefined;

/**
 * Checks a password or client secret against its argon2id hash. With no hash (no such account), it still
 * spends the time of one verification, so the answer's timing does not tell whether the name exists.
 */
export async function verifySecret(storedHash: string | null, secret: string): Promise<boolean> {
  if (storedHash === null) {
    decoyHash ??= hashSecret(randomToken());
    await verify(await decoyHash, secret).catch(() => false);
    return false;
  }
  return verify(storedHash, secret).catch(() => false);
}
