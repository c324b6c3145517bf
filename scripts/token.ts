/** `bun run token <user-uuid>`: a frontend access token signed with the local JWT secret. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { UUID_PATTERN } from '#shared/auth/user-auth.ts'
import { CliError, usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { loadDevSecrets } from './dev/dev-secrets.ts'

const USAGE = 'bun run token <user-uuid>   (e.g. bun run token $(bun -e "console.log(crypto.randomUUID())"))'

loadDotenv({ quiet: true })
await runCli('token', async () => {
  const { positionals } = parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true, strict: true })
  const [userId] = positionals
  if (positionals.length !== 1 || !userId || !UUID_PATTERN.test(userId)) {
    throw usageError('expected one user uuid')
  }
  const dataDir = process.env.DATA_DIR || './.data'
  // a token signed with freshly generated secrets would be refused by every server: say so instead
  if (!process.env.SUPABASE_JWT_SECRET && !existsSync(join(dataDir, 'dev-secrets.json'))) {
    throw new CliError(`SUPABASE_JWT_SECRET is not set and ${join(dataDir, 'dev-secrets.json')} does not exist: start \`bun run dev\` once (it writes the dev secrets) or set SUPABASE_JWT_SECRET`)
  }
  const secret = process.env.SUPABASE_JWT_SECRET || loadDevSecrets(dataDir).secrets.SUPABASE_JWT_SECRET
  console.log(await issueDevToken(secret, userId))
}, { usage: USAGE })
