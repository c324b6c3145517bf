/** What the bot says back, and the key that makes it at most once (per day, per window, per message). */
export type Reply = { body: string; dedupeKey?: string };

/** A gate lets the message through, or stops it with a reason (logged and stored) and maybe a reply. */
export type Rejection<R extends string> = { ok: false; reason: R; reply?: Reply };
