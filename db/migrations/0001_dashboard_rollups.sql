CREATE TABLE `rollup_client_days` (
	`day` date NOT NULL,
	`created_count` bigint NOT NULL DEFAULT 0,
	`archived_count` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `rollup_client_days_day` PRIMARY KEY(`day`)
);
--> statement-breakpoint
CREATE TABLE `rollup_invoice_days` (
	`currency` char(3) NOT NULL,
	`issue_date` date NOT NULL,
	`due_date` date NOT NULL,
	`status` enum('draft','sent','partially_paid','paid','void') NOT NULL,
	`invoice_count` bigint NOT NULL DEFAULT 0,
	`total_minor` bigint NOT NULL DEFAULT 0,
	`paid_minor` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `rollup_invoice_days_currency_issue_date_due_date_status_pk` PRIMARY KEY(`currency`,`issue_date`,`due_date`,`status`)
);
--> statement-breakpoint
CREATE TABLE `rollup_payment_days` (
	`currency` char(3) NOT NULL,
	`day` date NOT NULL,
	`payment_count` bigint NOT NULL DEFAULT 0,
	`amount_minor` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `rollup_payment_days_currency_day_pk` PRIMARY KEY(`currency`,`day`)
);
--> statement-breakpoint
CREATE TABLE `rollup_service_days` (
	`currency` char(3) NOT NULL,
	`issue_date` date NOT NULL,
	`service_id` bigint unsigned NOT NULL,
	`line_count` bigint NOT NULL DEFAULT 0,
	`amount_minor` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `rollup_service_days_currency_issue_date_service_id_pk` PRIMARY KEY(`currency`,`issue_date`,`service_id`)
);
--> statement-breakpoint
CREATE INDEX `rollup_invoice_days_open_idx` ON `rollup_invoice_days` (`currency`,`status`,`due_date`);