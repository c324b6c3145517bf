import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { requireChromium } from '../../support/test-machine.ts'
import { startTestCluster, type TestCluster } from '../../support/test-servers.ts'
import { type PortalFixture, startPortalFixture } from '../../../scripts/fixtures/portal-fixture.ts'
import { type SmtpFixture, startSmtpFixture } from '../../../scripts/fixtures/smtp-fixture.ts'

export interface ApplyWorld {
  db: TestDatabase
  cluster: TestCluster
  sql: postgres.Sql
  portal: PortalFixture
  smtp: SmtpFixture
  dataDir: string
  /** a platform session that the portal fixture accepts */
  session(): { cookies: { name: string; value: string }[] }
  stop(): Promise<void>
}

/** Servers 2 and 3 on a fresh database with the easy-apply portal and SMTP peer, no apply pacing. */
export async function startApplyWorld(name: string, overrides: Record<string, string> = {}): Promise<ApplyWorld> {
  requireChromium()
  const db = await createTestDatabase()
  const portal = startPortalFixture()
  const smtp = await startSmtpFixture()
  const dataDir = await mkdtemp(join(tmpdir(), `talvix-${name}-`))
  const cluster = await startTestCluster(db.url, ['server2', 'server3'], {
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    APPLY_PACE_MIN_MS: '0',
    APPLY_PACE_MAX_MS: '0',
    ...overrides,
  })
  const sql = postgres(db.url, { max: 4 })
  return {
    db,
    cluster,
    sql,
    portal,
    smtp,
    dataDir,
    session: () => ({ cookies: [{ name: portal.cookie.name, value: portal.cookie.value }] }),
    async stop() {
      await cluster.stopAll()
      await sql.end()
      await portal.stop()
      await smtp.stop()
      await db.drop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
