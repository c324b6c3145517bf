import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import postgres from 'postgres';
import { issueDevToken } from '#shared/auth/issue-dev-token.ts';
import { TEST_SECRETS } from '../../support/test-config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { startTestCluster, type TestCluster } from '../../support/test-servers.ts';

/** Phone linking and the operator view over real HTTP (Server 1 in-process) and a real database. */

let db: TestDatabase;
let cluster: TestCluster;
let sql: postgres.Sql;

beforeAll(async () => {
  db = await createTestDatabase();
  cluster = await startTestCluster(db.url, ['server1']);
  sql = postgres(db.url, { max: 2 });
});
afterAll(async () => {
  await cluster.stopAll();
  await sql.end();
  await db.drop();
});

async function post(path: string, userId: string, body: unknown) {
  const token = await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, userId);
  const res = await fetch(`${cluster.urls.server1}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const codeSentTo = async (phone: string) => {
  const [row] = await sql<{ body: string }[]>`
    SELECT body FROM wa_messages WHERE direction = 'out' AND kind = 'verification' AND phone_e164 = ${phone} ORDER BY id DESC LIMIT 1`;
  return /\b(\d{6})\b/.exec(row?.body ?? '')?.[1] ?? '';
};
const user = async (id: string) => (await sql<{ phone_e164: string | null; phone_verified: boolean }[]>`SELECT phone_e164, phone_verified FROM users WHERE id = ${id}`)[0];

describe('POST /api/user/phone + /api/user/phone/verify', () => {
  test('a bad number is a 422 naming the field, and nothing is sent', async () => {
    const id = crypto.randomUUID();
    const res = await post('/api/user/phone', id, { phone: '12345 abc' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: 'validation_failed', field: 'phone' });
    expect(await sql`SELECT 1 FROM wa_messages`).toHaveLength(0);
    expect(await sql`SELECT 1 FROM phone_verifications`).toHaveLength(0);
  });

  test('the code goes out on WhatsApp; a wrong code costs an attempt; the right one links the number', async () => {
    const id = crypto.randomUUID();
    const requested = await post('/api/user/phone', id, { phone: '98765 43210' });
    expect(requested.status).toBe(202);
    expect(requested.body.phone_e164).toBe('+919876543210');
    const code = await codeSentTo('+919876543210');
    expect(code).toMatch(/^\d{6}$/);
    const [stored] = await sql<{ code_hash: string }[]>`SELECT code_hash FROM phone_verifications WHERE user_id = ${id}`;
    expect(stored?.code_hash).not.toContain(code);
    expect(await user(id)).toEqual({ phone_e164: null, phone_verified: false });

    const wrong = await post('/api/user/phone/verify', id, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(String(wrong.body.message)).toContain('4 attempts left');

    const right = await post('/api/user/phone/verify', id, { code });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ phone_e164: '+919876543210', phone_verified: true });
    expect(await user(id)).toEqual({ phone_e164: '+919876543210', phone_verified: true });
    expect(await sql`SELECT 1 FROM phone_verifications WHERE user_id = ${id}`).toHaveLength(0);

    const again = await post('/api/user/phone', id, { phone: '+91 98765 43210' });
    expect(again.status).toBe(409);
  });

  test('five wrong codes burn the code; an expired code is a 410', async () => {
    const id = crypto.randomUUID();
    await post('/api/user/phone', id, { phone: '+919811111111' });
    const code = await codeSentTo('+919811111111');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) expect((await post('/api/user/phone/verify', id, { code: wrong })).status).toBe(422);
    expect((await post('/api/user/phone/verify', id, { code: wrong })).status).toBe(429);
    expect((await post('/api/user/phone/verify', id, { code })).status).toBe(404);

    await post('/api/user/phone', id, { phone: '+919811111111' });
    await sql`UPDATE phone_verifications SET expires_at = now() - interval '1 second' WHERE user_id = ${id}`;
    expect((await post('/api/user/phone/verify', id, { code: await codeSentTo('+919811111111') })).status).toBe(410);
    expect((await user(id))?.phone_verified).toBe(false);
  });

  test('code requests are rate limited per user', async () => {
    const id = crypto.randomUUID();
    for (let i = 0; i < 3; i++) expect((await post('/api/user/phone', id, { phone: `+91982222222${i}` })).status).toBe(202);
    const fourth = await post('/api/user/phone', id, { phone: '+919822222229' });
    expect(fourth.status).toBe(429);
    expect(await sql`SELECT 1 FROM wa_messages WHERE phone_e164 = '+919822222229'`).toHaveLength(0);
  });

  test('whoever proves the number owns it: it moves from the old account', async () => {
    const previous = crypto.randomUUID();
    const next = crypto.randomUUID();
    await sql`INSERT INTO users (id, phone_e164, phone_verified) VALUES (${previous}, '+919833333333', true)`;
    await post('/api/user/phone', next, { phone: '+919833333333' });
    const res = await post('/api/user/phone/verify', next, { code: await codeSentTo('+919833333333') });
    expect(res.status).toBe(200);
    expect(await user(previous)).toEqual({ phone_e164: null, phone_verified: false });
    expect(await user(next)).toEqual({ phone_e164: '+919833333333', phone_verified: true });
  });

  test('without a token: 401', async () => {
    const res = await fetch(`${cluster.urls.server1}/api/user/phone`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '+919876543210' }),
    });
    expect(res.status).toBe(401);
  });
});

describe('GET /api/admin/wa', () => {
  test('operators see channel state, queue depth and the last error; others get 401', async () => {
    await sql`UPDATE wa_channel_state SET state = 'down', last_error = 'closed with 408: timed out', last_error_at = now()`;
    await sql`
      INSERT INTO wa_messages (direction, phone_e164, body, status, kind, attempts, last_error)
      VALUES ('out', '+919844444444', 'x', 'failed', 'reply', 5, 'not-acceptable')`;
    const res = await fetch(`${cluster.urls.server1}/api/admin/wa`, { headers: { authorization: `Bearer ${TEST_SECRETS.ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { state: string; last_error: string; queue: Record<string, unknown> };
    const [pending] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM wa_messages WHERE direction = 'out' AND status = 'pending'`;
    expect(body.state).toBe('down');
    expect(body.last_error).toContain('408');
    expect(body.queue).toMatchObject({ pending: pending!.n, failed_24h: 1, last_send_error: 'not-acceptable' });
    expect(pending!.n).toBeGreaterThan(0);

    const denied = await fetch(`${cluster.urls.server1}/api/admin/wa`, {
      headers: { authorization: `Bearer ${await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, crypto.randomUUID())}` },
    });
    expect(denied.status).toBe(401);
  });
});
