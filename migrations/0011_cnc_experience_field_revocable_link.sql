ALTER TABLE "cnc_candidacies" ALTER COLUMN "tracking_token" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cnc_experiences" ADD COLUMN "field" text;--> statement-breakpoint
ALTER TABLE "cnc_experiences" ADD CONSTRAINT "cnc_experiences_field_check" CHECK ("cnc_experiences"."field" in ('tutelaire', 'juridique', 'gestion', 'social', 'autre'));