-- The event backbone: durable agent runs, fan-out joins, schedule triggers, realtime NOTIFY.

CREATE TABLE agent_runs (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agent             text NOT NULL,
  idempotency_key   text NOT NULL UNIQUE,
  input             jsonb NOT NULL,
  output            jsonb,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'succeeded', 'failed')),
  attempts          integer NOT NULL DEFAULT 0,
  max_attempts      integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  lease_owner       text,
  lease_expires_at  timestamptz,
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  user_id           uuid REFERENCES users (id) ON DELETE SET NULL,
  parent_run_id     uuid REFERENCES agent_runs (id) ON DELETE SET NULL,
  join_key          text,
  error             text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  started_at        timestamptz,
  finished_at       timestamptz,
  duration_ms       integer
);
-- poll: workers claim due pending runs and runs whose lease expired
CREATE INDEX agent_runs_pending_idx ON agent_runs (agent, next_attempt_at) WHERE status = 'pending';
CREATE INDEX agent_runs_lease_idx ON agent_runs (agent, lease_expires_at) WHERE status = 'running';
CREATE INDEX agent_runs_created_idx ON agent_runs (created_at DESC);
CREATE INDEX agent_runs_parent_idx ON agent_runs (parent_run_id) WHERE parent_run_id IS NOT NULL;

-- A fan-out whose completion is decided here, atomically: the last sibling to succeed completes it.
CREATE TABLE fanout_joins (
  join_key      text PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('onboarding', 'apply_prep')),
  user_id       uuid REFERENCES users (id) ON DELETE CASCADE,
  expected      text[] NOT NULL,
  succeeded     text[] NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz
);

CREATE TABLE cron_triggers (
  id             bigserial PRIMARY KEY,
  schedule       text NOT NULL,
  due_at         timestamptz NOT NULL,
  source         text NOT NULL CHECK (source IN ('pg_cron', 'scheduler', 'backfill', 'manual')),
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'dispatched')),
  run_id         uuid REFERENCES agent_runs (id) ON DELETE SET NULL,
  fired_at       timestamptz NOT NULL DEFAULT now(),
  dispatched_at  timestamptz,
  UNIQUE (schedule, due_at)
);
-- poll: owning servers claim pending triggers
CREATE INDEX cron_triggers_pending_idx ON cron_triggers (schedule, id) WHERE status = 'pending';

-- Called by pg_cron (or the in-process scheduler where pg_cron is absent): record the trigger
-- durably, then wake the owning server. The (schedule, due_at) key makes a double fire a no-op.
CREATE FUNCTION fire_schedule(p_schedule text, p_source text DEFAULT 'pg_cron', p_due_at timestamptz DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
BEGIN
  INSERT INTO cron_triggers (schedule, due_at, source)
  VALUES (p_schedule, coalesce(p_due_at, date_trunc('minute', now())), p_source)
  ON CONFLICT (schedule, due_at) DO NOTHING
  RETURNING id INTO v_id;
  IF v_id IS NOT NULL THEN
    PERFORM pg_notify('talvix_cron', json_build_object('id', v_id, 'schedule', p_schedule)::text);
  END IF;
  RETURN v_id;
END $$;

-- Records one sibling's success; returns true only for the call that completed the join.
-- FOR UPDATE serialises concurrent siblings, so exactly one of them sees the set complete.
CREATE FUNCTION complete_join_sibling(p_join_key text, p_sibling text)
RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  v_join fanout_joins%ROWTYPE;
  v_succeeded text[];
BEGIN
  SELECT * INTO v_join FROM fanout_joins WHERE join_key = p_join_key FOR UPDATE;
  IF NOT FOUND OR v_join.completed_at IS NOT NULL THEN
    RETURN false;
  END IF;
  v_succeeded := CASE WHEN p_sibling = ANY (v_join.succeeded) THEN v_join.succeeded ELSE v_join.succeeded || p_sibling END;
  UPDATE fanout_joins
     SET succeeded = v_succeeded,
         completed_at = CASE WHEN v_join.expected <@ v_succeeded THEN now() END
   WHERE join_key = p_join_key;
  RETURN v_join.expected <@ v_succeeded;
END $$;

-- Realtime: every notification row and every dashboard_ready flip wakes Server 1's bridge.
-- The row travels in the payload (saving Server 1 a read per push) unless it would pass
-- NOTIFY's 8000-byte limit; then only the id does and the bridge reads the row.
CREATE FUNCTION notify_notification_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_payload text := json_build_object('id', NEW.id, 'user_id', NEW.user_id, 'row',
    json_build_object('id', NEW.id, 'user_id', NEW.user_id, 'kind', NEW.kind, 'title', NEW.title, 'body', NEW.body,
                      'data', NEW.data, 'status', NEW.status, 'created_at', NEW.created_at))::text;
BEGIN
  IF octet_length(v_payload) > 7900 THEN
    v_payload := json_build_object('id', NEW.id, 'user_id', NEW.user_id)::text;
  END IF;
  PERFORM pg_notify('talvix_notifications', v_payload);
  RETURN NEW;
END $$;

CREATE TRIGGER notifications_notify AFTER INSERT ON notifications
  FOR EACH ROW EXECUTE FUNCTION notify_notification_insert();

CREATE FUNCTION notify_dashboard_ready() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('talvix_users', json_build_object('user_id', NEW.id, 'dashboard_ready', NEW.dashboard_ready)::text);
  RETURN NEW;
END $$;

CREATE TRIGGER users_dashboard_ready_notify AFTER UPDATE OF dashboard_ready ON users
  FOR EACH ROW WHEN (NEW.dashboard_ready AND NOT OLD.dashboard_ready)
  EXECUTE FUNCTION notify_dashboard_ready();

-- On Supabase, Supabase Realtime pushes notifications itself: add the table to its publication.
-- Elsewhere the publication does not exist and Server 1's LISTEN bridge does the pushing.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
    ALTER PUBLICATION supabase_realtime ADD TABLE notifications;
  END IF;
END $$;
