import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import postgres from 'postgres'
import { type AgentImplementation, defineAgent, hop } from '#shared/agents/agent-implementation.ts'
import { issueDevToken } from '#shared/auth/issue-dev-token.ts'
import { startServer } from '#shared/boot/start-server.ts'
import { server2Spec } from '../../server2/index.ts'
import { instrumentAgents } from '../support/counting-agents.ts'
import { subscribeDashboard, waitForNotification } from '../support/realtime-client.ts'
import { TEST_SECRETS } from '../support/test-config.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'
import { insertNotification } from '../support/test-notification.ts'
import { instanceOptions, startTestCluster, type TestCluster } from '../support/test-servers.ts'
import { waitFor } from '../support/wait-for.ts'

type Sibling = 'skill-gap' | 'career-intel' | 'fit-score'
const SIBLINGS: Sibling[] = ['skill-gap', 'career-intel', 'fit-score']

let db: TestDatabase
let sql: postgres.Sql
let cluster: TestCluster
const executions = new Map<string, number>()
/** per user and sibling: released by the test, and how many attempts should fail first */
const gates = new Map<string, { release: () => void; released: Promise<void>; failFirst: number }>()

function gateFor(userId: string, sibling: string) {
  const key = `${userId}:${sibling}`
  let gate = gates.get(key)
  if (!gate) {
    const { promise: released, resolve: release } = Promise.withResolvers<void>()
    gate = { release, released, failFirst: 0 }
    gates.set(key, gate)
  }
  return gate
}

/**
 * The join is the engine's, not the agents': resume-parse and its siblings are replaced by
 * stand-ins with the same contracts, so this test does not depend on parsing a real file.
 */
const standIns = [
  defineAgent('resume-parse', {
    async run(input, ctx) {
      const [resume] = await ctx.sql<{ user_id: string }[]>`SELECT user_id FROM resumes WHERE id = ${input.resume_id}`
      const userId = resume!.user_id
      const reason = `resume:${input.resume_id}`
      return {
        fanout: {
          joinKey: `onboarding:${input.resume_id}`,
          kind: 'onboarding',
          userId,
          hops: [
            hop('skill-gap', { user_id: userId, reason }),
            hop('career-intel', { user_id: userId, reason }),
            hop('fit-score', { mode: 'full_scan', user_id: userId, reason }),
          ],
        },
      }
    },
  }),
  defineAgent('skill-gap', { userIdOf: (i) => i.user_id, run: async () => ({}) }),
  defineAgent('career-intel', { userIdOf: (i) => i.user_id, run: async () => ({}) }),
  defineAgent('fit-score', { userIdOf: (i) => (i.mode === 'full_scan' ? i.user_id : undefined), run: async () => ({}) }),
] as AgentImplementation[]

beforeAll(async () => {
  db = await createTestDatabase()
  sql = postgres(db.url, { max: 4, onnotice: () => {} })
  cluster = await startTestCluster(db.url, ['server1'])
  const agents = instrumentAgents(standIns, {
    executions,
    async before(agent, input, attempt) {
      const userId = (input as { user_id?: string; mode?: string }).user_id
      if (!userId || !SIBLINGS.includes(agent as Sibling)) return
      const gate = gateFor(userId, agent)
      await gate.released
      if (attempt <= gate.failFirst) throw new Error(`${agent} failed on attempt ${attempt} on purpose`)
    },
  })
  cluster.server2 = await startServer({ ...server2Spec, agents }, cluster.config, instanceOptions(cluster.ports.server2))
})

afterAll(async () => {
  await cluster.stopAll()
  await sql.end()
  await db.drop()
})

async function newUserWithResume() {
  const userId = crypto.randomUUID()
  await sql`INSERT INTO users (id) VALUES (${userId})`
  const [resume] = await sql`
    INSERT INTO resumes (user_id, storage_path, file_name, mime_type, size_bytes, sha256)
    VALUES (${userId}, ${`resumes/${userId}.txt`}, 'cv.txt', 'text/plain', 10, 'x') RETURNING id`
  return { userId, resumeId: resume!.id as string }
}

const siblingStatus = async (userId: string, sibling: Sibling) => {
  const [run] = await sql`SELECT status FROM agent_runs WHERE agent = ${sibling} AND user_id = ${userId}`
  return run?.status as string | undefined
}

const readyState = async (userId: string) => {
  const [user] = await sql`SELECT dashboard_ready FROM users WHERE id = ${userId}`
  const [notes] = await sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND kind = 'dashboard_ready'`
  return { ready: user?.dashboard_ready as boolean, notifications: notes?.n as number }
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))
}

describe('onboarding fan-out join', () => {
  for (const [index, order] of permutations(SIBLINGS).entries()) {
    const failing = order[index % 3]!
    test(`siblings finish in order ${order.join(' → ')}; ${failing} fails once → dashboard_ready flips exactly once`, async () => {
      const owner = await newUserWithResume()
      const stranger = await newUserWithResume()
      const ownerFeed = await subscribeDashboard(cluster.urls.server1, owner.userId, await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, owner.userId))
      const strangerFeed = await subscribeDashboard(cluster.urls.server1, stranger.userId, await issueDevToken(TEST_SECRETS.SUPABASE_JWT_SECRET, stranger.userId))
      try {
        gateFor(owner.userId, failing).failFirst = 1
        await cluster.server1!.deps.engine.dispatch(hop('resume-parse', { resume_id: owner.resumeId }))
        await waitFor('three sibling runs', async () => {
          const [row] = await sql`SELECT count(*)::int AS n FROM agent_runs WHERE user_id = ${owner.userId} AND join_key IS NOT NULL`
          return row?.n === 3
        })
        for (const [position, sibling] of order.entries()) {
          expect(await readyState(owner.userId)).toEqual({ ready: false, notifications: 0 })
          gateFor(owner.userId, sibling).release()
          await waitFor(`${sibling} to succeed`, async () => (await siblingStatus(owner.userId, sibling)) === 'succeeded')
          if (position < 2) expect((await readyState(owner.userId)).ready).toBe(false)
        }
        await waitFor('dashboard_ready', async () => (await readyState(owner.userId)).ready)
        expect(await readyState(owner.userId)).toEqual({ ready: true, notifications: 1 })
        const [failedSibling] = await sql`SELECT attempts FROM agent_runs WHERE agent = ${failing} AND user_id = ${owner.userId}`
        expect(failedSibling?.attempts).toBe(2)

        const pushed = await waitForNotification(ownerFeed, 'dashboard_ready')
        expect(pushed.user_id).toBe(owner.userId)
        // barrier rows: each feed's next own row comes after anything the flip could still push
        const ownerBarrier = await insertNotification(sql, owner.userId, 'barrier')
        const strangerBarrier = await insertNotification(sql, stranger.userId, 'barrier')
        await waitFor('the barrier rows', () => ownerFeed.notifications.some((n) => n.id === ownerBarrier) && strangerFeed.notifications[0])
        expect(ownerFeed.notifications.filter((n) => n.kind === 'dashboard_ready')).toHaveLength(1)
        expect(ownerFeed.userUpdates.map((u) => u.new.dashboard_ready)).toEqual([true])
        expect(strangerFeed.notifications.map((n) => n.id)).toEqual([strangerBarrier])
        expect(strangerFeed.userUpdates).toEqual([])
      } finally {
        await ownerFeed.close()
        await strangerFeed.close()
      }
    })
  }

  test('a duplicate completion cannot flip it twice or insert two notifications', async () => {
    const { userId, resumeId } = await newUserWithResume()
    await sql`INSERT INTO fanout_joins (join_key, kind, user_id, expected) VALUES (${`dup:${resumeId}`}, 'onboarding', ${userId}, ${SIBLINGS})`
    const calls = await Promise.all(
      [...SIBLINGS, ...SIBLINGS, ...SIBLINGS].map((s) => sql`SELECT complete_join_sibling(${`dup:${resumeId}`}, ${s}) AS done`),
    )
    expect(calls.filter(([row]) => row?.done)).toHaveLength(1)
  })
})
