import type { ServerContext } from '../context.ts'
import type { Sql } from '../db/create-sql.ts'
import type { AgentName, RunAccepted } from './agent-contracts.ts'
import type { AgentImplementation, AgentOutcome, Hop } from './agent-implementation.ts'
import { PermanentAgentError } from './agent-implementation.ts'
import {
  type AgentRunRow,
  claimDueRuns,
  claimRun,
  extendLeases,
  insertOrFindRun,
  insertRunFailedAlert,
  markRunExhausted,
  markRunFailedAttempt,
  markRunSucceeded,
} from './agent-run-queries.ts'
import { newRunFor, recordFanout, recordHops, type QueuedHop } from './record-hops.ts'
import type { CompletedJoin, JoinHandlers } from './join-handlers.ts'
import { retryDelayMs } from './retry-delay.ts'

export const RUNS_CHANNEL = 'talvix_runs'

export interface RunEngineOptions {
  leaseMs: number
  pollMs: number
  concurrency: number
  retryBaseMs: number
  retryMaxMs: number
  /** an attempt still running after this long is failed (and retried): the heartbeat would otherwise keep a hung run leased forever */
  runTimeoutMs: number
}

export const DEFAULT_RUN_ENGINE_OPTIONS: RunEngineOptions = {
  leaseMs: 30_000,
  pollMs: 1_000,
  concurrency: 8,
  retryBaseMs: 1_000,
  retryMaxMs: 5 * 60_000,
  runTimeoutMs: 15 * 60_000,
}

/** Sends a hop to another server (Eden, signed, with its own bounded retries). */
export type HopSender = (hop: Hop) => Promise<void>

/**
 * Runs this server's agents durably. Every invocation is an agent_runs row; this engine
 * accepts POSTs (202 at once), claims runs under a lease, heartbeats while they work,
 * records the outcome and fires next hops. Several instances coordinate only through
 * the table (SKIP LOCKED), so a killed process's runs are finished by whoever is alive.
 */
export class RunEngine {
  private readonly implementations = new Map<string, AgentImplementation>()
  private readonly inFlight = new Set<string>()
  /**
   * Slots taken by claims still on their way to the database. A slot must be taken before the
   * claim's await, or a burst of hops (one fan-out fires hundreds) all see free slots at once and
   * run together, each holding its own connections: the pool starves and the runs deadlock.
   */
  private claiming = 0
  private pollTimer: Timer | undefined
  private heartbeatTimer: Timer | undefined
  private unlisten: (() => Promise<void>) | undefined
  private stopped = true
  private polling = false
  /** the last poll filled every free slot, so more due runs may be waiting */
  private backlog = false
  private readonly idle = new Set<() => void>()

  /**
   * @param bookkeeping a pool with synchronous_commit off for claims, leases and outcomes. Losing
   * the last of those in a database crash only makes a run execute again (effects are
   * idempotent); the accepting INSERT, the promise behind a 202, stays on the durable ctx.sql.
   */
  constructor(
    private readonly ctx: ServerContext,
    implementations: AgentImplementation[],
    private readonly sendHop: HopSender,
    private readonly joinHandlers: JoinHandlers,
    private readonly options: RunEngineOptions = DEFAULT_RUN_ENGINE_OPTIONS,
    private readonly bookkeeping: Sql = ctx.sql,
  ) {
    for (const implementation of implementations) this.implementations.set(implementation.contract.name, implementation)
  }

  get agentNames(): string[] {
    return [...this.implementations.keys()]
  }

  /** The body of every agent endpoint: find-or-create the run by key, answer, start it in the background. */
  async accept<N extends AgentName>(agent: N, input: unknown): Promise<RunAccepted> {
    const implementation = this.implementation(agent)
    const run = await insertOrFindRun(this.ctx.sql, {
      ...newRunFor({ agent, input } as Hop),
      userId: implementation.userIdOf?.(input as never) ?? null,
    })
    if (run.status === 'pending') this.kick(run.id)
    return { run_id: run.id, status: run.status, duplicate: run.duplicate }
  }

  /** Starts an agent from outside a run (an upload, a schedule, a poller): durable row first, then the nudge. */
  async dispatch(hop: Hop): Promise<RunAccepted> {
    const run = await insertOrFindRun(this.ctx.sql, newRunFor(hop))
    if (run.status === 'pending') this.fire({ hop, runId: run.id })
    return { run_id: run.id, status: run.status, duplicate: run.duplicate }
  }

  async start() {
    this.stopped = false
    if (this.implementations.size === 0) return
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollMs)
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), Math.max(100, this.options.leaseMs / 3))
    if (!this.ctx.embedded) {
      const { unlisten } = await this.ctx.sql.listen(RUNS_CHANNEL, (agent) => {
        if (this.implementations.has(agent)) void this.poll()
      })
      this.unlisten = unlisten
    }
    void this.poll()
  }

  /** Stops claiming; waits (bounded) for runs in flight so a clean shutdown loses no lease time. */
  async stop(graceMs = 5_000) {
    this.stopped = true
    clearInterval(this.pollTimer)
    clearInterval(this.heartbeatTimer)
    await this.unlisten?.().catch(() => {})
    if (this.inFlight.size === 0) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, graceMs)
      this.idle.add(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  private implementation(agent: string): AgentImplementation {
    const implementation = this.implementations.get(agent)
    if (!implementation) throw new Error(`agent ${agent} is not served by this server`)
    return implementation
  }

  /** Fires hops a poller recorded in its own transaction (see recordHops), once that transaction committed. */
  fireQueued(queued: QueuedHop[]) {
    for (const queuedHop of queued) this.fire(queuedHop)
  }

  /** Starts a run that was recorded elsewhere (a schedule trigger, a poller) without waiting for a poll. */
  nudge(runId: string) {
    this.kick(runId)
  }

  private get freeSlots() {
    return this.options.concurrency - this.inFlight.size - this.claiming
  }

  private kick(runId: string) {
    if (this.stopped) return
    if (this.freeSlots <= 0) {
      this.backlog = true
      return
    }
    this.claiming++
    claimRun(this.bookkeeping, runId, this.ctx.instanceId, this.options.leaseMs).then(
      ([row]) => {
        this.claiming--
        if (row) void this.execute(row)
      },
      (err) => {
        this.claiming--
        this.ctx.log.error({ err, run_id: runId }, 'claim failed')
      },
    )
  }

  private async poll() {
    if (this.stopped || this.polling) return
    this.polling = true
    try {
      const free = this.freeSlots
      if (free <= 0) {
        this.backlog = true
        return
      }
      this.claiming += free
      let rows: AgentRunRow[]
      try {
        rows = await claimDueRuns(this.bookkeeping, this.agentNames, this.ctx.instanceId, this.options.leaseMs, free)
      } finally {
        this.claiming -= free
      }
      this.backlog = rows.length === free
      for (const row of rows) void this.execute(row)
    } catch (err) {
      this.ctx.log.warn({ err }, 'run poll failed')
    } finally {
      this.polling = false
    }
  }

  private async heartbeat() {
    if (this.inFlight.size === 0) return
    await extendLeases(this.bookkeeping, [...this.inFlight], this.ctx.instanceId, this.options.leaseMs).catch((err) =>
      this.ctx.log.warn({ err }, 'lease heartbeat failed'),
    )
  }

  private async execute(row: AgentRunRow) {
    const implementation = this.implementation(row.agent)
    const log = this.ctx.log.child({ run_id: row.id, agent: row.agent, user_id: row.user_id ?? undefined })
    const runCtx = { ...this.ctx, runId: row.id, attempt: row.attempts, log }
    this.inFlight.add(row.id)
    try {
      if (row.attempts > row.max_attempts) {
        const message = 'lease expired on every attempt (process died)'
        const exhausted = await this.bookkeeping.begin(async (tx) => {
          const marked = await markRunExhausted(tx, row.id, this.ctx.instanceId)
          if (marked) await insertRunFailedAlert(tx, row, message)
          return marked
        })
        if (exhausted) await this.afterFinalFailure(row, message, implementation, runCtx)
        return
      }
      log.info({ attempt: row.attempts }, 'run started')
      let outcome: AgentOutcome
      try {
        outcome = await withTimeout(implementation.run(row.input as never, runCtx), this.options.runTimeoutMs)
      } catch (error) {
        await this.recordFailure(row, error, implementation, runCtx)
        return
      }
      const queued = await this.complete(row, outcome)
      if (queued === null) {
        log.warn('lease lost before completion; another instance owns this run')
        return
      }
      log.info({ hops: queued.map((q) => q.hop.agent) }, 'run succeeded')
      for (const queuedHop of queued) this.fire(queuedHop)
    } catch (err) {
      log.error({ err }, 'run bookkeeping failed; the lease will expire and the run be retried')
    } finally {
      this.inFlight.delete(row.id)
      if (this.inFlight.size === 0) for (const resolve of this.idle) resolve()
      // a freed slot goes to waiting work at once; without a backlog the interval poll and NOTIFY suffice
      if (this.backlog) void this.poll()
    }
  }

  /**
   * Marks the run succeeded and records its next hops and join in one transaction. A run with
   * nothing to chain is a single UPDATE: most runs, and the hot path of the throughput bench.
   */
  private async complete(row: AgentRunRow, outcome: AgentOutcome): Promise<QueuedHop[] | null> {
    if (!outcome.fanout && !outcome.hops?.length && !row.join_key) {
      return (await markRunSucceeded(this.bookkeeping, row.id, this.ctx.instanceId, outcome.output)) ? [] : null
    }
    return this.bookkeeping.begin(async (tx) => {
      if (!(await markRunSucceeded(tx, row.id, this.ctx.instanceId, outcome.output))) return null
      const hops: QueuedHop[] = []
      if (outcome.fanout) hops.push(...(await recordFanout(tx, outcome.fanout, row.id)))
      hops.push(...(await recordHops(tx, outcome.hops ?? [], row.id, null)))
      if (row.join_key) {
        const [sibling] = await tx<{ completed: boolean }[]>`
          SELECT complete_join_sibling(${row.join_key}, ${row.agent}) AS completed`
        if (sibling?.completed) {
          const [join] = await tx<CompletedJoin[]>`
            SELECT join_key, kind, user_id FROM fanout_joins WHERE join_key = ${row.join_key}`
          const handler = join && this.joinHandlers[join.kind as keyof JoinHandlers]
          if (join && handler) hops.push(...(await recordHops(tx, await handler(tx, join), row.id, null)))
        }
      }
      if (hops.length > 0) {
        await tx`SELECT pg_notify(${RUNS_CHANNEL}, agent) FROM unnest(${hops.map((h) => h.hop.agent)}::text[]) agent`
      }
      return hops
    })
  }

  private async recordFailure(
    row: AgentRunRow,
    error: unknown,
    implementation: AgentImplementation,
    runCtx: Parameters<AgentImplementation['run']>[1],
  ) {
    const message = error instanceof Error ? error.message : String(error)
    const permanent = error instanceof PermanentAgentError
    const delay = retryDelayMs(row.attempts, this.options.retryBaseMs, this.options.retryMaxMs)
    const status = await this.bookkeeping.begin(async (tx) => {
      const next = await markRunFailedAttempt(tx, row.id, this.ctx.instanceId, message, delay, permanent)
      if (next === 'failed') await insertRunFailedAlert(tx, row, message)
      return next
    })
    if (status === 'failed') {
      await this.afterFinalFailure(row, message, implementation, runCtx)
    } else if (status === 'pending') {
      runCtx.log.warn({ err: error, attempt: row.attempts, retry_in_ms: delay }, 'run attempt failed; will retry')
      setTimeout(() => void this.poll(), delay + 10)
    }
  }

  private async afterFinalFailure(
    row: AgentRunRow,
    message: string,
    implementation: AgentImplementation,
    runCtx: Parameters<AgentImplementation['run']>[1],
  ) {
    runCtx.log.error({ attempts: row.attempts, error: message }, 'run failed for good')
    await implementation.onFinalFailure?.(row.input as never, message, runCtx).catch((err) =>
      runCtx.log.error({ err }, 'onFinalFailure hook failed'),
    )
  }

  /** Same-server hops start here at once; others go over signed HTTP. Either way the row already exists. */
  private fire({ hop, runId }: QueuedHop) {
    if (this.implementations.has(hop.agent)) {
      this.kick(runId)
      return
    }
    this.sendHop(hop).catch((err) =>
      this.ctx.log.warn({ err, agent: hop.agent, run_id: runId }, 'hop not delivered; the owning server will poll it'),
    )
  }
}

export class RunTimeoutError extends Error {
  override name = 'RunTimeoutError'
}

/** A promise cannot be cancelled; the attempt is given up on, and its late effects must be idempotent like any retry's. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: Timer | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RunTimeoutError(`run attempt exceeded ${Math.round(ms / 1000)} s`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
