import { type Static, Type as T } from '@sinclair/typebox'

const Port = (fallback: number, title: string) =>
  T.Integer({ minimum: 1, maximum: 65535, default: fallback, title, description: 'a TCP port number (1-65535)' })

const Url = (title: string, fallback?: string) =>
  T.String({
    pattern: '^(https?|postgres(ql)?)://',
    title,
    description: 'a URL such as http://127.0.0.1:3002',
    ...(fallback === undefined ? {} : { default: fallback }),
  })

const Secret = (description: string) => T.String({ minLength: 32, description })

/** Every environment variable Talvix reads. `.env.example` documents each one. */
export const EnvSchema = T.Object({
  NODE_ENV: T.Union([T.Literal('development'), T.Literal('test'), T.Literal('production')], {
    default: 'development',
    description: 'one of development, test, production',
  }),
  LOG_LEVEL: T.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => T.Literal(level)),
    { default: 'info', description: 'a pino level (fatal, error, warn, info, debug, trace, silent)' },
  ),
  DATABASE_URL: T.String({
    pattern: '^postgres(ql)?://',
    title: 'PostgreSQL 15+ with pg_cron (Supabase in production); bun run dev without it uses embedded PGlite',
    description: 'a postgres:// URL such as postgres://postgres@127.0.0.1:5432/postgres',
  }),
  SERVER1_PORT: Port(3001, 'port Server 1 listens on'),
  SERVER2_PORT: Port(3002, 'port Server 2 listens on'),
  SERVER3_PORT: Port(3003, 'port Server 3 listens on'),
  SERVER1_URL: Url('how the other servers reach Server 1', 'http://127.0.0.1:3001'),
  SERVER2_URL: Url('how the other servers reach Server 2', 'http://127.0.0.1:3002'),
  SERVER3_URL: Url('how the other servers reach Server 3', 'http://127.0.0.1:3003'),
  DATA_DIR: T.String({ minLength: 1, default: './.data', title: 'embedded database and local file storage', description: 'a folder path' }),
  INSTANCE_ID: T.Optional(T.String({ minLength: 1, description: 'a name for this process in leases and logs' })),
  INTERNAL_SIGNING_SECRET: Secret('a shared secret of at least 32 characters for server-to-server HMAC'),
  SUPABASE_JWT_SECRET: T.Optional(Secret('the Supabase project JWT secret (HS256), at least 32 characters')),
  SUPABASE_JWKS_URL: T.Optional(Url('Supabase JWKS endpoint for ES256/RS256 access tokens')),
  SUPABASE_URL: T.Optional(Url('Supabase project URL; with SUPABASE_SERVICE_ROLE_KEY files go to Supabase Storage')),
  SUPABASE_SERVICE_ROLE_KEY: T.Optional(T.String({ minLength: 20, description: 'the Supabase service role key' })),
  STORAGE_BUCKET: T.String({ minLength: 1, default: 'talvix', description: 'a Supabase Storage bucket name' }),
  VAULT_KEYS: T.String({
    pattern: '^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$',
    description: 'comma-separated keyId:base64Key pairs (32-byte keys), the first one encrypts',
  }),
  RAZORPAY_WEBHOOK_SECRET: T.String({ minLength: 8, description: 'the Razorpay webhook secret' }),
  RAZORPAY_WEBHOOK_SECRET_PREVIOUS: T.Optional(
    T.String({ minLength: 8, description: 'the previous Razorpay webhook secret, accepted during rotation' }),
  ),
  ADMIN_TOKEN: T.Optional(Secret('a bearer token of at least 32 characters for /api/admin routes')),
  WA_ENABLED: T.Boolean({ default: false, title: 'start the WhatsApp (Baileys) socket on Server 1', description: 'true or false' }),
  UPLOAD_MAX_BYTES: T.Integer({ minimum: 1024, default: 5 * 1024 * 1024, title: 'largest resume upload', description: 'a size in bytes' }),
  SCHEDULER: T.Union([T.Literal('auto'), T.Literal('off')], {
    default: 'auto',
    title: 'who fires the timed schedules',
    description: 'auto (register them as pg_cron jobs where pg_cron is loaded, else fire them in process) or off (only fire_schedule() calls fire them: tests)',
  }),
  SCHEDULE_BACKFILL_HOURS: T.Number({ minimum: 0, maximum: 48, default: 3, title: 'a schedule missed this recently fires once at start', description: 'hours (0-48)' }),
  AGENT_LEASE_MS: T.Integer({ minimum: 500, default: 30_000, description: 'milliseconds an agent run lease lasts' }),
  AGENT_POLL_MS: T.Integer({ minimum: 50, default: 1_000, description: 'milliseconds between agent run polls' }),
  AGENT_CONCURRENCY: T.Integer({ minimum: 1, maximum: 256, default: 8, description: 'agent runs in flight per process' }),
  AGENT_RETRY_BASE_MS: T.Integer({ minimum: 10, default: 1_000, description: 'milliseconds before the first retry' }),
  AGENT_RUN_TIMEOUT_MS: T.Integer({ minimum: 1_000, default: 15 * 60_000, title: 'a run attempt taking longer is failed and retried', description: 'milliseconds' }),
  FLAG_POLL_MS: T.Integer({ minimum: 50, default: 5_000, description: 'milliseconds between DB-flag polls' }),
  LLM_BASE_URL: T.Optional(Url('optional OpenAI-compatible endpoint that may polish generated wording')),
  LLM_API_KEY: T.Optional(T.String({ minLength: 1, description: 'an API key' })),
  LLM_MODEL: T.Optional(T.String({ minLength: 1, description: 'a model name' })),
  WA_RATE_LIMIT_PER_HOUR: T.Integer({ minimum: 1, default: 20, description: 'WhatsApp commands a user may send per hour' }),
  WA_PAIRING_PHONE: T.Optional(
    T.String({ pattern: '^[1-9][0-9]{7,14}$', description: 'the bot number, digits with country code, to pair by code instead of QR' }),
  ),
  WA_SEND_INTERVAL_MS: T.Integer({ minimum: 0, default: 1_000, description: 'milliseconds between two outbound WhatsApp messages' }),
  WA_SEND_MAX_ATTEMPTS: T.Integer({ minimum: 1, default: 5, description: 'tries before an outbound WhatsApp message fails' }),
  WA_OUTBOX_POLL_MS: T.Integer({ minimum: 50, default: 1_000, description: 'milliseconds between outbound queue polls' }),
  WA_LOCK_RETRY_MS: T.Integer({ minimum: 100, default: 15_000, description: 'milliseconds a standby waits before retrying the socket lock' }),
  FIT_SCORE_FLOOR: T.Integer({ minimum: 0, maximum: 100, default: 70, description: 'fit scores at or above this (0-100) are always stored' }),
  FIT_SCORE_TOP_N: T.Integer({ minimum: 0, maximum: 1000, default: 20, description: "each user's best N fit scores per run are stored whatever their score" }),
  FIT_SCORE_MAX_PER_RUN: T.Integer({ minimum: 0, maximum: 10000, default: 25, description: "at most this many new fit scores per user from one delta run (their best; at least FIT_SCORE_TOP_N); 0 = no cap" }),
  FIT_SCORE_JOB_DAYS: T.Integer({ minimum: 1, default: 30, description: 'days since a job was last seen for a full scan to still score it' }),
  SCRAPE_MAX_QUERIES: T.Integer({ minimum: 0, default: 40, description: 'searches per scrape run (role, city pairs)' }),
  SCRAPE_MAX_JOBS_PER_SOURCE: T.Integer({ minimum: 1, default: 300, description: 'jobs kept per source per scrape run' }),
  SCRAPE_PACE_MIN_MS: T.Integer({ minimum: 0, default: 3_000, description: 'milliseconds, shortest gap between platform pages' }),
  SCRAPE_PACE_MAX_MS: T.Integer({ minimum: 0, default: 7_000, description: 'milliseconds, longest gap between platform pages' }),
  SCRAPE_RETRY_BASE_MS: T.Integer({ minimum: 0, default: 1_000, description: 'milliseconds before a source request is retried' }),
  SESSION_PROBE_URLS: T.String({
    default: '',
    pattern: '^$|^[a-z]+=https?://[^,]+(,[a-z]+=https?://[^,]+)*$',
    description: 'comma-separated platform=baseUrl pairs overriding where session health probes (e.g. linkedin=http://127.0.0.1:4000)',
  }),
  DEV_FEED_TOKEN: T.Optional(
    T.String({
      minLength: 16,
      title: 'set by bun run dev for the servers it starts, never by hand: only a server holding the token its local job feed wrote into the job_sources rows dev-* scrapes them',
      description: 'a random token (bun run dev makes a new one each start)',
    }),
  ),
  SMTP_URL: T.Optional(T.String({ pattern: '^smtps?://', description: 'an SMTP URL such as smtp://user:pass@host:587 for email applies' })),
  APPLY_FROM_EMAIL: T.String({ default: 'applications@talvix.local', description: 'the From address of email applies' }),
  CHROMIUM_PATH: T.String({ minLength: 1, default: '/usr/bin/chromium', description: 'path of the Chromium binary for browser applies' }),
  APPLY_DAILY_CAPS: T.String({
    default: 'linkedin:30,naukri:50,indeed:40,email:60,default:40',
    pattern: '^[a-z]+:[0-9]+(,[a-z]+:[0-9]+)*$',
    description: 'comma-separated platform:count daily apply caps per user (default: any other platform)',
  }),
  APPLY_COMPANY_COOLDOWN_DAYS: T.Integer({ minimum: 0, default: 30, description: 'days before auto-applying to the same company again' }),
  APPLY_PACE_MIN_MS: T.Integer({ minimum: 0, default: 45_000, description: 'milliseconds, shortest gap between one user\'s applies' }),
  APPLY_PACE_MAX_MS: T.Integer({ minimum: 0, default: 120_000, description: 'milliseconds, longest gap between one user\'s applies' }),
  APPLY_BROWSER_TIMEOUT_MS: T.Integer({ minimum: 1_000, default: 45_000, description: 'milliseconds a browser apply may take' }),
})

export type Config = Static<typeof EnvSchema>
