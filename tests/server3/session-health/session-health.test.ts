import { afterAll, beforeAll, expect, test } from 'bun:test'
import postgres from 'postgres'
import { parseVaultKeys } from '#shared/vault/keyring.ts'
import { encryptSecret } from '#shared/vault/secret-cipher.ts'
import { freePort } from '../../support/free-port.ts'
import { TEST_SECRETS } from '../../support/test-config.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { startTestCluster, type TestCluster } from '../../support/test-servers.ts'
import { waitFor } from '../../support/wait-for.ts'
import { type PortalFixture, startPortalFixture } from '../../../scripts/fixtures/portal-fixture.ts'
import { postAgent, waitForRun } from '../support/agent-calls.ts'
import { seedConnection } from '../support/seed.ts'

let db: TestDatabase
let cluster: TestCluster
let sql: postgres.Sql
let portal: PortalFixture

beforeAll(async () => {
  db = await createTestDatabase()
  portal = startPortalFixture()
  sql = postgres(db.url, { max: 2 })
  cluster = await startTestCluster(db.url, ['server3'], {
    // LinkedIn probes go to the portal fixture; Naukri's "site" is a port nobody listens on (down)
    SESSION_PROBE_URLS: `linkedin=${portal.url},naukri=http://127.0.0.1:${freePort()}`,
  })
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await portal.stop()
  await db.drop()
})

async function user() {
  const id = crypto.randomUUID()
  await sql`INSERT INTO users (id, phone_e164, phone_verified) VALUES (${id}, ${`+9197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`}, TRUE)`
  return id
}
const connection = (id: string) => sql`SELECT is_valid, invalid_reason, invalidated_at, checked_at FROM user_connections WHERE id = ${id}`.then(([r]) => r)

test('each stored session is checked: good ones stay valid, dead ones are invalidated with the reason, an unreachable platform changes nothing', async () => {
  const good = await seedConnection(sql, await user(), 'linkedin', { cookies: [{ name: portal.cookie.name, value: portal.cookie.value }] })
  const expired = await seedConnection(sql, await user(), 'linkedin', {
    cookies: [{ name: 'li_at', value: 'x', expires: Math.floor(Date.now() / 1000) - 86_400 }, { name: portal.cookie.name, value: portal.cookie.value }],
  })
  const loggedOut = await seedConnection(sql, await user(), 'linkedin', { cookies: [{ name: portal.cookie.name, value: 'stale-token' }] })
  const down = await seedConnection(sql, await user(), 'naukri', { cookies: [{ name: 'nauk_at', value: 'x' }] })
  // a ciphertext moved to another user's row does not decrypt (the vault binds it to user:platform)
  const moved = encryptSecret(parseVaultKeys(TEST_SECRETS.VAULT_KEYS), JSON.stringify({ cookies: [{ name: 'a', value: 'b' }] }), 'someone-else:linkedin')
  const movedUser = await user()
  const [tampered] = await sql<{ id: string }[]>`
    INSERT INTO user_connections (user_id, platform, ciphertext, key_id) VALUES (${movedUser}, 'linkedin', ${Buffer.from(moved.ciphertext)}, ${moved.keyId}) RETURNING id`

  const run = await (async () => {
    await postAgent(cluster, 'session-health', { trigger: 'manual:health1' })
    return waitForRun(sql, 'session-health:manual:health1')
  })()
  expect(run.output).toMatchObject({ checked: 5, invalidated: 3, inconclusive: 1 })
  expect(await connection(good)).toMatchObject({ is_valid: true, invalid_reason: null })
  expect((await connection(good))?.checked_at).toBeInstanceOf(Date)
  expect((await connection(expired))?.invalid_reason).toMatch(/^login cookie li_at expired on \d{4}-\d{2}-\d{2}$/)
  expect(await connection(loggedOut)).toMatchObject({ is_valid: false, invalid_reason: 'linkedin asked to log in again (redirected to /login)' })
  expect((await connection(tampered!.id))?.invalid_reason).toContain('cannot be decrypted')
  expect(await connection(down)).toMatchObject({ is_valid: true })

  // the alert poller announces each invalidation once (notification + WhatsApp)
  await waitFor('alerts', async () => ((await sql`SELECT 1 FROM notifications WHERE kind = 'session_invalid'`).length === 3 ? true : null), 10_000, 100)
  expect(await sql`SELECT 1 FROM wa_messages WHERE kind = 'session_invalid'`).toHaveLength(3)

  // the next day's check leaves invalid rows alone: no second invalidation, no second alert
  await postAgent(cluster, 'session-health', { trigger: 'manual:health2' })
  expect((await waitForRun(sql, 'session-health:manual:health2')).output).toMatchObject({ checked: 2, invalidated: 0 })
  await Bun.sleep(800)
  expect(await sql`SELECT 1 FROM notifications WHERE kind = 'session_invalid'`).toHaveLength(3)
}, 60_000)

test('a session re-captured through the vault is checked again, and a later logout is a new invalidation with a new alert', async () => {
  const owner = await user()
  const id = await seedConnection(sql, owner, 'linkedin', { cookies: [{ name: portal.cookie.name, value: 'old' }] }, false)
  await sql`UPDATE user_connections SET alerted_at = now() WHERE id = ${id}`
  // what Server 1's capture does: new ciphertext, valid again
  const fresh = encryptSecret(parseVaultKeys(TEST_SECRETS.VAULT_KEYS), JSON.stringify({ cookies: [{ name: portal.cookie.name, value: portal.cookie.value }] }), `${owner}:linkedin`)
  await sql`UPDATE user_connections SET ciphertext = ${Buffer.from(fresh.ciphertext)}, key_id = ${fresh.keyId}, is_valid = TRUE, invalid_reason = NULL WHERE id = ${id}`
  await postAgent(cluster, 'session-health', { trigger: 'manual:health3' })
  await waitForRun(sql, 'session-health:manual:health3')
  expect(await connection(id)).toMatchObject({ is_valid: true })

  portal.revokeSessions()
  await postAgent(cluster, 'session-health', { trigger: 'manual:health4' })
  await waitForRun(sql, 'session-health:manual:health4')
  expect(await connection(id)).toMatchObject({ is_valid: false })
  await waitFor('new alert', async () => ((await sql`SELECT 1 FROM notifications WHERE user_id = ${owner} AND kind = 'session_invalid'`).length === 1 ? true : null), 10_000, 100)
}, 60_000)
