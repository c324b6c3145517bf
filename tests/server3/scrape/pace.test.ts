import { expect, test } from 'bun:test'
import { DEFAULT_PACING, createPacer } from '../../../server3/agents/scrape/pace.ts'

test('the first request goes at once; later ones wait a random gap within 3–7 s', async () => {
  const sleeps: number[] = []
  const randoms = [0, 0.999, 0.25]
  const pace = createPacer(DEFAULT_PACING, {
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => randoms.shift() ?? 0,
  })
  for (let i = 0; i < 4; i++) await pace()
  expect(sleeps).toHaveLength(3)
  expect(sleeps[0]).toBe(3000)
  expect(sleeps[1]).toBeCloseTo(6996, 0)
  expect(sleeps[2]).toBe(4000)
})
