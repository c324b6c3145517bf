import type { Sql } from '#shared/db/create-sql.ts';

/** An operator notification (audience 'operator'); the dedupe key keeps one per incident. */
export async function notifyOperator(sql: Sql, note: { kind: string; title: string; body: string; dedupeKey: string }): Promise<void> {
  await sql`
    INSERT INTO notifications (audience, kind, title, body, dedupe_key)
    VALUES ('operator', ${note.kind}, ${note.title}, ${note.body}, ${note.dedupeKey})
    ON CONFLICT (dedupe_key) DO NOTHING`;
}
