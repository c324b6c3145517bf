import { createHmac, randomBytes } from 'node:crypto'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { TEST_SECRETS } from '../../tests/support/test-config.ts'
import type { ActionMetrics } from './metrics.ts'
import type { ResumeFile } from './resumes.ts'

export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * A user's browser talking to Server 1: real HTTP with a Supabase-shaped token, every call timed
 * under its action name. A non-2xx answer throws with the status and body. With `retries`, a
 * refused connection (the server is down) is tried again, as a browser's user would.
 */
export class Server1Client {
  private readonly tokens = new Map<string, string>()

  constructor(
    private readonly baseUrl: () => string,
    private readonly metrics: ActionMetrics,
    private readonly retries = 0,
  ) {}

  private async token(userId: string) {
    let token = this.tokens.get(userId)
    if (!token) {
      token = await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, userId, { expiresIn: '48h' })
      this.tokens.set(userId, token)
    }
    return token
  }

  async call<T>(action: string, userId: string | null, method: string, path: string, body?: BodyInit | object, headers: Record<string, string> = {}): Promise<T> {
    const allHeaders: Record<string, string> = { ...headers }
    if (userId) allHeaders.authorization = `Bearer ${await this.token(userId)}`
    let payload: BodyInit | undefined
    if (body instanceof FormData || typeof body === 'string') payload = body
    else if (body !== undefined) {
      allHeaders['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    return this.metrics.time(action, async () => {
      let res: Response | null = null
      for (let attempt = 0; res === null; attempt++) {
        try {
          res = await fetch(`${this.baseUrl()}${path}`, { method, headers: allHeaders, body: payload, signal: AbortSignal.timeout(60_000) })
          // a 5xx while the database restarts is worth another try too
          if (res.status >= 500 && attempt < this.retries) res = null
        } catch (error) {
          if (attempt >= this.retries) throw error
        }
        if (res === null) await Bun.sleep(500)
      }
      const text = await res.text()
      if (!res.ok) throw new HttpFailure(res.status, `${method} ${path} → ${res.status} ${text.slice(0, 300)}`)
      return (text ? JSON.parse(text) : null) as T
    })
  }

  upload(userId: string, file: ResumeFile) {
    const form = new FormData()
    form.append('file', new File([Buffer.from(file.bytes)], file.name, { type: file.type }))
    return this.call<{ resume_id: string; replaced: boolean }>('upload resume', userId, 'POST', '/api/resume/upload', form)
  }

  /** Razorpay's delivery: the raw body signed with the webhook secret, an event id header. */
  razorpay(body: string, eventId: string) {
    const signature = createHmac('sha256', TEST_SECRETS.RAZORPAY_WEBHOOK_SECRET).update(body).digest('hex')
    return this.call<{ status: string; outcome: string }>('razorpay webhook', null, 'POST', '/api/webhooks/razorpay', body, {
      'content-type': 'application/json',
      'x-razorpay-signature': signature,
      'x-razorpay-event-id': eventId,
    })
  }
}

export const razorpayId = (prefix: string) => `${prefix}_${randomBytes(7).toString('hex')}`
