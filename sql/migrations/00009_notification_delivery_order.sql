-- Realtime replays a user's missed notifications after a cursor, so the cursor must follow commit
-- order. `id` does not: it is taken at INSERT and the row becomes visible at COMMIT, so A can take
-- 10, B take 11, B commit first, and a dashboard that got 11 and re-joins "after 11" never gets 10.
-- `delivery_seq` is taken at commit instead: a deferred constraint trigger runs as its transaction
-- commits, takes one advisory transaction lock (7451220003, used for nothing else) and then
-- `nextval`. The lock is released only after the commit is visible, so the next committing
-- transaction takes its values after that: delivery_seq order is commit order, and a row with a
-- smaller delivery_seq is always visible before a row with a larger one. Only the commits of
-- transactions that insert notifications wait on each other, not the work before them.
-- Within a transaction the rows get their values in insert order (the order of their NOTIFYs).
-- The trigger overwrites whatever an INSERT put there, and rows committed before this migration
-- keep their id as their delivery_seq (they come before every later one).
-- On Supabase the row reaches Supabase Realtime as inserted (delivery_seq still NULL) followed by
-- the trigger's UPDATE (docs/frontend.md).

ALTER TABLE notifications ADD COLUMN delivery_seq bigint;
CREATE SEQUENCE notifications_delivery_seq_seq OWNED BY notifications.delivery_seq;
UPDATE notifications SET delivery_seq = id;
SELECT setval('notifications_delivery_seq_seq', coalesce(max(id), 0) + 1, false) FROM notifications;

-- a replay and a user's newest row: the user's rows after a cursor, in order
CREATE INDEX notifications_user_delivery_idx ON notifications (user_id, delivery_seq);

CREATE FUNCTION assign_notification_delivery_seq() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7451220003);
  UPDATE notifications SET delivery_seq = nextval('notifications_delivery_seq_seq') WHERE id = NEW.id;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER notifications_delivery_seq AFTER INSERT ON notifications
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION assign_notification_delivery_seq();

-- Server 1 pushes the dashboard_ready UPDATE together with the dashboard_ready notification that
-- the flip's transaction inserts (so a replay carries it too); nothing listens here any more.
DROP TRIGGER users_dashboard_ready_notify ON users;
DROP FUNCTION notify_dashboard_ready();
