-- Retention: the nightly `retention` schedule (server3/agents/retention/) deletes rows past their
-- window in batches. These indexes keep each batch an index range scan, and keep the foreign-key
-- work a delete triggers (ON DELETE CASCADE / SET NULL, and the NO ACTION checks) an index probe
-- instead of a scan of the referencing table per deleted row. Windows and the reasons they are
-- safe: docs/architecture.md, "Retention".

-- oldest first, per pruned table (agent_runs already has agent_runs_created_idx)
CREATE INDEX wa_messages_created_idx ON wa_messages (created_at);
CREATE INDEX notifications_created_idx ON notifications (created_at);
CREATE INDEX fanout_joins_created_idx ON fanout_joins (created_at);
-- (last_seen_at, id): the walk over expired jobs resumes after the last one it looked at
CREATE INDEX jobs_last_seen_idx ON jobs (last_seen_at, id);

-- an incomplete join is dropped only once no sibling run is left
CREATE INDEX agent_runs_join_key_idx ON agent_runs (join_key) WHERE join_key IS NOT NULL;

-- what deleting a run or a job makes PostgreSQL look up in the tables that reference it
CREATE INDEX apply_attempts_run_idx ON apply_attempts (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX fit_scores_job_idx ON fit_scores (job_id);
CREATE INDEX jobs_duplicate_of_idx ON jobs (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX job_applications_job_idx ON job_applications (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX signals_job_idx ON signals (job_id) WHERE job_id IS NOT NULL;
