-- The year cycle: a plan made from another as next year's plan keeps that
-- plan as its predecessor, and each activity carried into it keeps the
-- activity it came from. An origin that an imported plan names but this
-- installation does not have is kept as text, and every carried activity
-- keeps how many year changes it has been carried through.
--
-- An origin and a predecessor must be older rows than the row naming them
-- (a smaller id), so a line of origins or predecessors can never loop.

ALTER TABLE plans ADD COLUMN predecessor_id INTEGER REFERENCES plans (id) CHECK (predecessor_id < id);
CREATE UNIQUE INDEX plans_successor ON plans (predecessor_id, year) WHERE predecessor_id IS NOT NULL;

ALTER TABLE activities ADD COLUMN origin_id INTEGER REFERENCES activities (id) CHECK (origin_id < id);
ALTER TABLE activities ADD COLUMN origin_year INTEGER;                       -- an origin kept as text
ALTER TABLE activities ADD COLUMN origin_plan TEXT NOT NULL DEFAULT '';      -- its plan's title
ALTER TABLE activities ADD COLUMN origin_activity TEXT NOT NULL DEFAULT '';  -- its own title
ALTER TABLE activities ADD COLUMN times_carried INTEGER NOT NULL DEFAULT 0 CHECK (times_carried >= 0);
CREATE INDEX activities_origin ON activities (origin_id) WHERE origin_id IS NOT NULL;

-- An origin, once set, stays: history hangs on it.
CREATE TRIGGER activities_origin_fixed BEFORE UPDATE OF origin_id ON activities
WHEN OLD.origin_id IS NOT NEW.origin_id
BEGIN SELECT RAISE(ABORT, 'an activity''s origin cannot change'); END;

-- A plan shows its activities' origins by their current year and titles:
-- renaming an origin, or its plan, changes the plans carried from it.
CREATE TRIGGER activities_origin_title AFTER UPDATE OF title ON activities
BEGIN UPDATE plans SET revision = revision + 1 WHERE id IN (
  SELECT a.plan_id FROM activities t JOIN areas a ON a.id = t.area_id WHERE t.origin_id = NEW.id); END;

CREATE TRIGGER plans_origin_revision AFTER UPDATE OF title, year ON plans
BEGIN UPDATE plans SET revision = revision + 1 WHERE id IN (
  SELECT a.plan_id FROM activities t JOIN areas a ON a.id = t.area_id
  JOIN activities o ON o.id = t.origin_id JOIN areas oa ON oa.id = o.area_id
  WHERE oa.plan_id = NEW.id AND a.plan_id != NEW.id); END;
