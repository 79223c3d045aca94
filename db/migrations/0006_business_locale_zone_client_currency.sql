ALTER TABLE `clients` ADD `currency` char(3) DEFAULT 'USD' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `locale` varchar(35) DEFAULT 'en-US' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `time_zone` varchar(64) DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
-- Existing clients bill in the business's currency, as their invoices did.
UPDATE `clients` SET `currency` = COALESCE((SELECT `default_currency` FROM `settings` WHERE `id` = 1), 'USD');