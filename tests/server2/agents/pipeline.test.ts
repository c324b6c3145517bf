/**
 * Server 2's agents end to end on a real server, database and local file storage: JD cleaning
 * and duplicate linking chain into delta scoring; an uploaded resume is parsed and fans out to
 * skill gap, career intel and a full scan until the dashboard is ready; a scanned PDF fails for
 * good with a notification; tailored resumes and cover letters are real PDFs built only from the
 * resume; the coach writes one notification and one WhatsApp message per user per day.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { extractText } from 'unpdf'
import { hop } from '#shared/agents/agent-implementation.ts'
import type { FileStorage } from '#shared/storage/file-storage.ts'
import { createLocalStorage } from '#shared/storage/local-storage.ts'
import { MAX_WORDS } from '../../../server2/agents/cover-letter/write-cover-letter.ts'
import { getSkill } from '../../../server2/agents/skills/find-skills.ts'
import { POSTINGS } from '../jd-clean/postings.ts'
import { renderPdf, renderScannedPdf } from '../resume-parse/fixtures/render-resume.ts'
import { RESUMES } from '../resume-parse/fixtures/resumes.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { startTestCluster, type TestCluster } from '../../support/test-servers.ts'
import { waitFor } from '../../support/wait-for.ts'

let db: TestDatabase
let sql: postgres.Sql
let cluster: TestCluster
let dataDir: string
let storage: FileStorage
const engine = () => cluster.server2!.deps.engine

const RAHUL = RESUMES.find((r) => r.name.startsWith('experienced SDE'))!
const JAVA = POSTINGS.find((p) => p.name.startsWith('Naukri Java developer'))!

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4, onnotice: () => {} })
  dataDir = await mkdtemp(join(tmpdir(), 'talvix-s2-'))
  storage = createLocalStorage(join(dataDir, 'storage'))
  cluster = await startTestCluster(db.url, ['server2'], { DATA_DIR: dataDir })
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
  await rm(dataDir, { recursive: true, force: true })
})

async function runStatus(key: string) {
  const [run] = await sql<{ status: string; error: string | null; attempts: number }[]>`
    SELECT status, error, attempts FROM agent_runs WHERE idempotency_key = ${key}`
  return run
}

const succeeded = (key: string) => waitFor(key, async () => ((await runStatus(key))?.status === 'succeeded' ? true : null), 60_000)

async function uploadResume(userId: string, bytes: Uint8Array) {
  const resumeId = crypto.randomUUID()
  const path = `resumes/${userId}/${resumeId}.pdf`
  await storage.put(path, bytes, 'application/pdf')
  await sql`INSERT INTO resumes (id, user_id, storage_path, file_name, mime_type, size_bytes, sha256)
            VALUES (${resumeId}, ${userId}, ${path}, 'cv.pdf', 'application/pdf', ${bytes.length}, 'test')`
  return resumeId
}

let scrapeRunId = 0
let javaJobId = ''
const rahul = crypto.randomUUID()

describe('Server 2 agents', () => {
  test('jd-clean cleans every job of the run, links the cross-posted copy, and chains to delta scoring', async () => {
    // 'running' while its jobs are inserted, as the scraper does: a finished run without jobs is scored (empty) at once by the poller
    const [run] = await sql`INSERT INTO scrape_runs (status) VALUES ('running') RETURNING id`
    scrapeRunId = Number(run!.id)
    for (const [i, p] of POSTINGS.entries()) {
      await sql`INSERT INTO jobs (source, external_id, title, company, location_text, raw_jd, scrape_run_id)
                VALUES (${p.source}, ${`fx-${i}`}, ${p.title}, ${p.company}, ${p.location_text ?? null}, ${p.raw_jd}, ${scrapeRunId})`
    }
    // the same opening on another board, company spelled differently
    await sql`INSERT INTO jobs (source, external_id, title, company, location_text, raw_jd, scrape_run_id)
              VALUES ('linkedin', 'copy-1', ${JAVA.title}, 'Mphasis Ltd', ${JAVA.location_text ?? null}, ${JAVA.raw_jd}, ${scrapeRunId})`
    await sql`UPDATE scrape_runs SET status = 'succeeded', finished_at = now() WHERE id = ${scrapeRunId}`
    await engine().dispatch(hop('jd-clean', { scrape_run_id: scrapeRunId }))
    await succeeded(`fit-score:delta:${scrapeRunId}`)

    const jobs = await sql`SELECT id, external_id, jd_cleaned, clean_jd, structured, content_hash, duplicate_of FROM jobs WHERE scrape_run_id = ${scrapeRunId} ORDER BY id`
    expect(jobs).toHaveLength(POSTINGS.length + 1)
    expect(jobs.filter((j) => !(j.jd_cleaned && j.structured && j.content_hash && j.clean_jd)).map((j) => j.external_id)).toEqual([])
    const original = jobs.find((j) => j.external_id === 'fx-0')!
    javaJobId = original.id
    expect(original.structured.required_skills).toEqual(expect.arrayContaining(['java', 'spring-boot']))
    expect(jobs.find((j) => j.external_id === 'copy-1')!.duplicate_of).toBe(original.id)
    expect(jobs.filter((j) => j.duplicate_of !== null)).toHaveLength(1)
    const [scrape] = await sql`SELECT scoring_complete FROM scrape_runs WHERE id = ${scrapeRunId}`
    expect(scrape!.scoring_complete).toBe(true)
    const [apply] = await sql`SELECT input FROM agent_runs WHERE agent = 'apply'`
    expect(apply!.input).toEqual({ scope: 'scrape_run', scrape_run_id: scrapeRunId })
  })

  test('resume-parse stores the profile and the onboarding siblings make the dashboard ready', async () => {
    await sql`INSERT INTO users (id, target_roles, locations) VALUES (${rahul}, ${['Backend Engineer', 'Java Developer']}, ${['Bengaluru']})`
    const resumeId = await uploadResume(rahul, await renderPdf(RAHUL.lines))
    await engine().dispatch(hop('resume-parse', { resume_id: resumeId }))
    await waitFor('dashboard_ready', async () => (await sql`SELECT 1 FROM users WHERE id = ${rahul} AND dashboard_ready`).length === 1, 60_000)

    const [resume] = await sql`SELECT status, profile FROM resumes WHERE id = ${resumeId}`
    expect(resume!.status).toBe('parsed')
    expect(resume!.profile.contact).toEqual(RAHUL.expected.contact)
    expect(resume!.profile.skills.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['java', 'spring-boot', 'apache-kafka']))

    const scores = await sql`SELECT job_id, score, components, explanation FROM fit_scores WHERE user_id = ${rahul} ORDER BY score DESC`
    expect(scores.length).toBeGreaterThan(0)
    expect(scores[0]!.job_id).toBe(javaJobId)
    expect(Object.keys(scores[0]!.components).sort()).toEqual(['experience', 'location', 'nice_skills', 'required_skills', 'salary', 'text', 'title'])
    expect(scores[0]!.explanation.matched_skills).toEqual(expect.arrayContaining(['Java', 'Spring Boot']))
    expect(scores[0]!.explanation.summary).toMatch(/required skills/)

    const insights = await sql`SELECT kind, data FROM user_insights WHERE user_id = ${rahul} ORDER BY kind`
    const byKind = Object.fromEntries(insights.map((i) => [i.kind, i.data]))
    expect(byKind.skill_gap.status).toBe('ok')
    expect(byKind.skill_gap.gaps.length).toBeGreaterThan(0)
    expect(byKind.skill_gap.gaps[0]).toMatchObject({ demand_share: expect.any(Number), score_uplift: expect.any(Number) })
    expect(byKind.career_intel.job_count).toBeGreaterThan(0)
    expect(byKind.career_intel.weekly).toHaveLength(4)
    expect(byKind.career_intel.salary_lpa).toMatchObject({ p25: expect.any(Number), median: expect.any(Number), p75: expect.any(Number) })
    expect(byKind.career_intel.top_companies.length).toBeGreaterThan(0)
    expect(byKind.career_intel.top_skills.map((s: { skill_id: string }) => s.skill_id)).toContain('java')
  })

  test('a stale flag set by the server (now(), microseconds) is cleared by the full scan the poller starts', async () => {
    await sql`UPDATE users SET fit_scores_stale = TRUE, fit_scores_stale_since = now() WHERE id = ${rahul}`
    await waitFor('the flag to clear', async () => (await sql`SELECT 1 FROM users WHERE id = ${rahul} AND NOT fit_scores_stale`).length === 1, 30_000)
    const [scores] = await sql`SELECT count(*)::int AS n FROM fit_scores WHERE user_id = ${rahul}`
    expect(scores!.n).toBeGreaterThan(0)
  })

  test('a scanned PDF fails the run for good with "no extractable text" and tells the user', async () => {
    const userId = crypto.randomUUID()
    await sql`INSERT INTO users (id) VALUES (${userId})`
    const resumeId = await uploadResume(userId, await renderScannedPdf(1))
    await engine().dispatch(hop('resume-parse', { resume_id: resumeId }))
    const run = await waitFor('the run to fail', async () => {
      const r = await runStatus(`resume-parse:${resumeId}`)
      return r?.status === 'failed' ? r : null
    })
    expect(run).toMatchObject({ error: 'no extractable text', attempts: 1 })
    await waitFor('the notification', async () => (await sql`SELECT 1 FROM notifications WHERE user_id = ${userId}`).length === 1)
    const [note] = await sql`SELECT kind, title, body FROM notifications WHERE user_id = ${userId}`
    expect(note!.kind).toBe('resume_parse_failed')
    expect(note!.body).toContain('no extractable text')
    const [resume] = await sql`SELECT status, parse_error FROM resumes WHERE id = ${resumeId}`
    expect(resume).toEqual({ status: 'failed', parse_error: 'no extractable text' })
    expect(await sql`SELECT 1 FROM agent_runs WHERE user_id = ${userId} AND join_key IS NOT NULL`).toHaveLength(0)
  })

  test('a tailored resume and a cover letter are PDFs with the company and matched skills, and nothing the resume lacks', async () => {
    const [app] = await sql`
      INSERT INTO job_applications (user_id, job_id, company, title, source, auto_status, fit_score)
      VALUES (${rahul}, ${javaJobId}, ${JAVA.company}, ${JAVA.title}, 'auto', 'preparing', 90) RETURNING id`
    const applicationId = Number(app!.id)
    await engine().dispatch(hop('resume-tailor', { application_id: applicationId }))
    await engine().dispatch(hop('cover-letter', { application_id: applicationId }))
    await succeeded(`resume-tailor:${applicationId}`)
    await succeeded(`cover-letter:${applicationId}`)
    const [row] = await sql`SELECT tailored_resume_path, cover_letter_path FROM job_applications WHERE id = ${applicationId}`
    expect(row!.tailored_resume_path).toBe(`tailored/${rahul}/${applicationId}.pdf`)
    expect(row!.cover_letter_path).toBe(`cover-letters/${rahul}/${applicationId}.pdf`)

    const [job] = await sql`SELECT structured FROM jobs WHERE id = ${javaJobId}`
    const [resume] = await sql`SELECT profile FROM resumes WHERE user_id = ${rahul} AND is_active`
    const own = new Set(resume!.profile.skills.map((s: { id: string }) => s.id))
    const asked: string[] = [...job!.structured.required_skills, ...job!.structured.nice_to_have_skills]
    const matched = asked.filter((id) => own.has(id)).map((id) => getSkill(id)!.name)
    const lacking = asked.filter((id) => !own.has(id)).map((id) => getSkill(id)!.name)
    expect(matched.length).toBeGreaterThan(1)
    expect(lacking.length).toBeGreaterThan(0)

    const letterText = new TextDecoder().decode(await storage.get(`cover-letters/${rahul}/${applicationId}.txt`))
    expect(letterText.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(MAX_WORDS)
    for (const path of [row!.tailored_resume_path, row!.cover_letter_path]) {
      const { text } = await extractText(await storage.get(path), { mergePages: true })
      const flat = text.replace(/\s+/g, ' ')
      expect(flat).toContain('Mphasis')
      for (const skill of matched.slice(0, 3)) expect(flat).toContain(skill)
      for (const skill of lacking) expect(flat).not.toMatch(new RegExp(`\\b${skill.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`))
    }
    const { text: resumePdf } = await extractText(await storage.get(row!.tailored_resume_path), { mergePages: true })
    // every bullet of the resume is there, none added
    for (const role of resume!.profile.experience) for (const bullet of role.bullets) expect(resumePdf.replace(/\s+/g, ' ')).toContain(bullet.replace(/\s+/g, ' ').slice(0, 40))
  })

  test('the coach stores one notification and queues one WhatsApp message per user per IST day', async () => {
    await sql`UPDATE users SET phone_e164 = '+919845012345', phone_verified = TRUE, wa_alerts_enabled = TRUE WHERE id = ${rahul}`
    const silent = crypto.randomUUID()
    await sql`INSERT INTO users (id) VALUES (${silent})`
    await sql`INSERT INTO resumes (user_id, storage_path, file_name, mime_type, size_bytes, sha256, status, profile)
              SELECT ${silent}, 'resumes/x.pdf', 'x.pdf', 'application/pdf', 1, 'x', 'parsed', profile FROM resumes WHERE user_id = ${rahul} AND is_active`
    await engine().dispatch(hop('coach', { trigger: 'manual:first' }))
    await succeeded('coach:manual:first')
    await engine().dispatch(hop('coach', { trigger: 'manual:again', user_id: rahul }))
    await succeeded(`coach:manual:again:${rahul}`)

    const notes = await sql`SELECT user_id, title, body FROM notifications WHERE kind = 'coach' ORDER BY user_id`
    expect(notes.map((n) => n.user_id).sort()).toEqual([rahul, silent].sort())
    const mine = notes.find((n) => n.user_id === rahul)!
    expect(mine.body).toContain('Good morning, Rahul')
    expect(mine.body).toMatch(/New top matches:\* .+ at .+ \(\d+\)/)
    // the Java job already has an application, so it is not news
    expect(mine.body).not.toContain('Java Developer')
    expect(mine.body).toMatch(/Skill of the week: /)
    expect(mine.body).toMatch(/Applies this week: 0 of 5 used, 5 left/)
    const wa = await sql`SELECT user_id, phone_e164, status, kind, body FROM wa_messages WHERE direction = 'out'`
    expect(wa).toHaveLength(1)
    expect(wa[0]).toMatchObject({ user_id: rahul, phone_e164: '+919845012345', status: 'pending', kind: 'coach', body: mine.body })
  })
})
