-- Stripe events stored before lib/payments/stripe/redact.ts kept the return
-- URLs of checkouts paid by signed link, with the link's token in clear. Take
-- the tokens out (REGEXP_REPLACE: MySQL 8, MariaDB 10.0.5+, TiDB).
UPDATE `stripe_events` SET `payload` = REGEXP_REPLACE(`payload`, '/i/[A-Za-z0-9_-]{43}', '/i/[token]') WHERE `payload` LIKE '%/i/%';
