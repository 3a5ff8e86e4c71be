CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"objective_id" uuid NOT NULL,
	"description" text NOT NULL,
	"partner_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'a_faire' NOT NULL,
	"status_reason" text,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"measure_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'a_faire' NOT NULL,
	"status_reason" text,
	"due_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_objectives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"measure_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"place" text NOT NULL,
	"place_detail" text,
	"kind" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"partner_id" uuid,
	"attendance" text,
	"note" text,
	"reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessment_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"level" text DEFAULT 'non_evaluee' NOT NULL,
	"needs" text,
	"notes" text,
	CONSTRAINT "assessment_domains_unique" UNIQUE("assessment_id","domain")
);
--> statement-breakpoint
ALTER TABLE "assessment_domains" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"measure_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"author_id" uuid,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stored_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"measure_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"obligation_id" uuid,
	"appointment_id" uuid,
	"reported_on" date,
	"report_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "obligation_compliance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"obligation_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"assessed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "obligation_compliance" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "obligation_proofs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"obligation_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"file_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "obligation_proofs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"measure_id" uuid NOT NULL,
	"statutory_code" text,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"details" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"proof_required" boolean DEFAULT true NOT NULL,
	"first_proof_due" date,
	"proof_interval_days" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "obligations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "statutory_obligations" (
	"code" text PRIMARY KEY NOT NULL,
	"article" text NOT NULL,
	"legal_code" text NOT NULL,
	"number" text NOT NULL,
	"order" integer NOT NULL,
	"label" text NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"magistrate_function" text,
	"court_id" text,
	"contact_name" text,
	"phone" text,
	"email" text,
	"address" text,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partners" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"trainee_id" uuid NOT NULL,
	"association_id" uuid,
	"status" text NOT NULL,
	"funding" text,
	"enrolled_by" uuid,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"attendance_rate" numeric(5, 2),
	"test_score" numeric(5, 2),
	"test_refused" boolean DEFAULT false NOT NULL,
	"equivalence_reason" text,
	"validated" boolean DEFAULT false NOT NULL,
	"validation_basis" text,
	"validated_on" date,
	CONSTRAINT "enrolments_session_trainee_unique" UNIQUE("session_id","trainee_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text,
	"distance" boolean DEFAULT false NOT NULL,
	"trainers" text,
	"capacity" integer NOT NULL,
	"status" text DEFAULT 'ouverte' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"duration_days" integer NOT NULL,
	"hours" integer NOT NULL,
	"objectives" text,
	"counts_for_cisj" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainings_code_unique" UNIQUE("code"),
	CONSTRAINT "trainings_category_check" CHECK ("trainings"."category" in ('TC', 'MSJ', 'TR')),
	CONSTRAINT "trainings_duration_check" CHECK ("trainings"."duration_days" between 2 and 6)
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD CONSTRAINT "plan_objectives_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD CONSTRAINT "plan_objectives_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD CONSTRAINT "plan_objectives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_domains" ADD CONSTRAINT "assessment_domains_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_domains" ADD CONSTRAINT "assessment_domains_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_compliance" ADD CONSTRAINT "obligation_compliance_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_compliance" ADD CONSTRAINT "obligation_compliance_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_compliance" ADD CONSTRAINT "obligation_compliance_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_proofs" ADD CONSTRAINT "obligation_proofs_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_proofs" ADD CONSTRAINT "obligation_proofs_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_proofs" ADD CONSTRAINT "obligation_proofs_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_proofs" ADD CONSTRAINT "obligation_proofs_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_statutory_code_statutory_obligations_code_fk" FOREIGN KEY ("statutory_code") REFERENCES "public"."statutory_obligations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_court_id_judicial_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."judicial_courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_trainee_id_users_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_enrolled_by_users_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_objective_idx" ON "plan_actions" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "plan_actions_due_idx" ON "plan_actions" USING btree ("association_id","status","due_date");--> statement-breakpoint
CREATE INDEX "plan_objectives_measure_idx" ON "plan_objectives" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "appointments_measure_idx" ON "appointments" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "appointments_staff_start_idx" ON "appointments" USING btree ("staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "assessments_measure_idx" ON "assessments" USING btree ("measure_id","assessed_on");--> statement-breakpoint
CREATE INDEX "stored_files_association_idx" ON "stored_files" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "incidents_measure_idx" ON "incidents" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "obligation_compliance_obligation_idx" ON "obligation_compliance" USING btree ("obligation_id","period_start");--> statement-breakpoint
CREATE INDEX "obligation_proofs_obligation_idx" ON "obligation_proofs" USING btree ("obligation_id","received_on");--> statement-breakpoint
CREATE INDEX "obligations_measure_idx" ON "obligations" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "partners_association_kind_idx" ON "partners" USING btree ("association_id","kind");--> statement-breakpoint
CREATE INDEX "enrolments_trainee_idx" ON "enrolments" USING btree ("trainee_id");--> statement-breakpoint
CREATE INDEX "training_sessions_training_idx" ON "training_sessions" USING btree ("training_id","starts_on");--> statement-breakpoint
CREATE POLICY "plan_actions_same_association" ON "plan_actions" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "plan_objectives_same_association" ON "plan_objectives" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "appointments_same_association" ON "appointments" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "assessment_domains_same_association" ON "assessment_domains" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "assessments_same_association" ON "assessments" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "stored_files_same_association" ON "stored_files" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "incidents_same_association" ON "incidents" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "obligation_compliance_same_association" ON "obligation_compliance" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "obligation_proofs_same_association" ON "obligation_proofs" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "obligations_same_association" ON "obligations" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "partners_same_association" ON "partners" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());