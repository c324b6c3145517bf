-- Row level security. On Supabase every table in `public` is reachable through the project's REST
-- API with the anon key or any signed-in user's token, and Supabase grants anon and authenticated
-- every table privilege by default: RLS is what protects. Every table here gets RLS, deny by
-- default; the only policies let a signed-in user read their own `users` row and their own
-- `notifications` (what Supabase Realtime needs to push them). The servers connect as the tables'
-- owner, which RLS does not apply to (no FORCE ROW LEVEL SECURITY anywhere), so they are unaffected.

-- Supabase's API roles, on plain PostgreSQL and PGlite (Supabase has them). Roles are
-- cluster-wide while tests migrate many databases at once: two CREATE ROLEs racing end in
-- duplicate_object (the other one committed first) or unique_violation (it committed while this
-- one waited on pg_authid's index); either way the role exists, which is all that is wanted.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;

-- auth.uid() as Supabase Auth defines it (supabase/auth, migration 20211202183645): the `sub` of
-- the JWT claims PostgREST and Realtime put in `request.jwt.claims` (or the older per-claim
-- `request.jwt.claim.sub`). The inner NULLIFs only add that a setting reset to '' after an
-- earlier transaction reads as "no claims" instead of failing the ::jsonb cast.
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'auth') THEN
    CREATE SCHEMA auth;
  END IF;
  IF to_regprocedure('auth.uid()') IS NULL THEN
    CREATE FUNCTION auth.uid() RETURNS uuid
    LANGUAGE sql STABLE AS $fn$
      SELECT nullif(
        coalesce(
          nullif(current_setting('request.jwt.claim.sub', true), ''),
          nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
        ),
        ''
      )::uuid
    $fn$;
    GRANT USAGE ON SCHEMA auth TO anon, authenticated;
    GRANT EXECUTE ON FUNCTION auth.uid() TO anon, authenticated;
  END IF;
END $do$;

-- The privileges Supabase gives the API roles on `public` (its default privileges), so that on
-- plain PostgreSQL too it is RLS, not a missing GRANT, that refuses them: what the tests prove
-- is then what protects a Supabase deployment. On Supabase this changes nothing.
GRANT USAGE ON SCHEMA public TO anon, authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO anon, authenticated;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO anon, authenticated;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO anon, authenticated;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO anon, authenticated;

-- Every table in `public` this project created (postgres-shift's `migrations` included), not
-- tables an extension owns. A table added by a later migration must enable RLS itself:
-- tests/foundation/row-level-security.test.ts fails until it does.
DO $$
DECLARE
  v_table regclass;
BEGIN
  FOR v_table IN
    SELECT c.oid::regclass FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', v_table);
  END LOOP;
END $$;

-- `(SELECT auth.uid())` is evaluated once per statement, not once per row.
CREATE POLICY users_select_own ON users FOR SELECT TO authenticated
  USING (id = (SELECT auth.uid()));

CREATE POLICY notifications_select_own ON notifications FOR SELECT TO authenticated
  USING (user_id = (SELECT auth.uid()));

-- Supabase Realtime pushes a change only to subscribers whose policy lets them select the row;
-- `users` joins the publication so dashboard_ready flipping to TRUE reaches the dashboard as an
-- UPDATE. REPLICA IDENTITY stays DEFAULT: with RLS on, Supabase sends only the primary key as
-- old_record even under FULL, and the dashboard needs only the new row.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime' AND NOT puballtables)
     AND NOT EXISTS (SELECT 1 FROM pg_publication_tables
                      WHERE pubname = 'supabase_realtime' AND schemaname = 'public' AND tablename = 'users') THEN
    ALTER PUBLICATION supabase_realtime ADD TABLE users;
  END IF;
END $$;
