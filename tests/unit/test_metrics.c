/*  test_metrics: the metrics registry and its Prometheus text rendering.

    Rendering is checked against exact expected text, since Prometheus
    scrapes it byte for byte. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sw_log.h"
#include "sw_metrics.h"

static FILE *s_log = NULL;          //  log lines written by the tests

//  Log lines go to a temporary file that tests can read back.
static int
s_group_setup (void **state)
{
    s_log = tmpfile ();
    if (!s_log)
        return -1;
    sw_log_set_stream (s_log);
    return 0;
}

static int
s_group_teardown (void **state)
{
    sw_log_set_stream (NULL);
    fclose (s_log);
    return 0;
}

//  True if a log line written so far contains text.
static bool
s_logged (const char *text)
{
    fflush (s_log);
    rewind (s_log);
    char line[1024];
    bool found = false;
    while (!found && fgets (line, sizeof line, s_log))
        found = strstr (line, text) != NULL;
    fseek (s_log, 0, SEEK_END);
    return found;
}

//  Each test gets a fresh registry.
static int
s_setup (void **state)
{
    sw_metrics_t *metrics = sw_metrics_new ();
    if (!metrics)
        return -1;
    *state = metrics;
    return 0;
}

static int
s_teardown (void **state)
{
    sw_metrics_t *metrics = *state;
    sw_metrics_destroy (&metrics);
    return 0;
}

//  Renders and compares with expected, printing both on mismatch.
static void
s_assert_render (sw_metrics_t *metrics, const char *expected)
{
    char *text = sw_metrics_render (metrics);
    assert_non_null (text);
    if (strcmp (text, expected) != 0)
        print_error ("rendered:\n%s\nexpected:\n%s\n", text, expected);
    assert_string_equal (text, expected);
    free (text);
}

static void
test_counter_values (void **state)
{
    sw_metrics_t *metrics = *state;
    sw_counter_t *counter = sw_metrics_counter (metrics, "sunwai_c_total",
                                                "c", NULL);
    assert_non_null (counter);
    assert_true (sw_counter_value (counter) == 0);
    sw_counter_inc (counter);
    sw_counter_inc (counter);
    sw_counter_add (counter, 0.5);
    assert_true (sw_counter_value (counter) == 2.5);
    //  Counters never go down; negative and NaN adds are ignored.
    sw_counter_add (counter, -3);
    sw_counter_add (counter, NAN);
    assert_true (sw_counter_value (counter) == 2.5);
}

static void
test_gauge_values (void **state)
{
    sw_metrics_t *metrics = *state;
    sw_gauge_t *gauge = sw_metrics_gauge (metrics, "sunwai_g", "g", NULL);
    assert_non_null (gauge);
    sw_gauge_set (gauge, 7);
    sw_gauge_add (gauge, -10);
    assert_true (sw_gauge_value (gauge) == -3);
    sw_gauge_set (gauge, 1.25);
    assert_true (sw_gauge_value (gauge) == 1.25);
}

static void
test_histogram_values (void **state)
{
    sw_metrics_t *metrics = *state;
    double bounds[] = { 0.1, 1, 10 };
    sw_histogram_t *histogram = sw_metrics_histogram (
        metrics, "sunwai_h_seconds", "h", NULL, bounds, 3);
    assert_non_null (histogram);
    assert_int_equal (sw_histogram_count (histogram), 0);
    //  A value equal to a bound falls in that bound's bucket (le).
    sw_histogram_observe (histogram, 0.1);
    sw_histogram_observe (histogram, 0.5);
    sw_histogram_observe (histogram, 1);
    sw_histogram_observe (histogram, 100);
    assert_int_equal (sw_histogram_count (histogram), 4);
    s_assert_render (metrics,
        "# HELP sunwai_h_seconds h\n"
        "# TYPE sunwai_h_seconds histogram\n"
        "sunwai_h_seconds_bucket{le=\"0.1\"} 1\n"
        "sunwai_h_seconds_bucket{le=\"1\"} 3\n"
        "sunwai_h_seconds_bucket{le=\"10\"} 3\n"
        "sunwai_h_seconds_bucket{le=\"+Inf\"} 4\n"
        "sunwai_h_seconds_sum 101.6\n"
        "sunwai_h_seconds_count 4\n");
}

static void
test_histogram_default_bounds (void **state)
{
    sw_metrics_t *metrics = *state;
    sw_histogram_t *histogram = sw_metrics_histogram (
        metrics, "sunwai_d_seconds", "d", "op=\"x\"", NULL, 0);
    assert_non_null (histogram);
    sw_histogram_observe (histogram, 0.003);
    char *text = sw_metrics_render (metrics);
    assert_non_null (text);
    assert_non_null (strstr (text,
        "sunwai_d_seconds_bucket{op=\"x\",le=\"0.001\"} 0\n"
        "sunwai_d_seconds_bucket{op=\"x\",le=\"0.0025\"} 0\n"
        "sunwai_d_seconds_bucket{op=\"x\",le=\"0.005\"} 1\n"));
    assert_non_null (strstr (text,
        "sunwai_d_seconds_bucket{op=\"x\",le=\"10\"} 1\n"
        "sunwai_d_seconds_bucket{op=\"x\",le=\"+Inf\"} 1\n"
        "sunwai_d_seconds_sum{op=\"x\"} 0.003\n"
        "sunwai_d_seconds_count{op=\"x\"} 1\n"));
    free (text);
}

static void
test_histogram_bad_bounds (void **state)
{
    sw_metrics_t *metrics = *state;
    double descending[] = { 1, 0.5 };
    double repeated[] = { 1, 1 };
    double nan_bound[] = { NAN };
    assert_null (sw_metrics_histogram (metrics, "sunwai_b1", "b", NULL,
                                       descending, 2));
    assert_null (sw_metrics_histogram (metrics, "sunwai_b2", "b", NULL,
                                       repeated, 2));
    assert_null (sw_metrics_histogram (metrics, "sunwai_b3", "b", NULL,
                                       nan_bound, 1));
    //  A trailing +Inf is implicit and not rendered twice.
    double with_inf[] = { 1, INFINITY };
    sw_histogram_t *histogram = sw_metrics_histogram (
        metrics, "sunwai_b4", "b", NULL, with_inf, 2);
    assert_non_null (histogram);
    s_assert_render (metrics,
        "# HELP sunwai_b4 b\n"
        "# TYPE sunwai_b4 histogram\n"
        "sunwai_b4_bucket{le=\"1\"} 0\n"
        "sunwai_b4_bucket{le=\"+Inf\"} 0\n"
        "sunwai_b4_sum 0\n"
        "sunwai_b4_count 0\n");
}

//  A small registry rendered exactly: families in registration order,
//  series of one name grouped under one HELP and TYPE even when
//  registered between other metrics, help escaped.
static void
test_render_exact (void **state)
{
    sw_metrics_t *metrics = *state;
    sw_counter_t *bad = sw_metrics_counter (
        metrics, "sunwai_rejected_total", "Rejected\\complaints\nby reason",
        "reason=\"bad_json\"");
    sw_gauge_t *depth = sw_metrics_gauge (metrics, "sunwai_queue_depth",
                                          "Queue depth", NULL);
    sw_counter_t *spam = sw_metrics_counter (
        metrics, "sunwai_rejected_total", "ignored", "reason=\"spam\"");
    double bounds[] = { 0.25 };
    sw_histogram_t *latency = sw_metrics_histogram (
        metrics, "sunwai_latency_seconds", "Latency", "stage=\"db\"", bounds, 1);
    sw_gauge_t *temperature = sw_metrics_gauge (metrics, "sunwai_temperature",
                                                NULL, NULL);
    assert_non_null (bad);
    assert_non_null (depth);
    assert_non_null (spam);
    assert_non_null (latency);
    assert_non_null (temperature);
    sw_counter_add (bad, 3);
    sw_counter_inc (spam);
    sw_gauge_set (depth, 12);
    sw_gauge_set (temperature, -0.5);
    sw_histogram_observe (latency, 0.125);
    sw_histogram_observe (latency, 2);
    s_assert_render (metrics,
        "# HELP sunwai_rejected_total Rejected\\\\complaints\\nby reason\n"
        "# TYPE sunwai_rejected_total counter\n"
        "sunwai_rejected_total{reason=\"bad_json\"} 3\n"
        "sunwai_rejected_total{reason=\"spam\"} 1\n"
        "# HELP sunwai_queue_depth Queue depth\n"
        "# TYPE sunwai_queue_depth gauge\n"
        "sunwai_queue_depth 12\n"
        "# HELP sunwai_latency_seconds Latency\n"
        "# TYPE sunwai_latency_seconds histogram\n"
        "sunwai_latency_seconds_bucket{stage=\"db\",le=\"0.25\"} 1\n"
        "sunwai_latency_seconds_bucket{stage=\"db\",le=\"+Inf\"} 2\n"
        "sunwai_latency_seconds_sum{stage=\"db\"} 2.125\n"
        "sunwai_latency_seconds_count{stage=\"db\"} 2\n"
        "# TYPE sunwai_temperature gauge\n"
        "sunwai_temperature -0.5\n");
}

static void
test_render_empty (void **state)
{
    s_assert_render (*state, "");
}

static void
test_render_numbers (void **state)
{
    sw_metrics_t *metrics = *state;
    struct {
        double value;               //  value set on the gauge
        const char *text;           //  how it must render
    } cases[] = {
        { 0, "0" },
        { -0.0, "0" },
        { 42, "42" },
        { 1e15, "1000000000000000" },
        { 0.1, "0.1" },
        { 1.0 / 3, "0.3333333333333333" },
        { 1e-7, "1e-07" },
        { 1e20, "1e+20" },
        { INFINITY, "+Inf" },
        { -INFINITY, "-Inf" },
        { NAN, "NaN" },
    };
    size_t ncases = sizeof cases / sizeof cases[0];
    for (size_t i = 0; i < ncases; i++) {
        char name[32];
        snprintf (name, sizeof name, "sunwai_n%zu", i);
        sw_gauge_t *gauge = sw_metrics_gauge (metrics, name, NULL, NULL);
        assert_non_null (gauge);
        sw_gauge_set (gauge, cases[i].value);
    }
    char *text = sw_metrics_render (metrics);
    assert_non_null (text);
    for (size_t i = 0; i < ncases; i++) {
        char line[96];
        snprintf (line, sizeof line, "\nsunwai_n%zu %s\n", i, cases[i].text);
        if (!strstr (text, line))
            print_error ("missing line:%sin:\n%s", line, text);
        assert_non_null (strstr (text, line));
    }
    free (text);
}

static void
test_duplicate_returns_same (void **state)
{
    sw_metrics_t *metrics = *state;
    sw_counter_t *c1 = sw_metrics_counter (metrics, "sunwai_dup_total", "d",
                                           "a=\"1\"");
    sw_counter_t *c2 = sw_metrics_counter (metrics, "sunwai_dup_total", "d",
                                           "a=\"1\"");
    sw_counter_t *c3 = sw_metrics_counter (metrics, "sunwai_dup_total", "d",
                                           "a=\"2\"");
    assert_non_null (c1);
    assert_ptr_equal (c1, c2);
    assert_ptr_not_equal (c1, c3);
    //  NULL and "" are the same (empty) label set.
    sw_gauge_t *g1 = sw_metrics_gauge (metrics, "sunwai_dup", "d", NULL);
    sw_gauge_t *g2 = sw_metrics_gauge (metrics, "sunwai_dup", "d", "");
    assert_non_null (g1);
    assert_ptr_equal (g1, g2);
    sw_histogram_t *h1 = sw_metrics_histogram (metrics, "sunwai_dup_seconds",
                                               "d", NULL, NULL, 0);
    sw_histogram_t *h2 = sw_metrics_histogram (metrics, "sunwai_dup_seconds",
                                               "d", NULL, NULL, 0);
    assert_non_null (h1);
    assert_ptr_equal (h1, h2);
    sw_counter_inc (c2);
    assert_true (sw_counter_value (c1) == 1);
    assert_true (sw_counter_value (c3) == 0);
}

static void
test_bad_names (void **state)
{
    sw_metrics_t *metrics = *state;
    const char *bad[] = { "", "9lives", "has-dash", "has space", "dot.ted",
                          "ünicode", "tab\t" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null (sw_metrics_counter (metrics, bad[i], "x", NULL));
        assert_null (sw_metrics_gauge (metrics, bad[i], "x", NULL));
        assert_null (sw_metrics_histogram (metrics, bad[i], "x", NULL, NULL, 0));
    }
    assert_null (sw_metrics_counter (metrics, NULL, "x", NULL));
    assert_true (s_logged ("invalid metric name 'has-dash'"));
    const char *good[] = { "a", "_x", ":x", "sunwai:rate_5m", "A9_:z" };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_non_null (sw_metrics_counter (metrics, good[i], "x", NULL));
    //  Nothing bad was registered.
    char *text = sw_metrics_render (metrics);
    assert_non_null (text);
    assert_null (strstr (text, "9lives"));
    assert_null (strstr (text, "has-dash"));
    free (text);
}

static void
test_type_clash (void **state)
{
    sw_metrics_t *metrics = *state;
    assert_non_null (sw_metrics_counter (metrics, "sunwai_t_total", "t", NULL));
    assert_null (sw_metrics_gauge (metrics, "sunwai_t_total", "t", NULL));
    assert_true (s_logged ("'sunwai_t_total' is already registered as a "
                           "counter, not a gauge"));
    assert_null (sw_metrics_histogram (metrics, "sunwai_t_total", "t", NULL,
                                       NULL, 0));
    //  Also with a different label set: the type belongs to the name.
    assert_null (sw_metrics_gauge (metrics, "sunwai_t_total", "t", "a=\"b\""));
    assert_non_null (sw_metrics_gauge (metrics, "sunwai_t2", "t", NULL));
    assert_null (sw_metrics_counter (metrics, "sunwai_t2", "t", NULL));
    s_assert_render (metrics,
        "# HELP sunwai_t_total t\n"
        "# TYPE sunwai_t_total counter\n"
        "sunwai_t_total 0\n"
        "# HELP sunwai_t2 t\n"
        "# TYPE sunwai_t2 gauge\n"
        "sunwai_t2 0\n");
}

static void
test_null_handles_ignored (void **state)
{
    //  A failed registration must not crash the service that uses it.
    sw_counter_inc (NULL);
    sw_counter_add (NULL, 1);
    sw_gauge_set (NULL, 1);
    sw_gauge_add (NULL, 1);
    sw_histogram_observe (NULL, 1);
    assert_true (sw_counter_value (NULL) == 0);
    assert_true (sw_gauge_value (NULL) == 0);
    assert_int_equal (sw_histogram_count (NULL), 0);
}

#define S_THREADS     4
#define S_ITERATIONS  100000

//  What each thread updates: the same metrics, looked up by name in the
//  thread so that registration races too.
static void *
s_hammer (void *arg)
{
    sw_metrics_t *metrics = arg;
    sw_counter_t *counter = sw_metrics_counter (metrics, "sunwai_race_total",
                                                "race", NULL);
    sw_gauge_t *gauge = sw_metrics_gauge (metrics, "sunwai_race_gauge",
                                          "race", NULL);
    sw_histogram_t *histogram = sw_metrics_histogram (
        metrics, "sunwai_race_seconds", "race", NULL, NULL, 0);
    if (!counter || !gauge || !histogram)
        return NULL;
    for (int i = 0; i < S_ITERATIONS; i++) {
        sw_counter_inc (counter);
        sw_gauge_add (gauge, 2);
        sw_histogram_observe (histogram, 0.5);
        if (i % 10000 == 0)
            free (sw_metrics_render (metrics));
    }
    return counter;
}

static void
test_concurrent_increments (void **state)
{
    sw_metrics_t *metrics = *state;
    pthread_t threads[S_THREADS];
    for (int i = 0; i < S_THREADS; i++)
        assert_int_equal (pthread_create (&threads[i], NULL, s_hammer,
                                          metrics), 0);
    void *results[S_THREADS];
    for (int i = 0; i < S_THREADS; i++)
        assert_int_equal (pthread_join (threads[i], &results[i]), 0);
    //  Every thread got the same counter.
    for (int i = 0; i < S_THREADS; i++) {
        assert_non_null (results[i]);
        assert_ptr_equal (results[i], results[0]);
    }
    sw_counter_t *counter = sw_metrics_counter (metrics, "sunwai_race_total",
                                                "race", NULL);
    sw_gauge_t *gauge = sw_metrics_gauge (metrics, "sunwai_race_gauge",
                                          "race", NULL);
    sw_histogram_t *histogram = sw_metrics_histogram (
        metrics, "sunwai_race_seconds", "race", NULL, NULL, 0);
    assert_true (sw_counter_value (counter) == S_THREADS * S_ITERATIONS);
    assert_true (sw_gauge_value (gauge) == 2.0 * S_THREADS * S_ITERATIONS);
    assert_int_equal (sw_histogram_count (histogram), S_THREADS * S_ITERATIONS);
    char *text = sw_metrics_render (metrics);
    assert_non_null (text);
    assert_non_null (strstr (text, "sunwai_race_total 400000\n"));
    assert_non_null (strstr (text, "sunwai_race_seconds_bucket{le=\"0.25\"} 0\n"
                                   "sunwai_race_seconds_bucket{le=\"0.5\"} 400000\n"));
    assert_non_null (strstr (text, "sunwai_race_seconds_sum 200000\n"));
    free (text);
}

static void
test_destroy_null (void **state)
{
    sw_metrics_t *metrics = NULL;
    sw_metrics_destroy (&metrics);
    metrics = sw_metrics_new ();
    assert_non_null (metrics);
    sw_metrics_destroy (&metrics);
    assert_null (metrics);
    sw_metrics_destroy (&metrics);
    assert_null (metrics);
}

static void
test_selftest (void **state)
{
    sw_metrics_test (false);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown (test_counter_values, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_gauge_values, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_histogram_values, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_histogram_default_bounds, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_histogram_bad_bounds, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_render_exact, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_render_empty, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_render_numbers, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_duplicate_returns_same, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_bad_names, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_type_clash, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_null_handles_ignored, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_concurrent_increments, s_setup, s_teardown),
        cmocka_unit_test (test_destroy_null),
        cmocka_unit_test (test_selftest),
    };
    return cmocka_run_group_tests (tests, s_group_setup, s_group_teardown);
}
