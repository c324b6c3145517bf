import { type Static, Type as T } from '@sinclair/typebox'
import { UUID_PATTERN } from '#shared/auth/user-auth.ts'
import type { ChangeTable, RowChange } from './row-change.ts'
import type { TableColumns } from './table-columns.ts'

/** One entry of the join's `config.postgres_changes`, as realtime-js sends it. */
export const PostgresChangesParams = T.Object({
  event: T.String({ minLength: 1, maxLength: 16 }),
  schema: T.Optional(T.String({ maxLength: 63 })),
  table: T.Optional(T.String({ maxLength: 63 })),
  filter: T.Optional(T.Union([T.String({ maxLength: 512 }), T.Null()])),
  select: T.Optional(T.Array(T.String({ maxLength: 63 }), { maxItems: 64 })),
})
export type PostgresChangesParams = Static<typeof PostgresChangesParams>

export interface ChannelBinding {
  /** what realtime-js matches `payload.ids` against; never 0 (realtime-js treats a falsy id as none) */
  id: number
  table: ChangeTable
  events: ReadonlySet<RowChange['type']>
  /** the user id the filter names (lower case); null: no filter, so the signed-in user's rows */
  owner: string | null
  /** the columns asked for with `select` (the primary key always comes along, as on Supabase); null: all */
  select: string[] | null
  /** echoed in the join reply, where realtime-js compares event, schema, table and filter with what it sent */
  params: PostgresChangesParams
}

/** What this server pushes, and the column that says whose row it is. */
const SERVED: Record<ChangeTable, { events: RowChange['type'][]; owner: string }> = {
  notifications: { events: ['INSERT'], owner: 'user_id' },
  users: { events: ['UPDATE'], owner: 'id' },
}

/** `column=eq.value`, the value optionally double-quoted as realtime-js's filter builder writes it */
const EQ_FILTER = /^([A-Za-z_][A-Za-z0-9_]*)=eq\.("?)(.*)\2$/

const isServed = (table: string | undefined): table is ChangeTable => table !== undefined && Object.hasOwn(SERVED, table)

/**
 * The requested bindings this server can serve, or why not. A channel is refused as a whole:
 * never a partial subscription the client did not ask for. Whose rows they may carry is
 * `foreignBinding`'s question, asked once the token's user is known.
 */
export function parseBindings(requested: PostgresChangesParams[], columns: TableColumns): { bindings: ChannelBinding[] } | { reason: string } {
  const bindings: ChannelBinding[] = []
  for (const [index, params] of requested.entries()) {
    const schema = params.schema ?? 'public'
    const { table } = params
    if (schema !== 'public' || !isServed(table)) {
      return { reason: `UnsupportedTable: ${schema}.${table ?? '*'} is not pushed by this server; it pushes public.notifications (INSERT) and public.users (UPDATE)` }
    }
    const served = SERVED[table]
    const event = params.event.toUpperCase()
    const events = event === '*' ? served.events : served.events.filter((e) => e === event)
    if (events.length === 0) {
      return { reason: `UnsupportedEvent: ${params.event} on public.${table} is not pushed; listen to ${served.events.join(', ')} or *` }
    }
    const filter = params.filter?.trim() ?? ''
    const match = EQ_FILTER.exec(filter)
    if (filter !== '' && (!match || match[1] !== served.owner || !UUID_PATTERN.test(match[3]!))) {
      return { reason: `UnsupportedFilter: public.${table} takes the filter ${served.owner}=eq.<your user id>, or none` }
    }
    const unknown = params.select?.find((name) => !columns[table].some((c) => c.name === name))
    if (unknown !== undefined) return { reason: `InvalidSelect: ${unknown} is not a column of public.${table}` }
    bindings.push({ id: index + 1, table, events: new Set(events), owner: match ? match[3]!.toLowerCase() : null, select: params.select ?? null, params })
  }
  return { bindings }
}

/** Why `userId` may not have these bindings (a filter naming someone else), or null. */
export function foreignBinding(bindings: ChannelBinding[], userId: string): string | null {
  const foreign = bindings.find((b) => b.owner !== null && b.owner !== userId)
  return foreign ? `Unauthorized: the filter ${foreign.params.filter?.trim()} names another user; a channel carries only the signed-in user's rows` : null
}
