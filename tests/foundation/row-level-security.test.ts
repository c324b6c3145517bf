import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { migrate } from '#shared/db/migrate.ts'
import { realPostgresTest } from '../support/database-mode.ts'
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../support/test-database.ts'

/**
 * What a Supabase deployment exposes through its REST API and Realtime: queries run as `anon` or
 * `authenticated` with the caller's JWT claims set the way PostgREST sets them. Every table in
 * `public` has RLS; the only rows anyone but the servers (the tables' owner) can read are a
 * user's own `users` row and own notifications.
 */

const USER_A = '0a000000-0000-4000-8000-00000000000a'
const USER_B = '0b000000-0000-4000-8000-00000000000b'

let db: TestDatabase
let sql: postgres.Sql

/** The tables seed() writes a row to: each must return that row to its owner and nothing to the API roles. */
const SEEDED = [
  'agent_runs', 'apply_attempts', 'cron_triggers', 'fanout_joins', 'fit_scores', 'job_applications', 'job_features',
  'job_sources', 'jobs', 'migrations', 'notifications', 'payment_events', 'phone_verifications', 'plans', 'resumes',
  'scoring_weights', 'scrape_runs', 'signals', 'user_connections', 'user_insights', 'user_scoring_offsets', 'users',
  'wa_auth_state', 'wa_channel_state', 'wa_job_lists', 'wa_messages', 'wa_pending_confirmations', 'wa_rate_limits',
]

async function seed(userId: string, n: number) {
  await sql`INSERT INTO users (id, email) VALUES (${userId}, ${`user${n}@example.in`})`
  await sql`INSERT INTO user_connections (user_id, platform, ciphertext, key_id) VALUES (${userId}, 'naukri', '\\x00', 'k1')`
  await sql`INSERT INTO resumes (user_id, storage_path, file_name, mime_type, size_bytes, sha256) VALUES (${userId}, 'r', 'cv.pdf', 'application/pdf', 1, 'h')`
  const [scrape] = await sql`INSERT INTO scrape_runs DEFAULT VALUES RETURNING id`
  const [job] = await sql`INSERT INTO jobs (source, external_id, title, company, raw_jd, scrape_run_id) VALUES ('lever', ${`x${n}`}, 'Analyst', 'Acme', 'jd', ${scrape!.id}) RETURNING id`
  await sql`INSERT INTO job_features (job_id, version, features) VALUES (${job!.id}, 1, '{}')`
  await sql`INSERT INTO fit_scores (user_id, job_id, score, components, explanation) VALUES (${userId}, ${job!.id}, 80, '{}', '{}')`
  await sql`INSERT INTO user_scoring_offsets (user_id) VALUES (${userId})`
  const [application] = await sql`
    INSERT INTO job_applications (user_id, job_id, company, title, source, auto_status) VALUES (${userId}, ${job!.id}, 'Acme', 'Analyst', 'auto', 'queued') RETURNING id`
  await sql`INSERT INTO apply_attempts (application_id, user_id, channel, platform, target) VALUES (${application!.id}, ${userId}, 'email', 'email', 'hr@acme.in')`
  await sql`INSERT INTO signals (user_id, kind, job_id) VALUES (${userId}, 'approved', ${job!.id})`
  await sql`INSERT INTO user_insights (user_id, kind, data) VALUES (${userId}, 'skill_gap', '{}')`
  await sql`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 'coach', ${`for user ${n}`}, 'b')`
  await sql`INSERT INTO payment_events (event_id, event_type, user_id, payload, outcome) VALUES (${`evt_${n}`}, 'payment.captured', ${userId}, '{}', 'upgraded')`
  await sql`INSERT INTO wa_messages (direction, message_id, user_id, phone_e164, body, status) VALUES ('in', ${`m${n}`}, ${userId}, '+919800000000', 'jobs', 'processed')`
  const [run] = await sql`INSERT INTO agent_runs (agent, idempotency_key, input, user_id) VALUES ('coach', ${`coach:manual:${n}`}, '{}', ${userId}) RETURNING id`
  await sql`INSERT INTO fanout_joins (join_key, kind, user_id, expected) VALUES (${`onboarding:${n}`}, 'onboarding', ${userId}, '{skill-gap}')`
  await sql`INSERT INTO cron_triggers (schedule, due_at, source, run_id) VALUES ('coach', now() - ${n} * interval '1 day', 'manual', ${run!.id})`
  await sql`INSERT INTO phone_verifications (user_id, phone_e164, code_hash, expires_at) VALUES (${userId}, '+919800000000', 'h', now())`
  await sql`INSERT INTO wa_pending_confirmations (user_id, action, expires_at) VALUES (${userId}, '{}', now())`
  await sql`INSERT INTO wa_rate_limits (user_id, window_started_at, commands) VALUES (${userId}, now(), 1)`
  await sql`INSERT INTO wa_job_lists (user_id, job_ids) VALUES (${userId}, ${[job!.id]})`
  await sql`INSERT INTO wa_auth_state (key, value) VALUES (${`creds${n}`}, '{}')`
}

/** Every table in `public` that this project created (not an extension's). */
async function tablesInPublic(): Promise<string[]> {
  const rows = await sql<{ relname: string }[]>`
    SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     ORDER BY c.relname`
  return rows.map((r) => r.relname)
}

/** Runs `work` as PostgREST runs a request: role and JWT claims set for this transaction only. */
function asApiRole<T>(role: 'anon' | 'authenticated', claims: Record<string, unknown> | null, work: (tx: postgres.TransactionSql) => Promise<T>) {
  return sql.begin(async (tx) => {
    await tx`SELECT set_config('role', ${role}, true), set_config('request.jwt.claims', ${claims ? JSON.stringify(claims) : ''}, true)`
    return work(tx)
  })
}

const claimsFor = (userId: string) => ({ sub: userId, role: 'authenticated', aud: 'authenticated' })

const uid = (role: 'anon' | 'authenticated', claims: Record<string, unknown> | null) =>
  asApiRole(role, claims, async (tx) => (await tx`SELECT auth.uid() AS id`)[0]?.id)

async function visibleRows(role: 'anon' | 'authenticated', claims: Record<string, unknown> | null) {
  const tables = await tablesInPublic()
  return asApiRole(role, claims, async (tx) => {
    const counts: Record<string, number> = {}
    for (const table of tables) {
      const [row] = await tx<{ n: number }[]>`SELECT count(*)::int AS n FROM ${tx(table)}`
      counts[table] = row!.n
    }
    return counts
  })
}

/** Row count and content digest of every table, read as the owner. */
async function snapshot() {
  const state: Record<string, string> = {}
  for (const table of await tablesInPublic()) {
    const [row] = await sql<{ digest: string }[]>`SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') AS digest FROM ${sql(table)} t`
    state[table] = row!.digest
  }
  return state
}

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 2, onnotice: () => {} })
  await seed(USER_A, 1)
  await seed(USER_B, 2)
  await sql`INSERT INTO notifications (audience, kind, title, body) VALUES ('operator', 'agent_run_failed', 'for operators', 'b')`
})

afterAll(async () => {
  await sql.end()
  await db.drop()
})

describe('the schema', () => {
  test('every table in public has row level security on, none forced (the owner, i.e. the servers, bypasses it)', async () => {
    const tables = await tablesInPublic()
    expect(tables).toEqual(expect.arrayContaining(SEEDED))
    const unprotected = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[]>`
      SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
       WHERE relname = ANY (${tables}) AND relnamespace = 'public'::regnamespace AND (NOT relrowsecurity OR relforcerowsecurity)`
    expect([...unprotected]).toEqual([])
  })

  test('the only policies: authenticated selects its own users row and its own notifications', async () => {
    const policies = await sql`
      SELECT tablename, policyname, permissive, roles::text[] AS roles, cmd FROM pg_policies
       WHERE schemaname = 'public' ORDER BY tablename, policyname`
    expect(policies.map((p) => [p.tablename, p.policyname, p.permissive, p.roles, p.cmd])).toEqual([
      ['notifications', 'notifications_select_own', 'PERMISSIVE', ['authenticated'], 'SELECT'],
      ['users', 'users_select_own', 'PERMISSIVE', ['authenticated'], 'SELECT'],
    ])
  })

  test('no view and no SECURITY DEFINER function in public lets the API roles around RLS', async () => {
    const views = await sql`
      SELECT c.relname FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm')
         AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)`
    expect([...views]).toEqual([])
    const definers = await sql`
      SELECT p.proname FROM pg_proc p
       WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef
         AND (has_function_privilege('anon', p.oid, 'EXECUTE') OR has_function_privilege('authenticated', p.oid, 'EXECUTE'))`
    expect([...definers]).toEqual([])
  })
})

describe('as the API roles (what PostgREST and Realtime run)', () => {
  test('auth.uid() reads the JWT claims the way Supabase does, and is NULL without them', async () => {
    expect(await uid('authenticated', claimsFor(USER_A))).toBe(USER_A)
    expect(await uid('anon', null)).toBeNull()
    const legacy = await sql.begin(async (tx) => {
      await tx`SELECT set_config('role', 'authenticated', true), set_config('request.jwt.claim.sub', ${USER_B}, true)`
      return (await tx`SELECT auth.uid() AS id`)[0]?.id
    })
    expect(legacy).toBe(USER_B)
  })

  test("user A sees A's users row and A's notifications, and nothing of B, of operators or in any other table", async () => {
    // the seed put rows everywhere, so every zero below is RLS at work
    for (const table of SEEDED) {
      const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM ${sql(table)}`
      expect({ table, seeded: row!.n > 0 }).toEqual({ table, seeded: true })
    }

    const seen = await visibleRows('authenticated', claimsFor(USER_A))
    const { users, notifications, ...others } = seen
    expect({ users, notifications }).toEqual({ users: 1, notifications: 1 })
    expect(Object.entries(others).filter(([, n]) => n > 0)).toEqual([])

    const rows = await asApiRole('authenticated', claimsFor(USER_A), async (tx) => ({
      users: await tx`SELECT id, email FROM users`,
      notifications: await tx`SELECT user_id, title FROM notifications`,
    }))
    expect(rows.users.map((u) => [u.id, u.email])).toEqual([[USER_A, 'user1@example.in']])
    expect(rows.notifications.map((n) => [n.user_id, n.title])).toEqual([[USER_A, 'for user 1']])
  })

  test('a signed-in token without a sub, and anon with or without claims, see nothing anywhere', async () => {
    for (const [role, claims] of [
      ['anon', null],
      ['anon', claimsFor(USER_A)],
      ['authenticated', { role: 'authenticated' }],
    ] as const) {
      const seen = await visibleRows(role, claims)
      expect({ role, claims, visible: Object.entries(seen).filter(([, n]) => n > 0) }).toEqual({ role, claims, visible: [] })
    }
  })

  test('inserts, updates and deletes are refused, even on their own rows, and change nothing', async () => {
    const before = await snapshot()
    const refusedInserts: [string, (tx: postgres.TransactionSql) => Promise<unknown>][] = [
      ['notifications', (tx) => tx`INSERT INTO notifications (user_id, kind, title, body) VALUES (${USER_A}, 'x', 'forged', 'b')`],
      ['users', (tx) => tx`INSERT INTO users (id, tier) VALUES (${crypto.randomUUID()}, 'premium')`],
      ['payment_events', (tx) => tx`INSERT INTO payment_events (event_id, event_type, user_id, payload, outcome) VALUES ('evt_forged', 'payment.captured', ${USER_A}, '{}', 'x')`],
      ['job_applications', (tx) => tx`INSERT INTO job_applications (user_id, job_url, company, title, source) VALUES (${USER_A}, 'https://x.in', 'X', 'Y', 'manual')`],
      ['cron_triggers (fire_schedule through the REST RPC)', (tx) => tx`SELECT fire_schedule('scrape', 'manual')`],
    ]
    for (const [role, claims] of [['authenticated', claimsFor(USER_A)], ['anon', null]] as const) {
      for (const [what, insert] of refusedInserts) {
        const outcome = await asApiRole(role, claims, insert).then(
          () => 'accepted',
          (error: Error) => error.message,
        )
        expect({ role, what, outcome }).toEqual({ role, what, outcome: expect.stringContaining('row-level security') })
      }
      const changed = await asApiRole(role, claims, async (tx) => [
        (await tx`UPDATE users SET tier = 'premium', is_admin = TRUE WHERE id = ${USER_A}`).count,
        (await tx`UPDATE notifications SET status = 'read' WHERE user_id = ${USER_A}`).count,
        (await tx`UPDATE user_connections SET is_valid = FALSE`).count,
        (await tx`DELETE FROM notifications WHERE user_id = ${USER_A}`).count,
        (await tx`DELETE FROM users WHERE id = ${USER_A}`).count,
        (await tx`DELETE FROM payment_events`).count,
      ])
      expect({ role, changed }).toEqual({ role, changed: [0, 0, 0, 0, 0, 0] })
    }
    expect(await snapshot()).toEqual(before)
  })
})

describe('the servers', () => {
  test('a table owner that is not a superuser (the servers on Supabase) still reads every row: RLS is not forced', async () => {
    const everyNotification = (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM notifications`)[0]!.n
    const asOwner = await sql
      .begin(async (tx) => {
        await tx`CREATE ROLE talvix_rls_owner_probe NOLOGIN NOSUPERUSER NOBYPASSRLS`
        await tx`ALTER TABLE notifications OWNER TO talvix_rls_owner_probe`
        await tx`SET LOCAL ROLE talvix_rls_owner_probe`
        const [row] = await tx<{ n: number }[]>`SELECT count(*)::int AS n FROM notifications`
        // roll back the role and the ownership change: nothing of this probe outlives it
        throw Object.assign(new Error('rollback'), { seen: row!.n })
      })
      .catch((error: Error & { seen?: number }) => error.seen)
    expect(asOwner).toBe(everyNotification)
    expect(everyNotification).toBe(3)
  })
})

realPostgresTest('roles are cluster-wide only on a PostgreSQL server')('many empty databases migrate at once: the cluster-wide roles never make one fail', async () => {
  const databases = await Promise.all(Array.from({ length: 4 }, () => createEmptyDatabase()))
  try {
    const results = await Promise.all(databases.map((d) => migrate(d.url)))
    expect(results.map((r) => r.applied.length)).toEqual(databases.map(() => results[0]!.applied.length))
    expect(results[0]!.applied).toContain('row_level_security.sql')
  } finally {
    await Promise.all(databases.map((d) => d.drop()))
  }
}, 60_000)
