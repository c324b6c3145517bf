/** What the daily coach knows about one user this morning. */
export interface CoachFacts {
  first_name: string | null
  /** best new scores since yesterday's message, highest first */
  new_matches: { title: string; company: string; score: number }[]
  /** auto-applies waiting for the user's approval (review mode) */
  awaiting_approval: number
  /** the top skill gap, when skill-gap has run */
  skill: { name: string; demand_share: number; score_uplift: number } | null
  weekly_quota: number
  applies_this_week: number
  /** consecutive IST days, up to today, with an application or an approve/skip */
  streak_days: number
}

const MATCHES_LISTED = 3

const percent = (share: number): string => `${Math.round(share * 100)}%`

/**
 * The coach's message: short enough for one WhatsApp screen, personal (their matches, their
 * approvals, their gap, their quota), and every line actionable. Plain text with WhatsApp's own
 * *bold* so the same body works in the dashboard and on the phone.
 */
export function composeCoachMessage(facts: CoachFacts): { title: string; body: string } {
  const lines: string[] = [`Good morning${facts.first_name ? `, ${facts.first_name}` : ''}!`]
  const matches = facts.new_matches.slice(0, MATCHES_LISTED)
  if (matches.length > 0) {
    const listed = matches.map((m) => `${m.title} at ${m.company} (${m.score})`).join('; ')
    lines.push(`• *New top matches:* ${listed}${facts.new_matches.length > MATCHES_LISTED ? ` and ${facts.new_matches.length - MATCHES_LISTED} more` : ''}.`)
  } else {
    lines.push('• No new strong matches since yesterday; tonight brings a fresh scrape.')
  }
  if (facts.awaiting_approval > 0) {
    const n = facts.awaiting_approval
    lines.push(`• *${n} application${n === 1 ? ' is' : 's are'} waiting for your approval* — reply "approve all" or review them on your dashboard.`)
  }
  if (facts.skill !== null) {
    const uplift = facts.skill.score_uplift >= 1 ? `; adding it would lift those scores by about ${Math.round(facts.skill.score_uplift)} points` : ''
    lines.push(`• *Skill of the week: ${facts.skill.name}* — asked for in ${percent(facts.skill.demand_share)} of jobs for your roles${uplift}.`)
  }
  const left = Math.max(0, facts.weekly_quota - facts.applies_this_week)
  const streak =
    facts.streak_days > 1 ? ` Streak: ${facts.streak_days} days — keep it going!` : facts.streak_days === 1 ? ' You were active yesterday or today — keep the streak alive.' : ''
  lines.push(`• Applies this week: ${facts.applies_this_week} of ${facts.weekly_quota} used, ${left} left.${streak}`)
  const title = matches.length > 0 ? `${matches.length} new top match${matches.length === 1 ? '' : 'es'} today` : 'Your daily job-search plan'
  return { title, body: lines.join('\n') }
}
