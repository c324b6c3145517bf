import { Elysia, t } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { PlatformSession } from '#shared/vault/platform-session.ts'
import type { Server1Deps } from '../../../server1-deps.ts'
import { captureSession } from '../../../vault/capture-session.ts'
import { Connection } from '../../../vault/connection.ts'
import { PlatformSchema } from '../../../vault/platforms.ts'

/** The browser extension posts a platform login here; it is stored encrypted (AES-256-GCM). */
export default ({ ctx, verifyToken, vaultKeys }: Server1Deps) =>
  new Elysia().use(requireUser(verifyToken, ctx.sql)).post(
    '/api/vault/capture',
    ({ userId, body }) => captureSession(ctx.sql, vaultKeys, userId, body.platform, body.session),
    {
      body: t.Object({ platform: PlatformSchema, session: PlatformSession }),
      response: { 200: Connection, 401: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Store (or replace) a job-platform login session, encrypted' },
    },
  )
