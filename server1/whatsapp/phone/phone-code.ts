import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_VALID_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Codes are stored as an HMAC bound to the user and the number, keyed with a server secret: a
 * leaked table row gives neither the code nor a cheap way to brute-force its 10^6 values.
 */
export function hashCode(secret: string, userId: string, phoneE164: string, code: string): string {
  return createHmac('sha256', secret).update(`${userId}:${phoneE164}:${code}`).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
