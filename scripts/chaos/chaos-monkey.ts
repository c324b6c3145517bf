import { createSql } from '#shared/db/create-sql.ts'
import { agents } from '#shared/agents/agent-contracts.ts'
import { percentile } from '../bench/percentiles.ts'
import { type Cluster, SERVER_NAMES, type ServerName } from '../simulate/cluster.ts'
import { pollUntil } from '../simulate/poll.ts'
import type { Random } from '../fixtures/random.ts'
import { restartPostgres } from './restart-postgres.ts'

export interface ChaosPlan {
  kills: number
  /** restart PostgreSQL once, half-way through the kills */
  restartPostgres: boolean
  /** real seconds between faults: [min, max) */
  gapSeconds: [number, number]
  /** how long a killed server stays down: [min, max) seconds */
  downSeconds: [number, number]
  /** after the gap, how long to wait for the victim to have work in its hands before killing it anyway */
  busyWaitSeconds: number
}

interface Recovery {
  server: ServerName | 'postgres'
  /** kill (or restart) → GET /health ok with the database reachable */
  healthMs: number
  /** kill → every run that was pending or running on the killed server's agents at the kill has finished */
  drainedMs: number
  backlog: number
  /** what the server had in its hands at the kill: runs executing (servers 2, 3) or user requests in flight (server 1) */
  midWork: number
}

const spread = (label: string, values: number[]) =>
  `  ${label}: p50 ${(percentile(values, 50) / 1000).toFixed(1)} s, max ${(Math.max(...values) / 1000).toFixed(1)} s`

const agentsOf = (server: ServerName) => Object.values(agents).filter((a) => a.server === server).map((a) => a.name)

/**
 * The fault injector of `bun run chaos`: after seeded gaps it SIGKILLs one of the three servers
 * (a seeded rotation, so each is hit; see nextVictim for the order), preferably while it has
 * work in its hands, brings it back after a seeded pause, and restarts PostgreSQL once, mid-work
 * too; for each fault it measures recovery. `stop()` finishes the plan (the remaining kills come
 * quickly) and returns the report lines.
 */
export function startChaosMonkey(
  cluster: Cluster,
  databaseUrl: string,
  plan: ChaosPlan,
  userRequestsInFlight: () => number,
  random: Random,
  say: (line: string) => void,
) {
  const sql = createSql(databaseUrl, { max: 2 })
  const recoveries: Recovery[] = []
  const errors: string[] = []
  // stop() sets it: the remaining kills follow each other without the seeded gaps
  const state = { hurry: false }
  // rotating from a seeded start: every server is killed at least floor(K/3) times
  const first = random.int(SERVER_NAMES.length)
  const pending = Array.from({ length: plan.kills }, (_, i) => SERVER_NAMES[(first + i) % SERVER_NAMES.length] as ServerName)
  const pgAt = plan.restartPostgres ? Math.floor(plan.kills / 2) : -1
  const between = (range: [number, number]) => (range[0] + random.next() * (range[1] - range[0])) * 1000

  const pause = async (ms: number) => {
    const until = Date.now() + ms
    while (!state.hurry && Date.now() < until) await Bun.sleep(Math.min(200, until - Date.now()))
  }

  const openWork = async (server: ServerName) => {
    const names = agentsOf(server)
    if (names.length === 0) return []
    const rows = await sql<{ id: string }[]>`
      SELECT id FROM agent_runs WHERE agent = ANY (${names}) AND status IN ('pending', 'running')`
    return rows.map((r) => r.id)
  }

  /** Server 1 runs no agents: its work is the users' requests; the others' is their running runs. */
  const workInHand = async (server: ServerName) => {
    const names = agentsOf(server)
    if (names.length === 0) return userRequestsInFlight()
    const [row] = await sql<{ running: number }[]>`
      SELECT count(*)::int AS running FROM agent_runs WHERE agent = ANY (${names}) AND status = 'running'`
    return row?.running ?? 0
  }

  /** Polls `find` until it finds work in flight, for at most busyWaitSeconds (less once stop() hurries). */
  const whenBusy = async <T>(find: () => Promise<T | undefined>): Promise<T | undefined> => {
    const until = Date.now() + plan.busyWaitSeconds * 1000
    while (!state.hurry && Date.now() < until) {
      const found = await find().catch(() => undefined)
      if (found !== undefined) return found
      await Bun.sleep(100)
    }
    return undefined
  }

  /**
   * A kill between two bursts of work proves little. The next victim is the first server in the
   * seeded order that has work in its hands now; after a bounded wait, the first in order. So
   * each server's number of kills is the seeded one and only their order bends to the day.
   */
  const nextVictim = async (): Promise<{ server: ServerName; midWork: number }> => {
    const busy = await whenBusy(async () => {
      for (const [index, server] of pending.entries()) {
        const midWork = await workInHand(server)
        if (midWork > 0) return { index, server, midWork }
      }
      return undefined
    })
    if (busy) {
      pending.splice(busy.index, 1)
      return busy
    }
    const server = pending.shift() as ServerName
    return { server, midWork: await workInHand(server).catch(() => 0) }
  }

  const drained = (ids: string[]) =>
    pollUntil(
      'the killed server backlog to drain',
      async () => {
        if (ids.length === 0) return true
        const [row] = await sql<{ open: number }[]>`
          SELECT count(*)::int AS open FROM agent_runs WHERE id = ANY (${ids}::uuid[]) AND status IN ('pending', 'running')`
        return row?.open === 0
      },
      20 * 60_000,
      200,
    )

  const killOne = async ({ server, midWork }: { server: ServerName; midWork: number }) => {
    const backlog = await openWork(server).catch(() => [] as string[])
    const killedAt = Date.now()
    await cluster.kill(server)
    const hands = server === 'server1' ? `${midWork} user requests in flight` : `${midWork} runs executing, ${backlog.length} open`
    say(`chaos: SIGKILL ${server} (${hands})`)
    await pause(between(plan.downSeconds))
    await cluster.start(server)
    const healthMs = Date.now() - killedAt
    await drained(backlog)
    recoveries.push({ server, healthMs, drainedMs: Date.now() - killedAt, backlog: backlog.length, midWork })
    say(`chaos: ${server} back: health after ${(healthMs / 1000).toFixed(1)} s, backlog drained after ${((Date.now() - killedAt) / 1000).toFixed(1)} s`)
  }

  const bouncePostgres = async () => {
    await whenBusy(async () => {
      const [row] = await sql<{ running: number }[]>`SELECT count(*)::int AS running FROM agent_runs WHERE status = 'running'`
      return (row?.running ?? 0) > 0 || userRequestsInFlight() > 0 ? true : undefined
    })
    const backlog = await sql<{ id: string }[]>`SELECT id FROM agent_runs WHERE status IN ('pending', 'running')`.then((r) => r.map((x) => x.id))
    const at = Date.now()
    say('chaos: restarting PostgreSQL')
    await restartPostgres()
    for (const server of SERVER_NAMES) await cluster.waitHealthy(server, 120_000)
    const healthMs = Date.now() - at
    await drained(backlog)
    recoveries.push({ server: 'postgres', healthMs, drainedMs: Date.now() - at, backlog: backlog.length, midWork: backlog.length })
    say(`chaos: PostgreSQL back: all servers healthy after ${(healthMs / 1000).toFixed(1)} s, backlog drained after ${((Date.now() - at) / 1000).toFixed(1)} s`)
  }

  const done = (async () => {
    for (let i = 0; pending.length > 0; i++) {
      await pause(between(plan.gapSeconds))
      try {
        if (i === pgAt) await bouncePostgres()
        await killOne(await nextVictim())
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error))
        say(`chaos: recovery failed: ${errors.at(-1)}`)
        // whatever happened, leave every server running for the rest of the day
        for (const name of SERVER_NAMES) await cluster.waitHealthy(name, 1_000).catch(() => cluster.start(name).catch(() => {}))
      }
    }
  })()

  return {
    async stop(): Promise<string[]> {
      state.hurry = true
      await done
      await sql.end({ timeout: 5 })
      const kills = recoveries.filter((r) => r.server !== 'postgres')
      const pg = recoveries.find((r) => r.server === 'postgres')
      return [
        `Chaos: ${kills.length} SIGKILLs (${SERVER_NAMES.map((s) => `${s} ${kills.filter((k) => k.server === s).length}`).join(', ')}), ${kills.length} recoveries; PostgreSQL restarts: ${pg ? 1 : 0}`,
        `  kills mid-work (runs executing or user requests in flight): ${kills.filter((k) => k.midWork > 0).length} of ${kills.length}`,
        ...(kills.length > 0
          ? [spread('kill → /health ok (includes the seeded down time)', kills.map((k) => k.healthMs)), spread('kill → its open runs finished (backlog drained)', kills.map((k) => k.drainedMs))]
          : []),
        ...(pg ? [`  PostgreSQL restart → all servers healthy ${(pg.healthMs / 1000).toFixed(1)} s, ${pg.backlog} open runs drained ${(pg.drainedMs / 1000).toFixed(1)} s`] : []),
        ...errors.map((e) => `  recovery error: ${e}`),
      ]
    },
    /** how many faults were injected and recovered from, and whether all recovered */
    summary: () => ({ kills: recoveries.filter((r) => r.server !== 'postgres').length, postgresRestarts: recoveries.filter((r) => r.server === 'postgres').length, errors: errors.length }),
  }
}
