import type { Sql } from '#shared/db/create-sql.ts'
import type { JobBoards } from './job-boards.ts'

/**
 * What employers received, copied into the database so the "never applied twice" invariant is
 * SQL over the final state: each mail the SMTP fixture accepted (its Message-ID names the
 * application) and each form the portal fixture received (posting path + applicant email).
 */
export async function recordEmployerInbox(sql: Sql, boards: JobBoards): Promise<void> {
  await sql`
    CREATE TABLE IF NOT EXISTS sim_employer_inbox (
      id              bigserial PRIMARY KEY,
      channel         text NOT NULL CHECK (channel IN ('email', 'browser')),
      application_id  bigint,
      posting_url     text,
      applicant       text)`
  await sql`TRUNCATE sim_employer_inbox`
  const rows = [
    ...boards.smtp.messages.map((mail) => ({
      channel: 'email',
      application_id: /talvix-apply-(\d+)@/.exec(mail.raw)?.[1] ?? null,
      posting_url: null,
      applicant: null,
    })),
    ...boards.portal.submissions.map((submission) => ({
      channel: 'browser',
      application_id: null,
      posting_url: `${boards.portal.url}${submission.jobId}`,
      applicant: submission.fields.email ?? null,
    })),
  ]
  for (let i = 0; i < rows.length; i += 1000) await sql`INSERT INTO sim_employer_inbox ${sql(rows.slice(i, i + 1000))}`
}
