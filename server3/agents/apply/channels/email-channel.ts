import nodemailer from 'nodemailer'
import type { ApplyChannel, ApplyRequest } from './apply-channel.ts'

export interface EmailChannelOptions {
  smtpUrl: string
  from: string
}

function body(request: ApplyRequest): string {
  const a = request.applicant
  const facts = [
    a.totalExperienceYears !== null ? `Experience: ${a.totalExperienceYears} years` : null,
    a.noticePeriodDays !== null ? `Notice period: ${a.noticePeriodDays === 0 ? 'immediate' : `${a.noticePeriodDays} days`}` : null,
    a.expectedCtcInr !== null ? `Expected CTC: ₹${(a.expectedCtcInr / 100_000).toFixed(1)} LPA` : null,
    a.location ? `Location: ${a.location}` : null,
    a.phone ? `Phone: ${a.phone}` : null,
  ].filter(Boolean)
  return [
    `Dear Hiring Team,`,
    ``,
    `I would like to apply for the ${request.title} role at ${request.company}. My resume${request.coverLetter ? ' and cover letter are' : ' is'} attached.`,
    ``,
    ...facts,
    ``,
    `Regards,`,
    a.fullName,
  ].join('\n')
}

/**
 * Email apply, for postings that say "send your CV to …": the resume (tailored when there is
 * one) and the cover letter as attachments, sent as the job seeker (Reply-To) through our SMTP.
 * The Message-ID is fixed per application, so a mail server that deduplicates sees one message.
 */
export function createEmailChannel(options: EmailChannelOptions): ApplyChannel {
  const transport = nodemailer.createTransport(options.smtpUrl)
  return {
    name: 'email',
    async submit(request) {
      const a = request.applicant
      const messageId = `<talvix-apply-${request.applicationId}@talvix.app>`
      const attachments = [request.resume, ...(request.coverLetter ? [request.coverLetter] : [])].map((doc) => ({
        filename: doc.fileName,
        content: Buffer.from(doc.bytes),
        contentType: doc.contentType,
      }))
      try {
        const info = await transport.sendMail({
          from: { name: `${a.fullName} via Talvix`, address: options.from },
          replyTo: a.email ?? undefined,
          to: request.target,
          subject: `Application for ${request.title} - ${a.fullName}`,
          text: body(request),
          messageId,
          attachments,
        })
        if (info.rejected.length > 0 || info.accepted.length === 0) {
          return { status: 'failed', reason: `mail server refused ${request.target}` }
        }
        return { status: 'submitted', evidence: { message_id: messageId, response: info.response } }
      } catch (error) {
        return { status: 'failed', reason: `email not sent: ${error instanceof Error ? error.message : String(error)}` }
      }
    },
    // SMTP cannot be asked what it delivered; an interrupted send is reported, never resent.
    async verify() {
      return 'unknown'
    },
  }
}
