/** `bun run token <user-uuid>`: a frontend access token signed with the local JWT secret. */
import { config as loadDotenv } from 'dotenv'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { loadDevSecrets } from './dev/dev-secrets.ts'

loadDotenv({ quiet: true })
const userId = process.argv[2]
if (!userId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) {
  console.error('usage: bun run token <user-uuid>   (e.g. bun run token $(bun -e "console.log(crypto.randomUUID())"))')
  process.exit(2)
}
const secret = process.env.SUPABASE_JWT_SECRET || loadDevSecrets(process.env.DATA_DIR || './.data').secrets.SUPABASE_JWT_SECRET
console.log(await issueDevToken(secret, userId))
