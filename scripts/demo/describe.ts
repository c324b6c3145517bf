/** How the demo prints what Server 1 answered: the shapes a frontend would render, as text. */

export interface Match {
  title: string
  company: string
  location: string | null
  score: number
  explanation: { summary?: unknown }
}

export interface Insight {
  data: Record<string, unknown>
}

export interface ApplicationView {
  id: number
  title: string
  company: string
  fit_score: number | null
  status: string
  auto_status: string | null
  failure_reason: string | null
  applied_at: string | null
}

const pct = (share: unknown) => `${Math.round(Number(share) * 100)}%`
const names = (ranked: unknown, max = 5) =>
  Array.isArray(ranked) ? ranked.slice(0, max).map((r: { name?: unknown; jobs?: unknown }) => `${String(r.name)} (${String(r.jobs)})`).join(', ') : '-'

export function describeMatches(matches: Match[]): string[] {
  return matches.flatMap((m) => [
    `  ${String(m.score).padStart(3)}  ${m.title} · ${m.company} · ${m.location ?? 'location not given'}`,
    `       ${typeof m.explanation.summary === 'string' ? m.explanation.summary : '(no explanation)'}`,
  ])
}

export function describeSkillGaps(insight: Insight | null): string[] {
  const gaps = insight?.data.gaps
  if (!Array.isArray(gaps) || gaps.length === 0) return [`  (none: ${String(insight?.data.status ?? 'not computed')})`]
  return [
    `  from ${String(insight?.data.jobs_analyzed)} jobs in your target roles:`,
    ...gaps
      .slice(0, 5)
      .map((g: { name?: unknown; demand_share?: unknown; score_uplift?: unknown }) =>
        `  - ${String(g.name)}: asked by ${pct(g.demand_share)} of them, +${String(g.score_uplift)} points on your fit score`,
      ),
  ]
}

export function describeCareerIntel(insight: Insight | null): string[] {
  const d = insight?.data
  if (!d || d.status !== 'ok') return [`  (none: ${String(d?.status ?? 'not computed')})`]
  const salary = d.salary_lpa as { p25: number; median: number; p75: number; sample: number } | null
  return [
    `  ${String(d.job_count)} open jobs for ${(d.target_roles as string[]).join(', ')}; trend ${String(d.trend)}${d.trend_pct === null ? '' : ` (${String(d.trend_pct)}% week on week)`}`,
    salary ? `  pay: median ₹${salary.median} LPA (₹${salary.p25}–${salary.p75} LPA, ${salary.sample} postings that state it)` : '  pay: no posting states it',
    `  top companies: ${names(d.top_companies)}`,
    `  top cities: ${names(d.top_cities)}; remote: ${pct(d.remote_share)}`,
    `  most asked skills: ${names(d.top_skills, 6)}`,
  ]
}

export function describeApplication(a: ApplicationView): string {
  const state = a.auto_status ? `${a.status} / ${a.auto_status}` : a.status
  const detail = a.failure_reason ? ` — ${a.failure_reason}` : a.applied_at ? ` at ${a.applied_at}` : ''
  return `  #${a.id}  fit ${a.fit_score ?? '-'}  ${a.title} · ${a.company}: ${state}${detail}`
}

/** The headers an employer sees first, and the attachments, from a raw RFC 822 message. */
export function describeMail(raw: string): string[] {
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '-'
  const attachments = [...raw.matchAll(/filename="?([^";\r\n]+)"?/gi)].map((m) => m[1])
  return [`  To: ${header('To')}`, `  From: ${header('From')}`, `  Subject: ${header('Subject')}`, `  Attachments: ${attachments.join(', ') || 'none'}`]
}
