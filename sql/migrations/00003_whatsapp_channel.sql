-- WhatsApp channel: Baileys auth state, channel state, phone linking, confirmations, rate limits.
-- wa_messages itself (every inbound and outbound message) is in 00001.

-- Baileys creds ('creds') and Signal keys ('<type>:<id>'), BufferJSON-encoded text (JSON with
-- Buffers as base64): kept in Postgres so a restart or another machine keeps the pairing.
CREATE TABLE wa_auth_state (
  key         text PRIMARY KEY,
  value       text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row: what the socket holder last reported, read by GET /api/admin/wa and by standbys.
CREATE TABLE wa_channel_state (
  id             boolean PRIMARY KEY DEFAULT true CHECK (id),
  state          text NOT NULL DEFAULT 'down' CHECK (state IN ('down', 'connecting', 'pairing', 'up', 'logged_out')),
  holder         text,
  last_error     text,
  last_error_at  timestamptz,
  connected_at   timestamptz,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
INSERT INTO wa_channel_state DEFAULT VALUES;

-- The number a user asked to link and the code sent to it. The number reaches users.phone_e164
-- only once the code comes back, so nobody can claim someone else's number by typing it.
CREATE TABLE phone_verifications (
  user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  phone_e164  text NOT NULL CHECK (phone_e164 ~ '^\+[1-9][0-9]{7,14}$'),
  code_hash   text NOT NULL,
  attempts    integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  expires_at  timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- A changing command waiting for YES; one per user, a newer command replaces it.
CREATE TABLE wa_pending_confirmations (
  user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  action      jsonb NOT NULL,
  expires_at  timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Gate 2's per-user command budget: a fixed one-hour window and whether "slow down" was sent in it.
CREATE TABLE wa_rate_limits (
  user_id            uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  window_started_at  timestamptz NOT NULL,
  commands           integer NOT NULL CHECK (commands >= 0),
  warned             boolean NOT NULL DEFAULT false
);

-- The numbered list a user last saw ("jobs"), so "apply 2" means the job shown as 2 even if
-- scores changed since.
CREATE TABLE wa_job_lists (
  user_id  uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  job_ids  bigint[] NOT NULL,
  sent_at  timestamptz NOT NULL DEFAULT now()
);

-- What the inbound pipeline did with a message ('executed:jobs', 'rejected:stale', ...).
ALTER TABLE wa_messages ADD COLUMN outcome text;

-- verification-code request limits count recent code messages per user and per number
CREATE INDEX wa_messages_verification_idx ON wa_messages (phone_e164, created_at) WHERE kind = 'verification';
-- the outbound sender sends only the oldest pending message of each number (order per user)
CREATE INDEX wa_messages_outbox_phone_idx ON wa_messages (phone_e164, id) WHERE direction = 'out' AND status = 'pending';
CREATE INDEX wa_messages_user_created_idx ON wa_messages (user_id, created_at) WHERE user_id IS NOT NULL;
