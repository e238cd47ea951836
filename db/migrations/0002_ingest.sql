-- 0002_ingest: how sunwai-ingest stores what arrives.
--
-- sunwai_ingest() takes a batch of normalised messages (a JSON array built
-- by services/ingest/intake_store.c) and, in the caller's transaction,
-- decides for each one: duplicate, follow-up (possibly reopening), delete,
-- or a new complaint with a docket number and its "received" event.  One
-- round trip per batch keeps ingest's throughput bounded by PostgreSQL's
-- commit rate rather than by statement latency.  Duplicates are decided by
-- the source_messages key, so two ingest processes racing on the same tweet
-- cannot both create a complaint: the loser's INSERT ... ON CONFLICT waits
-- for the winner's commit and then finds its row.

-- The id of a new complaint is drawn first and its source_messages row,
-- the duplicate guard, is written before the complaint itself; the
-- reference is checked at commit.  A follow-up re-points the row.
ALTER TABLE source_messages ALTER CONSTRAINT source_messages_complaint_id_fkey
    DEFERRABLE INITIALLY DEFERRED;

-- When the re-driver last pushed the complaint (NULL: only the first push,
-- right after the commit); it re-pushes complaints still RECEIVED some time
-- after coalesce(pushed_at, received_at).
ALTER TABLE complaints ADD COLUMN pushed_at timestamptz;
CREATE INDEX complaints_received_unpushed ON complaints (coalesce(pushed_at, received_at))
    WHERE status = 'RECEIVED';

-- Outbox rows remember the id of what they sent (our reply tweet), so a
-- citizen's reply to our acknowledgement threads onto the complaint.
CREATE INDEX outbox_external_id ON outbox (external_id) WHERE external_id IS NOT NULL;

CREATE FUNCTION sunwai_ingest(items jsonb, p_state text, p_prefix text, p_window_s integer)
RETURNS TABLE (idx integer, result text, complaint_id bigint, docket text,
               version integer, received_at_ms bigint)
LANGUAGE plpgsql AS $$
DECLARE
    it        jsonb;
    n         integer := coalesce(jsonb_array_length(items), 0);
    i         integer;
    c_id      bigint;
    c_docket  text;
    c_version integer;
    c_status  text;
    c_district text;
    c_at      timestamptz;
    parent    bigint;
    link      text;
    reopen    boolean;
    -- Events are collected and inserted together at the end: the chain's
    -- head is locked from the first event insert until commit, so keeping
    -- that phase short lets another committer do its per-message work
    -- meanwhile.
    ev_complaint bigint[] := '{}';
    ev_docket    text[] := '{}';
    ev_district  text[] := '{}';
    ev_type      text[] := '{}';
    ev_payload   jsonb[] := '{}';
    -- Computed once per batch, not per message.
    year         text := to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY');
    ok_token     text;     -- the last token (hash and roles) found valid in this batch
    this_token   text;
BEGIN
    FOR i IN 0 .. n - 1 LOOP
        it := items -> i;
        idx := i;
        complaint_id := NULL;
        docket := NULL;
        version := NULL;
        received_at_ms := NULL;

        -- An API or capture request carries its token's hash; a token that
        -- is unknown, revoked, expired or of the wrong role stores nothing.
        -- A batch from one bridge carries one token many times: it is
        -- looked up once.
        IF it ? 'token_hash' THEN
            this_token := (it ->> 'token_hash') || (it ->> 'token_roles');
            IF ok_token IS DISTINCT FROM this_token THEN
                PERFORM 1 FROM tokens t JOIN officers o ON o.id = t.officer_id
                 WHERE t.token_hash = decode(it ->> 'token_hash', 'hex')
                   AND t.revoked_at IS NULL
                   AND (t.expires_at IS NULL OR t.expires_at > now())
                   AND o.active
                   AND o.role IN (SELECT jsonb_array_elements_text(it -> 'token_roles'));
                IF NOT FOUND THEN
                    result := 'unauthorized';
                    RETURN NEXT;
                    CONTINUE;
                END IF;
                ok_token := this_token;
            END IF;
        END IF;

        -- Channel cursors (X since_id) advance with what was stored.
        IF it ? 'cursor' THEN
            INSERT INTO channel_cursors AS cc (name, last_id)
                 VALUES (it ->> 'cursor', it ->> 'source_id')
            ON CONFLICT (name) DO UPDATE SET last_id = EXCLUDED.last_id, updated_at = now()
                  WHERE length(cc.last_id) < length(EXCLUDED.last_id)
                     OR (length(cc.last_id) = length(EXCLUDED.last_id)
                         AND cc.last_id < EXCLUDED.last_id);
        END IF;

        -- The citizen deleted the tweet: mark it, keep the complaint.
        IF it ->> 'kind' = 'delete' THEN
            UPDATE complaints c
               SET deleted_by_author = true, version = c.version + 1, updated_at = now()
             WHERE c.source = it ->> 'source' AND c.source_id = it ->> 'source_id'
               AND NOT c.deleted_by_author
            RETURNING c.id, c.docket, c.version, c.district_code
                 INTO c_id, c_docket, c_version, c_district;
            IF FOUND THEN
                ev_complaint := ev_complaint || c_id::bigint; ev_docket := ev_docket || c_docket::text;
                ev_district := ev_district || coalesce(c_district, 'unknown')::text; ev_type := ev_type || 'deleted_by_author'::text;
                ev_payload := ev_payload || jsonb_build_object('channel', it ->> 'channel');
                result := 'deleted';
                complaint_id := c_id;
                docket := c_docket;
                version := c_version;
            ELSE
                result := 'ignored';
            END IF;
            RETURN NEXT;
            CONTINUE;
        END IF;

        -- The same source message twice is one complaint.
        c_id := nextval('complaints_id_seq'::regclass);
        INSERT INTO source_messages (source, source_id, role, complaint_id)
             VALUES (it ->> 'source', it ->> 'source_id', 'complaint', c_id)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            SELECT c.id, c.docket, c.version, floor(extract(epoch FROM c.received_at) * 1000)::bigint
              INTO complaint_id, docket, version, received_at_ms
              FROM source_messages sm JOIN complaints c ON c.id = sm.complaint_id
             WHERE sm.source = it ->> 'source' AND sm.source_id = it ->> 'source_id';
            result := 'duplicate';
            RETURN NEXT;
            CONTINUE;
        END IF;

        -- A follow-up: a reply to the complaint, to a follow-up of it or to
        -- our reply about it; a message in its conversation; or, within the
        -- window, a further message from the same citizen on the same source.
        parent := NULL;
        link := 'reply';
        IF it ->> 'in_reply_to_id' IS NOT NULL THEN
            SELECT sm.complaint_id INTO parent FROM source_messages sm
             WHERE sm.source = it ->> 'source' AND sm.source_id = it ->> 'in_reply_to_id'
               AND sm.complaint_id IS NOT NULL;
            IF parent IS NULL THEN
                SELECT o.complaint_id INTO parent FROM outbox o
                 WHERE o.external_id = it ->> 'in_reply_to_id' AND o.complaint_id IS NOT NULL
                 LIMIT 1;
            END IF;
        END IF;
        -- Each lookup below is shaped to use its index (ordering by the
        -- indexed column), so its cost does not grow with the table.
        IF parent IS NULL AND it ->> 'conversation_id' IS NOT NULL THEN
            SELECT c.id INTO parent FROM complaints c
             WHERE c.source = it ->> 'source' AND c.source_id = it ->> 'conversation_id'
               AND c.status <> 'CLOSED';
            IF parent IS NULL THEN
                SELECT c.id INTO parent FROM complaints c
                 WHERE c.conversation_id = it ->> 'conversation_id'
                   AND c.source = it ->> 'source' AND c.status <> 'CLOSED'
                 ORDER BY c.conversation_id DESC, c.id DESC LIMIT 1;
            END IF;
        END IF;
        IF parent IS NULL AND p_window_s > 0 AND it ->> 'author_id' IS NOT NULL THEN
            SELECT c.id INTO parent FROM complaints c
             WHERE c.author_id = it ->> 'author_id' AND c.source = it ->> 'source'
               AND c.received_at > now() - make_interval(secs => p_window_s)
               AND c.status NOT IN ('CLOSED', 'REJECTED')
             ORDER BY c.author_id DESC, c.received_at DESC LIMIT 1;
            link := 'same_author';
        END IF;

        IF parent IS NOT NULL THEN
            SELECT c.status INTO c_status FROM complaints c WHERE c.id = parent FOR UPDATE;
            IF c_status = 'CLOSED' THEN
                parent := NULL;     -- a closed case is not reopened by a reply: new complaint
            END IF;
        END IF;

        IF parent IS NOT NULL THEN
            INSERT INTO follow_ups (complaint_id, kind, channel, source, source_id, author_id,
                                    text, raw, created_at)
            VALUES (parent, link, it ->> 'channel', it ->> 'source', it ->> 'source_id',
                    it ->> 'author_id', it ->> 'text', it -> 'raw',
                    to_timestamp((it ->> 'created_at_ms')::bigint / 1000.0));
            UPDATE source_messages sm SET complaint_id = parent, role = 'follow_up'
             WHERE sm.source = it ->> 'source' AND sm.source_id = it ->> 'source_id';
            reopen := c_status = 'RESOLVED';
            UPDATE complaints c
               SET version = c.version + 1, updated_at = now(),
                   status = CASE WHEN reopen THEN 'REOPENED' ELSE c.status END,
                   resolved_at = CASE WHEN reopen THEN NULL ELSE c.resolved_at END
             WHERE c.id = parent
            RETURNING c.id, c.docket, c.version, c.district_code,
                      floor(extract(epoch FROM c.received_at) * 1000)::bigint
                 INTO complaint_id, docket, version, c_district, received_at_ms;
            ev_complaint := ev_complaint || parent::bigint; ev_docket := ev_docket || docket::text;
                ev_district := ev_district || coalesce(c_district, 'unknown')::text; ev_type := ev_type || 'follow_up'::text;
                ev_payload := ev_payload || jsonb_build_object('channel', it ->> 'channel', 'link', link);
            IF reopen THEN
                ev_complaint := ev_complaint || parent::bigint; ev_docket := ev_docket || docket::text;
                ev_district := ev_district || coalesce(c_district, 'unknown')::text; ev_type := ev_type || 'reopened'::text;
                ev_payload := ev_payload || jsonb_build_object('reason', 'citizen_follow_up');
                result := 'reopened';
            ELSE
                result := 'follow_up';
            END IF;
            RETURN NEXT;
            CONTINUE;
        END IF;

        -- A new complaint. The docket's year is the year in India.
        c_docket := p_prefix || '-' || year || '-' || lpad(nextval('docket_seq')::text, 7, '0');
        INSERT INTO complaints (id, docket, state, channel, source, source_id, conversation_id,
                                in_reply_to_id, author_id, author_handle, author_name,
                                author_location, text, lang_hint, geo, media, raw, created_at)
        OVERRIDING SYSTEM VALUE
        VALUES (c_id, c_docket, p_state, it ->> 'channel', it ->> 'source', it ->> 'source_id',
                it ->> 'conversation_id', it ->> 'in_reply_to_id', it ->> 'author_id',
                it ->> 'author_handle', it ->> 'author_name', it ->> 'author_location',
                it ->> 'text', it ->> 'lang', it -> 'geo', it -> 'media', it -> 'raw',
                CASE WHEN (it ->> 'created_at_ms')::bigint > 0
                     THEN to_timestamp((it ->> 'created_at_ms')::bigint / 1000.0) END)
        RETURNING complaints.version, complaints.received_at INTO c_version, c_at;
        ev_complaint := ev_complaint || c_id::bigint; ev_docket := ev_docket || c_docket::text;
                ev_district := ev_district || 'unknown'::text; ev_type := ev_type || 'received'::text;
                ev_payload := ev_payload || jsonb_build_object('channel', it ->> 'channel', 'source', it ->> 'source',
                                   'lang', it ->> 'lang');
        result := 'new';
        complaint_id := c_id;
        docket := c_docket;
        version := c_version;
        received_at_ms := floor(extract(epoch FROM c_at) * 1000)::bigint;
        RETURN NEXT;
    END LOOP;
    INSERT INTO events (complaint_id, docket, state, district, event_type, actor, payload)
    SELECT e.c, e.d, p_state, e.di, e.t, 'sunwai-ingest', e.p
      FROM unnest(ev_complaint, ev_docket, ev_district, ev_type, ev_payload)
           WITH ORDINALITY AS e (c, d, di, t, p, o)
     ORDER BY e.o;
END
$$;
