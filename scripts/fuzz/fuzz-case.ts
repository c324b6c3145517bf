import type { Random } from './random.ts'

export type ServerName = 'server1' | 'server2' | 'server3'

/** One hostile HTTP request. `raw` requests go over a bare TCP socket (unnormalised paths, lying headers, upgrades). */
export interface FuzzCase {
  /** the route it targets, e.g. "PATCH /api/user/roles" (the summary groups by it) */
  endpoint: string
  server: ServerName
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Uint8Array<ArrayBuffer>
  raw?: boolean
}

/** What the generators know about the seeded world: whose token is valid, which ids belong to someone else. */
export interface FuzzWorld {
  /** `Bearer …` of the seeded attacker: a real user who owns no notifications, applications or connections */
  attacker: string
  /** authorization header values no server may accept (undefined: no header) */
  forged: (string | undefined)[]
  adminToken: string
  /** ids of rows that belong to the victim: the attacker must get 404 for each */
  victimNotificationIds: number[]
  victimApplicationIds: number[]
  victimId: string
  attackerId: string
  razorpaySecret: string
  internalSecret: string
}

export type CaseMaker = (r: Random, world: FuzzWorld) => FuzzCase

export function jsonCase(endpoint: string, path: string, headers: Record<string, string>, body: unknown): FuzzCase {
  const [method = 'POST'] = endpoint.split(' ')
  return { endpoint, server: 'server1', method, path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
}
