-- Rules the database enforces itself, whatever the application does.

-- The audit trail is append-only: no UPDATE, DELETE or TRUNCATE, from any role.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_parent_fk
  FOREIGN KEY (parent_id) REFERENCES admin_unit(id);
--> statement-breakpoint
ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_level_check
  CHECK (level IN ('province', 'district', 'commune'));
--> statement-breakpoint
ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_validity_check
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to);
--> statement-breakpoint
ALTER TABLE app_user ADD CONSTRAINT app_user_status_check CHECK (status IN ('active', 'disabled'));
--> statement-breakpoint
ALTER TABLE app_user ADD CONSTRAINT app_user_locale_check CHECK (locale IN ('vi', 'en'));
--> statement-breakpoint
ALTER TABLE app_user ADD CONSTRAINT app_user_family_check CHECK (family IS NULL OR family IN ('KCN', 'CCN'));
--> statement-breakpoint
ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_scope_check
  CHECK (scope_kind IN ('all', 'family', 'commune', 'zone', 'organisation')
         AND (scope_kind = 'all') = (scope_ref IS NULL));
