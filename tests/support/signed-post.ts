import { signInternalRequest } from '#shared/auth/internal-signature.ts'
import { TEST_SECRETS } from './test-config.ts'

/** POSTs JSON to an agent endpoint signed with the test secret, as another server or a schedule claimer would. */
export function signedPost(baseUrl: string, path: string, input: unknown): Promise<Response> {
  const body = JSON.stringify(input)
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...signInternalRequest(TEST_SECRETS.INTERNAL_SIGNING_SECRET, 'POST', path, body) },
  })
}
