/*  Unit tests for sw_config: layering (default < file < env < flag),
    validation of every type, and the error messages that name the key,
    the value and what was wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sw_config.h"

static const sw_config_key_t s_keys[] = {
    { "db.url", SW_CONFIG_STRING, NULL, 0, 0, NULL, true, NULL, "database" },
    { "http.port", SW_CONFIG_INT, "8080", 0, 65535, NULL, false, NULL, "port override" },
    { "out.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5557", 0, 0, NULL, false, NULL, "push" },
    { "redrive.enabled", SW_CONFIG_BOOL, "true", 0, 0, NULL, false, NULL, "re-drive" },
    { "mode", SW_CONFIG_ENUM, "fast", 0, 0, "fast|safe", false, NULL, "mode" },
    { "replay.file", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--replay", "replay file" },
    { "stdin", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, "--stdin", "read stdin" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

static sw_config_t *
s_new (void)
{
    sw_config_t *config = sw_config_new ("sunwai-test", "A test program.", s_keys);
    assert_non_null (config);
    return config;
}

static char *
s_write_file (const char *text)
{
    char *path = strdup ("/tmp/sw_config_test_XXXXXX");
    int fd = mkstemp (path);
    assert_true (fd >= 0);
    assert_int_equal (write (fd, text, strlen (text)), (ssize_t) strlen (text));
    close (fd);
    return path;
}

static void
test_defaults_and_common_keys (void **state)
{
    sw_config_t *config = s_new ();
    //  the service's table overrides the common default for http.port
    assert_int_equal (sw_config_int (config, "http.port"), 8080);
    assert_string_equal (sw_config_str (config, "log.level"), "info");
    assert_string_equal (sw_config_source (config, "http.port"), "default");
    assert_true (sw_config_bool (config, "redrive.enabled"));
    sw_config_destroy (&config);
    assert_null (config);
    sw_config_destroy (&config);   //  twice is safe
}

static void
test_missing_required_key (void **state)
{
    sw_config_t *config = s_new ();
    assert_int_equal (sw_config_validate (config), -1);
    assert_non_null (strstr (sw_config_error (config), "missing required config key \"db.url\""));
    assert_non_null (strstr (sw_config_error (config), "SUNWAI_DB_URL"));
    sw_config_destroy (&config);
}

static void
test_bad_values (void **state)
{
    sw_config_t *config = s_new ();
    assert_int_equal (sw_config_set (config, "http.port", "70000", "test"), -1);
    assert_non_null (strstr (sw_config_error (config),
                             "invalid value for config key \"http.port\": \"70000\" is out of "
                             "range 0..65535"));
    assert_int_equal (sw_config_set (config, "http.port", "80a", "test"), -1);
    assert_non_null (strstr (sw_config_error (config), "\"80a\" is not an integer"));
    assert_int_equal (sw_config_set (config, "http.port", "", "test"), -1);
    assert_int_equal (sw_config_set (config, "redrive.enabled", "maybe", "test"), -1);
    assert_non_null (strstr (sw_config_error (config), "is not a boolean"));
    assert_int_equal (sw_config_set (config, "mode", "slow", "test"), -1);
    assert_non_null (strstr (sw_config_error (config), "\"slow\" is not one of fast|safe"));
    assert_int_equal (sw_config_set (config, "out.endpoint", "tcp://*:5557", "test"), -1);
    assert_non_null (strstr (sw_config_error (config), "is not an endpoint"));
    assert_int_equal (sw_config_set (config, "out.endpoint", "@tcp://*:1,>ipc:///x", "t"), 0);
    assert_int_equal (sw_config_set (config, "out.endpoint", "@tcp://*:1,bogus", "t"), -1);
    //  a rejected value leaves the previous one in place
    assert_int_equal (sw_config_int (config, "http.port"), 8080);
    assert_int_equal (sw_config_set (config, "http.port", "9000", "test"), 0);
    assert_int_equal (sw_config_int (config, "http.port"), 9000);
    sw_config_destroy (&config);
}

static void
test_unknown_key (void **state)
{
    sw_config_t *config = s_new ();
    assert_int_equal (sw_config_set (config, "db.ulr", "x", "test"), -1);
    assert_non_null (strstr (sw_config_error (config), "unknown config key \"db.ulr\""));
    assert_non_null (strstr (sw_config_error (config), "Did you mean \"db.url\"?"));
    sw_config_destroy (&config);
}

static void
test_file_nested_keys_and_lists (void **state)
{
    char *path = s_write_file ("# comment\n"
                               "db:\n"
                               "  url: \"host=localhost dbname=sunwai\"\n"
                               "http:\n"
                               "  port: 9001\n"
                               "out:\n"
                               "  endpoint: ['@tcp://*:6000', '>tcp://router:6001']\n"
                               "mode: safe\n"
                               "log: {level: debug}\n");
    sw_config_t *config = s_new ();
    assert_int_equal (sw_config_load_file (config, path), 0);
    assert_string_equal (sw_config_str (config, "db.url"), "host=localhost dbname=sunwai");
    assert_int_equal (sw_config_int (config, "http.port"), 9001);
    assert_string_equal (sw_config_str (config, "out.endpoint"),
                         "@tcp://*:6000,>tcp://router:6001");
    assert_string_equal (sw_config_str (config, "mode"), "safe");
    assert_string_equal (sw_config_str (config, "log.level"), "debug");
    assert_string_equal (sw_config_source (config, "http.port"), "file");
    assert_int_equal (sw_config_validate (config), 0);
    sw_config_destroy (&config);
    unlink (path);
    free (path);
}

static void
test_file_errors (void **state)
{
    sw_config_t *config = s_new ();
    char *path = s_write_file ("db:\n  url: x\n  ulr: y\n");
    assert_int_equal (sw_config_load_file (config, path), -1);
    assert_non_null (strstr (sw_config_error (config), "unknown config key \"db.ulr\""));
    assert_non_null (strstr (sw_config_error (config), "line 3"));
    unlink (path);
    free (path);

    path = s_write_file ("http:\n  port: [1\n");
    assert_int_equal (sw_config_load_file (config, path), -1);
    assert_non_null (strstr (sw_config_error (config), "could not parse config file"));
    unlink (path);
    free (path);

    path = s_write_file ("http:\n  port: 99999\n");
    assert_int_equal (sw_config_load_file (config, path), -1);
    assert_non_null (strstr (sw_config_error (config), "out of range"));
    assert_non_null (strstr (sw_config_error (config), "line 2"));
    unlink (path);
    free (path);

    path = s_write_file ("http:\n  port: 1\nhttp:\n  port: 2\n");
    assert_int_equal (sw_config_load_file (config, path), -1);
    assert_non_null (strstr (sw_config_error (config), "config key \"http.port\" is given twice"));
    unlink (path);
    free (path);

    assert_int_equal (sw_config_load_file (config, "/nonexistent/sunwai.yaml"), -1);
    assert_non_null (strstr (sw_config_error (config), "could not open config file"));
    sw_config_destroy (&config);
}

static void
test_env_overrides_file (void **state)
{
    char *path = s_write_file ("http:\n  port: 9001\ndb:\n  url: fromfile\n");
    char *secret = s_write_file ("postgresql://u:pw@db/sunwai\n");
    char file_var[256];
    snprintf (file_var, sizeof file_var, "SUNWAI_DB_URL_FILE=%s", secret);
    char *envp[] = { "SUNWAI_HTTP_PORT=9500", file_var,
                     "SUNWAI_SOMETHING_ELSE=ignored", "PATH=/bin", NULL };
    sw_config_t *config = s_new ();
    assert_int_equal (sw_config_load_file (config, path), 0);
    assert_int_equal (sw_config_load_env (config, envp), 0);
    assert_int_equal (sw_config_int (config, "http.port"), 9500);
    assert_string_equal (sw_config_source (config, "http.port"), "env");
    //  the _FILE variant reads the secret and strips the newline
    assert_string_equal (sw_config_str (config, "db.url"), "postgresql://u:pw@db/sunwai");
    //  an env value is validated like any other, naming the variable
    char *bad[] = { "SUNWAI_HTTP_PORT=-1", NULL };
    assert_int_equal (sw_config_load_env (config, bad), -1);
    assert_non_null (strstr (sw_config_error (config), "environment variable SUNWAI_HTTP_PORT"));
    sw_config_destroy (&config);
    unlink (path);
    unlink (secret);
    free (path);
    free (secret);
}

static void
test_argv_flags (void **state)
{
    char *path = s_write_file ("http:\n  port: 9001\n");
    char *argv[] = { "sunwai-test", "--config", path, "--set", "db.url=x",
                     "--set=http.port=9100", "--replay", "/tmp/a.jsonl", "--stdin",
                     "positional", NULL };
    sw_config_t *config = s_new ();
    assert_int_equal (sw_config_load (config, 10, argv), 0);
    assert_int_equal (sw_config_int (config, "http.port"), 9100);
    assert_string_equal (sw_config_source (config, "http.port"), "flag");
    assert_string_equal (sw_config_str (config, "replay.file"), "/tmp/a.jsonl");
    assert_true (sw_config_bool (config, "stdin"));
    assert_int_equal (sw_config_argc (config), 1);
    assert_string_equal (sw_config_arg (config, 0), "positional");
    assert_null (sw_config_arg (config, 1));
    sw_config_destroy (&config);

    char *bad[] = { "sunwai-test", "--no-such-flag", NULL };
    config = s_new ();
    assert_int_equal (sw_config_load (config, 2, bad), -1);
    assert_non_null (strstr (sw_config_error (config), "unknown option \"--no-such-flag\""));
    sw_config_destroy (&config);

    char *help[] = { "sunwai-test", "--help", NULL };
    config = s_new ();
    FILE *saved = stdout;
    stdout = fopen ("/dev/null", "w");
    assert_int_equal (sw_config_load (config, 2, help), 1);
    fclose (stdout);
    stdout = saved;
    sw_config_destroy (&config);
    unlink (path);
    free (path);
}

static void
test_usage_and_print_mask_secrets (void **state)
{
    sw_config_t *config = s_new ();
    assert_int_equal (sw_config_set (config, "db.url", "postgresql://sunwai:hunter2@db:5432/up", "t"), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream (&buf, &len);
    sw_config_print (config, out);
    sw_config_usage (config, out);
    fclose (out);
    assert_null (strstr (buf, "hunter2"));
    assert_non_null (strstr (buf, "postgresql://sunwai:********@db:5432/up"));
    //  usage lists every key with its environment variable
    for (const sw_config_key_t *k = s_keys; k->name; k++)
        assert_non_null (strstr (buf, k->name));
    assert_non_null (strstr (buf, "SUNWAI_OUT_ENDPOINT"));
    assert_non_null (strstr (buf, "--replay"));
    free (buf);

    const char *secrets[] = { "host=db password=hunter2 user=x",
                              "host=db password='hunter2 with space' user=x",
                              "postgresql://db/up?user=x&password=hunter2",
                              "postgresql://x:hunter2@db/up?sslmode=require", NULL };
    for (int i = 0; secrets[i]; i++) {
        char *m = sw_config_mask (secrets[i], true);
        assert_null (strstr (m, "hunter2"));
        assert_null (strstr (m, "space"));
        assert_non_null (strstr (m, "x"));
        free (m);
    }
    char *m = sw_config_mask ("not a conninfo = = hunter2", true);
    assert_string_equal (m, "********");
    free (m);
    m = sw_config_mask ("tok3n", true);
    assert_string_equal (m, "********");
    free (m);
    m = sw_config_mask ("plain", false);
    assert_string_equal (m, "plain");
    free (m);
    sw_config_destroy (&config);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_defaults_and_common_keys),
        cmocka_unit_test (test_missing_required_key),
        cmocka_unit_test (test_bad_values),
        cmocka_unit_test (test_unknown_key),
        cmocka_unit_test (test_file_nested_keys_and_lists),
        cmocka_unit_test (test_file_errors),
        cmocka_unit_test (test_env_overrides_file),
        cmocka_unit_test (test_argv_flags),
        cmocka_unit_test (test_usage_and_print_mask_secrets),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
