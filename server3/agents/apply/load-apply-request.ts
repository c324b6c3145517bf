import { extname } from 'node:path'
import type { Sql } from '#shared/db/create-sql.ts'
import { FileNotFoundError, type FileStorage } from '#shared/storage/file-storage.ts'
import type { Applicant, ApplyDocument } from './channels/apply-channel.ts'

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.txt': 'text/plain',
  '.md': 'text/plain',
}

interface ProfileContact {
  contact?: { full_name?: string | null; email?: string | null; phone?: string | null; location?: string | null }
  total_experience_years?: number | null
  current_ctc_inr?: number | null
  expected_ctc_inr?: number | null
  notice_period_days?: number | null
}

export interface ApplicantFiles {
  applicant: Applicant
  resume: ApplyDocument
  coverLetter: ApplyDocument | null
}

async function readOptional(storage: FileStorage, path: string | null, fileName: string): Promise<ApplyDocument | null> {
  if (!path) return null
  try {
    const bytes = await storage.get(path)
    return { fileName: `${fileName}${extname(path)}`, contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', bytes }
  } catch (error) {
    if (error instanceof FileNotFoundError) return null
    throw error
  }
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'Applicant'
}

/**
 * The job seeker as forms see them (account fields first, the parsed resume where the account
 * is silent) and the documents to send: the tailored resume when Agent 10 stored one, else the
 * active resume; the cover letter when Agent 11 stored one. Null when there is no resume file.
 */
export async function loadApplicantFiles(
  sql: Sql,
  storage: FileStorage,
  userId: string,
  paths: { tailored: string | null; coverLetter: string | null },
): Promise<ApplicantFiles | { problem: string }> {
  const [row] = await sql<
    { full_name: string | null; email: string | null; phone: string | null; locations: string[]; expected: number | null; profile: ProfileContact | null; storage_path: string | null; file_name: string | null; mime_type: string | null }[]
  >`
    SELECT u.full_name, u.email, u.phone_e164 AS phone, u.locations, u.expected_salary_inr AS expected,
           r.profile, r.storage_path, r.file_name, r.mime_type
      FROM users u LEFT JOIN resumes r ON r.user_id = u.id AND r.is_active
     WHERE u.id = ${userId}`
  if (!row) return { problem: 'user not found' }
  const profile = row.profile ?? {}
  const fullName = row.full_name ?? profile.contact?.full_name ?? null
  if (!fullName) return { problem: 'no name on the account or the resume' }
  const applicant: Applicant = {
    userId,
    fullName,
    email: row.email ?? profile.contact?.email ?? null,
    phone: row.phone ?? profile.contact?.phone ?? null,
    location: row.locations[0] ?? profile.contact?.location ?? null,
    noticePeriodDays: profile.notice_period_days ?? null,
    expectedCtcInr: row.expected ?? profile.expected_ctc_inr ?? null,
    currentCtcInr: profile.current_ctc_inr ?? null,
    totalExperienceYears: profile.total_experience_years ?? null,
  }
  const base = `${safeName(fullName)}_Resume`
  const tailored = await readOptional(storage, paths.tailored, base)
  let resume = tailored
  if (!resume && row.storage_path) {
    const original = await readOptional(storage, row.storage_path, base)
    resume = original && { ...original, contentType: row.mime_type ?? original.contentType }
  }
  if (!resume) return { problem: 'no resume file on record' }
  const coverLetter = await readOptional(storage, paths.coverLetter, `${safeName(fullName)}_Cover_Letter`)
  return { applicant, resume, coverLetter }
}
