CREATE TABLE "cisj_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"trainee_id" uuid NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"holder_name" text NOT NULL,
	"issued_on" date NOT NULL,
	"pdf" "bytea",
	"revoked" boolean DEFAULT false NOT NULL,
	"revoked_on" date,
	"revocation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cisj_dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainee_id" uuid NOT NULL,
	"status" text DEFAULT 'ouvert' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" uuid,
	"memoire_content" "bytea",
	"memoire_filename" text,
	"memoire_pages" integer,
	"memoire_uploaded_at" timestamp with time zone,
	"memoire_uploaded_by" uuid,
	"checked_parts" text[] DEFAULT '{}'::text[] NOT NULL,
	"soutenance_date" date,
	"decision" text,
	"decision_comment" text,
	"decided_on" date,
	"decided_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cisj_dossiers_trainee_unique" UNIQUE("trainee_id"),
	CONSTRAINT "cisj_dossiers_status_check" CHECK ("cisj_dossiers"."status" in ('ouvert', 'memoire_depose', 'soutenance_planifiee', 'certifie', 'ajourne')),
	CONSTRAINT "cisj_dossiers_decision_check" CHECK ("cisj_dossiers"."decision" is null or "cisj_dossiers"."decision" in ('admis', 'ajourne'))
);
--> statement-breakpoint
CREATE TABLE "cisj_equivalences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainee_id" uuid NOT NULL,
	"training_id" uuid,
	"category" text,
	"reason" text NOT NULL,
	"granted_on" date NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cisj_equivalences_target_check" CHECK (("cisj_equivalences"."training_id" is null) <> ("cisj_equivalences"."category" is null)),
	CONSTRAINT "cisj_equivalences_category_check" CHECK ("cisj_equivalences"."category" is null or "cisj_equivalences"."category" in ('TC', 'MSJ', 'TR')),
	CONSTRAINT "cisj_equivalences_reason_check" CHECK (length(trim("cisj_equivalences"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "cisj_jury_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cisj_certificates" ADD CONSTRAINT "cisj_certificates_dossier_id_cisj_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."cisj_dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cisj_certificates" ADD CONSTRAINT "cisj_certificates_trainee_id_users_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cisj_dossiers" ADD CONSTRAINT "cisj_dossiers_trainee_id_users_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cisj_dossiers" ADD CONSTRAINT "cisj_dossiers_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cisj_dossiers" ADD CONSTRAINT "cisj_dossiers_memoire_uploaded_by_users_id_fk" FOREIGN KEY ("memoire_uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cisj_dossiers" ADD CONSTRAINT "cisj_dossiers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cisj_equivalences" ADD CONSTRAINT "cisj_equivalences_trainee_id_users_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cisj_equivalences" ADD CONSTRAINT "cisj_equivalences_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cisj_equivalences" ADD CONSTRAINT "cisj_equivalences_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cisj_jury_members" ADD CONSTRAINT "cisj_jury_members_dossier_id_cisj_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."cisj_dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cisj_certificates_number_unique" ON "cisj_certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "cisj_certificates_year_sequence_unique" ON "cisj_certificates" USING btree ("year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "cisj_certificates_dossier_unique" ON "cisj_certificates" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "cisj_dossiers_status_idx" ON "cisj_dossiers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "cisj_equivalences_trainee_idx" ON "cisj_equivalences" USING btree ("trainee_id");--> statement-breakpoint
CREATE INDEX "cisj_jury_members_dossier_idx" ON "cisj_jury_members" USING btree ("dossier_id","position");