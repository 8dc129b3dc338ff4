-- Every confined space is an access resource (`space:<tag>`, levels entrant, attendant, supervisor),
-- from the moment it is registered, whatever code path registers it; the spaces already here get theirs.
CREATE TRIGGER `spaces_access_resource` AFTER INSERT ON `spaces`
BEGIN
  INSERT INTO `access_resources` (`kind`, `levels`, `risk_tier`, `max_duration_hours`, `space_id`, `created_at`)
  VALUES ('space', '["entrant","attendant","supervisor"]', 'standard', 720, NEW.`id`, NEW.`created_at`);
END;
--> statement-breakpoint
INSERT INTO `access_resources` (`kind`, `levels`, `risk_tier`, `max_duration_hours`, `space_id`, `created_at`)
SELECT 'space', '["entrant","attendant","supervisor"]', 'standard', 720, `id`, `created_at` FROM `spaces`;
--> statement-breakpoint
-- A decision is immutable once made.
CREATE TRIGGER `access_approvals_no_update` BEFORE UPDATE ON `access_approvals`
BEGIN
  SELECT RAISE(ABORT, 'access approvals are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `access_approvals_no_delete` BEFORE DELETE ON `access_approvals`
BEGIN
  SELECT RAISE(ABORT, 'access approvals are immutable');
END;
