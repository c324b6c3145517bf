import pino from 'pino'
import type { Hop } from '#shared/agents/agent-implementation.ts'
import type { QueuedHop } from '#shared/agents/record-hops.ts'
import { deliverHop } from '#shared/clients/deliver-hop.ts'
import { createInternalClients } from '#shared/clients/internal-clients.ts'
import { parseConfig } from '#shared/config/index.ts'
import type { Sql } from '#shared/db/create-sql.ts'
import { handleIncoming, type Outcome } from '../../server1/whatsapp/handle-incoming.ts'
import { outboundSender } from '../../server1/whatsapp/outbound-sender.ts'
import { received, text } from '../../tests/server1/whatsapp/baileys-messages.ts'
import type { ActionMetrics } from './metrics.ts'

export interface WhatsAppNetwork {
  /** a person types `body` on their phone; it reaches Server 1's inbound pipeline as Baileys delivers it */
  send(phone: string, body: string, messageId?: string): Promise<Outcome>
  /** what reached a phone, oldest first */
  inbox(phone: string): string[]
  /** sends everything pending now (the sender also polls on its own) */
  flush(): Promise<void>
  stop(): Promise<void>
}

/**
 * Stands in for WhatsApp itself: the socket holder's two halves run here against the real
 * database — inbound messages go through `handleIncoming` (the same function Baileys'
 * messages.upsert calls), outbound rows are drained by the real `outboundSender` into a fake
 * transport. Each delivery is also written to `sim_wa_deliveries`, the phones' side of the
 * conversation, so "every reply sent once" is checked in SQL against what phones received. A
 * phone keeps one message per message id, as WhatsApp clients do: a re-send under an id already
 * delivered (the sender lost the acknowledgement) is counted in `resends`, not shown twice.
 */
export async function startWhatsAppNetwork(sql: Sql, env: Record<string, string>, metrics: ActionMetrics, retries = 0): Promise<WhatsAppNetwork> {
  await sql`
    CREATE TABLE IF NOT EXISTS sim_wa_deliveries (
      id            bigserial PRIMARY KEY,
      phone_e164    text NOT NULL,
      body          text NOT NULL,
      wa_id         text NOT NULL UNIQUE,
      resends       integer NOT NULL DEFAULT 0,
      delivered_at  timestamptz NOT NULL DEFAULT now())`
  const config = parseConfig({ ...env, WA_SEND_INTERVAL_MS: '0', WA_OUTBOX_POLL_MS: '200' })
  const log = pino({ level: 'silent' })
  const clients = createInternalClients({
    secret: config.INTERNAL_SIGNING_SECRET,
    urls: { server1: config.SERVER1_URL, server2: config.SERVER2_URL, server3: config.SERVER3_URL },
  })
  const inboxes = new Map<string, string[]>()
  const sender = outboundSender(
    { config, sql, log, instanceId: 'sim-whatsapp', embedded: false },
    {
      isUp: () => true,
      async send(phone, body, messageId) {
        const [delivery] = await sql<{ first: boolean }[]>`
          INSERT INTO sim_wa_deliveries (phone_e164, body, wa_id) VALUES (${phone}, ${body}, ${messageId})
          ON CONFLICT (wa_id) DO UPDATE SET resends = sim_wa_deliveries.resends + 1
          RETURNING resends = 0 AS first`
        if (delivery?.first) {
          const inbox = inboxes.get(phone) ?? []
          inbox.push(body)
          inboxes.set(phone, inbox)
        }
        return messageId
      },
    },
    { retryBaseMs: 200 },
  )
  await sender.start()
  let messageCounter = 0
  // hops a command starts are already rows; the POST is only the nudge, as in Server 1
  const fire = (queued: QueuedHop[]) => {
    for (const { hop } of queued) void deliverHop(clients, hop as Hop).catch(() => {})
  }
  return {
    async send(phone, body, messageId) {
      const id = messageId ?? `3EB0SIM${(++messageCounter).toString(16).toUpperCase().padStart(10, '0')}`
      const message = received({ from: `${phone.slice(1)}@s.whatsapp.net`, id, t: String(Math.floor(Date.now() / 1000)) }, text(body))
      const deps = { ctx: { sql, log, config }, engine: { fireQueued: fire }, onReplyQueued: () => void sender.tickNow() }
      return metrics.time(`whatsapp ${body.split(' ')[0]?.toLowerCase()}`, async () => {
        // the pipeline is one transaction: a failed attempt left nothing, and WhatsApp redelivers the same message
        for (let attempt = 0; ; attempt++) {
          try {
            return await handleIncoming(deps, message)
          } catch (error) {
            if (attempt >= retries) throw error
            await Bun.sleep(500)
          }
        }
      })
    },
    inbox: (phone) => inboxes.get(phone) ?? [],
    flush: () => sender.tickNow(),
    stop: () => sender.stop(),
  }
}
