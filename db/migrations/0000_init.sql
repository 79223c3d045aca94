CREATE TABLE `password_resets` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `password_resets_id` PRIMARY KEY(`id`),
	CONSTRAINT `password_resets_token_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`email` varchar(255) NOT NULL,
	`name` varchar(120) NOT NULL,
	`phone` varchar(20),
	`role` enum('admin','staff','client') NOT NULL,
	`password_hash` varchar(255),
	`status` enum('active','pending_approval','invited','disabled') NOT NULL DEFAULT 'active',
	`two_factor` enum('none','sms','totp') NOT NULL DEFAULT 'none',
	`phone_verified_at` datetime(3),
	`session_version` int NOT NULL DEFAULT 1,
	`last_login_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_email_uq` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `clients` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(160) NOT NULL,
	`company` varchar(160),
	`email` varchar(255),
	`phone` varchar(20),
	`address` varchar(500),
	`notes` text,
	`sms_opt_in` boolean NOT NULL DEFAULT false,
	`user_id` bigint unsigned,
	`archived_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `clients_id` PRIMARY KEY(`id`),
	CONSTRAINT `clients_user_uq` UNIQUE(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(160) NOT NULL,
	`description` text,
	`price_minor` bigint NOT NULL,
	`currency` char(3) NOT NULL,
	`billing_interval` enum('one_time','monthly','quarterly','yearly') NOT NULL,
	`active` boolean NOT NULL DEFAULT true,
	`archived_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `services_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`client_id` bigint unsigned NOT NULL,
	`service_id` bigint unsigned NOT NULL,
	`price_minor` bigint NOT NULL,
	`currency` char(3) NOT NULL,
	`billing_interval` enum('one_time','monthly','quarterly','yearly') NOT NULL,
	`status` enum('active','paused','cancelled') NOT NULL DEFAULT 'active',
	`payment_method` enum('card','bank_transfer','cash','other') NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`current_period_start` date NOT NULL,
	`current_period_end` date NOT NULL,
	`cancel_at_period_end` boolean NOT NULL DEFAULT false,
	`cancelled_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `subscriptions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `invoice_counters` (
	`prefix` varchar(12) NOT NULL,
	`year` smallint NOT NULL,
	`last_seq` int NOT NULL DEFAULT 0,
	CONSTRAINT `invoice_counters_prefix_year_pk` PRIMARY KEY(`prefix`,`year`)
);
--> statement-breakpoint
CREATE TABLE `invoice_items` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`invoice_id` bigint unsigned NOT NULL,
	`service_id` bigint unsigned,
	`position` smallint NOT NULL,
	`description` varchar(500) NOT NULL,
	`quantity_milli` int NOT NULL,
	`unit_price_minor` bigint NOT NULL,
	`tax_rate_bp` int NOT NULL DEFAULT 0,
	`line_total_minor` bigint NOT NULL,
	`tax_minor` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `invoice_items_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `invoice_links` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`invoice_id` bigint unsigned NOT NULL,
	`token_hash` char(64) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`revoked_at` datetime(3),
	`first_viewed_at` datetime(3),
	`last_viewed_at` datetime(3),
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `invoice_links_id` PRIMARY KEY(`id`),
	CONSTRAINT `invoice_links_token_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`number` varchar(32),
	`client_id` bigint unsigned NOT NULL,
	`subscription_id` bigint unsigned,
	`status` enum('draft','sent','partially_paid','paid','void') NOT NULL DEFAULT 'draft',
	`issue_date` date NOT NULL,
	`due_date` date NOT NULL,
	`currency` char(3) NOT NULL,
	`subtotal_minor` bigint NOT NULL DEFAULT 0,
	`tax_minor` bigint NOT NULL DEFAULT 0,
	`discount_minor` bigint NOT NULL DEFAULT 0,
	`total_minor` bigint NOT NULL DEFAULT 0,
	`amount_paid_minor` bigint NOT NULL DEFAULT 0,
	`notes` text,
	`period_start` date,
	`period_end` date,
	`void_reason` varchar(500),
	`sent_at` datetime(3),
	`paid_at` datetime(3),
	`voided_at` datetime(3),
	`created_by` bigint unsigned,
	`version` int NOT NULL DEFAULT 1,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `invoices_id` PRIMARY KEY(`id`),
	CONSTRAINT `invoices_number_uq` UNIQUE(`number`),
	CONSTRAINT `invoices_subscription_period_uq` UNIQUE(`subscription_id`,`period_start`)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`invoice_id` bigint unsigned NOT NULL,
	`client_id` bigint unsigned NOT NULL,
	`amount_minor` bigint NOT NULL,
	`currency` char(3) NOT NULL,
	`method` enum('card','bank_transfer','cash','other') NOT NULL,
	`status` enum('pending','succeeded','failed','refunded') NOT NULL,
	`reference` varchar(120),
	`provider` varchar(30),
	`provider_ref` varchar(120),
	`failure_reason` varchar(300),
	`received_at` datetime(3),
	`recorded_by` bigint unsigned,
	`refunded_at` datetime(3),
	`refunded_by` bigint unsigned,
	`idempotency_key` varchar(100) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `payments_id` PRIMARY KEY(`id`),
	CONSTRAINT `payments_idempotency_uq` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `staff_invites` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`email` varchar(255) NOT NULL,
	`name` varchar(120) NOT NULL,
	`requested_by` bigint unsigned NOT NULL,
	`status` enum('pending_approval','approved','rejected','accepted','expired') NOT NULL DEFAULT 'pending_approval',
	`decision_token_hash` char(64),
	`decision_expires_at` datetime(3),
	`accept_token_hash` char(64),
	`expires_at` datetime(3),
	`decided_by` bigint unsigned,
	`decided_at` datetime(3),
	`accepted_at` datetime(3),
	`accepted_user_id` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `staff_invites_id` PRIMARY KEY(`id`),
	CONSTRAINT `staff_invites_decision_uq` UNIQUE(`decision_token_hash`),
	CONSTRAINT `staff_invites_accept_uq` UNIQUE(`accept_token_hash`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`channel` enum('email','sms') NOT NULL,
	`to_addresses` json NOT NULL,
	`cc_addresses` json NOT NULL,
	`bcc_addresses` json NOT NULL,
	`to_first` varchar(255) NOT NULL,
	`subject` varchar(300),
	`text` mediumtext NOT NULL,
	`html` mediumtext,
	`template` varchar(60) NOT NULL,
	`template_data` json,
	`attachments` json NOT NULL,
	`related_type` varchar(30),
	`related_id` bigint unsigned,
	`client_id` bigint unsigned,
	`idempotency_key` varchar(191) NOT NULL,
	`status` enum('queued','sending','sent','captured','failed','dead') NOT NULL DEFAULT 'queued',
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL,
	`locked_until` datetime(3),
	`locked_by` varchar(64),
	`last_error` text,
	`provider_message_id` varchar(191),
	`sent_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `outbox_id` PRIMARY KEY(`id`),
	CONSTRAINT `outbox_idempotency_uq` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `outbox_attempts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`outbox_id` bigint unsigned NOT NULL,
	`attempt` int NOT NULL,
	`worker_id` varchar(64),
	`outcome` enum('sent','captured','failed') NOT NULL,
	`error` text,
	`duration_ms` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `outbox_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `otp_codes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`purpose` enum('login','phone_verify') NOT NULL,
	`code_hash` char(64) NOT NULL,
	`phone` varchar(20),
	`expires_at` datetime(3) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`consumed_at` datetime(3),
	`ip` varchar(45),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `otp_codes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`actor_user_id` bigint unsigned,
	`actor_role` enum('admin','staff','client','system') NOT NULL,
	`action` varchar(60) NOT NULL,
	`entity_type` varchar(30) NOT NULL,
	`entity_id` bigint unsigned,
	`before_data` json,
	`after_data` json,
	`ip` varchar(45),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`id` tinyint unsigned NOT NULL,
	`company_name` varchar(160) NOT NULL,
	`company_address` varchar(500) NOT NULL DEFAULT '',
	`company_email` varchar(255),
	`company_phone` varchar(20),
	`logo` text,
	`default_currency` char(3) NOT NULL DEFAULT 'USD',
	`tax_rate_bp` int NOT NULL DEFAULT 0,
	`invoice_prefix` varchar(12) NOT NULL DEFAULT 'INV',
	`due_days` int NOT NULL DEFAULT 14,
	`sender_name` varchar(120) NOT NULL,
	`min_payment_minor` bigint NOT NULL DEFAULT 100,
	`bank_instructions` text,
	`cash_instructions` text,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `settings_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`bucket` varchar(191) NOT NULL,
	`window_start` datetime(3) NOT NULL,
	`hits` int NOT NULL,
	CONSTRAINT `rate_limits_bucket` PRIMARY KEY(`bucket`)
);
--> statement-breakpoint
CREATE INDEX `password_resets_user_idx` ON `password_resets` (`user_id`);--> statement-breakpoint
CREATE INDEX `users_role_status_idx` ON `users` (`role`,`status`);--> statement-breakpoint
CREATE INDEX `clients_archived_name_idx` ON `clients` (`archived_at`,`name`);--> statement-breakpoint
CREATE INDEX `clients_company_idx` ON `clients` (`company`);--> statement-breakpoint
CREATE INDEX `clients_email_idx` ON `clients` (`email`);--> statement-breakpoint
CREATE INDEX `clients_phone_idx` ON `clients` (`phone`);--> statement-breakpoint
CREATE INDEX `clients_created_idx` ON `clients` (`created_at`);--> statement-breakpoint
CREATE INDEX `clients_sms_idx` ON `clients` (`sms_opt_in`,`archived_at`);--> statement-breakpoint
CREATE INDEX `services_active_idx` ON `services` (`archived_at`,`active`,`name`);--> statement-breakpoint
CREATE INDEX `subscriptions_client_idx` ON `subscriptions` (`client_id`,`status`);--> statement-breakpoint
CREATE INDEX `subscriptions_service_idx` ON `subscriptions` (`service_id`,`status`);--> statement-breakpoint
CREATE INDEX `subscriptions_billing_idx` ON `subscriptions` (`status`,`current_period_start`);--> statement-breakpoint
CREATE INDEX `invoice_items_invoice_idx` ON `invoice_items` (`invoice_id`,`position`);--> statement-breakpoint
CREATE INDEX `invoice_items_service_idx` ON `invoice_items` (`service_id`);--> statement-breakpoint
CREATE INDEX `invoice_links_invoice_idx` ON `invoice_links` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `invoices_status_issue_idx` ON `invoices` (`status`,`issue_date`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_status_due_idx` ON `invoices` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `invoices_client_issue_idx` ON `invoices` (`client_id`,`issue_date`);--> statement-breakpoint
CREATE INDEX `invoices_client_status_idx` ON `invoices` (`client_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `invoices_issue_idx` ON `invoices` (`issue_date`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_due_idx` ON `invoices` (`due_date`);--> statement-breakpoint
CREATE INDEX `invoices_total_idx` ON `invoices` (`total_minor`);--> statement-breakpoint
CREATE INDEX `payments_invoice_idx` ON `payments` (`invoice_id`,`status`);--> statement-breakpoint
CREATE INDEX `payments_client_idx` ON `payments` (`client_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `payments_status_received_idx` ON `payments` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `staff_invites_status_idx` ON `staff_invites` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `staff_invites_email_idx` ON `staff_invites` (`email`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_related_idx` ON `outbox` (`related_type`,`related_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_client_idx` ON `outbox` (`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_to_idx` ON `outbox` (`to_first`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_attempts_outbox_idx` ON `outbox_attempts` (`outbox_id`,`attempt`);--> statement-breakpoint
CREATE INDEX `otp_codes_user_idx` ON `otp_codes` (`user_id`,`purpose`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity_type`,`entity_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_log` (`actor_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`action`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`created_at`);