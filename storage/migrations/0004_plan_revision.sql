-- A plan's revision grows with every change to the plan, its scale, areas,
-- activities or respondents, so a cached copy can be checked with one
-- cheap query. Triggers keep it, whatever code makes the change.
ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER plans_revision AFTER UPDATE OF organisation, title, year, archived ON plans
BEGIN UPDATE plans SET revision = revision + 1 WHERE id = NEW.id; END;

CREATE TRIGGER statuses_revision_ins AFTER INSERT ON statuses
BEGIN UPDATE plans SET revision = revision + 1 WHERE id = NEW.plan_id; END;
CREATE TRIGGER statuses_revision_upd AFTER UPDATE ON statuses
BEGIN UPDATE plans SET revision = revision + 1 WHERE id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER statuses_revision_del AFTER DELETE ON statuses
BEGIN UPDATE plans SET revision = revision + 1 WHERE id = OLD.plan_id; END;

CREATE TRIGGER areas_revision_ins AFTER INSERT ON areas
BEGIN UPDATE plans SET revision = revision + 1 WHERE id = NEW.plan_id; END;
CREATE TRIGGER areas_revision_upd AFTER UPDATE ON areas
BEGIN UPDATE plans SET revision = revision + 1 WHERE id IN (OLD.plan_id, NEW.plan_id); END;
CREATE TRIGGER areas_revision_del AFTER DELETE ON areas
BEGIN UPDATE plans SET revision = revision + 1 WHERE id = OLD.plan_id; END;

CREATE TRIGGER activities_revision_ins AFTER INSERT ON activities
BEGIN UPDATE plans SET revision = revision + 1 WHERE id = (SELECT plan_id FROM areas WHERE id = NEW.area_id); END;
CREATE TRIGGER activities_revision_upd AFTER UPDATE ON activities
BEGIN UPDATE plans SET revision = revision + 1 WHERE id IN (SELECT plan_id FROM areas WHERE id IN (OLD.area_id, NEW.area_id)); END;
CREATE TRIGGER activities_revision_del AFTER DELETE ON activities
BEGIN UPDATE plans SET revision = revision + 1 WHERE id = (SELECT plan_id FROM areas WHERE id = OLD.area_id); END;

CREATE TRIGGER activity_departments_revision_ins AFTER INSERT ON activity_departments
BEGIN UPDATE plans SET revision = revision + 1 WHERE id = (SELECT a.plan_id FROM activities t JOIN areas a ON a.id = t.area_id WHERE t.id = NEW.activity_id); END;
CREATE TRIGGER activity_departments_revision_del AFTER DELETE ON activity_departments
BEGIN UPDATE plans SET revision = revision + 1 WHERE id = (SELECT a.plan_id FROM activities t JOIN areas a ON a.id = t.area_id WHERE t.id = OLD.activity_id); END;

-- Department names appear in plans only through ids, but their order in a
-- plan's respondent lists follows the names.
CREATE TRIGGER departments_revision AFTER UPDATE OF name ON departments
BEGIN UPDATE plans SET revision = revision + 1 WHERE id IN (
  SELECT a.plan_id FROM activity_departments ad JOIN activities t ON t.id = ad.activity_id JOIN areas a ON a.id = t.area_id
  WHERE ad.department_id = NEW.id); END;
