import { defineAgent } from '#shared/agents/agent-implementation.ts'
import { parseVaultKeys } from '#shared/vault/keyring.ts'
import { expiredLogin } from '../../sessions/expired-login.ts'
import { invalidateConnection } from '../../sessions/invalidate-connection.ts'
import { type ConnectionRow, openSession } from '../../sessions/open-session.ts'
import { describeBlocker } from '../../sessions/page-blockers.ts'
import { PLATFORM_PROFILES, probeBaseUrls } from '../../sessions/platform-profiles.ts'
import { probeSession } from '../../sessions/probe-session.ts'

/** Probes at once per run; platforms see a handful of page views, not a burst. */
const PROBE_CONCURRENCY = 4

/**
 * 19:30 IST, before the scrape and the applies: every valid stored session is decrypted and
 * checked — login cookie dates first (free), then one members-only page on the platform. A dead
 * session is marked invalid (the alert poller tells the user once); an unreachable platform is
 * not a dead session. Invalid rows wait for the user to reconnect through the vault.
 */
export const sessionHealthAgent = defineAgent('session-health', {
  async run(_input, ctx) {
    const keyring = parseVaultKeys(ctx.config.VAULT_KEYS)
    const baseUrls = probeBaseUrls(ctx.config.SESSION_PROBE_URLS)
    const rows = await ctx.sql<ConnectionRow[]>`
      SELECT id, user_id, platform, ciphertext, key_id FROM user_connections WHERE is_valid ORDER BY id`
    const counts = { checked: 0, valid: 0, invalidated: 0, inconclusive: 0 }

    async function check(row: ConnectionRow) {
      const log = ctx.log.child({ user_id: row.user_id, platform: row.platform, connection_id: row.id })
      const profile = PLATFORM_PROFILES[row.platform]
      const opened = openSession(keyring, row)
      let reason: string | null = 'problem' in opened ? opened.problem : null
      let inconclusive = false
      if (!reason && 'session' in opened && profile) {
        reason = expiredLogin(opened.session, profile, new Date())
        if (!reason) {
          const probe = await probeSession(opened.session, `${baseUrls[row.platform]}${profile.probePath}`)
          if (probe.status === 'invalid') reason = `${describeBlocker(probe.blocker, row.platform)} (${probe.detail})`
          if (probe.status === 'inconclusive') {
            inconclusive = true
            counts.inconclusive++
            log.warn({ detail: probe.detail }, 'session probe inconclusive; connection left as is')
          }
        }
      }
      counts.checked++
      if (reason) {
        if (await invalidateConnection(ctx.sql, row.id, reason)) counts.invalidated++
        log.info({ reason }, 'session invalid')
      } else {
        if (!inconclusive) counts.valid++
        await ctx.sql`UPDATE user_connections SET checked_at = now() WHERE id = ${row.id} AND is_valid`
      }
    }

    const queue = [...rows]
    await Promise.all(
      Array.from({ length: Math.min(PROBE_CONCURRENCY, queue.length) }, async () => {
        for (let row = queue.shift(); row; row = queue.shift()) await check(row)
      }),
    )
    ctx.log.info(counts, 'session health finished')
    return { output: counts }
  },
})
