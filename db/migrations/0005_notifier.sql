-- Notifier delivery bookkeeping.
--
-- outbox.attempts counts every claim (it numbers delivery_attempts rows);
-- outbox.failures counts only the attempts that failed in a way that should
-- end in a dead letter when repeated (5xx, timeouts, connection errors).
-- A 429 or a job the notifier had no time for in its batch is not a
-- failure: it is rescheduled without bringing the dead letter closer.
ALTER TABLE outbox ADD COLUMN failures integer NOT NULL DEFAULT 0;

-- Dead letters are listed newest first and filtered by state by
-- `sunwaictl deadletters list`.
CREATE INDEX dead_letters_state ON dead_letters (state, id);
