ALTER TABLE `subscriptions` ADD `idempotency_key` varchar(100);--> statement-breakpoint
ALTER TABLE `subscriptions` ADD CONSTRAINT `subscriptions_idempotency_uq` UNIQUE(`client_id`,`idempotency_key`);