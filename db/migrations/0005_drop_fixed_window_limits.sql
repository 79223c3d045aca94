DROP TABLE `rate_limits`;--> statement-breakpoint
CREATE INDEX `rate_limiter_expire_idx` ON `rate_limiter` (`expire`);