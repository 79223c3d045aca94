CREATE TABLE `invoice_reminders` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`invoice_id` bigint unsigned NOT NULL,
	`step_id` bigint unsigned NOT NULL,
	`offset_days` smallint NOT NULL,
	`day` date NOT NULL,
	`channels` varchar(20) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `invoice_reminders_id` PRIMARY KEY(`id`),
	CONSTRAINT `invoice_reminders_invoice_step_uq` UNIQUE(`invoice_id`,`step_id`)
);
--> statement-breakpoint
CREATE TABLE `reminder_pauses` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`invoice_id` bigint unsigned,
	`client_id` bigint unsigned,
	`reason` varchar(300) NOT NULL,
	`paused_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `reminder_pauses_id` PRIMARY KEY(`id`),
	CONSTRAINT `reminder_pauses_invoice_uq` UNIQUE(`invoice_id`),
	CONSTRAINT `reminder_pauses_client_uq` UNIQUE(`client_id`)
);
--> statement-breakpoint
CREATE TABLE `reminder_schedule` (
	`id` tinyint unsigned NOT NULL,
	`enabled` boolean NOT NULL DEFAULT false,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `reminder_schedule_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `reminder_steps` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`position` smallint NOT NULL,
	`offset_days` smallint NOT NULL,
	`email` boolean NOT NULL DEFAULT true,
	`sms` boolean NOT NULL DEFAULT false,
	`tone` enum('friendly','firm') NOT NULL,
	`removed_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `reminder_steps_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `invoice_reminders_invoice_offset_idx` ON `invoice_reminders` (`invoice_id`,`offset_days`);--> statement-breakpoint
CREATE INDEX `reminder_steps_active_idx` ON `reminder_steps` (`removed_at`,`position`);