import type postgres from 'postgres'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { TEST_SECRETS } from './test-config.ts'

/** A users row and a frontend access token for it. */
export async function newUserWithToken(sql: postgres.Sql) {
  const id = crypto.randomUUID()
  await sql`INSERT INTO users (id) VALUES (${id})`
  return { id, token: await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, id) }
}
