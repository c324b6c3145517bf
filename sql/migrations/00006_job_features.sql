-- Fit scoring's per-job features, extracted once from a cleaned job (tokens and their counts,
-- weighted required skills, title terms, …: everything that does not depend on the other jobs),
-- so a full scan assembles 30,000 jobs from these instead of re-tokenising every JD per request.
-- `version` is the extractor's (server2/agents/fit-score/job-features.ts, FEATURE_VERSION): rows
-- of another version are ignored and re-extracted. Re-cleaning a job drops its row (trigger).
CREATE TABLE job_features (
  job_id      bigint PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
  version     integer NOT NULL,
  features    jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION job_features_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM job_features WHERE job_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER jobs_features_invalidate
  AFTER UPDATE OF title, structured, clean_jd ON jobs
  FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.structured IS DISTINCT FROM NEW.structured OR OLD.clean_jd IS DISTINCT FROM NEW.clean_jd)
  EXECUTE FUNCTION job_features_invalidate();
