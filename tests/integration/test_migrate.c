/*  Integration test: sw_migrate and sw_db against the private PostgreSQL
    cluster of the CTest fixture "pg".

    Applies the real migrations to an empty database, twice (the second
    run changes nothing), and from two processes at once (one applies,
    the other waits on the advisory lock and then has nothing to do);
    refuses a changed migration and a database newer than the binary;
    and checks sw_db's behaviour when the server is unreachable, when its
    backend is terminated, and when a statement violates a constraint;
    and that statements are prepared once per connection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sw_db.h"
#include "sw_log.h"
#include "sw_migrate.h"
#include "sw_testpg.h"

#define S_FILE(name, text) { name, text, sizeof (text) - 1 }
#define S_END { NULL, NULL, 0 }

//  --------------------------------------------------------------------------
//  Helpers

//  Log lines captured while a test runs, so it can assert on them.
typedef struct {
    FILE *stream;           //  where sw_log writes meanwhile
    char *text;             //  what it wrote (after s_logs_end)
    size_t size;            //  bytes in text
} s_logs_t;

static void
s_logs_start (s_logs_t *logs)
{
    memset (logs, 0, sizeof *logs);
    logs->stream = open_memstream (&logs->text, &logs->size);
    assert_non_null (logs->stream);
    sw_log_set_stream (logs->stream);
}

static void
s_logs_end (s_logs_t *logs)
{
    sw_log_set_stream (NULL);
    fclose (logs->stream);
    logs->stream = NULL;
    //  Echo them, for a failing test's output
    fputs (logs->text, stderr);
}

static int
s_embedded_count (void)
{
    int count = 0;
    while (sw_migrations_embedded[count].name)
        count++;
    return count;
}

//  A fresh, empty database and a connected sw_db on it.
static sw_db_t *
s_fresh (const char *dbname, char **conninfo_p)
{
    char *conninfo = sw_testpg_fresh_db (dbname);
    assert_non_null (conninfo);
    sw_db_t *db = sw_db_new (conninfo);
    assert_non_null (db);
    assert_int_equal (sw_db_connect (db), 0);
    if (conninfo_p)
        *conninfo_p = conninfo;
    else
        free (conninfo);
    return db;
}

//  First value of a one-row query with up to one parameter, as a string
//  the caller frees (NULL for SQL NULL).
static char *
s_value (sw_db_t *db, const char *sql, const char *param)
{
    const char *params[] = { param };
    PGresult *res = sw_db_query (db, sql, param ? 1 : 0, params);
    assert_non_null (res);
    assert_int_equal (PQntuples (res), 1);
    char *value = PQgetisnull (res, 0, 0) ? NULL : strdup (PQgetvalue (res, 0, 0));
    PQclear (res);
    return value;
}

static long
s_number (sw_db_t *db, const char *sql, const char *param)
{
    char *value = s_value (db, sql, param);
    assert_non_null (value);
    long number = atol (value);
    free (value);
    return number;
}

static bool
s_table_exists (sw_db_t *db, const char *table)
{
    char *exists = s_value (db, "SELECT to_regclass ($1) IS NOT NULL", table);
    bool result = exists && strcmp (exists, "t") == 0;
    free (exists);
    return result;
}

//  Advisory locks on the migration key in this database, held or awaited.
static long
s_migrate_locks (sw_db_t *db, bool granted)
{
    char key[32];
    snprintf (key, sizeof key, "%lld", (long long) SW_MIGRATE_LOCK_KEY);
    return s_number (db, granted
        ? "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
          " WHERE d.datname = current_database () AND l.locktype = 'advisory'"
          " AND l.objsubid = 1 AND ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint"
          " AND l.granted"
        : "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
          " WHERE d.datname = current_database () AND l.locktype = 'advisory'"
          " AND l.objsubid = 1 AND ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint"
          " AND NOT l.granted", key);
}

//  A digest of the schema and the migration records, to tell whether a
//  run changed anything.
static char *
s_schema_snapshot (sw_db_t *db)
{
    return s_value (db,
        "SELECT md5 ("
        " coalesce ((SELECT string_agg (format ('%s.%s.%s %s %s %s', table_schema, table_name,"
        "   column_name, data_type, is_nullable, column_default), ','"
        "   ORDER BY table_schema, table_name, ordinal_position)"
        "  FROM information_schema.columns"
        "  WHERE table_schema NOT IN ('pg_catalog', 'information_schema')), '')"
        " || '|' || coalesce ((SELECT string_agg (indexdef, ','"
        "   ORDER BY schemaname, tablename, indexname)"
        "  FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')), '')"
        " || '|' || coalesce ((SELECT string_agg (conrelid::regclass::text || ' '"
        "   || conname || ' ' || pg_get_constraintdef (oid), ','"
        "   ORDER BY conrelid::regclass::text, conname)"
        "  FROM pg_constraint WHERE connamespace = 'public'::regnamespace), '')"
        " || '|' || coalesce ((SELECT string_agg (pg_get_triggerdef (oid), ','"
        "   ORDER BY tgrelid::regclass::text, tgname)"
        "  FROM pg_trigger WHERE NOT tgisinternal), '')"
        " || '|' || coalesce ((SELECT string_agg (format ('%s %s %s %s', version, name,"
        "   checksum, applied_at), ',' ORDER BY version)"
        "  FROM schema_migrations), ''))", NULL);
}

//  A local port on which nothing listens: bound, so nobody else takes
//  it, but not listening, so connections are refused at once.
static int
s_refusing_port (int *sock_p)
{
    int sock = socket (AF_INET, SOCK_STREAM, 0);
    assert_true (sock >= 0);
    struct sockaddr_in addr;
    memset (&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
    assert_int_equal (bind (sock, (struct sockaddr *) &addr, sizeof addr), 0);
    socklen_t addr_len = sizeof addr;
    assert_int_equal (getsockname (sock, (struct sockaddr *) &addr, &addr_len), 0);
    *sock_p = sock;
    return ntohs (addr.sin_port);
}

static int
s_group_setup (void **state)
{
    (void) state;
    if (!sw_testpg_available ()) {
        fprintf (stderr, "test cluster not reachable: run through ctest "
                         "(fixture pg) or set SUNWAI_TEST_PGDIR\n");
        return -1;
    }
    return 0;
}

//  --------------------------------------------------------------------------
//  (a) The real migrations apply to an empty database

static void
test_apply_empty (void **state)
{
    (void) state;
    sw_db_t *db = s_fresh ("sw_test_migrate_apply", NULL);
    int count = s_embedded_count ();
    assert_true (count > 0);
    assert_int_equal (sw_migrate_version (db), 0);

    s_logs_t logs;
    s_logs_start (&logs);
    int applied = -1;
    int rc = sw_migrate_run (db, &applied);
    s_logs_end (&logs);
    assert_int_equal (rc, 0);
    assert_int_equal (applied, count);
    assert_non_null (strstr (logs.text, "\"msg\":\"applied migration\""));
    assert_non_null (strstr (logs.text, "\"name\":\"0001_init.sql\""));
    assert_non_null (strstr (logs.text, "\"msg\":\"database schema is up to date\""));
    free (logs.text);

    assert_true (s_table_exists (db, "complaints"));
    assert_true (s_table_exists (db, "events"));
    assert_true (s_table_exists (db, "outbox"));
    assert_true (s_table_exists (db, "dead_letters"));
    assert_int_equal (s_number (db, "SELECT count(*) FROM schema_migrations", NULL), count);
    //  The recorded checksum is the SHA-256 of the text we carry
    char *checksum = s_value (db, "SELECT checksum FROM schema_migrations WHERE version = 1", NULL);
    assert_non_null (checksum);
    assert_int_equal (strlen (checksum), 64);
    free (checksum);
    assert_true (sw_migrate_version (db) >= count);
    //  The lock is released and no transaction is left open
    assert_int_equal (s_migrate_locks (db, true), 0);
    assert_int_equal (PQtransactionStatus (sw_db_conn (db)), PQTRANS_IDLE);
    sw_db_destroy (&db);
}

//  --------------------------------------------------------------------------
//  (b) A second run applies nothing and changes nothing

static void
test_apply_twice (void **state)
{
    (void) state;
    sw_db_t *db = s_fresh ("sw_test_migrate_twice", NULL);
    int applied = -1;
    assert_int_equal (sw_migrate_run (db, &applied), 0);
    assert_int_equal (applied, s_embedded_count ());
    char *before = s_schema_snapshot (db);
    assert_non_null (before);
    int version = sw_migrate_version (db);

    //  A second connection, as a restarted service would have
    sw_db_disconnect (db);
    assert_int_equal (sw_db_ensure (db), 0);
    applied = -1;
    assert_int_equal (sw_migrate_run (db, &applied), 0);
    assert_int_equal (applied, 0);
    //  applied may be NULL
    assert_int_equal (sw_migrate_run (db, NULL), 0);

    char *after = s_schema_snapshot (db);
    assert_string_equal (before, after);
    assert_int_equal (sw_migrate_version (db), version);
    //  The snapshot does see a change
    assert_int_equal (sw_db_exec (db, "ALTER TABLE complaints ADD COLUMN snapshot_probe integer",
                                  0, NULL), 0);
    char *changed = s_schema_snapshot (db);
    assert_string_not_equal (before, changed);
    free (changed);
    free (before);
    free (after);
    sw_db_destroy (&db);
}

//  --------------------------------------------------------------------------
//  (c) Two processes migrating at once: one applies, the other waits on
//  the advisory lock and then finds nothing to do

//  Child process: migrate and report how many it applied as exit status
//  (100 on failure).  It never touches the parent's connection, and
//  leaves by _exit so that nothing of the parent's is flushed or closed.
static void
s_child_migrate (const char *conninfo)
{
    sw_db_t *db = sw_db_new (conninfo);
    int applied = -1;
    int rc = db && sw_db_connect (db) == 0 ? sw_migrate_run (db, &applied) : -1;
    sw_db_destroy (&db);
    _exit (rc == 0 && applied >= 0 && applied < 100 ? applied : 100);
}

static void
test_concurrent (void **state)
{
    (void) state;
    char *conninfo = NULL;
    sw_db_t *db = s_fresh ("sw_test_migrate_concurrent", &conninfo);
    char key[32];
    snprintf (key, sizeof key, "%lld", (long long) SW_MIGRATE_LOCK_KEY);
    const char *params[] = { key };
    assert_int_equal (sw_db_exec (db, "SELECT pg_advisory_lock ($1::bigint)", 1, params), 0);

    pid_t children[2];
    for (int child = 0; child < 2; child++) {
        fflush (stdout);
        fflush (stderr);
        children[child] = fork ();
        assert_true (children[child] >= 0);
        if (children[child] == 0)
            s_child_migrate (conninfo);
    }
    //  Both must be waiting on the lock before we let go of it
    long waiting = 0;
    for (int tries = 0; tries < 300 && waiting < 2; tries++) {
        waiting = s_migrate_locks (db, false);
        if (waiting < 2)
            usleep (100 * 1000);
    }
    //  ...and have done nothing yet, not even create schema_migrations
    bool untouched = !s_table_exists (db, "schema_migrations");

    //  Release and collect before asserting, so a failure leaves no child
    assert_int_equal (sw_db_exec (db, "SELECT pg_advisory_unlock ($1::bigint)", 1, params), 0);
    int status[2];
    for (int child = 0; child < 2; child++)
        assert_int_equal (waitpid (children[child], &status[child], 0), children[child]);
    assert_int_equal (waiting, 2);
    assert_true (untouched);

    int count = s_embedded_count ();
    int total = 0, most = 0, least = count;
    for (int child = 0; child < 2; child++) {
        assert_true (WIFEXITED (status[child]));
        int applied = WEXITSTATUS (status[child]);
        assert_true (applied < 100);        //  sw_migrate_run returned 0
        total += applied;
        most = applied > most ? applied : most;
        least = applied < least ? applied : least;
    }
    assert_int_equal (total, count);
    assert_int_equal (most, count);
    assert_int_equal (least, 0);
    assert_int_equal (s_number (db, "SELECT count(*) FROM schema_migrations", NULL), count);
    assert_int_equal (s_number (db, "SELECT count(DISTINCT version) FROM schema_migrations", NULL),
                      count);
    assert_int_equal (s_migrate_locks (db, true), 0);
    free (conninfo);
    sw_db_destroy (&db);
}

//  --------------------------------------------------------------------------
//  (d) A migration changed after it was applied is refused

static const sw_embed_t s_first[] = {
    S_FILE ("0001_first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n"),
    S_END
};
static const sw_embed_t s_first_changed[] = {
    S_FILE ("0001_first.sql", "CREATE TABLE first (id integer PRIMARY KEY, note text);\n"),
    S_END
};
static const sw_embed_t s_first_second[] = {
    S_FILE ("0001_first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n"),
    S_FILE ("0002_second.sql", "CREATE TABLE second (id integer);\n"
                               "CREATE INDEX second_id ON second (id);\n"),
    S_END
};

static void
test_changed_refused (void **state)
{
    (void) state;
    sw_db_t *db = s_fresh ("sw_test_migrate_changed", NULL);
    int applied = -1;
    assert_int_equal (sw_migrate_run_with (db, s_first, &applied), 0);
    assert_int_equal (applied, 1);

    s_logs_t logs;
    s_logs_start (&logs);
    applied = -1;
    int rc = sw_migrate_run_with (db, s_first_changed, &applied);
    s_logs_end (&logs);
    assert_int_equal (rc, -1);
    assert_int_equal (applied, 0);
    assert_non_null (strstr (logs.text,
        "\"msg\":\"migration 1 \\\"0001_first.sql\\\" was changed after it was applied\""));
    assert_non_null (strstr (logs.text, "\"hint\":"));
    free (logs.text);

    //  Nothing changed, the lock was released, the connection is usable
    assert_true (sw_db_connected (db));
    assert_int_equal (PQtransactionStatus (sw_db_conn (db)), PQTRANS_IDLE);
    assert_int_equal (s_migrate_locks (db, true), 0);
    assert_int_equal (s_number (db, "SELECT count(*) FROM information_schema.columns"
                                    " WHERE table_name = 'first'", NULL), 1);
    //  The original text still passes; a new migration after it applies
    assert_int_equal (sw_migrate_run_with (db, s_first, &applied), 0);
    assert_int_equal (applied, 0);
    assert_int_equal (sw_migrate_run_with (db, s_first_second, &applied), 0);
    assert_int_equal (applied, 1);
    assert_int_equal (sw_migrate_version (db), 2);
    sw_db_destroy (&db);
}

//  --------------------------------------------------------------------------
//  (e) A database newer than the binary is refused

static const sw_embed_t s_first_third[] = {
    S_FILE ("0001_first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n"),
    S_FILE ("0003_third.sql", "CREATE TABLE third (id integer);\n"),
    S_END
};

static void
test_newer_refused (void **state)
{
    (void) state;
    sw_db_t *db = s_fresh ("sw_test_migrate_newer", NULL);
    int applied = -1;
    assert_int_equal (sw_migrate_run_with (db, s_first_second, &applied), 0);
    assert_int_equal (applied, 2);

    s_logs_t logs;
    s_logs_start (&logs);
    applied = -1;
    int rc = sw_migrate_run_with (db, s_first, &applied);
    s_logs_end (&logs);
    assert_int_equal (rc, -1);
    assert_int_equal (applied, 0);
    assert_non_null (strstr (logs.text,
        "\"msg\":\"database schema version 2 is newer than this binary (1)\""));
    free (logs.text);
    assert_int_equal (s_migrate_locks (db, true), 0);

    //  A recorded migration the binary does not carry is refused too
    s_logs_start (&logs);
    rc = sw_migrate_run_with (db, s_first_third, &applied);
    s_logs_end (&logs);
    assert_int_equal (rc, -1);
    assert_non_null (strstr (logs.text, "\"msg\":\"database has migration 2"));
    free (logs.text);
    assert_false (s_table_exists (db, "third"));

    //  And the real migrations against a database from the future
    sw_db_destroy (&db);
    db = s_fresh ("sw_test_migrate_newer", NULL);
    assert_int_equal (sw_migrate_run (db, &applied), 0);
    assert_int_equal (sw_db_exec (db, "INSERT INTO schema_migrations (version, name, checksum)"
                                      " VALUES (999999, '999999_future.sql', 'x')", 0, NULL), 0);
    assert_int_equal (sw_migrate_run (db, &applied), -1);
    assert_int_equal (applied, 0);
    assert_int_equal (sw_migrate_version (db), 999999);
    sw_db_destroy (&db);
}

//  --------------------------------------------------------------------------
//  Bad tables and failing migrations

static const sw_embed_t s_unnumbered[] = {
    S_FILE ("init.sql", "CREATE TABLE first (id integer);\n"),
    S_END
};
static const sw_embed_t s_duplicate[] = {
    S_FILE ("0001_a.sql", "CREATE TABLE a (id integer);\n"),
    S_FILE ("0001_b.sql", "CREATE TABLE b (id integer);\n"),
    S_END
};
static const sw_embed_t s_broken[] = {
    S_FILE ("0001_first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n"),
    S_FILE ("0002_second.sql", "CREATE TABLE second (id integer);\n"
                               "SELEC 1;\n"),
    S_END
};
static const sw_embed_t s_commits[] = {
    S_FILE ("0001_first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n"),
    S_FILE ("0002_second.sql", "CREATE TABLE second (id integer); COMMIT;\n"),
    S_END
};
static const sw_embed_t s_none[] = {
    S_END
};

static void
test_bad_migrations (void **state)
{
    (void) state;
    sw_db_t *db = s_fresh ("sw_test_migrate_bad", NULL);
    int applied = -1;

    //  Refused before touching the database
    assert_int_equal (sw_migrate_run_with (db, s_unnumbered, &applied), -1);
    assert_int_equal (applied, 0);
    assert_int_equal (sw_migrate_run_with (db, s_duplicate, &applied), -1);
    assert_false (s_table_exists (db, "schema_migrations"));

    //  An empty table is fine
    assert_int_equal (sw_migrate_run_with (db, s_none, &applied), 0);
    assert_int_equal (applied, 0);
    assert_int_equal (sw_migrate_version (db), 0);

    //  A failing migration is rolled back whole, after the ones before it
    s_logs_t logs;
    s_logs_start (&logs);
    int rc = sw_migrate_run_with (db, s_broken, &applied);
    s_logs_end (&logs);
    assert_int_equal (rc, -1);
    assert_int_equal (applied, 1);
    assert_non_null (strstr (logs.text,
        "\"msg\":\"could not apply migration 2 \\\"0002_second.sql\\\"\""));
    assert_non_null (strstr (logs.text, "\"sqlstate\":\"42601\""));
    assert_non_null (strstr (logs.text, "\"line\":\"2\""));
    free (logs.text);
    assert_true (s_table_exists (db, "first"));
    assert_false (s_table_exists (db, "second"));
    assert_int_equal (sw_migrate_version (db), 1);
    assert_int_equal (s_migrate_locks (db, true), 0);
    assert_int_equal (PQtransactionStatus (sw_db_conn (db)), PQTRANS_IDLE);

    //  A migration that commits by itself is caught
    assert_int_equal (sw_migrate_run_with (db, s_commits, &applied), -1);
    assert_int_equal (sw_migrate_version (db), 1);
    assert_int_equal (s_migrate_locks (db, true), 0);

    //  Not connected
    sw_db_disconnect (db);
    assert_int_equal (sw_migrate_run_with (db, s_first, &applied), -1);
    sw_db_destroy (&db);
}

//  --------------------------------------------------------------------------
//  (f) sw_db when the server is unreachable, and when its backend dies

static void
test_db_unreachable (void **state)
{
    (void) state;
    int sock;
    int port = s_refusing_port (&sock);
    char conninfo[200];
    snprintf (conninfo, sizeof conninfo, "host=127.0.0.1 port=%d user=postgres "
              "password=s3cret-pw dbname=sunwai connect_timeout=2", port);

    s_logs_t logs;
    s_logs_start (&logs);
    sw_db_t *db = sw_db_new (conninfo);
    assert_non_null (db);
    assert_int_equal (sw_db_connect (db), -1);
    assert_false (sw_db_connected (db));
    assert_null (sw_db_conn (db));
    assert_int_equal (sw_db_ensure (db), -1);      //  backing off
    assert_null (sw_db_query (db, "SELECT 1", 0, NULL));
    assert_int_equal (sw_db_exec (db, "SELECT 1", 0, NULL), -1);
    assert_int_equal (sw_migrate_version (db), -1);
    assert_int_equal (sw_db_connect_count (db), 0);
    sw_db_destroy (&db);
    s_logs_end (&logs);
    assert_non_null (strstr (logs.text, "\"msg\":\"could not connect to database\""));
    assert_null (strstr (logs.text, "s3cret-pw"));
    free (logs.text);
    close (sock);

    //  The server is there: a fresh sw_db connects
    char *real = sw_testpg_fresh_db ("sw_test_migrate_db");
    assert_non_null (real);
    db = sw_db_new (real);
    assert_non_null (db);
    assert_int_equal (sw_db_ensure (db), 0);
    assert_true (sw_db_connected (db));
    assert_int_equal (sw_db_connect_count (db), 1);
    assert_int_equal (sw_db_ensure (db), 0);       //  already up
    assert_int_equal (sw_db_connect_count (db), 1);
    sw_db_destroy (&db);
    free (real);
}

static void
test_db_backend_terminated (void **state)
{
    (void) state;
    char *conninfo = NULL;
    sw_db_t *db = s_fresh ("sw_test_migrate_db", &conninfo);
    sw_db_t *admin = sw_db_new (conninfo);
    assert_non_null (admin);
    assert_int_equal (sw_db_connect (admin), 0);

    char pid[16];
    snprintf (pid, sizeof pid, "%d", PQbackendPID (sw_db_conn (db)));
    //  With a timeout, pg_terminate_backend waits until the backend is gone
    char *terminated = s_value (admin, "SELECT pg_terminate_backend ($1::integer, 10000)", pid);
    assert_string_equal (terminated, "t");
    free (terminated);

    s_logs_t logs;
    s_logs_start (&logs);
    assert_null (sw_db_query (db, "SELECT 1", 0, NULL));
    s_logs_end (&logs);
    assert_false (sw_db_connected (db));
    assert_null (sw_db_conn (db));
    assert_true (strlen (sw_db_last_sqlstate (db)) == 5);
    assert_string_not_equal (sw_db_last_error (db), "");
    assert_non_null (strstr (logs.text, "\"msg\":\"lost connection to database\""));
    free (logs.text);

    //  The first reconnect is immediate
    assert_int_equal (sw_db_ensure (db), 0);
    assert_true (sw_db_connected (db));
    assert_int_equal (sw_db_connect_count (db), 2);
    assert_int_equal (sw_db_exec (db, "SELECT 1", 0, NULL), 0);

    //  Terminated while idle: ensure notices only on the next statement,
    //  and a failed statement inside a transaction is no exception
    snprintf (pid, sizeof pid, "%d", PQbackendPID (sw_db_conn (db)));
    assert_int_equal (sw_db_begin (db), 0);
    terminated = s_value (admin, "SELECT pg_terminate_backend ($1::integer, 10000)", pid);
    assert_string_equal (terminated, "t");
    free (terminated);
    assert_int_equal (sw_db_exec (db, "SELECT 1", 0, NULL), -1);
    assert_false (sw_db_connected (db));
    sw_db_rollback (db);                            //  quietly nothing
    assert_int_equal (sw_db_ensure (db), 0);
    assert_int_equal (sw_db_connect_count (db), 3);

    sw_db_destroy (&admin);
    sw_db_destroy (&db);
    free (conninfo);
}

//  --------------------------------------------------------------------------
//  (g) Constraint violations, parameters and transactions

static void
test_db_statements (void **state)
{
    (void) state;
    sw_db_t *db = s_fresh ("sw_test_migrate_db", NULL);
    assert_int_equal (sw_db_exec (db, "CREATE TABLE citizens (handle text PRIMARY KEY, note text)",
                                  0, NULL), 0);
    const char *params[] = { "citizen_handle_7731", NULL };
    assert_int_equal (sw_db_exec (db, "INSERT INTO citizens VALUES ($1, $2)", 2, params), 0);
    assert_string_equal (sw_db_last_sqlstate (db), "");

    //  NULL parameters are SQL NULL; quotes in values are just values
    PGresult *res = sw_db_query (db, "SELECT note IS NULL, $2::text FROM citizens WHERE handle = $1",
                                 2, (const char *[]) { "citizen_handle_7731", "it's; DROP TABLE x" });
    assert_non_null (res);
    assert_int_equal (PQntuples (res), 1);
    assert_string_equal (PQgetvalue (res, 0, 0), "t");
    assert_string_equal (PQgetvalue (res, 0, 1), "it's; DROP TABLE x");
    PQclear (res);

    s_logs_t logs;
    s_logs_start (&logs);
    assert_null (sw_db_query (db, "INSERT INTO citizens VALUES ($1, $2)", 2, params));
    s_logs_end (&logs);
    assert_string_equal (sw_db_last_sqlstate (db), "23505");
    assert_non_null (strstr (sw_db_last_error (db), "duplicate key"));
    assert_true (sw_db_connected (db));
    assert_non_null (strstr (logs.text, "\"msg\":\"could not execute statement\""));
    assert_non_null (strstr (logs.text, "\"sqlstate\":\"23505\""));
    //  Neither the value nor PostgreSQL's DETAIL, which repeats it
    assert_null (strstr (logs.text, "citizen_handle_7731"));
    free (logs.text);

    //  The SQLSTATE stays until the next failure
    assert_int_equal (sw_db_exec (db, "SELECT 1", 0, NULL), 0);
    assert_string_equal (sw_db_last_sqlstate (db), "23505");
    assert_int_equal (sw_db_exec (db, "SELECT * FROM no_such_table", 0, NULL), -1);
    assert_string_equal (sw_db_last_sqlstate (db), "42P01");

    //  Rollback undoes; commit keeps
    const char *other[] = { "someone_else", "x" };
    assert_int_equal (sw_db_begin (db), 0);
    assert_int_equal (sw_db_exec (db, "INSERT INTO citizens VALUES ($1, $2)", 2, other), 0);
    sw_db_rollback (db);
    assert_int_equal (s_number (db, "SELECT count(*) FROM citizens", NULL), 1);
    assert_int_equal (sw_db_begin (db), 0);
    assert_int_equal (sw_db_exec (db, "INSERT INTO citizens VALUES ($1, $2)", 2, other), 0);
    assert_int_equal (sw_db_commit (db), 0);
    assert_int_equal (s_number (db, "SELECT count(*) FROM citizens", NULL), 2);

    //  A commit after a failed statement is a failed commit
    const char *third[] = { "third_one", "y" };
    assert_int_equal (sw_db_begin (db), 0);
    assert_int_equal (sw_db_exec (db, "INSERT INTO citizens VALUES ($1, $2)", 2, third), 0);
    assert_int_equal (sw_db_exec (db, "INSERT INTO citizens VALUES ($1, $2)", 2, params), -1);
    assert_int_equal (sw_db_commit (db), -1);
    assert_string_equal (sw_db_last_sqlstate (db), "25P02");
    assert_int_equal (PQtransactionStatus (sw_db_conn (db)), PQTRANS_IDLE);
    assert_int_equal (s_number (db, "SELECT count(*) FROM citizens", NULL), 2);
    sw_db_rollback (db);                            //  nothing open: a no-op
    assert_true (sw_db_connected (db));
    sw_db_destroy (&db);
}

//  --------------------------------------------------------------------------
//  (h) Statements are prepared once per connection and run by name

static long
s_prepared_count (sw_db_t *db, const char *statement)
{
    return s_number (db, "SELECT count(*) FROM pg_prepared_statements WHERE statement = $1",
                     statement);
}

static void
test_db_prepared (void **state)
{
    (void) state;
    sw_db_t *db = s_fresh ("sw_test_migrate_prepared", NULL);
    const char *add = "SELECT $1::integer + 1";
    for (int i = 0; i < 3; i++) {
        char value[16];
        snprintf (value, sizeof value, "%d", i);
        PGresult *res = sw_db_query (db, add, 1, (const char *[]) { value });
        assert_non_null (res);
        assert_int_equal (atoi (PQgetvalue (res, 0, 0)), i + 1);
        PQclear (res);
    }
    //  Prepared once, on this connection; transaction commands are not
    assert_int_equal (s_prepared_count (db, add), 1);
    assert_int_equal (sw_db_begin (db), 0);
    assert_int_equal (sw_db_commit (db), 0);
    assert_int_equal (s_number (db, "SELECT count(*) FROM pg_prepared_statements"
                                    " WHERE statement IN ('BEGIN', 'COMMIT')", NULL), 0);

    //  The server forgot them (DISCARD ALL, as a pooler does): outside a
    //  transaction the run prepares it again at once; inside one the
    //  error has aborted the transaction, and the next run prepares it
    assert_int_equal (sw_db_exec (db, "DISCARD ALL", 0, NULL), 0);
    assert_int_equal (sw_db_exec (db, add, 1, (const char *[]) { "1" }), 0);
    assert_int_equal (s_prepared_count (db, add), 1);
    assert_int_equal (sw_db_exec (db, "DISCARD ALL", 0, NULL), 0);
    assert_int_equal (sw_db_begin (db), 0);
    s_logs_t logs;
    s_logs_start (&logs);
    assert_int_equal (sw_db_exec (db, add, 1, (const char *[]) { "1" }), -1);
    s_logs_end (&logs);
    free (logs.text);
    assert_string_equal (sw_db_last_sqlstate (db), "26000");
    sw_db_rollback (db);
    assert_int_equal (sw_db_exec (db, add, 1, (const char *[]) { "1" }), 0);
    assert_int_equal (s_prepared_count (db, add), 1);

    //  A table whose columns change under a prepared SELECT *: prepared
    //  again, and the new column is there
    assert_int_equal (sw_db_exec (db, "CREATE TABLE reports (id integer)", 0, NULL), 0);
    assert_int_equal (sw_db_exec (db, "SELECT * FROM reports", 0, NULL), 0);
    assert_int_equal (sw_db_exec (db, "ALTER TABLE reports ADD COLUMN note text", 0, NULL), 0);
    PGresult *res = sw_db_query (db, "SELECT * FROM reports", 0, NULL);
    assert_non_null (res);
    assert_int_equal (PQnfields (res), 2);
    PQclear (res);

    //  A new connection (the backend was terminated) prepares afresh
    assert_int_equal (sw_db_exec (db, "SELECT pg_terminate_backend (pg_backend_pid ())", 0, NULL),
                      -1);
    assert_false (sw_db_connected (db));
    assert_int_equal (sw_db_ensure (db), 0);
    res = sw_db_query (db, add, 1, (const char *[]) { "41" });
    assert_non_null (res);
    assert_string_equal (PQgetvalue (res, 0, 0), "42");
    PQclear (res);
    assert_int_equal (s_prepared_count (db, add), 1);

    //  Beyond SW_DB_PREPARED_MAX texts, new ones run unprepared and still run
    for (int i = 0; i < 300; i++) {
        char sql[64];
        snprintf (sql, sizeof sql, "SELECT %d + $1::integer", i);
        res = sw_db_query (db, sql, 1, (const char *[]) { "1" });
        assert_non_null (res);
        assert_int_equal (atoi (PQgetvalue (res, 0, 0)), i + 1);
        PQclear (res);
    }
    long prepared = s_number (db, "SELECT count(*) FROM pg_prepared_statements", NULL);
    assert_true (prepared >= 200 && prepared <= 256);

    //  After SW_DB_PREPARED_TTL_MS (10 s) they are prepared afresh, so a
    //  plan made while a table was empty does not outlive its growth
    char *before = s_value (db, "SELECT prepare_time::text FROM pg_prepared_statements"
                                " WHERE statement = $1", add);
    assert_non_null (before);
    sleep (11);
    assert_int_equal (sw_db_exec (db, add, 1, (const char *[]) { "1" }), 0);
    char *after = s_value (db, "SELECT prepare_time::text FROM pg_prepared_statements"
                               " WHERE statement = $1", add);
    assert_non_null (after);
    assert_string_not_equal (before, after);
    assert_true (s_number (db, "SELECT count(*) FROM pg_prepared_statements", NULL) <= 3);
    free (before);
    free (after);
    sw_db_destroy (&db);
}

//  Every service session runs without JIT compilation (sw_db's connection
//  defaults), and a conninfo's own "options" replace that.
static void
test_db_session_settings (void **state)
{
    (void) state;
    char *conninfo = NULL;
    sw_db_t *db = s_fresh ("sw_test_migrate_session", &conninfo);
    char *jit = s_value (db, "SELECT current_setting('jit')", NULL);
    assert_non_null (jit);
    assert_string_equal (jit, "off");
    free (jit);
    char *application = s_value (db, "SELECT current_setting('application_name')", NULL);
    assert_non_null (application);
    assert_string_not_equal (application, "");
    free (application);
    sw_db_destroy (&db);

    char own[1024];
    snprintf (own, sizeof own, "%s options='-c jit=on'", conninfo);
    db = sw_db_new (own);
    assert_non_null (db);
    assert_int_equal (sw_db_connect (db), 0);
    jit = s_value (db, "SELECT current_setting('jit')", NULL);
    assert_non_null (jit);
    assert_string_equal (jit, "on");
    free (jit);
    sw_db_destroy (&db);
    free (conninfo);
}

//  A new connection renews its prepared statements after 1 s, then after
//  2 s (then 4, 8 and every 10 s): a generic plan made while a new
//  deployment's tables were empty does not outlive their first burst.
static void
test_db_prepared_renewal (void **state)
{
    (void) state;
    sw_db_t *db = s_fresh ("sw_test_migrate_renewal", NULL);
    const char *add = "SELECT $1::integer + 2";
    const char *when = "SELECT prepare_time::text FROM pg_prepared_statements"
                       " WHERE statement = $1";
    assert_int_equal (sw_db_exec (db, add, 1, (const char *[]) { "1" }), 0);
    char *first = s_value (db, when, add);
    assert_non_null (first);
    usleep (1300 * 1000);
    assert_int_equal (sw_db_exec (db, add, 1, (const char *[]) { "1" }), 0);
    char *second = s_value (db, when, add);
    assert_non_null (second);
    assert_string_not_equal (first, second);     //  renewed after 1 s
    usleep (900 * 1000);
    assert_int_equal (sw_db_exec (db, add, 1, (const char *[]) { "1" }), 0);
    char *third = s_value (db, when, add);
    assert_non_null (third);
    assert_string_equal (second, third);         //  the next renewal is 2 s on
    usleep (1400 * 1000);
    assert_int_equal (sw_db_exec (db, add, 1, (const char *[]) { "1" }), 0);
    char *fourth = s_value (db, when, add);
    assert_non_null (fourth);
    assert_string_not_equal (third, fourth);
    free (first);
    free (second);
    free (third);
    free (fourth);
    sw_db_destroy (&db);
}

//  sw_db_result_fn: sums the first column of every row
static void
s_sum (PGresult *result, void *arg)
{
    for (int r = 0; r < PQntuples (result); r++)
        *(long *) arg += atol (PQgetvalue (result, r, 0));
}

static int
s_count_lines (const char *text, const char *needle)
{
    int count = 0;
    for (const char *p = text; p && (p = strstr (p, needle)); p += strlen (needle))
        count++;
    return count;
}

//  Pipeline mode: writes go without waiting, each read collects what was
//  sent before it, a failure fails the rest and is logged once, and the
//  connection is usable afterwards.
static void
test_db_pipeline (void **state)
{
    (void) state;
    sw_db_t *db = s_fresh ("sw_test_migrate_pipeline", NULL);
    assert_int_equal (sw_db_exec (db, "CREATE TABLE pipe (n integer PRIMARY KEY)", 0, NULL), 0);
    const char *insert = "INSERT INTO pipe (n) VALUES ($1::integer) RETURNING n";

    //  A transaction of two writes and a read, committed
    assert_int_equal (sw_db_pipeline_begin (db), 0);
    assert_true (sw_db_in_pipeline (db));
    assert_int_equal (sw_db_begin (db), 0);
    long sum = 0;
    assert_int_equal (sw_db_exec_then (db, insert, 1, (const char *[]) { "1" }, s_sum, &sum), 0);
    assert_int_equal (sw_db_exec_then (db, insert, 1, (const char *[]) { "2" }, s_sum, &sum), 0);
    //  Sent, not waited for: their results are read by the next read
    assert_int_equal (sum, 0);
    PGresult *res = sw_db_query (db, "SELECT count(*) FROM pipe", 0, NULL);
    assert_non_null (res);
    assert_string_equal (PQgetvalue (res, 0, 0), "2");
    PQclear (res);
    assert_int_equal (sum, 3);
    assert_int_equal (sw_db_commit (db), 0);
    assert_int_equal (sw_db_pipeline_end (db), 0);
    assert_false (sw_db_in_pipeline (db));
    assert_int_equal (s_number (db, "SELECT count(*) FROM pipe", NULL), 2);
    //  The insert was prepared once, in the pipeline, and runs by name
    assert_int_equal (s_prepared_count (db, insert), 1);

    //  A failure in the middle: reported by the next read with its own
    //  SQLSTATE, logged once; what follows is not run and fails at once
    const char *tripled = "SELECT $1::integer * 3";
    s_logs_t logs;
    s_logs_start (&logs);
    assert_int_equal (sw_db_pipeline_begin (db), 0);
    assert_int_equal (sw_db_begin (db), 0);
    sum = 0;
    assert_int_equal (sw_db_exec_then (db, insert, 1, (const char *[]) { "3" }, s_sum, &sum), 0);
    assert_int_equal (sw_db_exec (db, insert, 1, (const char *[]) { "1" }), 0);   //  duplicate
    //  A new text: its Parse is sent, then skipped by the server
    assert_int_equal (sw_db_exec (db, tripled, 1, (const char *[]) { "2" }), 0);
    assert_null (sw_db_query (db, "SELECT count(*) FROM pipe", 0, NULL));
    assert_string_equal (sw_db_last_sqlstate (db), "23505");
    assert_int_equal (sum, 3);                  //  the first insert ran
    assert_int_equal (sw_db_exec (db, insert, 1, (const char *[]) { "5" }), -1);
    assert_int_equal (sw_db_commit (db), -1);
    assert_int_equal (sw_db_pipeline_end (db), -1);
    sw_db_rollback (db);
    s_logs_end (&logs);
    assert_int_equal (s_count_lines (logs.text, "could not execute statement"), 1);
    assert_non_null (strstr (logs.text, "23505"));
    free (logs.text);
    assert_int_equal (s_number (db, "SELECT count(*) FROM pipe", NULL), 2);
    //  The skipped Parse left no name behind: used inside a transaction
    //  (where a forgotten name cannot be retried) it is prepared now
    assert_int_equal (sw_db_begin (db), 0);
    res = sw_db_query (db, tripled, 1, (const char *[]) { "2" });
    assert_non_null (res);
    assert_string_equal (PQgetvalue (res, 0, 0), "6");
    PQclear (res);
    assert_int_equal (sw_db_commit (db), 0);

    //  A statement the server forgot (DISCARD ALL) fails the pipeline,
    //  and is prepared again after it
    assert_int_equal (sw_db_pipeline_begin (db), 0);
    assert_int_equal (sw_db_exec (db, "DISCARD ALL", 0, NULL), 0);
    assert_int_equal (sw_db_exec (db, insert, 1, (const char *[]) { "6" }), 0);
    s_logs_start (&logs);
    assert_int_equal (sw_db_pipeline_end (db), -1);
    s_logs_end (&logs);
    free (logs.text);
    assert_string_equal (sw_db_last_sqlstate (db), "26000");
    assert_int_equal (sw_db_begin (db), 0);
    assert_int_equal (sw_db_exec (db, insert, 1, (const char *[]) { "6" }), 0);
    assert_int_equal (sw_db_commit (db), 0);

    //  The backend goes away in the middle: the connection is down, the
    //  pipeline forgotten, and a reconnect works as usual
    s_logs_start (&logs);
    assert_int_equal (sw_db_pipeline_begin (db), 0);
    assert_int_equal (sw_db_exec (db, insert, 1, (const char *[]) { "7" }), 0);
    assert_null (sw_db_query (db, "SELECT pg_terminate_backend (pg_backend_pid ())", 0, NULL));
    s_logs_end (&logs);
    free (logs.text);
    assert_false (sw_db_connected (db));
    assert_false (sw_db_in_pipeline (db));
    assert_int_equal (sw_db_pipeline_end (db), -1);
    sw_db_rollback (db);
    assert_int_equal (sw_db_ensure (db), 0);
    assert_int_equal (s_number (db, "SELECT count(*) FROM pipe", NULL), 3);
    assert_int_equal (s_number (db, "SELECT count(*) FROM pipe WHERE n = 7", NULL), 0);
    sw_db_destroy (&db);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_apply_empty),
        cmocka_unit_test (test_apply_twice),
        cmocka_unit_test (test_concurrent),
        cmocka_unit_test (test_changed_refused),
        cmocka_unit_test (test_newer_refused),
        cmocka_unit_test (test_bad_migrations),
        cmocka_unit_test (test_db_unreachable),
        cmocka_unit_test (test_db_backend_terminated),
        cmocka_unit_test (test_db_statements),
        cmocka_unit_test (test_db_prepared),
        cmocka_unit_test (test_db_session_settings),
        cmocka_unit_test (test_db_prepared_renewal),
        cmocka_unit_test (test_db_pipeline),
    };
    return cmocka_run_group_tests (tests, s_group_setup, NULL);
}
