import { Elysia, t } from 'elysia';
import { requireUser } from '#shared/auth/require-user.ts';
import { ErrorBody } from '#shared/http/error-body.ts';
import type { Server1Deps } from '../../../server1-deps.ts';
import { requestPhoneCode } from '../../../whatsapp/phone/request-phone-code.ts';

/** Link a WhatsApp number, step 1: the bot sends it a 6-digit code (valid 10 minutes). */
export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).post(
    '/api/user/phone',
    async ({ userId, body, set }) => {
      set.status = 202;
      return requestPhoneCode(ctx, userId, body.phone);
    },
    {
      body: t.Object({ phone: t.String({ minLength: 8, maxLength: 24, description: 'e.g. +919876543210 or 98765 43210' }) }),
      response: {
        202: t.Object({ phone_e164: t.String(), expires_at: t.Date() }),
        401: ErrorBody,
        409: ErrorBody,
        422: ErrorBody,
        429: ErrorBody,
      },
      detail: { summary: 'Send a verification code to a WhatsApp number' },
    },
  );
