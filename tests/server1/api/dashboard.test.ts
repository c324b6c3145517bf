import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { type ApiKit, expectError, startApiKit } from './api-test-kit.ts'

let kit: ApiKit
beforeAll(async () => {
  kit = await startApiKit()
})
afterAll(() => kit.stop())

async function scoredJob(userId: string, score: number, title: string): Promise<number> {
  const [job] = await kit.sql<{ id: string }[]>`
    INSERT INTO jobs (source, external_id, url, title, company, location_text, raw_jd)
    VALUES ('lever', ${crypto.randomUUID()}, 'https://jobs.example.test/1', ${title}, 'Acme', 'Bengaluru', 'JD') RETURNING id`
  const jobId = Number(job?.id)
  const explanation = { matched_skills: ['TypeScript'], missing_skills: ['AWS'], summary: `${title}: strong match` }
  await kit.sql`
    INSERT INTO fit_scores (user_id, job_id, score, components, explanation)
    VALUES (${userId}, ${jobId}, ${score}, ${kit.sql.json({ title: 0.9 })}, ${kit.sql.json(explanation)})`
  return jobId
}

describe('GET /api/dashboard', () => {
  test('a brand-new user: empty but complete, free plan quota', async () => {
    const { token } = await kit.signIn()
    const res = await kit.call('GET', '/api/dashboard', { token })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      dashboard_ready: false,
      fit_scores_stale: false,
      target_roles: [],
      resume: null,
      top_matches: [],
      skill_gaps: null,
      career_intel: null,
      applications: { total: 0, by_status: {}, queued_for_review: 0, applied_this_week: 0 },
      plan: {
        id: 'free',
        name: 'Free',
        weekly_apply_quota: 5,
        quota_left: 5,
        review_mode_forced: true,
        subscription_started_at: null,
        subscription_ends_at: null,
        downgrade_at_period_end: false,
      },
      unread_notifications: 0,
    })
  })

  test('a ready user: top matches with reasons, insights, applications summary, plan and quota left', async () => {
    const { userId, token } = await kit.signIn()
    const other = await kit.signIn()
    await kit.sql`
      UPDATE users SET tier = 'pro', applies_this_week = 12, dashboard_ready = TRUE, target_roles = ${['Backend Engineer']}
       WHERE id = ${userId}`
    await kit.sql`
      INSERT INTO resumes (user_id, storage_path, file_name, mime_type, size_bytes, sha256, status)
      VALUES (${userId}, 'resumes/x/y.pdf', 'cv.pdf', 'application/pdf', 100, 'abc', 'parsed')`
    const scores = [91, 45, 78, 88, 60, 99, 70, 52, 83, 66, 74, 95]
    const jobs = new Map<number, number>()
    for (const [i, score] of scores.entries()) jobs.set(score, await scoredJob(userId, score, `Job ${i}`))
    await scoredJob(other.userId, 100, 'Not yours')
    await kit.sql`
      INSERT INTO job_applications (user_id, job_id, company, title, source, status, auto_status, fit_score)
      VALUES (${userId}, ${jobs.get(95) ?? 0}, 'Acme', 'Job 11', 'auto', 'saved', 'queued', 95)`
    await kit.sql`
      INSERT INTO job_applications (user_id, job_url, company, title, source, status, applied_at)
      VALUES (${userId}, 'https://x.example/a', 'A', 'T', 'manual', 'applied', now()),
             (${userId}, 'https://x.example/b', 'B', 'T', 'manual', 'interview', now() - interval '30 days')`
    await kit.sql`
      INSERT INTO user_insights (user_id, kind, data) VALUES
        (${userId}, 'skill_gap', ${kit.sql.json({ missing: ['AWS', 'Kafka'] })}),
        (${userId}, 'career_intel', ${kit.sql.json({ median_ctc_lpa: 24 })}),
        (${userId}, 'coach', ${kit.sql.json({ tip: 'not on the dashboard' })})`
    await kit.sql`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 't', 'a', 'b'), (${userId}, 't', 'c', 'd')`

    const res = await kit.call('GET', '/api/dashboard', { token })
    expect(res.status).toBe(200)
    const dashboard = (await res.json()) as {
      top_matches: { score: number; explanation: { summary: string }; application: { auto_status: string } | null }[]
      [key: string]: unknown
    }
    expect(dashboard.top_matches.map((m) => m.score)).toEqual([99, 95, 91, 88, 83, 78, 74, 70, 66, 60])
    expect(dashboard.top_matches[0]?.explanation.summary).toContain('strong match')
    expect(dashboard.top_matches[1]?.application).toMatchObject({ auto_status: 'queued' })
    expect(dashboard).toMatchObject({
      dashboard_ready: true,
      target_roles: ['Backend Engineer'],
      resume: { status: 'parsed', file_name: 'cv.pdf' },
      skill_gaps: { data: { missing: ['AWS', 'Kafka'] } },
      career_intel: { data: { median_ctc_lpa: 24 } },
      applications: { total: 3, by_status: { saved: 1, applied: 1, interview: 1 }, queued_for_review: 1, applied_this_week: 1 },
      plan: { id: 'pro', weekly_apply_quota: 50, quota_left: 38, review_mode_forced: false },
      unread_notifications: 2,
    })
  })

  test('timestamps are ISO 8601 UTC strings of the stored instants', async () => {
    const { userId, token } = await kit.signIn()
    await kit.sql`UPDATE users SET tier = 'pro', subscription_started_at = '2026-11-03 10:15:30.25+05:30' WHERE id = ${userId}`
    const jobId = await scoredJob(userId, 80, 'Dated job')
    const [stored] = await kit.sql<{ scored_at: Date }[]>`SELECT scored_at FROM fit_scores WHERE user_id = ${userId} AND job_id = ${jobId}`
    const dashboard = (await (await kit.call('GET', '/api/dashboard', { token })).json()) as {
      top_matches: { scored_at: unknown }[]
      plan: { subscription_started_at: unknown }
    }
    expect(dashboard.plan.subscription_started_at).toBe('2026-11-03T04:45:30.250Z')
    expect(dashboard.top_matches[0]?.scored_at).toBe(stored!.scored_at.toISOString())
  })

  test('quota left never goes below zero', async () => {
    const { userId, token } = await kit.signIn()
    await kit.sql`UPDATE users SET applies_this_week = 9 WHERE id = ${userId}`
    const dashboard = (await (await kit.call('GET', '/api/dashboard', { token })).json()) as { plan: { quota_left: number } }
    expect(dashboard.plan.quota_left).toBe(0)
  })

  test('unauthenticated → 401, nothing written', async () => {
    await kit.expectNoChange(async () => expectError(await kit.call('GET', '/api/dashboard'), 401))
  })
})

describe('effective plan', () => {
  test('a paid tier whose period ended shows as the free plan', async () => {
    const { userId, token } = await kit.signIn()
    await kit.sql`UPDATE users SET tier = 'premium', subscription_ends_at = now() - interval '1 day' WHERE id = ${userId}`
    const dashboard = (await (await kit.call('GET', '/api/dashboard', { token })).json()) as { plan: { id: string; weekly_apply_quota: number } }
    expect(dashboard.plan).toMatchObject({ id: 'free', weekly_apply_quota: 5 })
    const profile = (await (await kit.call('GET', '/api/user/profile', { token })).json()) as { tier: string }
    expect(profile.tier).toBe('free')
  })
})
