import { Elysia } from 'elysia'
import { requireUser } from '#shared/auth/require-user.ts'
import { ErrorBody } from '#shared/http/error-body.ts'
import { loadProfile, Profile } from '../../../profile/profile.ts'
import { ProfilePatch, updateProfile } from '../../../profile/update-profile.ts'
import type { Server1Deps } from '../../../server1-deps.ts'

export default ({ ctx, verifyToken }: Server1Deps) =>
  new Elysia()
    .use(requireUser(verifyToken, ctx.sql))
    .get('/api/user/profile', ({ userId }) => loadProfile(ctx.sql, userId), {
      response: { 200: Profile, 401: ErrorBody, 404: ErrorBody },
      detail: { summary: 'Locations, salary expectation and auto-apply settings' },
    })
    .patch('/api/user/profile', ({ userId, body }) => updateProfile(ctx.sql, userId, body), {
      body: ProfilePatch,
      response: { 200: Profile, 401: ErrorBody, 422: ErrorBody },
      detail: { summary: 'Change any of the profile fields; locations or salary changes trigger a rescore' },
    })
