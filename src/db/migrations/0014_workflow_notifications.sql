-- Workflow notices (submitted, returned, accepted, signed …) queue their e-mail in the same transaction as the
-- step itself; the mail outbox sends it after commit. The queued row keeps its text until it is sent.
ALTER TABLE "outbound_mail" ADD COLUMN "body" text;
--> statement-breakpoint
CREATE INDEX "outbound_mail_pending_idx" ON "outbound_mail" USING btree ("id") WHERE status = 'pending';
