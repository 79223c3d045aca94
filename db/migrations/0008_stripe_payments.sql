CREATE TABLE `stripe_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`event_id` varchar(100) NOT NULL,
	`type` varchar(100) NOT NULL,
	`status` enum('processing','processed','failed') NOT NULL,
	`attempts` int NOT NULL DEFAULT 1,
	`last_error` varchar(500),
	`payload` mediumtext NOT NULL,
	`processed_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `stripe_events_id` PRIMARY KEY(`id`),
	CONSTRAINT `stripe_events_event_uq` UNIQUE(`event_id`)
);
--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `stripe_customer_id` varchar(100);--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `stripe_payment_method_id` varchar(100);--> statement-breakpoint
ALTER TABLE `payments` ADD `refunded_minor` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `refund_due` boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD CONSTRAINT `payments_provider_ref_uq` UNIQUE(`provider`,`provider_ref`);--> statement-breakpoint
CREATE INDEX `stripe_events_status_idx` ON `stripe_events` (`status`,`created_at`);