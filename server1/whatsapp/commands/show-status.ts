import { renderStatus } from '../replies.ts';
import { type CommandContext, type CommandResult, replyOnly } from './command-result.ts';

/** `status`: plan in force, applies left this week, applications this week, dashboard readiness. */
export async function showStatus({ tx, user }: CommandContext): Promise<CommandResult> {
  const [week] = await tx<{ n: number }[]>`
    SELECT count(*)::int AS n FROM job_applications
     WHERE user_id = ${user.id} AND coalesce(applied_at, created_at) >= ${user.week_started_at}
       AND (source = 'manual' OR auto_status = 'applied')`;
  return replyOnly(
    renderStatus({
      plan: user.plan_name,
      quotaLeft: Math.max(0, user.weekly_apply_quota - user.applies_this_week),
      applicationsThisWeek: week?.n ?? 0,
      dashboardReady: user.dashboard_ready,
      autoApplyPaused: !user.auto_apply_enabled,
    }),
  );
}
