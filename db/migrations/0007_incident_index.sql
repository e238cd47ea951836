-- 0007_incident_index: the router's search for an open incident to group a
-- new report under (services/router/route.c, s_find_incident) asks for
-- the latest open parent complaints of one category in one district within
-- the incident window.  With only complaints_district (district_code,
-- received_at) it read every complaint of the district in the window and
-- filtered them: about 1 ms per routed complaint once a district has a few
-- thousand recent ones (bench/pipeline, pg_stat_statements), and growing
-- with the window's traffic.  This index holds only what the search can
-- return, in its order, so the search stops after its LIMIT.
CREATE INDEX complaints_incident_candidates
    ON complaints (district_code, category, received_at DESC, id DESC)
    WHERE parent_id IS NULL AND unit_code IS NOT NULL
      AND status IN ('ROUTED', 'ACKNOWLEDGED', 'REOPENED');
