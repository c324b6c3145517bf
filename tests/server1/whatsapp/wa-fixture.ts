import type { WAMessage } from '@whiskeysockets/baileys';
import pino from 'pino';
import type { QueuedHop } from '#shared/agents/record-hops.ts';
import { createSql, type Sql } from '#shared/db/create-sql.ts';
import type { IncomingDeps } from '../../../server1/whatsapp/handle-incoming.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { testConfig } from '../../support/test-config.ts';
import { received, text } from './baileys-messages.ts';

/** A fresh database and the pipeline's deps; hops the pipeline fires are collected, not sent. */
export type WaFixture = { db: TestDatabase; sql: Sql; deps: IncomingDeps; fired: QueuedHop[]; close(): Promise<void> };

export async function createWaFixture(overrides: Record<string, string> = {}): Promise<WaFixture> {
  const db = await createTestDatabase();
  const sql = createSql(db.url, { max: 4 });
  const fired: QueuedHop[] = [];
  const deps: IncomingDeps = {
    ctx: { sql, log: pino({ level: 'silent' }), config: testConfig({ DATABASE_URL: db.url, ...overrides }) },
    engine: { fireQueued: (queued) => void fired.push(...queued) },
  };
  return {
    db,
    sql,
    deps,
    fired,
    async close() {
      await sql.end({ timeout: 5 });
      await db.drop();
    },
  };
}

export type SeedUser = { phone: string; tier?: 'free' | 'pro' | 'premium'; verified?: boolean; confirmations?: boolean; name?: string };

export async function seedUser(sql: Sql, user: SeedUser): Promise<string> {
  const id = crypto.randomUUID();
  await sql`
    INSERT INTO users (id, full_name, tier, phone_e164, phone_verified, wa_confirmations, subscription_ends_at)
    VALUES (${id}, ${user.name ?? 'Asha Rao'}, ${user.tier ?? 'free'}, ${user.phone}, ${user.verified ?? true},
            ${user.confirmations ?? true}, ${user.tier && user.tier !== 'free' ? new Date(Date.now() + 30 * 86_400_000) : null})`;
  return id;
}

/** `count` jobs scored for the user, best first: "Job 1" scores 90, "Job 2" 85, ... */
export async function seedScoredJobs(sql: Sql, userId: string, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= count; i++) {
    const [job] = await sql<{ id: string }[]>`
      INSERT INTO jobs (source, external_id, url, title, company, raw_jd)
      VALUES ('greenhouse', ${`ext-${userId}-${i}`}, ${`https://jobs.example/${i}`}, ${`Job ${i}`}, ${`Company ${i}`}, 'jd')
      RETURNING id`;
    const jobId = Number(job!.id);
    ids.push(jobId);
    await sql`
      INSERT INTO fit_scores (user_id, job_id, score, components, explanation)
      VALUES (${userId}, ${jobId}, ${95 - i * 5}, ${sql.json({})},
              ${sql.json({ summary: `Strong match for job ${i}`, matched_skills: ['React'], missing_skills: ['AWS'] })})`;
  }
  return ids;
}

let nextId = 0;

/** A 1:1 text from `phone` as Baileys v7 delivers it; `ageMs` back-dates WhatsApp's timestamp. */
export function textFrom(phone: string, body: string, options: { id?: string; ageMs?: number; pushName?: string } = {}): WAMessage {
  const seconds = Math.floor((Date.now() - (options.ageMs ?? 0)) / 1000);
  return received(
    {
      from: `${phone.slice(1)}@s.whatsapp.net`,
      id: options.id ?? `3EB0${(nextId++).toString(16).toUpperCase().padStart(12, '0')}${Math.random().toString(16).slice(2, 6).toUpperCase()}`,
      t: String(seconds),
      ...(options.pushName === undefined ? {} : { notify: options.pushName }),
    },
    text(body),
  );
}

export async function outboundTo(sql: Sql, phone: string) {
  return [
    ...(await sql<{ body: string; kind: string; status: string; user_id: string | null }[]>`
    SELECT body, kind, status, user_id FROM wa_messages WHERE direction = 'out' AND phone_e164 = ${phone} ORDER BY id`),
  ];
}
