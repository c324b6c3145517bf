/**
 * What a platform shows instead of the page we asked for. Shared by the session probe (HTTP)
 * and the browser apply (rendered page): both must stop on the same walls.
 */
export type Blocker = 'captcha' | 'login_wall' | 'restricted'

const LOGIN_URL = /\/(login|signin|sign-in|authwall|uas\/login|nlogin|account\/login|auth)(\/|\?|$)/i
const CHALLENGE_URL = /\/(checkpoint|challenge|captcha)(\/|\?|$)/i
const CAPTCHA_TEXT = /verify (that )?you are (a )?human|are you a robot|security check|complete the captcha|i'?m not a robot/i
const CAPTCHA_MARKUP = /g-recaptcha|h-captcha|hcaptcha\.com|recaptcha\/api|cf-turnstile|id=["']captcha/i
const RESTRICTED_TEXT = /account (has been |is )?(temporarily )?(restricted|suspended|limited)|unusual activity|too many (requests|applications)|temporarily blocked/i
const PASSWORD_INPUT = /<input[^>]+type=["']?password/i

/** From a URL alone: a redirect to a login or challenge page. */
export function blockerFromUrl(url: string): Blocker | null {
  const path = (() => {
    try {
      return new URL(url).pathname
    } catch {
      return url
    }
  })()
  if (CHALLENGE_URL.test(path)) return 'captcha'
  if (LOGIN_URL.test(path)) return 'login_wall'
  return null
}

/** From a page's HTML and visible text. Restriction first: a restricted account may also be shown a login form. */
export function blockerFromPage(html: string, text: string): Blocker | null {
  if (RESTRICTED_TEXT.test(text)) return 'restricted'
  if (CAPTCHA_MARKUP.test(html) || CAPTCHA_TEXT.test(text)) return 'captcha'
  if (PASSWORD_INPUT.test(html)) return 'login_wall'
  return null
}

export function describeBlocker(blocker: Blocker, platform: string): string {
  switch (blocker) {
    case 'captcha':
      return `${platform} asked for a captcha`
    case 'login_wall':
      return `${platform} asked to log in again`
    case 'restricted':
      return `${platform} shows an account restriction notice`
  }
}
