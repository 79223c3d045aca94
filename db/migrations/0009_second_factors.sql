CREATE TABLE `passkeys` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`credential_id` varchar(512) NOT NULL,
	`public_key` text NOT NULL,
	`counter` bigint unsigned NOT NULL DEFAULT 0,
	`transports` varchar(255) NOT NULL DEFAULT '',
	`name` varchar(80) NOT NULL,
	`last_used_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `passkeys_id` PRIMARY KEY(`id`),
	CONSTRAINT `passkeys_credential_uq` UNIQUE(`credential_id`)
);
--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`code_hash` char(64) NOT NULL,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `recovery_codes_id` PRIMARY KEY(`id`),
	CONSTRAINT `recovery_codes_hash_uq` UNIQUE(`code_hash`)
);
--> statement-breakpoint
CREATE TABLE `webauthn_challenges` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`challenge_hash` char(64) NOT NULL,
	`purpose` enum('register','sign_in','second_step') NOT NULL,
	`user_id` bigint unsigned,
	`expires_at` datetime(3) NOT NULL,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `webauthn_challenges_id` PRIMARY KEY(`id`),
	CONSTRAINT `webauthn_challenges_hash_uq` UNIQUE(`challenge_hash`)
);
--> statement-breakpoint
ALTER TABLE `users` ADD `totp_secret` varchar(255);--> statement-breakpoint
ALTER TABLE `users` ADD `totp_last_step` bigint;--> statement-breakpoint
ALTER TABLE `settings` ADD `require_back_office_second_factor` boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `passkeys_user_idx` ON `passkeys` (`user_id`);--> statement-breakpoint
CREATE INDEX `recovery_codes_user_idx` ON `recovery_codes` (`user_id`);--> statement-breakpoint
CREATE INDEX `webauthn_challenges_expires_idx` ON `webauthn_challenges` (`expires_at`);