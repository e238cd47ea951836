/*  test_analytics_stream: the pure parts of sunwai-analytics: topics,
    payload masking (byte for byte unchanged when nothing is masked, so the
    hash still verifies), percentiles as PostgreSQL's percentile_cont,
    the chains behind district_prev_seq/topic_prev_seq, replay topic
    lists, CSV fields and date checks. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analytics.h"

static void
test_topic (void **state)
{
    char buf[64];
    assert_int_equal (analytics_topic (buf, sizeof buf, "up", "162", "routed"), 0);
    assert_string_equal (buf, "up.162.routed");
    assert_int_equal (analytics_topic (buf, sizeof buf, "up", "unknown", "received"), 0);
    assert_string_equal (buf, "up.unknown.received");
    char small[8];
    assert_int_equal (analytics_topic (small, sizeof small, "up", "162", "routed"), -1);
}

static void
test_mask_unchanged_is_identical (void **state)
{
    //  jsonb's text form, spacing and all: must come back byte for byte.
    const char *json = "{\"n\": 1, \"unit\": \"lucknow\", \"confidence\": 0.9100}";
    bool changed = true;
    char *out = analytics_mask_json (json, &changed);
    assert_non_null (out);
    assert_false (changed);
    assert_string_equal (out, json);
    free (out);
}

static void
test_mask_every_string (void **state)
{
    const char *json = "{\"text\": \"call 9876543210 now\", \"n\": 98765,"
                       " \"nested\": {\"list\": [\"aadhaar 2341 2341 2346\", 7,"
                       " {\"mail\": \"a.b@example.com\"}]}, \"fine\": \"FIR 123/2026\"}";
    bool changed = false;
    char *out = analytics_mask_json (json, &changed);
    assert_non_null (out);
    assert_true (changed);
    assert_null (strstr (out, "9876543210"));
    assert_null (strstr (out, "2341 2341 2346"));
    assert_null (strstr (out, "a.b@example.com"));
    json_t *root = json_loads (out, 0, NULL);
    assert_non_null (root);
    assert_string_equal (json_string_value (json_object_get (root, "text")), "call [phone] now");
    assert_int_equal (json_integer_value (json_object_get (root, "n")), 98765);
    json_t *list = json_object_get (json_object_get (root, "nested"), "list");
    assert_string_equal (json_string_value (json_array_get (list, 0)), "aadhaar [aadhaar]");
    assert_string_equal (json_string_value (json_object_get (json_array_get (list, 2), "mail")),
                         "[email]");
    assert_string_equal (json_string_value (json_object_get (root, "fine")), "FIR 123/2026");
    json_decref (root);
    free (out);
}

static void
test_mask_bad_json (void **state)
{
    bool changed = true;
    assert_null (analytics_mask_json ("{not json", &changed));
    assert_false (changed);
    char *out = analytics_mask_json ("\"9876543210\"", &changed);
    assert_non_null (out);
    assert_true (changed);
    assert_string_equal (out, "\"[phone]\"");
    free (out);
}

static void
test_percentile (void **state)
{
    //  Same as percentile_cont(p) WITHIN GROUP (ORDER BY v).
    double v[] = {10, 1, 4, 3, 2};
    assert_true (fabs (analytics_percentile (v, 5, 0.5) - 3.0) < 1e-9);
    double w[] = {4, 1, 3, 2};
    assert_true (fabs (analytics_percentile (w, 4, 0.5) - 2.5) < 1e-9);
    assert_true (fabs (analytics_percentile (w, 4, 0.9) - 3.7) < 1e-9);
    assert_true (fabs (analytics_percentile (w, 4, 0.0) - 1.0) < 1e-9);
    assert_true (fabs (analytics_percentile (w, 4, 1.0) - 4.0) < 1e-9);
    double one[] = {42};
    assert_true (fabs (analytics_percentile (one, 1, 0.9) - 42.0) < 1e-9);
    assert_true (isnan (analytics_percentile (NULL, 0, 0.5)));
}

static Sunwai__V1__EventEnvelope
s_event (int64_t seq, const char *district, const char *type)
{
    Sunwai__V1__EventEnvelope e = SUNWAI__V1__EVENT_ENVELOPE__INIT;
    e.seq = seq;
    e.state = "up";
    e.district = (char *)district;
    e.event_type = (char *)type;
    return e;
}

static void
test_chains (void **state)
{
    analytics_chains_t chains;
    assert_int_equal (analytics_chains_init (&chains), 0);
    Sunwai__V1__EventEnvelope a = s_event (1, "162", "received");
    analytics_chains_advance (&chains, &a);
    assert_int_equal (a.district_prev_seq, 0);
    assert_int_equal (a.topic_prev_seq, 0);
    Sunwai__V1__EventEnvelope b = s_event (2, "146", "received");
    analytics_chains_advance (&chains, &b);
    assert_int_equal (b.district_prev_seq, 0);
    Sunwai__V1__EventEnvelope c = s_event (3, "162", "routed");
    analytics_chains_advance (&chains, &c);
    assert_int_equal (c.district_prev_seq, 1);
    assert_int_equal (c.topic_prev_seq, 0);
    Sunwai__V1__EventEnvelope d = s_event (4, "162", "received");
    analytics_chains_advance (&chains, &d);
    assert_int_equal (d.district_prev_seq, 3);
    assert_int_equal (d.topic_prev_seq, 1);
    analytics_chains_destroy (&chains);
}

static void
test_topics_json (void **state)
{
    char err[128];
    char *topics[] = {"up.162.", "up.\"146\""};
    char *json = analytics_topics_json (topics, 2, err, sizeof err);
    assert_non_null (json);
    assert_string_equal (json, "[\"up.162.\",\"up.\\\"146\\\"\"]");
    free (json);
    json = analytics_topics_json (NULL, 0, err, sizeof err);
    assert_string_equal (json, "[]");
    free (json);
    char *control[] = {"up.\n"};
    assert_null (analytics_topics_json (control, 1, err, sizeof err));
    char *invalid[] = {"up.\xff"};
    assert_null (analytics_topics_json (invalid, 1, err, sizeof err));
    char long_topic[300];
    memset (long_topic, 'a', sizeof long_topic - 1);
    long_topic[sizeof long_topic - 1] = 0;
    char *too_long[] = {long_topic};
    assert_null (analytics_topics_json (too_long, 1, err, sizeof err));
}

static char *
s_csv (const char *value)
{
    zchunk_t *buf = zchunk_new (NULL, 64);
    analytics_csv_field (buf, value);
    char *text = strndup ((const char *)zchunk_data (buf), zchunk_size (buf));
    zchunk_destroy (&buf);
    return text;
}

static void
test_csv_field (void **state)
{
    const char *cases[][2] = {
        {"plain", "plain"},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"=SUM(A1)", "\"'=SUM(A1)\""},
        {"+91", "\"'+91\""},
        {"-1", "\"'-1\""},
        {"@cmd", "\"'@cmd\""},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = s_csv (cases[i][0]);
        assert_string_equal (out, cases[i][1]);
        free (out);
    }
}

static void
test_valid_day (void **state)
{
    assert_true (analytics_valid_day ("2026-11-29"));
    assert_true (analytics_valid_day ("2024-02-29"));
    assert_false (analytics_valid_day ("2026-02-29"));
    assert_false (analytics_valid_day ("2026-02-31"));
    assert_false (analytics_valid_day ("2026-13-01"));
    assert_false (analytics_valid_day ("2026-1-01"));
    assert_false (analytics_valid_day ("2026-11-29x"));
    assert_false (analytics_valid_day ("yesterday"));
    assert_false (analytics_valid_day (""));
    assert_false (analytics_valid_day (NULL));
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_topic),
        cmocka_unit_test (test_mask_unchanged_is_identical),
        cmocka_unit_test (test_mask_every_string),
        cmocka_unit_test (test_mask_bad_json),
        cmocka_unit_test (test_percentile),
        cmocka_unit_test (test_chains),
        cmocka_unit_test (test_topics_json),
        cmocka_unit_test (test_csv_field),
        cmocka_unit_test (test_valid_day),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
