CREATE TABLE "associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"siret" text,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"departement_code" text,
	"court_of_appeal_id" text,
	"fields_of_intervention" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"phone" text,
	"member_since" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "associations_siret_unique" UNIQUE("siret")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"data" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"role" text NOT NULL,
	"association_id" uuid,
	"service_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('intervenant', 'chef_service', 'direction', 'formation', 'federation', 'admin')),
	CONSTRAINT "users_association_for_field_roles" CHECK ("users"."role" not in ('intervenant', 'chef_service', 'direction') or "users"."association_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid,
	"person_id" uuid,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "measure_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"measure_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_status_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"person_id" uuid NOT NULL,
	"number" text NOT NULL,
	"type_code" text NOT NULL,
	"magistrate_function" text NOT NULL,
	"magistrate_name" text,
	"court_id" text NOT NULL,
	"proceedings_number" text,
	"decision_date" date NOT NULL,
	"received_date" date NOT NULL,
	"referent_id" uuid NOT NULL,
	"report_due_date" date NOT NULL,
	"end_date" date,
	"status" text DEFAULT 'recue' NOT NULL,
	"status_date" date NOT NULL,
	"report_submitted_on" date,
	"closed_on" date,
	"outcome_code" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_number_unique" UNIQUE("association_id","number")
);
--> statement-breakpoint
ALTER TABLE "measures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"last_name" text NOT NULL,
	"used_name" text,
	"first_name" text NOT NULL,
	"birth_date" date,
	"birth_place" text,
	"sex" text,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"phone" text,
	"email" text,
	"reminder_consent" boolean DEFAULT false NOT NULL,
	"family_situation" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "courts_of_appeal" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"seat" text NOT NULL,
	"departements" text[] NOT NULL,
	"alsace_moselle" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departements" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"zone" text NOT NULL,
	"alsace_moselle" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "judicial_courts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"seat" text NOT NULL,
	"kind" text NOT NULL,
	"departement_seat" text NOT NULL,
	"departements" text[] NOT NULL,
	"court_of_appeal_id" text,
	"alsace_moselle" boolean DEFAULT false NOT NULL,
	"overseas" boolean DEFAULT false NOT NULL,
	"proximity_chambers" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_types" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"short_label" text NOT NULL,
	"phase" text NOT NULL,
	"publics" text[] NOT NULL,
	"ordered_by" text[] NOT NULL,
	"legal_basis" text NOT NULL,
	"default_report_deadline" jsonb NOT NULL,
	"report_kinds" text[] NOT NULL,
	"outcomes" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_status_changes" ADD CONSTRAINT "measure_status_changes_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_status_changes" ADD CONSTRAINT "measure_status_changes_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_status_changes" ADD CONSTRAINT "measure_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_type_code_measure_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."measure_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_court_id_judicial_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."judicial_courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_referent_id_users_id_fk" FOREIGN KEY ("referent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judicial_courts" ADD CONSTRAINT "judicial_courts_court_of_appeal_id_courts_of_appeal_id_fk" FOREIGN KEY ("court_of_appeal_id") REFERENCES "public"."courts_of_appeal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_association_idx" ON "users" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "audit_log_association_at_idx" ON "audit_log" USING btree ("association_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_person_idx" ON "audit_log" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "measure_status_changes_measure_idx" ON "measure_status_changes" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "measures_person_idx" ON "measures" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "measures_caseload_idx" ON "measures" USING btree ("association_id","status","referent_id");--> statement-breakpoint
CREATE INDEX "persons_association_idx" ON "persons" USING btree ("association_id","last_name");--> statement-breakpoint
CREATE POLICY "audit_log_same_association" ON "audit_log" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "measure_status_changes_same_association" ON "measure_status_changes" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "measures_same_association" ON "measures" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "persons_same_association" ON "persons" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());