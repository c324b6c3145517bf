import { Elysia, t } from 'elysia'
import { RealtimeSession } from '../../../realtime/realtime-session.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

const sessions = new WeakMap<object, RealtimeSession>()

/**
 * Supabase Realtime's socket, so `@supabase/realtime-js` (and supabase-js's `channel()`) works
 * against Server 1 unchanged. `apikey` must be there (realtime-js always sends it) but names no
 * one: each channel is authorized by the access token in its own join. No `vsn` means 1.0.0.
 */
export default ({ ctx, verifyToken, realtime }: Server1Deps) =>
  new Elysia().ws('/realtime/v1/websocket', {
    query: t.Object({
      apikey: t.String({ minLength: 1, maxLength: 16_384 }),
      vsn: t.Optional(t.Union([t.Literal('1.0.0'), t.Literal('2.0.0')])),
    }),
    open(ws) {
      const { apikey, vsn = '1.0.0' } = ws.data.query
      const session = new RealtimeSession({ verifyToken, hub: realtime, sql: ctx.sql, log: ctx.log }, vsn, apikey, {
        send: (frame) => ws.raw.send(frame),
        close: (code, reason) => ws.raw.close(code, reason),
      })
      sessions.set(ws.raw, session)
    },
    message(ws, frame) {
      sessions.get(ws.raw)?.receive(frame)
    },
    close(ws) {
      sessions.get(ws.raw)?.close()
    },
  })
