import { describe, expect, test } from 'bun:test'
import { ScoreKeeper, selectScoresToKeep } from '../../../server2/agents/fit-score/select-scores-to-keep.ts'

const pair = (user_id: string, job_id: string, score: number) => ({ user_id, job_id, score })

describe('bounded storage', () => {
  test('keeps every score at or above the floor plus each user\'s top N', () => {
    const scores = [
      pair('a', 'j1', 90),
      pair('a', 'j2', 35),
      pair('a', 'j3', 20),
      pair('a', 'j4', 60),
      pair('b', 'j1', 10),
      pair('b', 'j2', 30),
      pair('b', 'j3', 25),
      pair('c', 'j1', 41),
      pair('c', 'j2', 45),
      pair('c', 'j3', 50),
    ]
    const kept = selectScoresToKeep(scores, { floor: 40, topN: 2 })
    expect(kept.map((p) => `${p.user_id}${p.job_id}`)).toEqual(['aj1', 'aj4', 'bj2', 'bj3', 'cj1', 'cj2', 'cj3'])
  })

  test('a user with fewer pairs than N keeps them all; N = 0 keeps only the floor', () => {
    const scores = [pair('a', 'j1', 5), pair('a', 'j2', 50)]
    expect(selectScoresToKeep(scores, { floor: 40, topN: 5 })).toEqual(scores)
    expect(selectScoresToKeep(scores, { floor: 40, topN: 0 })).toEqual(scores.slice(1))
  })

  test('ties at the N-th place keep the earlier pair', () => {
    const scores = [pair('a', 'j1', 30), pair('a', 'j2', 30), pair('a', 'j3', 30)]
    expect(selectScoresToKeep(scores, { floor: 40, topN: 2 }).map((p) => p.job_id)).toEqual(['j1', 'j2'])
  })

  test('the streaming keeper holds at most N below-floor pairs per user and agrees with a sort', () => {
    let state = 1
    const random = (): number => (state = (state * 48271) % 2147483647) / 2147483647
    const users = 50
    const keeper = new ScoreKeeper(users, { floor: 70, topN: 5 })
    const offered: { u: number; j: number; s: number }[] = []
    for (let j = 0; j < 400; j++) {
      for (let u = 0; u < users; u++) {
        if (random() < 0.5) continue
        const s = Math.floor(random() * 101)
        keeper.offer(u, j, s)
        offered.push({ u, j, s })
      }
    }
    const kept = keeper.kept()
    const got = new Set(Array.from(kept.users, (u, k) => `${u}:${kept.jobs[k]}:${kept.scores[k]}`))
    const expected = new Set<string>()
    for (let u = 0; u < users; u++) {
      const mine = offered.filter((p) => p.u === u).sort((a, b) => b.s - a.s || a.j - b.j)
      mine.forEach((p, rank) => {
        if (rank < 5 || p.s >= 70) expected.add(`${p.u}:${p.j}:${p.s}`)
      })
    }
    expect(got).toEqual(expected)
  })

  test('a per-run cap keeps each user\'s best max(cap, N): the top N whatever their score, the rest only at or above the floor', () => {
    let state = 7
    const random = (): number => (state = (state * 48271) % 2147483647) / 2147483647
    const users = 40
    const policy = { floor: 60, topN: 4, maxPerRun: 9 }
    const keeper = new ScoreKeeper(users, policy)
    const offered: { u: number; j: number; s: number }[] = []
    for (let j = 0; j < 300; j++) {
      for (let u = 0; u < users; u++) {
        if (random() < 0.6) continue
        // some users see almost only good matches, some almost only poor ones
        const s = Math.floor(random() * (u % 3 === 0 ? 40 : 101))
        keeper.offer(u, j, s)
        offered.push({ u, j, s })
      }
    }
    const kept = keeper.kept()
    const got = new Set(Array.from(kept.users, (u, k) => `${u}:${kept.jobs[k]}:${kept.scores[k]}`))
    const expected = new Set<string>()
    for (let u = 0; u < users; u++) {
      const mine = offered.filter((p) => p.u === u).sort((a, b) => b.s - a.s || a.j - b.j)
      mine.forEach((p, rank) => {
        if (rank < 4 || (rank < 9 && p.s >= 60)) expected.add(`${p.u}:${p.j}:${p.s}`)
      })
    }
    expect(got).toEqual(expected)
    expect(Math.max(...Array.from({ length: users }, (_, u) => kept.users.filter((x) => x === u).length))).toBe(9)
  })
})
