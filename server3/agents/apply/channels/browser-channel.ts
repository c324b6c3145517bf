import { chromium, type Page } from 'playwright-core'
import type { PlatformSession } from '#shared/vault/platform-session.ts'
import { blockerFromPage, blockerFromUrl } from '../../../sessions/page-blockers.ts'
import type { ApplyChannel, ApplyRequest, ApplyResult, VerifyResult } from './apply-channel.ts'
import { answerField, chooseOption, type FieldInfo } from './answer-field.ts'

export interface BrowserChannelOptions {
  executablePath: string
  timeoutMs: number
}

/** Debian's Chromium, headless, with nothing that phones home or keeps state between applies. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const APPLIED_TEXT = /you('ve| have)? applied|application (was |has been )?(submitted|received|sent)|thank(s| you) for (applying|your application)|already applied/i
const APPLY_BUTTON = /^\s*(easy apply|apply now|apply|apply for this job|apply on company site)\s*$/i
const SUBMIT_BUTTON = /submit|send application|apply/i

/** Session cookies in the shape Playwright accepts; a cookie without a domain belongs to the posting's host. */
function cookiesFor(session: PlatformSession, url: string) {
  return session.cookies.map((cookie) => ({
    name: cookie.name,
    value: cookie.value,
    ...(cookie.domain ? { domain: cookie.domain, path: cookie.path ?? '/' } : { url }),
    ...(cookie.expires !== undefined && cookie.expires > 0 ? { expires: cookie.expires } : {}),
    httpOnly: cookie.httpOnly ?? false,
    secure: cookie.secure ?? false,
    ...(cookie.sameSite ? { sameSite: cookie.sameSite } : {}),
  }))
}

async function pageState(page: Page): Promise<{ blocker: ReturnType<typeof blockerFromPage>; applied: boolean; text: string }> {
  const html = await page.content()
  const text = await page.evaluate(() => document.body?.innerText ?? '')
  const blocker = blockerFromUrl(page.url()) ?? blockerFromPage(html, text)
  return { blocker, applied: APPLIED_TEXT.test(text), text }
}

/**
 * Marks every fillable control inside the page's application form with an index and describes
 * it; the label comes from <label for>, a wrapping <label>, aria-label, placeholder or name.
 */
async function describeForm(page: Page): Promise<FieldInfo[] | null> {
  return page.evaluate(() => {
    // A hidden form (behind an "Easy Apply" button) cannot be filled yet.
    const forms = [...document.querySelectorAll('form')].filter((f) => f.checkVisibility() && f.querySelector('input[type=file], textarea, select, input'))
    const form = forms.find((f) => f.querySelector('input[type=file]')) ?? forms.find((f) => !f.querySelector('input[type=password]'))
    if (!form) return null
    const controls = [...form.querySelectorAll('input, textarea, select')] as (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[]
    const fields: FieldInfo[] = []
    for (const control of controls) {
      const type = control instanceof HTMLInputElement ? control.type : control.tagName.toLowerCase()
      if (['hidden', 'submit', 'button', 'reset', 'image', 'password'].includes(type)) continue
      const byFor = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent : null
      const label = (byFor ?? control.closest('label')?.textContent ?? control.getAttribute('aria-label') ?? control.getAttribute('placeholder') ?? control.name ?? '')
        .replace(/\s+/g, ' ')
        .trim()
      control.setAttribute('data-talvix-field', String(fields.length))
      const kind = ['text', 'email', 'tel', 'number', 'file', 'checkbox', 'radio', 'textarea', 'select'].includes(type) ? type : type === 'search' || type === 'url' ? 'text' : 'other'
      fields.push({
        label,
        kind: kind as FieldInfo['kind'],
        required: control.required || control.getAttribute('aria-required') === 'true',
        options: control instanceof HTMLSelectElement ? [...control.options].filter((o) => o.value !== '').map((o) => o.textContent?.trim() ?? '') : [],
      })
    }
    form.setAttribute('data-talvix-form', '1')
    return fields
  })
}

async function openForm(page: Page): Promise<FieldInfo[] | null> {
  const fields = await describeForm(page)
  if (fields) return fields
  const button = page.getByRole('button', { name: APPLY_BUTTON }).or(page.getByRole('link', { name: APPLY_BUTTON })).first()
  if ((await button.count()) === 0) return null
  await button.click()
  await page.waitForLoadState('domcontentloaded')
  await page.waitForSelector('form', { timeout: 5_000 }).catch(() => null)
  return describeForm(page)
}

async function fillForm(page: Page, fields: FieldInfo[], request: ApplyRequest): Promise<string | null> {
  const letterText = request.coverLetter && request.coverLetter.contentType.startsWith('text/') ? new TextDecoder().decode(request.coverLetter.bytes) : null
  for (const [index, field] of fields.entries()) {
    const control = page.locator(`[data-talvix-field="${index}"]`)
    const answer = answerField(field, request.applicant, letterText)
    if (!answer) {
      if (field.required) return `cannot answer the required question "${field.label || field.kind}"`
      continue
    }
    if ('file' in answer) {
      const doc = answer.file === 'cover_letter' ? request.coverLetter : request.resume
      if (!doc) {
        if (field.required) return `the form requires a ${answer.file.replace('_', ' ')} and there is none`
        continue
      }
      await control.setInputFiles({ name: doc.fileName, mimeType: doc.contentType, buffer: Buffer.from(doc.bytes) })
    } else if ('check' in answer) {
      await control.check()
    } else if (field.kind === 'select') {
      const option = chooseOption(field.options, answer.text)
      if (!option) {
        if (field.required) return `no option of "${field.label}" fits ${answer.text}`
        continue
      }
      await control.selectOption({ label: option })
    } else {
      await control.fill(answer.text)
    }
  }
  return null
}

/**
 * Browser apply with playwright-core driving Debian's Chromium: a fresh profile per apply, the
 * user's platform cookies from the vault, the posting opened, the form filled from the profile
 * (resume attached, screening questions answered), submitted, and success read from the page.
 * A captcha, login wall or restriction notice stops at once and says which.
 */
export function createBrowserChannel(options: BrowserChannelOptions): ApplyChannel {
  async function withPage<T>(request: ApplyRequest, fn: (page: Page) => Promise<T>): Promise<T> {
    // A plain launch gets a fresh temporary user-data dir from Playwright, deleted on close: no
    // state survives between applies or users (and it starts several seconds faster than a
    // persistent context on a new profile).
    const browser = await chromium.launch({
      executablePath: options.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: options.timeoutMs,
    })
    try {
      const context = await browser.newContext()
      if (request.session) await context.addCookies(cookiesFor(request.session, request.target))
      const page = await context.newPage()
      page.setDefaultTimeout(Math.min(15_000, options.timeoutMs))
      await page.goto(request.target, { waitUntil: 'domcontentloaded', timeout: options.timeoutMs })
      return await fn(page)
    } finally {
      await browser.close().catch(() => {})
    }
  }

  async function submit(request: ApplyRequest): Promise<ApplyResult> {
    try {
      return await withPage(request, async (page) => {
        const before = await pageState(page)
        if (before.blocker) return { status: 'blocked', blocker: before.blocker, detail: `on opening ${new URL(page.url()).pathname}` }
        if (before.applied) return { status: 'submitted', evidence: { already_applied: true, url: page.url() } }
        const fields = await openForm(page)
        if (!fields) {
          const after = await pageState(page)
          if (after.blocker) return { status: 'blocked', blocker: after.blocker, detail: 'instead of the application form' }
          return { status: 'failed', reason: 'no application form on the posting' }
        }
        const unanswered = await fillForm(page, fields, request)
        if (unanswered) return { status: 'failed', reason: unanswered }
        const form = page.locator('form[data-talvix-form="1"]')
        const button = form.getByRole('button', { name: SUBMIT_BUTTON }).or(form.locator('input[type=submit]')).first()
        await Promise.all([page.waitForLoadState('domcontentloaded'), button.click()])
        await page
          .waitForFunction((source) => new RegExp(source, 'i').test(document.body?.innerText ?? ''), APPLIED_TEXT.source, { timeout: 10_000 })
          .catch(() => null)
        const after = await pageState(page)
        if (after.blocker) return { status: 'blocked', blocker: after.blocker, detail: 'after submitting' }
        if (!after.applied) return { status: 'failed', reason: 'the portal did not confirm the application' }
        return { status: 'submitted', evidence: { url: page.url(), confirmation: after.text.match(APPLIED_TEXT)?.[0] ?? '' } }
      })
    } catch (error) {
      return { status: 'failed', reason: `browser apply failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }
    }
  }

  async function verify(request: ApplyRequest): Promise<VerifyResult> {
    try {
      return await withPage(request, async (page) => {
        const state = await pageState(page)
        if (state.blocker) return 'unknown'
        if (state.applied) return 'applied'
        return (await describeForm(page)) ||
          (await page.getByRole('button', { name: APPLY_BUTTON }).or(page.getByRole('link', { name: APPLY_BUTTON })).count()) > 0
          ? 'not_applied'
          : 'unknown'
      })
    } catch {
      return 'unknown'
    }
  }

  return { name: 'browser', submit, verify }
}
