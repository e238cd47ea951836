-- 0001_init: Sunwai's system of record, one database per state deployment.
--
-- Rules this schema enforces rather than hopes for:
--   * the same source message (tweet, DM, API source id) is stored once:
--     source_messages has (source, source_id) as its key, and both
--     complaints and follow_ups carry the same unique pair;
--   * docket numbers are unique;
--   * events are append-only, numbered without gaps, and chained by
--     SHA-256 (a trigger assigns seq, prev_hash and hash; UPDATE and DELETE
--     are refused);
--   * a complaint has at most one active assignment;
--   * a notification has one outbox row per idempotency key, so a citizen
--     cannot be sent the same acknowledgement twice.
-- Times are timestamptz; text is UTF-8 (the database is created UTF8).

-- Units of the state's police (district units, the 112 control room, the
-- central desk, cyber cell ...) as loaded from deploy/<state>/state.yaml.
CREATE TABLE units (
    code          text PRIMARY KEY,
    state         text NOT NULL,
    name          text NOT NULL,
    kind          text NOT NULL DEFAULT 'district'
                  CHECK (kind IN ('district', 'control_room', 'central_desk', 'special')),
    handle        text,                        -- X handle without '@'
    district_code text,                        -- LGD code, NULL for state-wide units
    contacts      jsonb NOT NULL DEFAULT '{}', -- webhook/email/sms per the YAML
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- A unit's escalation ladder: level 0 is the unit itself (SHO), then
-- CO, SP/SSP, range, HQ.
CREATE TABLE unit_escalation (
    unit_code text NOT NULL REFERENCES units (code) ON DELETE CASCADE,
    level     integer NOT NULL CHECK (level >= 0),
    rank      text NOT NULL,
    contact   text,
    PRIMARY KEY (unit_code, level)
);

-- Docket numbers: <STATE>-<YEAR>-<7 digits>; unique, not gap-free.
CREATE SEQUENCE docket_seq;

CREATE TABLE complaints (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    docket           text NOT NULL UNIQUE,
    state            text NOT NULL,
    channel          text NOT NULL,            -- how it arrived: x_webhook, x_stream, api, ...
    source           text NOT NULL,            -- identity space of source_id: x, x_dm, web, whatsapp, ...
    source_id        text NOT NULL,            -- tweet id_str, DM id, API source id
    conversation_id  text,
    in_reply_to_id   text,
    author_id        text,
    author_handle    text,
    author_name      text,
    author_location  text,
    text             text NOT NULL,
    lang_hint        text,
    geo              jsonb,
    media            jsonb,
    raw              jsonb,                    -- the payload as received, for audit
    created_at       timestamptz,              -- when the citizen posted it
    received_at      timestamptz NOT NULL DEFAULT now(),
    status           text NOT NULL DEFAULT 'RECEIVED'
                     CHECK (status IN ('RECEIVED', 'CLASSIFIED', 'ROUTED', 'ACKNOWLEDGED',
                                       'RESOLVED', 'CLOSED', 'REOPENED', 'REJECTED')),
    version          integer NOT NULL DEFAULT 1,   -- bumped by every change
    reject_reason    text CHECK (reject_reason IS NULL OR reject_reason IN
                     ('outside_jurisdiction', 'not_police_matter', 'spam', 'duplicate')),
    category         text,                     -- current values, for queues and figures
    priority         text CHECK (priority IS NULL OR priority IN ('P1', 'P2', 'P3')),
    language         text,
    district_code    text,
    unit_code        text REFERENCES units (code),
    needs_review     boolean NOT NULL DEFAULT false,
    manual_triage    boolean NOT NULL DEFAULT false,
    escalation_level integer NOT NULL DEFAULT 0,
    ack_deadline     timestamptz,
    resolve_deadline timestamptz,
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    closed_at        timestamptz,
    deleted_by_author boolean NOT NULL DEFAULT false,
    parent_id        bigint REFERENCES complaints (id),  -- incident or duplicate-of
    link_kind        text CHECK (link_kind IS NULL OR link_kind IN ('incident', 'duplicate')),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, source_id),
    CHECK ((parent_id IS NULL) = (link_kind IS NULL))
);
CREATE INDEX complaints_conversation ON complaints (conversation_id, id) WHERE conversation_id IS NOT NULL;
CREATE INDEX complaints_author ON complaints (author_id, received_at) WHERE author_id IS NOT NULL;
CREATE INDEX complaints_status ON complaints (status, received_at);
CREATE INDEX complaints_unit_open ON complaints (unit_code, resolve_deadline)
    WHERE status IN ('ROUTED', 'ACKNOWLEDGED', 'REOPENED');
CREATE INDEX complaints_district ON complaints (district_code, received_at);

-- Every source message, complaint or follow-up, once: the insert that
-- loses the race on this key is the duplicate.
CREATE TABLE source_messages (
    source       text NOT NULL,
    source_id    text NOT NULL,
    complaint_id bigint NOT NULL REFERENCES complaints (id),
    role         text NOT NULL CHECK (role IN ('complaint', 'follow_up')),
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, source_id)
);

-- A reply in the thread of a complaint, or a further message from the same
-- citizen about it, or the citizen's confirmation or dispute.
CREATE TABLE follow_ups (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id bigint NOT NULL REFERENCES complaints (id),
    kind         text NOT NULL CHECK (kind IN ('reply', 'same_author', 'confirm', 'dispute')),
    channel      text NOT NULL,
    source       text NOT NULL,
    source_id    text NOT NULL,
    author_id    text,
    text         text NOT NULL,
    raw          jsonb,
    created_at   timestamptz,
    received_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, source_id)
);
CREATE INDEX follow_ups_complaint ON follow_ups (complaint_id);

-- Each classification of a complaint (model or officer correction).
CREATE TABLE classifications (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id        bigint NOT NULL REFERENCES complaints (id),
    origin              text NOT NULL DEFAULT 'model' CHECK (origin IN ('model', 'officer')),
    category            text NOT NULL,
    confidence          real,
    alternatives        jsonb NOT NULL DEFAULT '[]',
    priority            text CHECK (priority IS NULL OR priority IN ('P1', 'P2', 'P3')),
    language            text,
    district_code       text,
    district_name       text,
    police_station      text,
    location_source     text,
    location_confidence real,
    pii                 jsonb NOT NULL DEFAULT '[]',
    needs_review        boolean NOT NULL DEFAULT false,
    model_version       text,
    officer_id          bigint,
    created_at          timestamptz NOT NULL DEFAULT now()
);
-- A model classifies a complaint once; a duplicate delivery cannot add a row.
CREATE UNIQUE INDEX classifications_model_once ON classifications (complaint_id) WHERE origin = 'model';

CREATE TABLE officers (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login         text NOT NULL UNIQUE,
    name          text NOT NULL,
    rank          text,
    role          text NOT NULL CHECK (role IN ('officer', 'district', 'hq', 'admin', 'api')),
    unit_code     text REFERENCES units (code),
    district_code text,
    capacity      integer NOT NULL DEFAULT 20 CHECK (capacity > 0),
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Officer and API tokens, stored as SHA-256 of the token; the token itself
-- is shown once when created.
CREATE TABLE tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    officer_id   bigint NOT NULL REFERENCES officers (id),
    token_hash   bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    label        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- Who holds a case. One active assignment per complaint.
CREATE TABLE assignments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id     bigint NOT NULL REFERENCES complaints (id),
    unit_code        text NOT NULL REFERENCES units (code),
    officer_id       bigint REFERENCES officers (id),
    rule             text NOT NULL,
    escalation_level integer NOT NULL DEFAULT 0,
    active           boolean NOT NULL DEFAULT true,
    actor            text NOT NULL,
    assigned_at      timestamptz NOT NULL DEFAULT now(),
    ended_at         timestamptz
);
CREATE UNIQUE INDEX assignments_one_active ON assignments (complaint_id) WHERE active;

CREATE TABLE notes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id bigint NOT NULL REFERENCES complaints (id),
    officer_id   bigint REFERENCES officers (id),
    public       boolean NOT NULL DEFAULT false,
    text         text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Officers' corrections, for sunwai-train.
CREATE TABLE training_labels (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id  bigint NOT NULL REFERENCES complaints (id),
    text          text NOT NULL,
    category      text NOT NULL,
    priority      text,
    district_code text,
    officer_id    bigint REFERENCES officers (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Notifications to send, written in the same transaction as the state
-- change that causes them (the transactional outbox).
CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id    bigint REFERENCES complaints (id),
    kind            text NOT NULL,      -- ack, reject, resolution, unit_alert, escalation, status
    channel         text NOT NULL,      -- x_reply, x_dm, x_mention, webhook, email, sms
    recipient       text NOT NULL,
    in_reply_to     text,
    language        text,
    body            text NOT NULL,      -- rendered, personal data masked
    idempotency_key text NOT NULL UNIQUE,
    state           text NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    external_id     text,               -- e.g. the id of the reply tweet
    pushed_at       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state IN ('pending', 'sending');

CREATE TABLE delivery_attempts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id   bigint NOT NULL REFERENCES outbox (id),
    attempt     integer NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    outcome     text CHECK (outcome IS NULL OR outcome IN ('sent', 'retry', 'rejected', 'error')),
    http_status integer,
    error       text,
    external_id text,
    UNIQUE (outbox_id, attempt)
);

-- Frames a stage could not decode, and jobs that ran out of attempts.
CREATE TABLE dead_letters (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stage      text NOT NULL,
    reason     text NOT NULL,
    payload    bytea,
    outbox_id  bigint REFERENCES outbox (id),
    state      text NOT NULL DEFAULT 'parked' CHECK (state IN ('parked', 'retried', 'discarded')),
    created_at timestamptz NOT NULL DEFAULT now(),
    handled_at timestamptz
);

-- Every officer and API action, allowed or refused.
CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    officer_id   bigint REFERENCES officers (id),
    token_id     bigint REFERENCES tokens (id),
    action       text NOT NULL,
    docket       text,
    complaint_id bigint REFERENCES complaints (id),
    result       text NOT NULL,
    detail       jsonb NOT NULL DEFAULT '{}',
    remote       text
);

-- Where each polling or streaming client stopped (X since_id and the like).
CREATE TABLE channel_cursors (
    name       text PRIMARY KEY,
    last_id    text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The event log.  seq is contiguous: the insert trigger takes the chain's
-- head row FOR UPDATE, so event-writing transactions queue there until they
-- commit and numbers are never skipped.  hash = sha256(prev_hash ||
-- utf8(seq|complaint_id|docket|state|district|event_type|actor|at_ms|payload))
-- with empty strings for NULLs and payload as jsonb's text form; the first
-- event's prev_hash is 32 zero bytes.  Payloads never hold personal data,
-- so the published stream carries exactly what was hashed.
CREATE TABLE event_chain_head (
    id        integer PRIMARY KEY CHECK (id = 1),
    seq       bigint NOT NULL,
    hash      bytea NOT NULL,
    prev_hash bytea NOT NULL
);
INSERT INTO event_chain_head VALUES (1, 0, decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'));

CREATE TABLE events (
    seq          bigint PRIMARY KEY,
    complaint_id bigint REFERENCES complaints (id),
    docket       text,
    state        text NOT NULL,
    district     text NOT NULL DEFAULT 'unknown',
    event_type   text NOT NULL,
    actor        text NOT NULL,
    at           timestamptz NOT NULL,
    payload      jsonb NOT NULL DEFAULT '{}',
    prev_hash    bytea NOT NULL,
    hash         bytea NOT NULL          -- not indexed: random keys would cost a
                                        -- full-page write per event after a checkpoint
);
CREATE INDEX events_complaint ON events (complaint_id, seq);

CREATE FUNCTION sunwai_event_hash(prev bytea, e events) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(prev || convert_to(concat_ws('|',
        e.seq::text, coalesce(e.complaint_id::text, ''), coalesce(e.docket, ''),
        e.state, e.district, e.event_type, e.actor,
        (floor(extract(epoch FROM e.at) * 1000))::bigint::text,
        e.payload::text), 'UTF8'))
$$;

CREATE FUNCTION sunwai_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- One UPDATE numbers and chains the event: it takes the head's row lock
    -- (held until commit), and its SET expressions see the old row, so
    -- prev_hash becomes the previous event's hash and hash is computed from
    -- it (the same formula as sunwai_event_hash, spelt out for the new seq).
    NEW.at := date_trunc('milliseconds', coalesce(NEW.at, clock_timestamp()));
    UPDATE event_chain_head h
       SET seq = h.seq + 1,
           prev_hash = h.hash,
           hash = sha256(h.hash || convert_to(concat_ws('|',
                    (h.seq + 1)::text, coalesce(NEW.complaint_id::text, ''),
                    coalesce(NEW.docket, ''), NEW.state, NEW.district, NEW.event_type,
                    NEW.actor, (floor(extract(epoch FROM NEW.at) * 1000))::bigint::text,
                    NEW.payload::text), 'UTF8'))
     WHERE h.id = 1
    RETURNING h.seq, h.prev_hash, h.hash INTO NEW.seq, NEW.prev_hash, NEW.hash;
    RETURN NEW;
END
$$;

CREATE TRIGGER events_chain BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION sunwai_events_chain();

-- One wake-up per INSERT statement, merged per transaction: listeners read
-- everything after the last sequence number they hold.
CREATE FUNCTION sunwai_events_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sunwai_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER events_notify AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION sunwai_events_notify();

CREATE FUNCTION sunwai_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table "%" is append-only', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Events are never changed; record a new event instead.';
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION sunwai_refuse_change();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION sunwai_refuse_change();
