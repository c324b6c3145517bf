import { expect, test } from 'bun:test'
import { createInternalClients } from '#shared/clients/internal-clients.ts'

/**
 * Compile-time proof that file routing kept Eden's end-to-end types: `tsc --noEmit` (CI) fails
 * if any @ts-expect-error below stops being an error, i.e. if a wrong body would compile.
 */
function typeChecks() {
  const clients = createInternalClients({
    secret: 'x'.repeat(32),
    urls: { server1: 'http://127.0.0.1:1', server2: 'http://127.0.0.1:1', server3: 'http://127.0.0.1:1' },
  })
  return [
    clients.server2.api.agents['jd-clean'].post({ scrape_run_id: 1 }),
    // @ts-expect-error scrape_run_id must be a number
    clients.server2.api.agents['jd-clean'].post({ scrape_run_id: '1' }),
    // @ts-expect-error fit-score needs a mode
    clients.server2.api.agents['fit-score'].post({ scrape_run_id: 1 }),
    // @ts-expect-error no such agent route on server 3
    clients.server3.api.agents['jd-clean'].post({ scrape_run_id: 1 }),
    clients.server3.api.agents.calibrate.weekly.post({ trigger: 'manual:1' }),
  ]
}

test('the typed client module loads (its real check is tsc)', () => {
  expect(typeof typeChecks).toBe('function')
})
