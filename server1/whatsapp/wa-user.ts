import type { Tx } from '#shared/db/create-sql.ts';

/** A verified user as the WhatsApp pipeline sees them: identity, effective plan and state. */
export type WaUser = {
  id: string;
  phone_e164: string;
  /** the plan in force: a paid tier whose subscription ended counts as free */
  plan_id: string;
  plan_name: string;
  wa_commands: string[];
  weekly_apply_quota: number;
  applies_this_week: number;
  week_started_at: Date;
  wa_confirmations: boolean;
  wa_alerts_enabled: boolean;
  auto_apply_enabled: boolean;
  dashboard_ready: boolean;
};

/** The user who verified this number, or undefined. The display name plays no part. */
export async function findVerifiedUser(tx: Tx, phoneE164: string): Promise<WaUser | undefined> {
  const [user] = await tx<WaUser[]>`
    SELECT u.id, u.phone_e164, p.id AS plan_id, p.name AS plan_name, p.wa_commands, p.weekly_apply_quota,
           u.applies_this_week, u.week_started_at, u.wa_confirmations, u.wa_alerts_enabled,
           u.auto_apply_enabled, u.dashboard_ready
      FROM users u
      JOIN plans p ON p.id = CASE WHEN u.tier <> 'free' AND u.subscription_ends_at < now() THEN 'free' ELSE u.tier END
     WHERE u.phone_e164 = ${phoneE164} AND u.phone_verified`;
  return user;
}
