import { Elysia } from 'elysia';
import { requireAdmin } from '#shared/auth/require-admin.ts';
import { ErrorBody } from '#shared/http/error-body.ts';
import type { Server1Deps } from '../../../server1-deps.ts';
import { readWaStatus, WaStatus } from '../../../whatsapp/wa-status.ts';

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireAdmin(ctx.config.ADMIN_TOKEN, verifyToken, ctx.sql)).get('/api/admin/wa', () => readWaStatus(ctx.sql), {
    response: { 200: WaStatus, 401: ErrorBody },
    detail: { summary: 'WhatsApp channel state, outbound queue depth and last error (operators)' },
  });
