/**
 * How long each kind of row outlives the event that wrote it, in days. Why each window is safe
 * (what idempotency or replay still needs the row, and for how long) is in docs/architecture.md,
 * "Retention". Rows not listed here are kept (payment_events, applications, users' own data).
 */
export const RETENTION_DAYS = {
  /** terminal runs of keys nothing can ask for again (runs a poller may re-request are kept) */
  succeededRuns: 30,
  /** failed for good: kept long enough for an operator to look at and re-run */
  failedRuns: 90,
  /** dispatched schedule triggers; the latest one of each schedule is always kept */
  cronTriggers: 30,
  /** fan-out joins; an incomplete one only once none of its sibling runs is left */
  fanoutJoins: 30,
  /** WhatsApp messages in and out, except outbound ones still waiting to be sent */
  waMessages: 45,
  notifications: 180,
  /** postings no scrape has seen for this long, with their fit scores and features */
  unseenJobs: 90,
} as const

/** Rows per DELETE: each batch is its own short transaction, so no sweep holds many row locks. */
export const PRUNE_BATCH = 1_000
