-- Server 3 automation: cross-source job keys, the apply outbox, calibration versions.

-- An employer's name as boards spell it differently: case, punctuation and legal/brand suffixes
-- ("Acme Analytics Pvt. Ltd." = "ACME Analytics") are dropped. IMMUTABLE so generated columns can use it.
CREATE FUNCTION talvix_company_key(p_company text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(
           regexp_replace(lower(replace(coalesce(p_company, ''), '&', ' and ')), '[^a-z0-9]+', ' ', 'g'),
           '(\s+(pvt|private|ltd|limited|llp|llc|inc|incorporated|corp|corporation|co|company|plc|gmbh|pte|india|the|opc|technologies|technology|solutions|services|software|systems|labs|consulting|global|group))+\s*$',
           ''))
$$;

-- A job title without case, punctuation or spacing differences ("Sr. Data Analyst" ≠ "Data Analyst": seniority stays).
CREATE FUNCTION talvix_title_key(p_title text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(coalesce(p_title, '')), '[^a-z0-9]+', ' ', 'g'))
$$;

-- The same opening on Naukri, LinkedIn and Indeed has one key: the scrape links later copies to the
-- first (duplicate_of), and Agent 12 never applies to the same company + title twice.
ALTER TABLE jobs ADD COLUMN dedupe_key text GENERATED ALWAYS AS (talvix_company_key(company) || '|' || talvix_title_key(title)) STORED;
CREATE INDEX jobs_dedupe_key_idx ON jobs (dedupe_key, id) WHERE duplicate_of IS NULL;

ALTER TABLE job_applications
  ADD COLUMN company_key text GENERATED ALWAYS AS (talvix_company_key(company)) STORED,
  ADD COLUMN dedupe_key text GENERATED ALWAYS AS (talvix_company_key(company) || '|' || talvix_title_key(title)) STORED;
-- never the same company + title twice for one user through auto-apply, whichever source listed it
CREATE UNIQUE INDEX job_applications_auto_dedupe_uq ON job_applications (user_id, dedupe_key) WHERE source = 'auto';
-- per-company cooldown and "already applied" checks
CREATE INDEX job_applications_user_company_idx ON job_applications (user_id, company_key, created_at DESC);
CREATE INDEX job_applications_user_dedupe_idx ON job_applications (user_id, dedupe_key);

-- The apply outbox. A row is committed ('started') before anything is sent and marked 'submitted'
-- the moment the portal or mail server confirms, so a crash between "submitted" and "recorded"
-- is recovered by reading this table (and the portal) instead of applying again.
CREATE TABLE apply_attempts (
  id              bigserial PRIMARY KEY,
  application_id  bigint NOT NULL REFERENCES job_applications (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  channel         text NOT NULL CHECK (channel IN ('email', 'browser')),
  -- what per-platform daily caps count: the job's platform for browser applies, 'email' for mail
  platform        text NOT NULL,
  target          text NOT NULL,
  status          text NOT NULL DEFAULT 'started'
                  CHECK (status IN ('started', 'submitted', 'recorded', 'failed', 'blocked', 'uncertain', 'abandoned')),
  run_id          uuid REFERENCES agent_runs (id) ON DELETE SET NULL,
  evidence        jsonb NOT NULL DEFAULT '{}',
  error           text,
  started_at      timestamptz NOT NULL DEFAULT now(),
  submitted_at    timestamptz,
  finished_at     timestamptz
);
-- at most one attempt in flight per application
CREATE UNIQUE INDEX apply_attempts_open_uq ON apply_attempts (application_id) WHERE status IN ('started', 'submitted');
-- daily caps and pacing
CREATE INDEX apply_attempts_user_day_idx ON apply_attempts (user_id, platform, started_at DESC);

-- Layer 3 versions: what each fitted version came from, and which version it replaced (rollback target).
ALTER TABLE scoring_weights
  ADD COLUMN previous_version integer REFERENCES scoring_weights (version),
  ADD COLUMN sample_size integer NOT NULL DEFAULT 0,
  ADD COLUMN metrics jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN activated_at timestamptz,
  ADD COLUMN rolled_back_at timestamptz;
UPDATE scoring_weights SET activated_at = created_at WHERE is_active;

-- Layer 2 bookkeeping: what the offsets were fitted from (the dashboard can explain them).
ALTER TABLE user_scoring_offsets ADD COLUMN details jsonb NOT NULL DEFAULT '{}';

-- The default job sources. Disabled: an operator enables them (and sets company boards) per deployment.
INSERT INTO job_sources (id, kind, base_url, enabled, config) VALUES
  ('naukri', 'naukri', 'https://www.naukri.com', false, '{}'),
  ('indeed-in', 'indeed', 'https://apis.indeed.com', false, '{}'),
  ('linkedin', 'linkedin', 'https://www.linkedin.com', false, '{}')
ON CONFLICT (id) DO NOTHING;
