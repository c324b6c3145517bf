import { afterAll, beforeAll, expect, test } from 'bun:test'
import type { ApplyRequest } from '../../../server3/agents/apply/channels/apply-channel.ts'
import { createBrowserChannel } from '../../../server3/agents/apply/channels/browser-channel.ts'
import { requireChromium } from '../../support/test-machine.ts'
import { type PortalFixture, startPortalFixture } from '../../../scripts/fixtures/portal-fixture.ts'

let portal: PortalFixture
beforeAll(() => {
  requireChromium()
  portal = startPortalFixture()
})
afterAll(() => portal.stop())

const channel = createBrowserChannel({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', timeoutMs: 30_000 })

function request(jobId: string, withCookie = true): ApplyRequest {
  return {
    applicationId: 1,
    title: 'Data Analyst',
    company: 'Acme Analytics',
    target: `${portal.url}/jobs/${jobId}`,
    applicant: {
      userId: 'u',
      fullName: 'Asha Rao',
      email: 'asha@example.in',
      phone: '+919876543210',
      location: 'Bengaluru',
      noticePeriodDays: 30,
      expectedCtcInr: 1_400_000,
      currentCtcInr: 1_000_000,
      totalExperienceYears: 4,
    },
    resume: { fileName: 'Asha_Rao_Resume.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 resume') },
    coverLetter: null,
    session: withCookie ? { cookies: [{ name: portal.cookie.name, value: portal.cookie.value }] } : null,
  }
}

test('fills the easy-apply form from the profile, attaches the resume and confirms from the page', async () => {
  const result = await channel.submit(request('b-1'))
  expect(result).toMatchObject({ status: 'submitted' })
  expect(portal.submissions).toHaveLength(1)
  const [submission] = portal.submissions
  expect(submission?.fields).toMatchObject({ full_name: 'Asha Rao', email: 'asha@example.in', phone: '+919876543210', notice: '30 days', expected_ctc: '14', experience: '4' })
  expect(submission?.file).toMatchObject({ name: 'Asha_Rao_Resume.pdf', type: 'application/pdf', head: '%PDF-1.4' })
  expect(await channel.verify(request('b-1'))).toBe('applied')
  expect(await channel.verify(request('b-2'))).toBe('not_applied')
}, 60_000)

test('a captcha, a restriction notice and a login wall each stop the apply and say which', async () => {
  portal.walls.set('/jobs/b-captcha', 'captcha')
  portal.walls.set('/jobs/b-restricted', 'restricted')
  expect(await channel.submit(request('b-captcha'))).toMatchObject({ status: 'blocked', blocker: 'captcha' })
  expect(await channel.submit(request('b-restricted'))).toMatchObject({ status: 'blocked', blocker: 'restricted' })
  expect(await channel.submit(request('b-3', false))).toMatchObject({ status: 'blocked', blocker: 'login_wall' })
  expect(portal.submissions.filter((s) => s.jobId !== '/jobs/b-1')).toHaveLength(0)
}, 60_000)
