import { defineAgent } from '#shared/agents/agent-implementation.ts'
import { componentNames, toVector } from './component-vectors.ts'
import { fitUserOffsets, type LabelledSignal, SIGNAL_WEIGHTS } from './user-offsets.ts'
import { markScoredUsersStale } from '#shared/scoring/mark-scored-users-stale.ts'
import { activeWeights } from './weights-versions.ts'

/** Signals older than this say little about what the user wants now. */
const SIGNAL_WINDOW_DAYS = 120
/** An offset that moved less than this is not worth rescoring the user for. */
const RESCORE_THRESHOLD = 0.005

/**
 * Layer 2, 05:00 IST: per-user weight offsets from that user's own signals (approved / skipped
 * queued applies, manual applies, interviews, offers, rejections), each paired with the score
 * components of the job it was about. Shrunk toward the global weights when data is thin and
 * bounded; a user whose offsets moved is marked for a rescan.
 */
export const calibrateDailyAgent = defineAgent('calibrate-daily', {
  async run(_input, ctx) {
    const { weights } = await activeWeights(ctx.sql)
    const names = componentNames(weights)
    const rows = await ctx.sql<{ user_id: string; kind: string; components: unknown }[]>`
      SELECT s.user_id, s.kind, f.components
        FROM signals s JOIN fit_scores f ON f.user_id = s.user_id AND f.job_id = s.job_id
       WHERE s.created_at > now() - ${SIGNAL_WINDOW_DAYS} * interval '1 day'
       ORDER BY s.user_id, s.id`
    const byUser = new Map<string, LabelledSignal[]>()
    for (const row of rows) {
      const signals = byUser.get(row.user_id) ?? []
      signals.push({ weight: SIGNAL_WEIGHTS[row.kind] ?? 0, vector: toVector(row.components, names) })
      byUser.set(row.user_id, signals)
    }
    let updated = 0
    const moved: string[] = []
    for (const [userId, signals] of byUser) {
      const baselineRows = await ctx.sql<{ components: unknown }[]>`
        SELECT components FROM fit_scores WHERE user_id = ${userId} ORDER BY scored_at DESC LIMIT 500`
      const baseline = names.map(
        (_, i) => baselineRows.reduce((sum, r) => sum + (toVector(r.components, names)[i] ?? 0), 0) / Math.max(1, baselineRows.length),
      )
      const fitted = fitUserOffsets(names, signals, baseline)
      if (fitted.sampleSize === 0) continue
      const changed = await ctx.sql.begin(async (tx) => {
        const [before] = await tx<{ offsets: Record<string, number> }[]>`
          SELECT offsets FROM user_scoring_offsets WHERE user_id = ${userId} FOR UPDATE`
        await tx`
          INSERT INTO user_scoring_offsets (user_id, offsets, sample_size, details, updated_at)
          VALUES (${userId}, ${tx.json(fitted.offsets)}, ${fitted.sampleSize}, ${tx.json({ shrink: fitted.shrink, signals: signals.length })}, now())
          ON CONFLICT (user_id) DO UPDATE SET offsets = EXCLUDED.offsets, sample_size = EXCLUDED.sample_size,
                 details = EXCLUDED.details, updated_at = now()`
        const delta = Math.max(...names.map((n) => Math.abs((fitted.offsets[n] ?? 0) - (before?.offsets[n] ?? 0))))
        if (delta < RESCORE_THRESHOLD) return false
        await markScoredUsersStale(tx, [userId])
        return true
      })
      updated++
      if (changed) moved.push(userId)
      ctx.log.info({ user_id: userId, offsets: fitted.offsets, sample_size: fitted.sampleSize, rescore: changed }, 'user offsets calibrated')
    }
    return { output: { users: updated, rescored: moved.length } }
  },
})
