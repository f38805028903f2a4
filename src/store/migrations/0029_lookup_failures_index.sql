-- The public lookup's rate limit counts one address's FAILED attempts in the window, but every success is
-- recorded too (the audit of the period), and successes far outnumber failures: the national portal, a
-- kiosk or a ward office looks up thousands of dossiers a day from one address. On the index of all
-- attempts the count walked every success of the window (the HTTP bench: ~5,000 lookups/s from one
-- address would make each count read millions of rows). Index the failures alone; the index of all
-- attempts served nothing else and cost a write on every lookup.
CREATE INDEX public_lookup_attempts_failures_idx ON public_lookup_attempts (address, at) WHERE NOT succeeded;
DROP INDEX public_lookup_attempts_address_idx;
