import type { PlatformSession } from '#shared/vault/platform-session.ts'
import type { Blocker } from '../../../sessions/page-blockers.ts'

/** What a form or an email needs to know about the job seeker (from the profile and the resume). */
export interface Applicant {
  userId: string
  fullName: string
  email: string | null
  phone: string | null
  location: string | null
  noticePeriodDays: number | null
  expectedCtcInr: number | null
  currentCtcInr: number | null
  totalExperienceYears: number | null
}

export interface ApplyDocument {
  fileName: string
  contentType: string
  bytes: Uint8Array
}

export interface ApplyRequest {
  applicationId: number
  title: string
  company: string
  /** the posting (browser) or the address (email) */
  target: string
  applicant: Applicant
  resume: ApplyDocument
  coverLetter: ApplyDocument | null
  /** the decrypted login for platforms that need one */
  session: PlatformSession | null
}

export type ApplyResult =
  | { status: 'submitted'; evidence: Record<string, unknown> }
  /** a captcha, login wall or restriction notice: stop applying for this user on this platform */
  | { status: 'blocked'; blocker: Blocker; detail: string }
  | { status: 'failed'; reason: string }

/** After a crash mid-submit: did the application reach the employer? */
export type VerifyResult = 'applied' | 'not_applied' | 'unknown'

/** One way of applying. Agent 12 picks the channel per job; the rest of the flow is the same. */
export interface ApplyChannel {
  name: 'email' | 'browser'
  submit(request: ApplyRequest): Promise<ApplyResult>
  verify(request: ApplyRequest): Promise<VerifyResult>
}
