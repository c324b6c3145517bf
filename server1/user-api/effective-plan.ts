import type { Sql, Tx } from '#shared/db/create-sql.ts'

/**
 * The plan in force for a users row aliased `u`: a paid tier whose period has ended counts as
 * free until a payment renews it (the same rule the WhatsApp gates apply), so a lapsed user is
 * never shown a paid quota. Use as `JOIN plans p ON p.id = ${effectivePlanId(sql)}`.
 */
export const effectivePlanId = (sql: Sql | Tx) =>
  sql`CASE WHEN u.tier <> 'free' AND u.subscription_ends_at < now() THEN 'free' ELSE u.tier END`
