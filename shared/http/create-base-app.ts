import { openapi } from '@elysiajs/openapi'
import { Elysia, type ElysiaConfig } from 'elysia'
import packageJson from '../../package.json'
import type { Logger } from '../logger.ts'
import { httpBasics } from './http-basics.ts'

/** What all three servers share: error contract, request logging, OpenAPI docs at /openapi. */
export function createBaseApp(name: string, log: Logger, options: Pick<ElysiaConfig<''>, 'websocket'> = {}) {
  return new Elysia({ name, encodeSchema: false, ...options })
    .use(httpBasics(log))
    .use(
      openapi({
        path: '/openapi',
        documentation: { info: { title: `Talvix ${name}`, version: packageJson.version } },
      }),
    )
}
