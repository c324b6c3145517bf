/**
 * The load targets, in their own process so the load generator does not share their event loop:
 * Server 1 as `bun run server1` builds it (LOG_LEVEL info, one access-log line per request; the
 * parent sends stdout to /dev/null) and the bare dashboard handler beside it. Ports and the
 * database come from the parent's env; secrets are the test ones the parent signs with.
 */
import { serverPoolSize, startServer } from '#shared/boot/start-server.ts'
import { createTokenVerifier } from '#shared/auth/user-auth.ts'
import { parseConfig } from '#shared/config/index.ts'
import { createSql } from '#shared/db/create-sql.ts'
import { server1Spec } from '../../server1/index.ts'
import { TEST_SECRETS } from '../../tests/support/test-config.ts'
import { serveBareDashboard } from './bare-dashboard.ts'

const env = process.env
const config = parseConfig({
  DATABASE_URL: env.DATABASE_URL ?? '',
  LOG_LEVEL: 'info',
  SCHEDULER: 'off',
  SCHEDULE_BACKFILL_HOURS: '0',
  ...TEST_SECRETS,
  VAULT_KEYS: env.VAULT_KEYS ?? TEST_SECRETS.VAULT_KEYS,
})
await startServer(server1Spec, config, { port: Number(env.LOAD_SERVER1_PORT) })
serveBareDashboard(createSql(config.DATABASE_URL, { max: serverPoolSize(config) }), createTokenVerifier({ jwtSecret: config.SUPABASE_JWT_SECRET }), Number(env.LOAD_BARE_PORT))
console.error('load targets ready')
