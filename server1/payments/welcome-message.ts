import { dateInIndia } from './date-in-india.ts'

/** The text of the plan notification and the WhatsApp welcome (phone-sized: short lines). */
export function welcomeMessage(plan: { name: string; weekly_apply_quota: number }, endsAt: Date, upgraded: boolean): string {
  const until = dateInIndia(endsAt)
  if (!upgraded) return `Your Talvix ${plan.name} plan is renewed until ${until}.`
  return [
    `Welcome to Talvix ${plan.name}! 🎉`,
    `Your plan is active until ${until}: up to ${plan.weekly_apply_quota} auto-applies a week.`,
    'Reply HELP to see what I can do here.',
  ].join('\n')
}
