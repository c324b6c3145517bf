import type { CaseMaker } from './fuzz-case.ts'
import { forgedAuth, userTokenOnAdmin } from './forged-auth-cases.ts'
import { uploadResume } from './multipart-cases.ts'
import { PATH_QUERY_CASES } from './path-query-cases.ts'
import { oversizedContentLength, rawPath, realtimeUpgrade, wrongMethod } from './raw-cases.ts'
import type { Random } from './random.ts'
import { agentEndpoint, razorpayWebhook } from './signature-cases.ts'
import { notJson, USER_BODY_CASES } from './user-body-cases.ts'

/** How often each kind of hostile HTTP input is drawn (relative weights). */
const WEIGHTED: [CaseMaker, number][] = [
  [forgedAuth, 18],
  [userTokenOnAdmin, 2],
  ...USER_BODY_CASES.map((maker): [CaseMaker, number] => [maker, 6]),
  [notJson, 8],
  ...PATH_QUERY_CASES.map((maker): [CaseMaker, number] => [maker, 3]),
  [uploadResume, 7],
  [razorpayWebhook, 7],
  [agentEndpoint, 8],
  [rawPath, 2],
  [oversizedContentLength, 1],
  [realtimeUpgrade, 3],
  [wrongMethod, 2],
]

const TOTAL = WEIGHTED.reduce((sum, [, weight]) => sum + weight, 0)

export function pickMaker(r: Random): CaseMaker {
  let roll = r.next() * TOTAL
  for (const [maker, weight] of WEIGHTED) {
    roll -= weight
    if (roll < 0) return maker
  }
  return WEIGHTED[0]![0]
}
