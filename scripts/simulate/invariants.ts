import type { Sql } from '#shared/db/create-sql.ts'

export interface InvariantResult {
  name: string
  pass: boolean
  /** what was counted, so a FAIL says where to look */
  detail: string
}

type Check = (sql: Sql, ctx: { dailyCaps: string }) => Promise<{ violations: number; detail: string; vacuous?: boolean }>

const count = async (sql: Sql, query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0)

/**
 * The whole-system invariants of issue 8, each a SQL count of violations over the final state
 * (plus the harness's record of what it sent: sim_payments_sent, sim_wa_deliveries,
 * sim_employer_inbox). A check whose population is empty where the day must have produced one
 * fails too: "nothing happened" is not a pass.
 */
export const INVARIANTS: Record<string, Check> = {
  async every_scraped_job_cleaned_and_scored(sql) {
    const [row] = await sql<{ scraped: number; uncleaned: number; unscored: number }[]>`
      SELECT count(*)::int AS scraped,
             count(*) FILTER (WHERE NOT j.jd_cleaned)::int AS uncleaned,
             count(*) FILTER (WHERE NOT coalesce(r.scoring_complete, false) OR NOT EXISTS (
               SELECT 1 FROM agent_runs a WHERE a.idempotency_key = 'fit-score:delta:' || j.scrape_run_id AND a.status = 'succeeded'))::int AS unscored
        FROM jobs j LEFT JOIN scrape_runs r ON r.id = j.scrape_run_id
       WHERE j.scrape_run_id IS NOT NULL`
    const { scraped = 0, uncleaned = 0, unscored = 0 } = row ?? {}
    return { violations: uncleaned + unscored, detail: `${scraped} scraped, ${uncleaned} not cleaned, ${unscored} in a run without a succeeded delta scoring`, vacuous: scraped === 0 }
  },

  async no_user_left_stale(sql) {
    const stale = await count(sql, sql`SELECT count(*)::int AS n FROM users WHERE fit_scores_stale`)
    const users = await count(sql, sql`SELECT count(*)::int AS n FROM users`)
    return { violations: stale, detail: `${stale} of ${users} users still flagged stale` }
  },

  async one_ready_notification_per_ready_user(sql) {
    const [row] = await sql<{ ready: number; wrong: number; unready_parsed: number }[]>`
      SELECT count(*) FILTER (WHERE u.dashboard_ready)::int AS ready,
             count(*) FILTER (WHERE (SELECT count(*) FROM notifications n WHERE n.user_id = u.id AND n.kind = 'dashboard_ready')
                                    <> (CASE WHEN u.dashboard_ready THEN 1 ELSE 0 END))::int AS wrong,
             count(*) FILTER (WHERE NOT u.dashboard_ready
                                AND EXISTS (SELECT 1 FROM resumes r WHERE r.user_id = u.id AND r.status = 'parsed'))::int AS unready_parsed
        FROM users u`
    const { ready = 0, wrong = 0, unready_parsed: unready = 0 } = row ?? {}
    return {
      violations: wrong + unready,
      detail: `${ready} ready; ${wrong} users with a ready-notification count other than their flag; ${unready} with a parsed resume but no dashboard`,
      vacuous: ready === 0,
    }
  },

  async no_application_duplicated(sql) {
    const [row] = await sql<{ apps: number; same_job: number; same_opening: number; sent_twice: number; received_twice: number; applied_not_received: number }[]>`
      SELECT (SELECT count(*)::int FROM job_applications) AS apps,
             (SELECT count(*)::int FROM (SELECT 1 FROM job_applications WHERE job_id IS NOT NULL GROUP BY user_id, job_id HAVING count(*) > 1) d) AS same_job,
             (SELECT count(*)::int FROM job_applications a JOIN jobs j ON j.id = a.job_id JOIN job_applications b ON b.user_id = a.user_id AND b.id <> a.id
               WHERE b.job_id = j.duplicate_of OR (a.source = 'auto' AND b.source = 'auto' AND b.dedupe_key = a.dedupe_key)) AS same_opening,
             (SELECT count(*)::int FROM (SELECT 1 FROM apply_attempts WHERE status IN ('submitted', 'recorded', 'uncertain')
                                          GROUP BY application_id HAVING count(*) > 1) d) AS sent_twice,
             (SELECT count(*)::int FROM (SELECT 1 FROM sim_employer_inbox GROUP BY channel, application_id, posting_url, applicant HAVING count(*) > 1) d) AS received_twice,
             (SELECT count(*)::int FROM job_applications a JOIN apply_attempts t ON t.application_id = a.id AND t.status = 'recorded'
               WHERE a.auto_status = 'applied' AND NOT EXISTS (
                 SELECT 1 FROM sim_employer_inbox e
                  WHERE (t.channel = 'email' AND e.channel = 'email' AND e.application_id = a.id)
                     OR (t.channel = 'browser' AND e.channel = 'browser' AND e.posting_url = t.target))) AS applied_not_received`
    const r = row ?? { apps: 0, same_job: 0, same_opening: 0, sent_twice: 0, received_twice: 0, applied_not_received: 0 }
    return {
      violations: r.same_job + r.same_opening + r.sent_twice + r.received_twice + r.applied_not_received,
      detail: `${r.apps} applications; duplicates: ${r.same_job} same job, ${r.same_opening} same opening, ${r.sent_twice} sent twice, ${r.received_twice} received twice by an employer; ${r.applied_not_received} marked applied but never received`,
      vacuous: r.apps === 0,
    }
  },

  async no_application_for_invalid_session(sql) {
    const [row] = await sql<{ invalid: number; created: number; attempted: number }[]>`
      SELECT (SELECT count(*)::int FROM user_connections WHERE NOT is_valid) AS invalid,
             (SELECT count(*)::int FROM job_applications a JOIN user_connections c ON c.user_id = a.user_id
               WHERE a.source = 'auto' AND NOT c.is_valid AND a.created_at > c.invalidated_at) AS created,
             (SELECT count(*)::int FROM apply_attempts t JOIN user_connections c ON c.user_id = t.user_id
               WHERE NOT c.is_valid AND t.started_at > c.invalidated_at) AS attempted`
    const r = row ?? { invalid: 0, created: 0, attempted: 0 }
    return {
      violations: r.created + r.attempted,
      detail: `${r.invalid} invalid sessions; ${r.created} auto applications created and ${r.attempted} applies attempted after the invalidation`,
      vacuous: r.invalid === 0,
    }
  },

  async review_queue_waits_unless_approved(sql) {
    const [row] = await sql<{ reviewed: number; moved: number }[]>`
      WITH review_users AS (
        SELECT u.id FROM users u JOIN plans p ON p.id = u.tier
         WHERE p.review_mode_forced OR u.review_mode_until > now())
      SELECT count(*)::int AS reviewed,
             count(*) FILTER (WHERE a.auto_status <> 'queued' AND NOT EXISTS (
               SELECT 1 FROM signals s WHERE s.application_id = a.id AND s.kind IN ('approved', 'skipped')))::int AS moved
        FROM job_applications a JOIN review_users r ON r.id = a.user_id
       WHERE a.source = 'auto'`
    const r = row ?? { reviewed: 0, moved: 0 }
    return { violations: r.moved, detail: `${r.reviewed} auto applications of review-mode users; ${r.moved} left the queue without the user's approval`, vacuous: r.reviewed === 0 }
  },

  async quotas_never_exceeded(sql, { dailyCaps }) {
    const caps = dailyCaps.split(',').map((entry) => entry.split(':'))
    const platforms = caps.map(([platform]) => platform ?? '')
    const limits = caps.map(([, cap]) => Number(cap))
    const [row] = await sql<{ weekly: number; attempts_over: number; daily_over: number }[]>`
      WITH caps AS (SELECT * FROM unnest(${platforms}::text[], ${limits}::int[]) AS c (platform, cap))
      SELECT (SELECT count(*)::int FROM users u JOIN plans p ON p.id = u.tier WHERE u.applies_this_week > p.weekly_apply_quota) AS weekly,
             (SELECT count(*)::int FROM users u JOIN plans p ON p.id = u.tier
               WHERE (SELECT count(*) FROM apply_attempts t WHERE t.user_id = u.id AND t.status IN ('submitted', 'recorded', 'uncertain', 'started'))
                     > p.weekly_apply_quota) AS attempts_over,
             (SELECT count(*)::int FROM (
                SELECT t.user_id, t.platform, (t.started_at AT TIME ZONE 'Asia/Kolkata')::date, count(*) AS n
                  FROM apply_attempts t WHERE t.status <> 'abandoned'
                 GROUP BY 1, 2, 3) d
               WHERE d.n > coalesce((SELECT cap FROM caps WHERE caps.platform = d.platform), (SELECT cap FROM caps WHERE caps.platform = 'default'))) AS daily_over`
    const r = row ?? { weekly: 0, attempts_over: 0, daily_over: 0 }
    const applies = await count(sql, sql`SELECT count(*)::int AS n FROM apply_attempts WHERE status = 'recorded'`)
    return {
      violations: r.weekly + r.attempts_over + r.daily_over,
      detail: `${applies} applies sent; users over the weekly quota: ${r.weekly} by counter, ${r.attempts_over} by attempts; ${r.daily_over} user-platform-days over the daily cap`,
      vacuous: applies === 0,
    }
  },

  async every_whatsapp_reply_sent_once(sql) {
    const [row] = await sql<{ inbound: number; unanswered: number; undelivered: number; extra_deliveries: number; stuck: number; resends: number }[]>`
      SELECT (SELECT count(*)::int FROM wa_messages WHERE direction = 'in') AS inbound,
             (SELECT count(*)::int FROM wa_messages i WHERE i.direction = 'in' AND i.outcome NOT LIKE 'rejected:%'
                AND (SELECT count(*) FROM wa_messages o WHERE o.direction = 'out' AND o.dedupe_key = 'reply:' || i.message_id) <> 1) AS unanswered,
             (SELECT count(*)::int FROM wa_messages o WHERE o.direction = 'out' AND o.status = 'sent'
                AND (SELECT count(*) FROM sim_wa_deliveries d WHERE d.wa_id = o.message_id) <> 1) AS undelivered,
             (SELECT count(*)::int FROM sim_wa_deliveries d
               WHERE NOT EXISTS (SELECT 1 FROM wa_messages o WHERE o.direction = 'out' AND o.status = 'sent' AND o.message_id = d.wa_id)) AS extra_deliveries,
             (SELECT count(*)::int FROM wa_messages WHERE direction = 'out' AND status IN ('pending', 'failed')) AS stuck,
             (SELECT coalesce(sum(resends), 0)::int FROM sim_wa_deliveries) AS resends`
    const r = row ?? { inbound: 0, unanswered: 0, undelivered: 0, extra_deliveries: 0, stuck: 0, resends: 0 }
    return {
      violations: r.unanswered + r.undelivered + r.extra_deliveries + r.stuck,
      detail: `${r.inbound} inbound messages; ${r.unanswered} accepted ones without exactly one reply, ${r.undelivered} sent rows not delivered exactly once, ${r.extra_deliveries} deliveries without a sent row, ${r.stuck} outbound rows pending or failed; ${r.resends} re-sends under an already delivered message id (one message on the phone)`,
      vacuous: r.inbound === 0,
    }
  },

  async every_payment_applied_once(sql) {
    const [row] = await sql<{ payments: number; not_once: number; effects_off: number; wrong_plan: number }[]>`
      SELECT (SELECT count(*)::int FROM sim_payments_sent) AS payments,
             (SELECT count(*)::int FROM sim_payments_sent s
               WHERE (SELECT count(*) FROM payment_events e WHERE e.effect_key = 'payment.captured:' || s.payment_id
                         AND (e.outcome LIKE 'upgraded:%' OR e.outcome LIKE 'renewed:%')) <> 1) AS not_once,
             (SELECT count(*)::int FROM (SELECT DISTINCT user_id FROM sim_payments_sent) s
               WHERE (SELECT count(*) FROM notifications n WHERE n.user_id = s.user_id AND n.kind IN ('plan_upgraded', 'plan_renewed'))
                     <> (SELECT count(*) FROM sim_payments_sent p WHERE p.user_id = s.user_id)
                  OR (SELECT count(*) FROM wa_messages m WHERE m.user_id = s.user_id AND m.kind = 'welcome')
                     > (SELECT count(*) FROM sim_payments_sent p WHERE p.user_id = s.user_id)) AS effects_off,
             (SELECT count(*)::int FROM sim_payments_sent s JOIN users u ON u.id = s.user_id WHERE u.tier <> s.plan) AS wrong_plan`
    const r = row ?? { payments: 0, not_once: 0, effects_off: 0, wrong_plan: 0 }
    return {
      violations: r.not_once + r.effects_off + r.wrong_plan,
      detail: `${r.payments} payments (each delivered 3×); ${r.not_once} not applied exactly once, ${r.effects_off} users with other than one notification per payment, ${r.wrong_plan} on the wrong plan`,
      vacuous: r.payments === 0,
    }
  },
}

export async function checkInvariants(sql: Sql, dailyCaps: string): Promise<InvariantResult[]> {
  const results: InvariantResult[] = []
  for (const [name, check] of Object.entries(INVARIANTS)) {
    try {
      const { violations, detail, vacuous } = await check(sql, { dailyCaps })
      results.push({ name, pass: violations === 0 && !vacuous, detail: vacuous ? `${detail} (nothing to check: the day never exercised it)` : detail })
    } catch (error) {
      results.push({ name, pass: false, detail: `check failed: ${error instanceof Error ? error.message : String(error)}` })
    }
  }
  return results
}
