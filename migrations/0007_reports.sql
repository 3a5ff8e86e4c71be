CREATE TABLE "report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"report_id" uuid NOT NULL,
	"format" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_files_format_unique" UNIQUE("report_id","format")
);
--> statement-breakpoint
ALTER TABLE "report_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid DEFAULT app_current_association() NOT NULL,
	"measure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'brouillon' NOT NULL,
	"version" integer,
	"sections" jsonb NOT NULL,
	"incident_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"based_on_id" uuid,
	"author_id" uuid NOT NULL,
	"issued_on" date,
	"issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_version_unique" UNIQUE("measure_id","kind","version")
);
--> statement-breakpoint
ALTER TABLE "reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_measure_idx" ON "reports" USING btree ("measure_id","created_at");--> statement-breakpoint
CREATE POLICY "report_files_same_association" ON "report_files" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());--> statement-breakpoint
CREATE POLICY "reports_same_association" ON "reports" AS PERMISSIVE FOR ALL TO "parcours_app" USING (association_id = app_current_association()) WITH CHECK (association_id = app_current_association());