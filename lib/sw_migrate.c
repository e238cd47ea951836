/*  sw_migrate: brings a database's schema up to the version this binary
    was built with, and refuses a database it does not understand.

    A run goes:

      1. check the table of migrations: every name starts with its version
         (0001_init.sql is version 1), versions are unique; nothing has
         touched the database yet, so a bad build fails without side
         effects;
      2. take the session advisory lock SW_MIGRATE_LOCK_KEY: when several
         processes start together, one migrates and the others wait here,
         then find nothing left to do;
      3. create schema_migrations if missing (under the lock, since two
         concurrent CREATE TABLE IF NOT EXISTS can still collide);
      4. compare what is recorded with what we carry: a recorded version
         newer than ours, a recorded version we do not carry, or a recorded
         checksum that differs from our text each stop the run, because
         the schema is not the one this code was written against;
      5. apply each missing migration in version order, each in its own
         transaction together with its schema_migrations row, so that a
         migration is either wholly applied and recorded or not at all;
      6. release the lock, on every path (if the connection was lost, the
         server has released it already).

    Migration files run through PQexec because they hold many statements,
    which PQexecParams cannot run; they have no parameters, so nothing is
    formatted into them.  They must not contain BEGIN or COMMIT. */
#include "sw_migrate.h"
#include "sw_log.h"

#include <assert.h>
#include <limits.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

//  One migration we carry, checked and with its version parsed.
typedef struct {
    const sw_embed_t *file;     //  the embedded file (name, text)
    int version;                //  the leading digits of its name
    char checksum[65];          //  SHA-256 of its text, lower-case hex
    bool recorded;              //  already in schema_migrations
} s_migration_t;

static const char *s_checksum_hint =
    "A migration must not change once it has been applied anywhere: restore "
    "its original text and put the change in a new migration.";

//  The lock key as a bigint literal, for a text parameter.
static void
s_lock_key (char *buf, size_t size)
{
    snprintf (buf, size, "%lld", (long long) SW_MIGRATE_LOCK_KEY);
}

//  Parses the version from a name's leading digits; 0 if there are none,
//  -1 if it is too big for the integer column.
static int
s_parse_version (const char *name)
{
    long long version = 0;
    const char *digit = name;
    for (; *digit >= '0' && *digit <= '9'; digit++) {
        version = version * 10 + (*digit - '0');
        if (version > INT_MAX)
            return -1;
    }
    return (int) version;
}

static int
s_sha256_hex (const char *data, size_t size, char *hex)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_size = 0;
    if (EVP_Digest (data, size, digest, &digest_size, EVP_sha256 (), NULL) != 1
    ||  digest_size != 32)
        return -1;
    for (unsigned int byte = 0; byte < digest_size; byte++)
        snprintf (hex + 2 * byte, 3, "%02x", digest[byte]);
    return 0;
}

static int
s_compare_version (const void *a, const void *b)
{
    const s_migration_t *left = (const s_migration_t *) a;
    const s_migration_t *right = (const s_migration_t *) b;
    return (left->version > right->version) - (left->version < right->version);
}

//  Step 1: fills plan from the table, sorted by version.  0 or -1 (logged).
static int
s_plan (const sw_embed_t *migrations, size_t count, s_migration_t *plan)
{
    for (size_t index = 0; index < count; index++) {
        s_migration_t *migration = &plan[index];
        migration->file = &migrations[index];
        migration->version = s_parse_version (migration->file->name);
        if (migration->version <= 0) {
            char message[300];
            snprintf (message, sizeof message,
                      "migration file name \"%s\" does not start with a version number",
                      migration->file->name);
            sw_log_kv (SW_LOG_ERROR, message, "hint",
                       "Name migrations NNNN_description.sql, with NNNN from 0001 "
                       "up to 2147483647.", NULL);
            return -1;
        }
        if (s_sha256_hex (migration->file->data, migration->file->size,
                          migration->checksum)) {
            sw_log_kv (SW_LOG_ERROR, "could not compute migration checksum",
                       "name", migration->file->name, NULL);
            return -1;
        }
    }
    qsort (plan, count, sizeof (s_migration_t), s_compare_version);
    for (size_t index = 1; index < count; index++)
        if (plan[index].version == plan[index - 1].version) {
            char message[400];
            snprintf (message, sizeof message,
                      "migration version %d is used by both \"%s\" and \"%s\"",
                      plan[index].version, plan[index - 1].file->name,
                      plan[index].file->name);
            sw_log_kv (SW_LOG_ERROR, message, NULL);
            return -1;
        }
    return 0;
}

//  Step 2.  Tries first so that a waiting process says why it waits.
static int
s_lock (sw_db_t *db)
{
    char key[32];
    s_lock_key (key, sizeof key);
    const char *params[] = { key };
    PGresult *res = sw_db_query (db, "SELECT pg_try_advisory_lock($1::bigint)", 1, params);
    if (!res)
        return -1;
    bool locked = strcmp (PQgetvalue (res, 0, 0), "t") == 0;
    PQclear (res);
    if (locked)
        return 0;
    sw_log_kv (SW_LOG_INFO, "waiting for migration lock", "lock", key,
               "detail", "Another process is migrating this database.", NULL);
    return sw_db_exec (db, "SELECT pg_advisory_lock($1::bigint)", 1, params);
}

//  Step 6.  Runs on every path that took the lock.
static void
s_unlock (sw_db_t *db)
{
    if (!sw_db_connected (db))
        return;             //  the server released it with the session
    sw_db_rollback (db);    //  a lock released inside a failed transaction fails
    if (!sw_db_connected (db))
        return;
    char key[32];
    s_lock_key (key, sizeof key);
    const char *params[] = { key };
    PGresult *res = sw_db_query (db, "SELECT pg_advisory_unlock($1::bigint)", 1, params);
    if (!res)
        return;
    if (strcmp (PQgetvalue (res, 0, 0), "t") != 0)
        sw_log_kv (SW_LOG_WARN, "migration lock was not held", "lock", key, NULL);
    PQclear (res);
}

//  Line number (1-based) of a 1-based character position in text, which
//  is UTF-8: PostgreSQL counts characters, not bytes.
static int
s_line_of (const char *text, long position)
{
    int line = 1;
    long characters = 0;
    for (const unsigned char *byte = (const unsigned char *) text; *byte; byte++) {
        if ((*byte & 0xC0) != 0x80 && ++characters >= position)
            break;
        if (*byte == '\n')
            line++;
    }
    return line;
}

//  Step 5 for one migration.  0 or -1 (logged, rolled back).
static int
s_apply (sw_db_t *db, const s_migration_t *migration)
{
    char version[16];
    snprintf (version, sizeof version, "%d", migration->version);
    char failure[400];
    snprintf (failure, sizeof failure, "could not apply migration %d \"%s\"",
              migration->version, migration->file->name);
    if (sw_db_begin (db)) {
        sw_log_kv (SW_LOG_ERROR, failure, "version", version,
                   "name", migration->file->name, NULL);
        return -1;
    }
    PGconn *conn = sw_db_conn (db);
    PGresult *res = PQexec (conn, migration->file->data);
    ExecStatusType status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK
    &&  status != PGRES_EMPTY_QUERY) {
        const char *primary = res ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
        const char *position = res ? PQresultErrorField (res, PG_DIAG_STATEMENT_POSITION) : NULL;
        char line[16] = "";
        if (position)
            snprintf (line, sizeof line, "%d",
                      s_line_of (migration->file->data, atol (position)));
        char error[512];
        snprintf (error, sizeof error, "%s", primary ? primary : PQerrorMessage (conn));
        error[strcspn (error, "\n")] = 0;
        sw_log_kv (SW_LOG_ERROR, failure, "version", version, "name", migration->file->name,
                   "sqlstate", res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL,
                   "error", error, "line", position ? line : NULL, NULL);
        PQclear (res);
        sw_db_rollback (db);
        return -1;
    }
    PQclear (res);
    //  A file that commits would leave us outside the transaction, with
    //  its changes committed and not recorded
    if (PQtransactionStatus (conn) != PQTRANS_INTRANS) {
        sw_log_kv (SW_LOG_ERROR, failure, "version", version, "name", migration->file->name,
                   "error", "the migration ended the transaction",
                   "hint", "Remove BEGIN, COMMIT and ROLLBACK from the file; each "
                   "migration runs in a transaction of its own.", NULL);
        sw_db_rollback (db);
        return -1;
    }
    const char *params[] = { version, migration->file->name, migration->checksum };
    if (sw_db_exec (db, "INSERT INTO schema_migrations (version, name, checksum) "
                        "VALUES ($1, $2, $3)", 3, params)
    ||  sw_db_commit (db)) {
        sw_log_kv (SW_LOG_ERROR, failure, "version", version,
                   "name", migration->file->name, NULL);
        sw_db_rollback (db);
        return -1;
    }
    sw_log_kv (SW_LOG_INFO, "applied migration", "version", version,
               "name", migration->file->name, NULL);
    return 0;
}

//  Steps 3 to 5, holding the lock.  Counts what it applied in *applied.
static int
s_migrate_locked (sw_db_t *db, s_migration_t *plan, size_t count, int *applied)
{
    if (sw_db_exec (db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
                        " version integer PRIMARY KEY,"
                        " name text NOT NULL,"
                        " checksum text NOT NULL,"
                        " applied_at timestamptz NOT NULL DEFAULT now ())", 0, NULL))
        return -1;
    PGresult *res = sw_db_query (db, "SELECT version, name, checksum "
                                     "FROM schema_migrations ORDER BY version", 0, NULL);
    if (!res)
        return -1;

    int known = count ? plan[count - 1].version : 0;
    int rows = PQntuples (res);
    int newest = rows ? atoi (PQgetvalue (res, rows - 1, 0)) : 0;
    int rc = 0;
    char message[400];
    if (newest > known) {
        snprintf (message, sizeof message,
                  "database schema version %d is newer than this binary (%d)", newest, known);
        sw_log_kv (SW_LOG_ERROR, message, "hint",
                   "Run a release at least as new as the one that last migrated "
                   "this database.", NULL);
        rc = -1;
    }
    for (int row = 0; rc == 0 && row < rows; row++) {
        int version = atoi (PQgetvalue (res, row, 0));
        const char *name = PQgetvalue (res, row, 1);
        s_migration_t *migration = NULL;
        for (size_t index = 0; index < count && !migration; index++)
            if (plan[index].version == version)
                migration = &plan[index];
        if (!migration) {
            snprintf (message, sizeof message,
                      "database has migration %d \"%s\", which this binary does not have",
                      version, name);
            sw_log_kv (SW_LOG_ERROR, message, "hint",
                       "The database was migrated by a different build; run that build "
                       "or one that includes this migration.", NULL);
            rc = -1;
        }
        else
        if (strcmp (PQgetvalue (res, row, 2), migration->checksum) != 0) {
            snprintf (message, sizeof message,
                      "migration %d \"%s\" was changed after it was applied",
                      version, migration->file->name);
            sw_log_kv (SW_LOG_ERROR, message,
                       "recorded_checksum", PQgetvalue (res, row, 2),
                       "checksum", migration->checksum,
                       "hint", s_checksum_hint, NULL);
            rc = -1;
        }
        else
            migration->recorded = true;
    }
    PQclear (res);

    for (size_t index = 0; rc == 0 && index < count; index++)
        if (!plan[index].recorded) {
            rc = s_apply (db, &plan[index]);
            if (rc == 0)
                (*applied)++;
        }
    return rc;
}

int
sw_migrate_run_with (sw_db_t *db, const sw_embed_t *migrations, int *applied)
{
    assert (db);
    assert (migrations);
    int done = 0;
    if (applied)
        *applied = 0;
    size_t count = 0;
    while (migrations[count].name)
        count++;
    s_migration_t *plan = (s_migration_t *) calloc (count ? count : 1, sizeof (s_migration_t));
    if (!plan)
        return -1;

    int rc = s_plan (migrations, count, plan);
    if (rc == 0 && !sw_db_connected (db)) {
        sw_log_kv (SW_LOG_ERROR, "cannot migrate: not connected to database", NULL);
        rc = -1;
    }
    if (rc == 0) {
        rc = s_lock (db);
        if (rc == 0) {
            rc = s_migrate_locked (db, plan, count, &done);
            s_unlock (db);
        }
        else
            sw_log_kv (SW_LOG_ERROR, "could not take migration lock",
                       "error", sw_db_last_error (db), NULL);
    }
    if (rc == 0) {
        char version[16], applied_now[16];
        snprintf (version, sizeof version, "%d", count ? plan[count - 1].version : 0);
        snprintf (applied_now, sizeof applied_now, "%d", done);
        sw_log_kv (SW_LOG_INFO, "database schema is up to date",
                   "version", version, "applied", applied_now, NULL);
    }
    free (plan);
    if (applied)
        *applied = done;
    return rc;
}

int
sw_migrate_run (sw_db_t *db, int *applied)
{
    return sw_migrate_run_with (db, sw_migrations_embedded, applied);
}

int
sw_migrate_version (sw_db_t *db)
{
    assert (db);
    PGresult *res = sw_db_query (db, "SELECT to_regclass ('schema_migrations') IS NOT NULL",
                                 0, NULL);
    if (!res)
        return -1;
    bool exists = strcmp (PQgetvalue (res, 0, 0), "t") == 0;
    PQclear (res);
    if (!exists)
        return 0;
    res = sw_db_query (db, "SELECT coalesce (max (version), 0) FROM schema_migrations", 0, NULL);
    if (!res)
        return -1;
    int version = atoi (PQgetvalue (res, 0, 0));
    PQclear (res);
    return version;
}
