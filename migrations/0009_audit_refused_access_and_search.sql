-- Refused accesses and searches in the access log: a user without association (federation, formation,
-- admin) records its refused accesses with a null association; the administrator reads every row.
ALTER TABLE "audit_log" ALTER COLUMN "association_id" DROP NOT NULL;--> statement-breakpoint
CREATE POLICY "audit_log_insert_without_association" ON "audit_log" AS PERMISSIVE FOR INSERT TO "parcours_app" WITH CHECK (association_id is null and app_current_association() is null);--> statement-breakpoint
CREATE POLICY "audit_log_admin_reads_all" ON "audit_log" AS PERMISSIVE FOR SELECT TO "parcours_app" USING (exists (select 1 from users u where u.id = nullif(current_setting('app.user_id', true), '')::uuid and u.role = 'admin' and u.active));
