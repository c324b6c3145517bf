import type { Sql } from '#shared/db/create-sql.ts'

/**
 * A database that looks like a few weeks of use: `others` users with their own scores and
 * notifications (so the indexes do real work), and one dashboard user with 50 scored jobs and
 * their explanations, skill gaps, career intel, 30 applications and 200 notifications.
 */
export async function seedLoadData(sql: Sql, others = 300): Promise<{ userId: string; payerId: string }> {
  const userId = crypto.randomUUID()
  const payerId = crypto.randomUUID()
  await sql`
    INSERT INTO users (id, full_name, tier, target_roles, dashboard_ready, applies_this_week, subscription_started_at, subscription_ends_at)
    VALUES (${userId}, 'Asha Rao', 'pro', ${['Backend Engineer', 'Platform Engineer']}, TRUE, 7, now() - interval '10 days', now() + interval '20 days'),
           (${payerId}, 'Ravi Payer', 'free', '{}', FALSE, 0, NULL, NULL)`
  await sql`INSERT INTO users (id, full_name, dashboard_ready) SELECT gen_random_uuid(), 'User ' || g, TRUE FROM generate_series(1, ${others}) g`
  await sql`
    INSERT INTO jobs (source, external_id, url, title, company, location_text, raw_jd, jd_cleaned)
    SELECT 'naukri', 'load-' || g, 'https://jobs.example/' || g, 'Backend Engineer ' || g, 'Company ' || (g % 97), 'Bengaluru', 'JD text', TRUE
      FROM generate_series(1, 2000) g`
  const explanation = {
    summary: 'Strong match: Go, PostgreSQL and Kubernetes in the last two roles; the team wants AWS.',
    matched_skills: ['Go', 'PostgreSQL', 'Kubernetes', 'gRPC', 'Redis'],
    missing_skills: ['AWS', 'Terraform'],
    components: { title: 0.92, skills: 0.81, experience: 0.9, location: 1, salary: 0.7 },
  }
  // every user gets 50 scores over a sliding window of the jobs
  await sql`
    INSERT INTO fit_scores (user_id, job_id, score, components, explanation)
    SELECT u.id, j.id, 40 + ((j.id * 7 + u.n) % 60), ${sql.json({ title: 0.9, skills: 0.8 })}, ${sql.json(explanation)}
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users) u
      JOIN LATERAL (SELECT id FROM jobs ORDER BY id OFFSET (u.n * 13) % 1950 LIMIT 50) j ON TRUE`
  await sql`
    INSERT INTO job_applications (user_id, job_id, company, title, source, status, auto_status, fit_score, applied_at)
    SELECT ${userId}, f.job_id, 'Company ' || n, 'Backend Engineer', CASE WHEN n % 3 = 0 THEN 'manual' ELSE 'auto' END,
           (ARRAY['applied', 'interview', 'saved', 'rejected'])[1 + n % 4],
           CASE WHEN n % 3 = 0 THEN NULL WHEN n % 4 = 2 THEN 'queued' ELSE 'applied' END, f.score,
           CASE WHEN n % 4 = 2 THEN NULL ELSE now() - (n || ' days')::interval END
      FROM (SELECT job_id, score, row_number() OVER (ORDER BY score DESC) AS n FROM fit_scores WHERE user_id = ${userId}) f
     WHERE n <= 30`
  await sql`
    INSERT INTO user_insights (user_id, kind, data) VALUES
      (${userId}, 'skill_gap', ${sql.json({ missing: [{ skill: 'AWS', demand: 0.62, jobs: 412 }, { skill: 'Terraform', demand: 0.41, jobs: 270 }, { skill: 'Kafka', demand: 0.33, jobs: 190 }], strengths: ['Go', 'PostgreSQL'] })}),
      (${userId}, 'career_intel', ${sql.json({ median_ctc_lpa: 28, p75_ctc_lpa: 36, openings_30d: 1840, top_cities: ['Bengaluru', 'Pune', 'Hyderabad'], trend: 'up' })})`
  await sql`
    INSERT INTO notifications (user_id, kind, title, body, status, created_at)
    SELECT u.id, 'match', 'New match ' || g, 'A Backend Engineer role at Company ' || g || ' scores 8' || (g % 10),
           CASE WHEN g % 3 = 0 THEN 'unread' ELSE 'read' END, now() - (g || ' minutes')::interval
      FROM users u, generate_series(1, 200) g
     WHERE u.id = ${userId} OR u.full_name LIKE 'User 1%'`
  await sql`ANALYZE`
  return { userId, payerId }
}
