import { sessionContext } from '#shared/vault/session-context.ts'
import { cleanJobDescription } from '../../../server2/agents/jd-clean/clean-job-description.ts'
import type postgres from 'postgres'
import { parseVaultKeys } from '#shared/vault/keyring.ts'
import type { PlatformSession } from '#shared/vault/platform-session.ts'
import { encryptSecret } from '#shared/vault/secret-cipher.ts'
import { storageFromConfig } from '#shared/storage/storage-from-config.ts'
import { TEST_SECRETS, testConfig } from '../../support/test-config.ts'

export const COMPONENTS = { required_skills: 0.8, nice_skills: 0.5, title: 0.9, experience: 1, location: 1, salary: 0.8, text: 0.6 }

export interface SeedUser {
  tier?: 'free' | 'pro' | 'premium'
  autoApply?: boolean
  minScore?: number
  reviewUntil?: Date | null
  appliesThisWeek?: number
  phone?: string
  targetRoles?: string[]
  locations?: string[]
}

const skill = (skillId: string, name: string) => ({ id: skillId, name, category: 'data', evidence: [{ section: 'skills', snippet: name }] })

/** A job seeker ready for auto-apply: account, parsed resume with its PDF in storage. */
export async function seedUser(sql: postgres.Sql, dataDir: string, opts: SeedUser = {}): Promise<string> {
  const id = crypto.randomUUID()
  await sql`
    INSERT INTO users (id, email, full_name, tier, phone_e164, phone_verified, target_roles, locations, auto_apply_enabled,
                       auto_apply_min_score, review_mode_until, applies_this_week, expected_salary_inr)
    VALUES (${id}, ${`${id.slice(0, 8)}@example.in`}, 'Asha Rao', ${opts.tier ?? 'pro'},
            ${opts.phone ?? `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`}, TRUE,
            ${opts.targetRoles ?? ['data analyst']}, ${opts.locations ?? ['bengaluru']}, ${opts.autoApply ?? true},
            ${opts.minScore ?? 60}, ${opts.reviewUntil ?? null}, ${opts.appliesThisWeek ?? 0}, 1400000)`
  const resumeId = crypto.randomUUID()
  const path = `resumes/${id}/${resumeId}.pdf`
  const bytes = new TextEncoder().encode('%PDF-1.4 Asha Rao resume')
  // written where Server 1's upload route writes (DATA_DIR/storage), so apply tests read what production reads
  await storageFromConfig(testConfig({ DATABASE_URL: 'postgres://127.0.0.1/unused', DATA_DIR: dataDir })).put(path, bytes, 'application/pdf')
  const profile = {
    contact: { full_name: 'Asha Rao', email: null, phone: null, location: 'Bengaluru' },
    summary: 'Data analyst with 4 years of SQL, Python and Excel reporting.',
    experience: [{ title: 'Data Analyst', company: 'Orbit Retail', start: '2021-01', end: null, dates: 'Jan 2021 - Present', bullets: ['Built SQL and Power BI dashboards'] }],
    education: [{ degree: 'B.Tech', institution: 'VTU', year: 2020 }],
    skills: [skill('sql', 'SQL'), skill('python', 'Python'), skill('excel', 'Excel'), skill('power-bi', 'Power BI'), skill('tableau', 'Tableau')],
    projects: [],
    certifications: [],
    total_experience_years: 4,
    current_ctc_inr: 1_000_000,
    expected_ctc_inr: 1_400_000,
    notice_period_days: 30,
  }
  await sql`
    INSERT INTO resumes (id, user_id, storage_path, file_name, mime_type, size_bytes, sha256, status, profile, parsed_at)
    VALUES (${resumeId}, ${id}, ${path}, 'asha.pdf', 'application/pdf', ${bytes.length}, 'x', 'parsed', ${sql.json(profile)}, now())`
  return id
}

/** A vault-encrypted platform session, as Server 1's capture stores it. */
export async function seedConnection(sql: postgres.Sql, userId: string, platform: string, session: PlatformSession, valid = true): Promise<string> {
  const sealed = encryptSecret(parseVaultKeys(TEST_SECRETS.VAULT_KEYS), JSON.stringify(session), sessionContext(userId, platform))
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO user_connections (user_id, platform, ciphertext, key_id, is_valid, invalid_reason, invalidated_at)
    VALUES (${userId}, ${platform}, ${Buffer.from(sealed.ciphertext)}, ${sealed.keyId}, ${valid},
            ${valid ? null : 'expired'}, ${valid ? null : new Date()})
    RETURNING id`
  return row!.id
}

export interface SeedJob {
  source?: string
  title?: string
  company?: string
  url?: string | null
  applyEmail?: string | null
  duplicateOf?: number | null
}

let counter = 0

/** A job as JD cleaning leaves it: the real cleaner's structure, with the posting's apply email if any. */
export async function seedJob(sql: postgres.Sql, opts: SeedJob = {}): Promise<number> {
  counter++
  const title = opts.title ?? `Data Analyst ${counter}`
  const company = opts.company ?? `Company ${counter}`
  const rawJd = 'Requirements: SQL, Excel and Power BI reporting.'
  const { clean_text, structure } = cleanJobDescription({ title, company, raw_jd: rawJd })
  const structured = { ...structure, apply_email: opts.applyEmail ?? null }
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO jobs (source, external_id, url, title, company, raw_jd, clean_jd, structured, jd_cleaned, duplicate_of)
    VALUES (${opts.source ?? 'linkedin'}, ${`seed-${Date.now()}-${counter}`}, ${opts.url ?? null},
            ${title}, ${company}, ${rawJd}, ${clean_text}, ${sql.json(structured)}, TRUE, ${opts.duplicateOf ?? null})
    RETURNING id`
  return Number(row!.id)
}

export async function seedScore(sql: postgres.Sql, userId: string, jobId: number, score: number, components: Record<string, number> = COMPONENTS) {
  await sql`
    INSERT INTO fit_scores (user_id, job_id, score, components, explanation, weights_version)
    VALUES (${userId}, ${jobId}, ${score}, ${sql.json(components)}, ${sql.json({ summary: 'seeded' })}, 1)
    ON CONFLICT (user_id, job_id) DO UPDATE SET score = EXCLUDED.score, components = EXCLUDED.components`
}
