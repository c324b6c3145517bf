/**
 * `bun run demo:user [--resume <file>] [--roles "Role A,Role B"] [--wait <seconds>]`: a brand-new
 * user's first day on Talvix against a running `bun run dev` and its local job feed, through
 * Server 1's routes (no browser): sign up, profile, roles, a platform login, resume upload →
 * dashboard with scored matches, skill gaps and career intel; then tonight's scrape (fired now
 * through the operator route) queues review-mode auto applies, the user approves the best one and
 * it is emailed to the employer's local inbox; then the next morning's coach (fired now). Prints
 * each answer; exits 1 when a step does not deliver. Tokens are signed with the dev secrets (env,
 * else DATA_DIR/dev-secrets.json).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import type { FiredSchedule } from '#shared/schedules/fire-schedule-now.ts'
import { apiAs, type Call } from './demo/demo-api.ts'
import {
  type ApplicationView,
  describeApplication,
  describeCareerIntel,
  describeMail,
  describeMatches,
  describeSkillGaps,
  type Insight,
  type Match,
} from './demo/describe.ts'
import { sampleResumePdf } from './demo/sample-resume.ts'
import { loadDevSecrets } from './dev/dev-secrets.ts'
import { DEV_MEMBER_COOKIE } from './dev/job-feed.ts'
import { pollUntil } from './simulate/poll.ts'

const MIN_MATCHES = 10

loadDotenv({ quiet: true })
const { args, resumeFile } = await runCli('demo:user', () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      resume: { type: 'string' },
      roles: { type: 'string', default: 'Backend Engineer,Full Stack Developer' },
      wait: { type: 'string', default: '180' },
    },
    strict: true,
  })
  return { args: values, resumeFile: values.resume ? new Uint8Array(readFileSync(values.resume)) : null }
}, { usage: 'bun run demo:user [--resume FILE] [--roles "Role A,Role B"] [--wait SECONDS]' })
const waitMs = Number(args.wait) * 1000
const server = (process.env.SERVER1_URL || `http://127.0.0.1:${process.env.SERVER1_PORT || 3001}`).replace(/\/$/, '')
const dataDir = process.env.DATA_DIR || './.data'

type RunRow = { idempotency_key: string; status: string }
type Dashboard = {
  dashboard_ready: boolean
  resume: { status: string } | null
  top_matches: Match[]
  skill_gaps: Insight | null
  career_intel: Insight | null
}
type Page<T> = { items: T[] }
type Notification = { kind: string; title: string; body: string }

const step = (title: string) => console.log(`\n— ${title}`)

/** The evening's chain has run for the feed (a delta fit-score succeeded) and nothing is in flight. */
async function marketReady(admin: Call): Promise<boolean> {
  const [scored, pending, running] = await Promise.all([
    admin<RunRow[]>('GET', '/api/admin/runs?agent=fit-score&status=succeeded'),
    admin<RunRow[]>('GET', '/api/admin/runs?status=pending'),
    admin<RunRow[]>('GET', '/api/admin/runs?status=running'),
  ])
  return scored.some((r) => r.idempotency_key.startsWith('fit-score:delta:')) && pending.length === 0 && running.length === 0
}

/** Fires a schedule now; a schedule fires once per minute, so when it already fired in this one, the next minute fires it. */
async function fireNow(admin: Call, name: string): Promise<FiredSchedule> {
  const fired = await admin<FiredSchedule>('POST', `/api/admin/schedules/${name}/fire`)
  if (fired.fired) return fired
  console.log(`  ${name} already fired at ${fired.due_at}; firing again in the next minute`)
  await Bun.sleep(Date.parse(fired.due_at) + 61_000 - Date.now())
  return admin<FiredSchedule>('POST', `/api/admin/schedules/${name}/fire`)
}

function employerMail(applicationId: number): string | null {
  const inbox = join(dataDir, 'dev-inbox')
  const files = (() => {
    try {
      return readdirSync(inbox)
    } catch {
      return []
    }
  })()
  for (const file of files) {
    const raw = readFileSync(join(inbox, file), 'utf8')
    if (raw.includes(`talvix-apply-${applicationId}@`)) return raw
  }
  return null
}

async function demo() {
  const healthy = await fetch(`${server}/health`).then((res) => res.ok, () => false)
  if (!healthy) throw new Error(`Server 1 is not answering at ${server}/health — start it with \`bun run dev\` first`)
  const secrets = loadDevSecrets(dataDir).secrets
  const adminToken = process.env.ADMIN_TOKEN || secrets.ADMIN_TOKEN
  const userId = crypto.randomUUID()
  const user = apiAs(server, await issueDevToken(process.env.SUPABASE_JWT_SECRET || secrets.SUPABASE_JWT_SECRET, userId))
  const admin = apiAs(server, adminToken)
  console.log(`Talvix demo against ${server} as a new user ${userId}`)

  step('The job market: bun run dev scrapes its local feed (Greenhouse, Lever, Ashby boards) on first start')
  await pollUntil('the local feed to be scraped, cleaned and scored (is bun run dev serving it?)', () => marketReady(admin), waitMs, 1000)
  console.log('  scraped, cleaned and scored; nothing in flight')

  step('GET /api/me (the first call creates the user)')
  await user('GET', '/api/me')
  step('PATCH /api/user/profile: Bengaluru, ₹24 LPA expected, auto-apply at fit ≥ 60 with a 7-day review')
  await user('PATCH', '/api/user/profile', {
    full_name: 'Priya Sharma',
    locations: ['Bengaluru'],
    expected_salary_inr: 2_400_000,
    auto_apply: { enabled: true, min_score: 60, review_mode_days: 7 },
  })
  const roles = args.roles.split(',').map((r) => r.trim()).filter(Boolean)
  step(`PATCH /api/user/roles: ${roles.join(', ')}`)
  await user('PATCH', '/api/user/roles', { roles })
  step('POST /api/vault/capture: a Naukri login (auto-apply works for users with a connected platform)')
  const expires = Math.floor(Date.now() / 1000) + 30 * 86_400
  await user('POST', '/api/vault/capture', { platform: 'naukri', session: { cookies: [{ name: 'nauk_at', value: `demo-${userId}`, expires }, DEV_MEMBER_COOKIE] } })
  step('POST /api/resume/upload')
  const form = new FormData()
  const resume = resumeFile ?? (await sampleResumePdf())
  form.append('file', new File([new Uint8Array(resume)], args.resume ? basename(args.resume) : 'priya-sharma.pdf'))
  await user('POST', '/api/resume/upload', form)

  step('GET /api/dashboard until onboarding (resume parse → skill gap ∥ career intel ∥ full fit scan) is done')
  const dashboard = await pollUntil(
    'the dashboard to be ready',
    async () => {
      const d = await user<Dashboard>('GET', '/api/dashboard')
      if (d.resume?.status === 'failed') throw new Error('resume parsing failed; GET /api/notifications says why')
      return d.dashboard_ready ? d : null
    },
    waitMs,
    1000,
  )
  const explained = dashboard.top_matches.filter((m) => typeof m.explanation.summary === 'string')
  console.log(`Top matches (${dashboard.top_matches.length}, score and why):`)
  console.log(describeMatches(dashboard.top_matches).join('\n'))
  console.log('Skill gaps:')
  console.log(describeSkillGaps(dashboard.skill_gaps).join('\n'))
  console.log('Career intel:')
  console.log(describeCareerIntel(dashboard.career_intel).join('\n'))
  if (explained.length < MIN_MATCHES) throw new Error(`only ${explained.length} scored matches with explanations (want ${MIN_MATCHES})`)

  step("20:00 IST, tonight's scrape, fired now (POST /api/admin/schedules/scrape/fire): scrape → JD cleaning → fit scoring → auto-apply")
  const scrape = await fireNow(admin, 'scrape')
  console.log(`  trigger ${scrape.trigger_id}: ${scrape.server} runs ${scrape.agent}`)
  const queued = await pollUntil(
    'auto-apply to queue applications for review',
    async () => {
      const { items } = await user<Page<ApplicationView>>('GET', '/api/applications?auto_status=queued')
      return items.length > 0 ? items : null
    },
    waitMs,
    1000,
  )
  console.log(`Queued for your review (free plan: every auto apply waits for approval):`)
  console.log(queued.map(describeApplication).join('\n'))

  const best = queued.toSorted((a, b) => (b.fit_score ?? 0) - (a.fit_score ?? 0))[0] as ApplicationView
  step(`POST /api/applications/${best.id}/approve: the best match (tailored resume ∥ cover letter when fit ≥ 75, then the email apply)`)
  await user('POST', `/api/applications/${best.id}/approve`)
  const outcome = await pollUntil(
    `application ${best.id} to be sent`,
    async () => {
      const page = await user<Page<ApplicationView>>('GET', '/api/applications?source=auto&limit=100')
      const app = page.items.find((a) => a.id === best.id)
      return app && ['applied', 'failed', 'skipped'].includes(app.auto_status ?? '') ? app : null
    },
    waitMs,
    1000,
  )
  console.log(describeApplication(outcome))
  if (outcome.auto_status !== 'applied') throw new Error(`application ${best.id} ended ${outcome.auto_status}: ${outcome.failure_reason}`)
  const mail = employerMail(best.id)
  console.log(`The employer's inbox (${join(dataDir, 'dev-inbox')}) received:`)
  console.log(mail ? describeMail(mail).join('\n') : '  (not found here: was bun run dev started with another DATA_DIR or SMTP_URL?)')

  step('07:00 IST the next morning, the daily coach, fired now (POST /api/admin/schedules/coach/fire)')
  const coach = await fireNow(admin, 'coach')
  console.log(`  trigger ${coach.trigger_id}: ${coach.server} runs ${coach.agent}`)
  const message = await pollUntil(
    'the coach message',
    async () => (await user<Page<Notification>>('GET', '/api/notifications?limit=50')).items.find((n) => n.kind === 'coach'),
    waitMs,
    1000,
  )
  console.log(`  ${message.title}`)
  console.log(message.body.split('\n').map((line) => `  ${line}`).join('\n'))

  console.log(
    `\n✓ ${explained.length} scored matches with explanations, ${(dashboard.skill_gaps?.data.gaps as unknown[] | undefined)?.length ?? 0} skill gaps, ` +
      `career intel on ${String(dashboard.career_intel?.data.job_count ?? 0)} jobs, ${queued.length} applies queued for review, ` +
      `#${best.id} approved and applied by email, and the morning coach message.`,
  )
}

try {
  await demo()
} catch (error) {
  console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
