import type { Sql } from '#shared/db/create-sql.ts'

/** What the user can do about each failure; the raw error stays in resumes.parse_error for operators. */
function advice(error: string): { title: string; body: string } {
  if (error.includes('no extractable text')) {
    return {
      title: "We couldn't read your resume",
      body:
        'Your resume has no extractable text: it looks like a scanned or image-only PDF. ' +
        'Please upload a PDF saved from Word or Google Docs, a DOCX or a TXT file.',
    }
  }
  return {
    title: "We couldn't process your resume",
    body: 'Something went wrong while reading your resume. Please upload it again; if it keeps failing, try a DOCX or TXT version.',
  }
}

/** Marks the resume failed and tells its owner, once per resume (the dedupe key makes a repeat a no-op). */
export async function notifyResumeParseFailed(sql: Sql, resumeId: string, error: string): Promise<void> {
  await sql.begin(async (tx) => {
    const [resume] = await tx<{ user_id: string }[]>`
      UPDATE resumes SET status = 'failed', parse_error = ${error}
       WHERE id = ${resumeId} AND status <> 'parsed'
      RETURNING user_id`
    if (!resume) return
    const { title, body } = advice(error)
    await tx`
      INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key)
      VALUES (${resume.user_id}, 'resume_parse_failed', ${title}, ${body},
              ${tx.json({ resume_id: resumeId, reason: error })}, ${`resume-parse-failed:${resumeId}`})
      ON CONFLICT (dedupe_key) DO NOTHING`
  })
}
