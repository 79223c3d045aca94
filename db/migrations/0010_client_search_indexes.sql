DROP INDEX `clients_company_idx` ON `clients`;--> statement-breakpoint
DROP INDEX `clients_email_idx` ON `clients`;--> statement-breakpoint
DROP INDEX `clients_phone_idx` ON `clients`;--> statement-breakpoint
CREATE INDEX `clients_company_search_idx` ON `clients` (`company`,`archived_at`,`name`);--> statement-breakpoint
CREATE INDEX `clients_email_search_idx` ON `clients` (`email`,`archived_at`,`name`);--> statement-breakpoint
CREATE INDEX `clients_phone_search_idx` ON `clients` (`phone`,`archived_at`,`name`);