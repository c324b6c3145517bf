-- Core schema: every table the design's events and flags touch.
-- Enums are text + CHECK (cheap to extend in a later migration, unlike CREATE TYPE).

CREATE TABLE plans (
  id                  text PRIMARY KEY CHECK (id IN ('free', 'pro', 'premium')),
  name                text NOT NULL,
  price_inr           integer NOT NULL CHECK (price_inr >= 0),
  period_days         integer NOT NULL CHECK (period_days > 0),
  weekly_apply_quota  integer NOT NULL CHECK (weekly_apply_quota >= 0),
  review_mode_forced  boolean NOT NULL DEFAULT false,
  wa_commands         text[] NOT NULL DEFAULT '{}',
  features            jsonb NOT NULL DEFAULT '{}'
);

INSERT INTO plans (id, name, price_inr, period_days, weekly_apply_quota, review_mode_forced, wa_commands) VALUES
  ('free',    'Free',    0,    30, 5,   true,  ARRAY['help','status','jobs','score','coach','stop','start']),
  ('pro',     'Pro',     499,  30, 50,  false, ARRAY['help','status','jobs','score','coach','stop','start','apply','skip','approve_all','pause','resume']),
  ('premium', 'Premium', 1299, 30, 150, false, ARRAY['help','status','jobs','score','coach','stop','start','apply','skip','approve_all','pause','resume']);

CREATE TABLE users (
  id                        uuid PRIMARY KEY,
  email                     text,
  full_name                 text,
  tier                      text NOT NULL DEFAULT 'free' REFERENCES plans (id),
  subscription_started_at   timestamptz,
  subscription_ends_at      timestamptz,
  downgrade_at_period_end   boolean NOT NULL DEFAULT false,
  phone_e164                text UNIQUE CHECK (phone_e164 ~ '^\+[1-9][0-9]{7,14}$'),
  phone_verified            boolean NOT NULL DEFAULT false,
  target_roles              text[] NOT NULL DEFAULT '{}',
  locations                 text[] NOT NULL DEFAULT '{}',
  expected_salary_inr       integer CHECK (expected_salary_inr >= 0),
  auto_apply_enabled        boolean NOT NULL DEFAULT false,
  auto_apply_min_score      integer NOT NULL DEFAULT 70 CHECK (auto_apply_min_score BETWEEN 0 AND 100),
  review_mode_until         timestamptz,
  wa_confirmations          boolean NOT NULL DEFAULT true,
  wa_alerts_enabled         boolean NOT NULL DEFAULT true,
  fit_scores_stale          boolean NOT NULL DEFAULT false,
  fit_scores_stale_since    timestamptz,
  dashboard_ready           boolean NOT NULL DEFAULT false,
  applies_this_week         integer NOT NULL DEFAULT 0 CHECK (applies_this_week >= 0),
  week_started_at           timestamptz NOT NULL DEFAULT now(),
  is_admin                  boolean NOT NULL DEFAULT false,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now()
);
-- poll: fit scoring full scan for stale users
CREATE INDEX users_fit_scores_stale_idx ON users (fit_scores_stale_since) WHERE fit_scores_stale;

CREATE TABLE user_connections (
  id              bigserial PRIMARY KEY,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  platform        text NOT NULL CHECK (platform IN ('linkedin', 'naukri', 'indeed', 'instahyre', 'wellfound')),
  ciphertext      bytea NOT NULL,
  key_id          text NOT NULL,
  is_valid        boolean NOT NULL DEFAULT true,
  invalid_reason  text,
  invalidated_at  timestamptz,
  alerted_at      timestamptz,
  checked_at      timestamptz,
  captured_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, platform)
);
-- poll: alert once per invalidation
CREATE INDEX user_connections_invalid_idx ON user_connections (invalidated_at)
  WHERE NOT is_valid AND (alerted_at IS NULL OR alerted_at < invalidated_at);

CREATE TABLE resumes (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  storage_path  text NOT NULL,
  file_name     text NOT NULL,
  mime_type     text NOT NULL CHECK (mime_type IN ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain')),
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL,
  is_active     boolean NOT NULL DEFAULT true,
  status        text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'parsed', 'failed')),
  profile       jsonb,
  parse_error   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  parsed_at     timestamptz
);
CREATE UNIQUE INDEX resumes_one_active_per_user ON resumes (user_id) WHERE is_active;

CREATE TABLE job_sources (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('naukri', 'indeed', 'linkedin', 'greenhouse', 'lever', 'ashby')),
  base_url    text NOT NULL,
  enabled     boolean NOT NULL DEFAULT true,
  config      jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE scrape_runs (
  id                bigserial PRIMARY KEY,
  -- the scrape agent run that owns this row; a retried run finds its row instead of making another
  agent_run_id      uuid UNIQUE,
  status            text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
  scoring_complete  boolean NOT NULL DEFAULT false,
  jobs_found        integer NOT NULL DEFAULT 0,
  source_stats      jsonb NOT NULL DEFAULT '{}',
  started_at        timestamptz NOT NULL DEFAULT now(),
  finished_at       timestamptz
);
-- poll: fit scoring (delta) picks up finished runs not yet scored
CREATE INDEX scrape_runs_scoring_pending_idx ON scrape_runs (id) WHERE NOT scoring_complete AND status = 'succeeded';

CREATE TABLE jobs (
  id                bigserial PRIMARY KEY,
  source            text NOT NULL,
  external_id       text NOT NULL,
  url               text,
  title             text NOT NULL,
  company           text NOT NULL,
  location_text     text,
  raw_jd            text NOT NULL,
  clean_jd          text,
  structured        jsonb,
  jd_cleaned        boolean NOT NULL DEFAULT false,
  content_hash      text,
  duplicate_of      bigint REFERENCES jobs (id),
  scrape_run_id     bigint REFERENCES scrape_runs (id),
  posted_at         timestamptz,
  first_seen_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, external_id)
);
-- poll: JD cleaning picks up uncleaned jobs
CREATE INDEX jobs_uncleaned_idx ON jobs (scrape_run_id) WHERE NOT jd_cleaned;
CREATE INDEX jobs_content_hash_idx ON jobs (content_hash) WHERE content_hash IS NOT NULL;
CREATE INDEX jobs_scrape_run_idx ON jobs (scrape_run_id);

CREATE TABLE scoring_weights (
  version     serial PRIMARY KEY,
  weights     jsonb NOT NULL,
  is_active   boolean NOT NULL DEFAULT false,
  reason      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX scoring_weights_one_active ON scoring_weights (is_active) WHERE is_active;
INSERT INTO scoring_weights (weights, is_active, reason) VALUES
  ('{"required_skills":0.35,"nice_skills":0.08,"title":0.2,"experience":0.12,"location":0.1,"salary":0.05,"text":0.1}', true, 'initial hand-set weights');

CREATE TABLE user_scoring_offsets (
  user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  offsets     jsonb NOT NULL DEFAULT '{}',
  sample_size integer NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fit_scores (
  user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  job_id           bigint NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  score            smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
  components       jsonb NOT NULL,
  explanation      jsonb NOT NULL,
  weights_version  integer REFERENCES scoring_weights (version),
  scored_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, job_id)
);
CREATE INDEX fit_scores_user_score_idx ON fit_scores (user_id, score DESC);

CREATE TABLE job_applications (
  id                    bigserial PRIMARY KEY,
  user_id               uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  job_id                bigint REFERENCES jobs (id),
  job_url               text,
  company               text NOT NULL,
  title                 text NOT NULL,
  source                text NOT NULL CHECK (source IN ('manual', 'auto')),
  status                text NOT NULL DEFAULT 'applied' CHECK (status IN ('saved', 'applied', 'interview', 'offer', 'rejected', 'withdrawn')),
  auto_status           text CHECK (auto_status IN ('queued', 'approved', 'preparing', 'ready', 'submitting', 'applied', 'failed', 'skipped')),
  fit_score             smallint CHECK (fit_score BETWEEN 0 AND 100),
  tailored_resume_path  text,
  cover_letter_path     text,
  channel               text CHECK (channel IN ('email', 'browser')),
  failure_reason        text,
  applied_at            timestamptz,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (job_id IS NOT NULL OR job_url IS NOT NULL),
  CHECK ((source = 'auto') = (auto_status IS NOT NULL))
);
CREATE UNIQUE INDEX job_applications_user_job_uq ON job_applications (user_id, job_id) WHERE job_id IS NOT NULL;
CREATE UNIQUE INDEX job_applications_user_url_uq ON job_applications (user_id, job_url) WHERE job_id IS NULL;
-- poll: Agent 12 revisits queued applies (approved or review mode expired)
CREATE INDEX job_applications_queued_idx ON job_applications (user_id) WHERE auto_status = 'queued';
CREATE INDEX job_applications_user_created_idx ON job_applications (user_id, created_at DESC);

CREATE TABLE signals (
  id              bigserial PRIMARY KEY,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('manual_apply', 'auto_apply', 'approved', 'skipped', 'interview', 'offer', 'rejected')),
  job_id          bigint REFERENCES jobs (id),
  application_id  bigint REFERENCES job_applications (id) ON DELETE SET NULL,
  data            jsonb NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signals_user_idx ON signals (user_id, created_at);

CREATE TABLE user_insights (
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('skill_gap', 'career_intel', 'coach')),
  data        jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);

CREATE TABLE notifications (
  id          bigserial PRIMARY KEY,
  user_id     uuid REFERENCES users (id) ON DELETE CASCADE,
  audience    text NOT NULL DEFAULT 'user' CHECK (audience IN ('user', 'operator')),
  kind        text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}',
  status      text NOT NULL DEFAULT 'unread' CHECK (status IN ('unread', 'read')),
  dedupe_key  text UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz,
  CHECK ((audience = 'user') = (user_id IS NOT NULL))
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE status = 'unread';

CREATE TABLE payment_events (
  id            bigserial PRIMARY KEY,
  provider      text NOT NULL DEFAULT 'razorpay' CHECK (provider IN ('razorpay')),
  event_id      text NOT NULL,
  event_type    text NOT NULL,
  user_id       uuid REFERENCES users (id) ON DELETE SET NULL,
  payload       jsonb NOT NULL,
  outcome       text NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, event_id)
);

CREATE TABLE wa_messages (
  id               bigserial PRIMARY KEY,
  direction        text NOT NULL CHECK (direction IN ('in', 'out')),
  message_id       text,
  user_id          uuid REFERENCES users (id) ON DELETE SET NULL,
  phone_e164       text NOT NULL,
  body             text NOT NULL,
  status           text NOT NULL CHECK (status IN ('received', 'ignored', 'processed', 'pending', 'sent', 'failed')),
  kind             text,
  dedupe_key       text UNIQUE,
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  wa_timestamp     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz,
  UNIQUE (direction, message_id)
);
-- poll: the socket holder sends pending outbound messages in order per user
CREATE INDEX wa_messages_outbox_idx ON wa_messages (next_attempt_at, id) WHERE direction = 'out' AND status = 'pending';
