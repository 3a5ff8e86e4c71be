CREATE TABLE "knowledge_test_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"test_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"correct_count" integer NOT NULL,
	"question_count" integer NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_test_attempts_score_check" CHECK ("knowledge_test_attempts"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "knowledge_test_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"test_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"prompt" text NOT NULL,
	"choices" jsonb NOT NULL,
	"correct" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_test_retakes" (
	"enrolment_id" uuid PRIMARY KEY NOT NULL,
	"allowed_by" uuid,
	"allowed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_tests_training_id_unique" UNIQUE("training_id")
);
--> statement-breakpoint
ALTER TABLE "knowledge_test_attempts" ADD CONSTRAINT "knowledge_test_attempts_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_test_attempts" ADD CONSTRAINT "knowledge_test_attempts_test_id_knowledge_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."knowledge_tests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_test_questions" ADD CONSTRAINT "knowledge_test_questions_test_id_knowledge_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."knowledge_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_test_retakes" ADD CONSTRAINT "knowledge_test_retakes_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_test_retakes" ADD CONSTRAINT "knowledge_test_retakes_allowed_by_users_id_fk" FOREIGN KEY ("allowed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_tests" ADD CONSTRAINT "knowledge_tests_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_tests" ADD CONSTRAINT "knowledge_tests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_test_attempts_enrolment_idx" ON "knowledge_test_attempts" USING btree ("enrolment_id","submitted_at");--> statement-breakpoint
CREATE INDEX "knowledge_test_questions_test_idx" ON "knowledge_test_questions" USING btree ("test_id","position");