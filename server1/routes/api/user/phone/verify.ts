import { Elysia, t } from 'elysia';
import { requireUser } from '#shared/auth/require-user.ts';
import { ErrorBody } from '#shared/http/error-body.ts';
import type { Server1Deps } from '../../../../server1-deps.ts';
import { verifyPhoneCode } from '../../../../whatsapp/phone/verify-phone-code.ts';

/** Link a WhatsApp number, step 2: the code the bot sent; right → the number is verified. */
export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).post(
    '/api/user/phone/verify',
    ({ userId, body }) => verifyPhoneCode(ctx, userId, body.code),
    {
      body: t.Object({ code: t.String({ pattern: '^[0-9]{6}$', description: 'the 6-digit code' }) }),
      response: {
        200: t.Object({ phone_e164: t.String(), phone_verified: t.Literal(true) }),
        401: ErrorBody,
        404: ErrorBody,
        410: ErrorBody,
        422: ErrorBody,
        429: ErrorBody,
      },
      detail: { summary: 'Verify a WhatsApp number with the code it received' },
    },
  );
