/**
 * `bun run demo:user [--resume <file>] [--roles "Role A,Role B"] [--wait <seconds>]`: walks a brand-new
 * user through the first minutes of Talvix against a running `bun run dev` (no browser): sign in,
 * upload a resume, pick target roles, then read the dashboard until onboarding finishes, printing
 * each answer. Server 1 is SERVER1_URL; the token is signed with the same dev JWT secret the
 * servers use (env, else DATA_DIR/dev-secrets.json).
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { config as loadDotenv } from 'dotenv'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { loadDevSecrets } from './dev/dev-secrets.ts'

loadDotenv({ quiet: true })
const { args, resumeFile } = await runCli('demo:user', () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      resume: { type: 'string' },
      roles: { type: 'string', default: 'Backend Engineer,Full Stack Developer' },
      wait: { type: 'string', default: '60' },
    },
    strict: true,
  })
  return { args: values, resumeFile: values.resume ? new Uint8Array(readFileSync(values.resume)) : null }
}, { usage: 'bun run demo:user [--resume FILE] [--roles "Role A,Role B"] [--wait SECONDS]' })
const server = (process.env.SERVER1_URL || `http://127.0.0.1:${process.env.SERVER1_PORT || 3001}`).replace(/\/$/, '')

const SAMPLE_RESUME = [
  'Priya Sharma',
  'Bengaluru, Karnataka | priya.sharma@example.in | +91 98450 12345',
  '',
  'SUMMARY',
  'Backend engineer with 4 years of experience building payment and logistics APIs.',
  '',
  'EXPERIENCE',
  'Software Engineer II, Swiftkart Logistics, Bengaluru    Jul 2022 - Present',
  '- Built order-tracking services in TypeScript and Node.js on PostgreSQL and Redis.',
  '- Cut p95 latency of the shipment API by 40% with query tuning and caching.',
  'Software Engineer, PayLane Fintech, Pune    Jun 2020 - Jun 2022',
  '- Wrote UPI reconciliation jobs in Python and Go; deployed on AWS with Docker and Kubernetes.',
  '',
  'EDUCATION',
  'B.Tech, Computer Science, VIT Vellore, 2020, CGPA 8.4',
  '',
  'SKILLS',
  'TypeScript, Node.js, Python, Go, PostgreSQL, Redis, AWS, Docker, Kubernetes, REST APIs',
  '',
  'Current CTC: 18 LPA | Notice period: 30 days',
]

async function samplePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([595, 842])
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  SAMPLE_RESUME.forEach((line, index) => page.drawText(line, { x: 48, y: 790 - index * 16, size: 10, font }))
  return pdf.save()
}

function fail(message: string): never {
  console.error(`\n✗ ${message}`)
  process.exit(1)
}

async function call(token: string, method: string, path: string, body?: BodyInit | object): Promise<unknown> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  let payload: BodyInit | undefined
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const res = await fetch(`${server}${path}`, { method, headers, body: payload })
  const text = await res.text()
  const json: unknown = text ? JSON.parse(text) : null
  if (!res.ok) fail(`${method} ${path} → ${res.status}: ${text}`)
  return json
}

const step = (title: string) => console.log(`\n— ${title}`)
const show = (value: unknown) => console.log(JSON.stringify(value, null, 2))

const healthy = await fetch(`${server}/health`).then((res) => res.ok, () => false)
if (!healthy) fail(`Server 1 is not answering at ${server}/health — start it with \`bun run dev\` first`)

const secret = process.env.SUPABASE_JWT_SECRET || loadDevSecrets(process.env.DATA_DIR || './.data').secrets.SUPABASE_JWT_SECRET
const userId = crypto.randomUUID()
const token = await issueDevToken(secret, userId)
console.log(`Talvix demo against ${server} as a new user ${userId}`)

step('GET /api/me (the first call creates the user)')
show(await call(token, 'GET', '/api/me'))

step('POST /api/resume/upload')
const resumeBytes = resumeFile ?? (await samplePdf())
const form = new FormData()
form.append('file', new File([new Uint8Array(resumeBytes)], args.resume ? basename(args.resume) : 'priya-sharma.pdf'))
const upload = (await call(token, 'POST', '/api/resume/upload', form)) as { resume_id: string; run_id: string }
show(upload)

step('PATCH /api/user/roles')
show(await call(token, 'PATCH', '/api/user/roles', { roles: (args.roles ?? '').split(',') }))

step('GET /api/dashboard until onboarding (resume parse → skill gap, career intel, full scan) is done')
type Dashboard = { dashboard_ready: boolean; resume: { status: string } | null; top_matches: unknown[] }
const deadline = Date.now() + Number(args.wait) * 1000
let dashboard = (await call(token, 'GET', '/api/dashboard')) as Dashboard
let last = ''
while (!dashboard.dashboard_ready && dashboard.resume?.status !== 'failed' && Date.now() < deadline) {
  const status = `resume ${dashboard.resume?.status ?? 'none'}, dashboard_ready ${dashboard.dashboard_ready}`
  if (status !== last) console.log(`  … ${status}`)
  last = status
  await Bun.sleep(1000)
  dashboard = (await call(token, 'GET', '/api/dashboard')) as Dashboard
}
show(dashboard)

step('GET /api/notifications')
show(await call(token, 'GET', '/api/notifications?limit=5'))

if (dashboard.dashboard_ready) {
  const matches = dashboard.top_matches.length
  console.log(`\n✓ Onboarding finished: ${matches} top matches on the dashboard.`)
  if (matches === 0) console.log('  (Matches appear once jobs are scraped and scored: nightly at 20:00 IST.)')
} else if (dashboard.resume?.status === 'failed') {
  fail('resume parsing failed; the notification above says why')
} else {
  console.log(`\n… The dashboard was not ready within ${args.wait}s (see the server logs; agents may still be working).`)
}
