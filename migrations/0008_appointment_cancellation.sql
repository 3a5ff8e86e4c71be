ALTER TABLE "appointments" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancellation_reason" text;