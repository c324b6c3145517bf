/**
 * A phone number as people type it in India ("98765 43210", "098765-43210", "+91 98765 43210",
 * "919876543210") → E.164 ("+919876543210"), or undefined. A bare 10-digit mobile number
 * (starting 6-9) is Indian; any other country needs its + prefix.
 */
export function normalizePhone(input: string): string | undefined {
  const trimmed = input.trim();
  if (!/^\+?[\d\s\-().]+$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  let e164: string;
  if (trimmed.startsWith('+')) e164 = `+${digits}`;
  else if (/^[6-9]\d{9}$/.test(digits)) e164 = `+91${digits}`;
  else if (/^0[6-9]\d{9}$/.test(digits)) e164 = `+91${digits.slice(1)}`;
  else if (/^91[6-9]\d{9}$/.test(digits)) e164 = `+${digits}`;
  else return undefined;
  return /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : undefined;
}
