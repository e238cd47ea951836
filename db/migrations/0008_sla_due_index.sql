-- 0008_sla_due_index: the router's SLA timer (services/router/sla.c) asks
-- every sla.interval_ms (5 s) for the cases past a deadline: ROUTED ones
-- past ack_deadline, ACKNOWLEDGED or REOPENED ones past resolve_deadline.
-- Without an index on the deadlines PostgreSQL walked complaints in id
-- order and filtered every row (71,000 rows, 50 ms, after a 50,000
-- complaint burst in bench/pipeline), and the router's loop, which also
-- routes, waited that long every five seconds.  These hold only the cases
-- that can fall due, ordered by the deadline that applies.
CREATE INDEX complaints_ack_due ON complaints (ack_deadline) WHERE status = 'ROUTED';
CREATE INDEX complaints_resolve_due ON complaints (resolve_deadline)
    WHERE status IN ('ACKNOWLEDGED', 'REOPENED');
