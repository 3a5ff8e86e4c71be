CREATE TABLE "cnc_candidacies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"mention" text NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'brouillon' NOT NULL,
	"fee_cents" integer NOT NULL,
	"fee_paid_on" date,
	"requested_dispenses" text[] DEFAULT '{}'::text[] NOT NULL,
	"requested_allegements" text[] DEFAULT '{}'::text[] NOT NULL,
	"tracking_token" text NOT NULL,
	"commission_id" uuid,
	"presented_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cnc_candidacies_tracking_token_unique" UNIQUE("tracking_token"),
	CONSTRAINT "cnc_candidacies_candidate_mention_unique" UNIQUE("candidate_id","mention"),
	CONSTRAINT "cnc_candidacies_mention_check" CHECK ("cnc_candidacies"."mention" in ('MJPM', 'MAJ', 'MJAGBF')),
	CONSTRAINT "cnc_candidacies_mode_check" CHECK ("cnc_candidacies"."mode" in ('mandataire_prive', 'prepose_etablissement', 'salarie_service') and not ("cnc_candidacies"."mention" = 'MJAGBF' and "cnc_candidacies"."mode" = 'prepose_etablissement')),
	CONSTRAINT "cnc_candidacies_status_check" CHECK ("cnc_candidacies"."status" in ('brouillon', 'incomplet', 'complet', 'en_commission', 'admis', 'positionne', 'refuse', 'conteste', 'entretien_planifie')),
	CONSTRAINT "cnc_candidacies_token_check" CHECK (length("cnc_candidacies"."tracking_token") >= 22)
);
--> statement-breakpoint
CREATE TABLE "cnc_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"email" text,
	"phone" text,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"user_id" uuid,
	"old_certificate" text,
	"held_mentions" text[] DEFAULT '{}'::text[] NOT NULL,
	"has_social_work_diploma" boolean DEFAULT false NOT NULL,
	"social_work_diploma_title" text,
	"has_level5_diploma" boolean DEFAULT false NOT NULL,
	"level5_job_months" integer DEFAULT 0 NOT NULL,
	"other_diplomas" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cnc_candidates_old_certificate_check" CHECK ("cnc_candidates"."old_certificate" in ('TMP', 'TPS')),
	CONSTRAINT "cnc_candidates_level5_job_months_check" CHECK ("cnc_candidates"."level5_job_months" between 0 and 1200)
);
--> statement-breakpoint
CREATE TABLE "cnc_commission_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commission_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cnc_commission_members_role_check" CHECK ("cnc_commission_members"."role" in ('training_body', 'head_of_judicial_trainings', 'professional'))
);
--> statement-breakpoint
CREATE TABLE "cnc_commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meets_on" date NOT NULL,
	"place" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cnc_contests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"decision_id" uuid,
	"contested_on" date NOT NULL,
	"reason" text NOT NULL,
	"source" text NOT NULL,
	"interview_on" date,
	"interview_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cnc_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"commission_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"dispensed_modules" text[] DEFAULT '{}'::text[] NOT NULL,
	"alleged_modules" text[] DEFAULT '{}'::text[] NOT NULL,
	"entry_date" date,
	"internship_dispensed" boolean DEFAULT false NOT NULL,
	"theory_hours_due" integer,
	"comment" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cnc_decisions_outcome_check" CHECK ("cnc_decisions"."outcome" in ('admis', 'positionne', 'refuse'))
);
--> statement-breakpoint
CREATE TABLE "cnc_experiences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"employer" text NOT NULL,
	"tutelary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "cnc_experiences_dates_check" CHECK ("cnc_experiences"."to_date" is null or "cnc_experiences"."to_date" >= "cnc_experiences"."from_date")
);
--> statement-breakpoint
CREATE TABLE "cnc_pieces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"code" text NOT NULL,
	"provided" boolean DEFAULT true NOT NULL,
	"filename" text,
	"mime_type" text,
	"size" integer,
	"content" "bytea",
	"provided_by" text DEFAULT 'service' NOT NULL,
	"provided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cnc_pieces_candidacy_code_unique" UNIQUE("candidacy_id","code")
);
--> statement-breakpoint
ALTER TABLE "cnc_candidacies" ADD CONSTRAINT "cnc_candidacies_candidate_id_cnc_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."cnc_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_candidacies" ADD CONSTRAINT "cnc_candidacies_commission_id_cnc_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."cnc_commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_candidacies" ADD CONSTRAINT "cnc_candidacies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_candidates" ADD CONSTRAINT "cnc_candidates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_candidates" ADD CONSTRAINT "cnc_candidates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_commission_members" ADD CONSTRAINT "cnc_commission_members_commission_id_cnc_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."cnc_commissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_commissions" ADD CONSTRAINT "cnc_commissions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_contests" ADD CONSTRAINT "cnc_contests_candidacy_id_cnc_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."cnc_candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_contests" ADD CONSTRAINT "cnc_contests_decision_id_cnc_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."cnc_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_contests" ADD CONSTRAINT "cnc_contests_interview_member_id_cnc_commission_members_id_fk" FOREIGN KEY ("interview_member_id") REFERENCES "public"."cnc_commission_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_decisions" ADD CONSTRAINT "cnc_decisions_candidacy_id_cnc_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."cnc_candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_decisions" ADD CONSTRAINT "cnc_decisions_commission_id_cnc_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."cnc_commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_decisions" ADD CONSTRAINT "cnc_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_experiences" ADD CONSTRAINT "cnc_experiences_candidate_id_cnc_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."cnc_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cnc_pieces" ADD CONSTRAINT "cnc_pieces_candidacy_id_cnc_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."cnc_candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cnc_candidacies_status_idx" ON "cnc_candidacies" USING btree ("status","mention");--> statement-breakpoint
CREATE INDEX "cnc_candidacies_commission_idx" ON "cnc_candidacies" USING btree ("commission_id");--> statement-breakpoint
CREATE INDEX "cnc_candidates_name_idx" ON "cnc_candidates" USING btree ("last_name","first_name");--> statement-breakpoint
CREATE INDEX "cnc_commission_members_commission_idx" ON "cnc_commission_members" USING btree ("commission_id");--> statement-breakpoint
CREATE INDEX "cnc_contests_candidacy_idx" ON "cnc_contests" USING btree ("candidacy_id","created_at");--> statement-breakpoint
CREATE INDEX "cnc_decisions_candidacy_idx" ON "cnc_decisions" USING btree ("candidacy_id","decided_at");--> statement-breakpoint
CREATE INDEX "cnc_experiences_candidate_idx" ON "cnc_experiences" USING btree ("candidate_id");