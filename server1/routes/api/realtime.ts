import { Elysia, t } from 'elysia'
import { authenticate } from '#shared/auth/require-user.ts'
import type { Server1Deps } from '../../server1-deps.ts'

const unsubscribers = new WeakMap<object, () => void>()

/**
 * Live notifications for the signed-in user. The token travels as a query parameter (browsers
 * cannot set headers on WebSocket upgrades; Supabase Realtime does the same). `since` is the last
 * notification id the client saw: what it missed is sent first, in order.
 */
export default ({ verifyToken, realtime }: Server1Deps) =>
  new Elysia().ws('/api/realtime', {
    query: t.Object({ token: t.String({ minLength: 1 }), since: t.Optional(t.Numeric({ minimum: 0 })) }),
    // a refused upgrade is an HTTP answer like any other: thrown, so it carries the error contract (request_id)
    async beforeHandle({ query }) {
      await authenticate(verifyToken, query.token)
    },
    async open(ws) {
      const userId = await authenticate(verifyToken, ws.data.query.token)
      const unsubscribe = await realtime.subscribe(userId, ws.data.query.since ?? 0, (message) => {
        ws.send(JSON.stringify(message))
      })
      unsubscribers.set(ws.raw, unsubscribe)
    },
    close(ws) {
      unsubscribers.get(ws.raw)?.()
    },
  })
