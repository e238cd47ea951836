/*  sw_testpg: finds the private cluster that the CTest fixture "pg"
    started, and makes throw-away databases in it.

    The fixture writes the cluster's port to $SUNWAI_TEST_PGDIR/port; the
    cluster trusts local TCP connections as "postgres", so a conninfo needs
    no password.  Each test file uses its own database names, so test files
    can run in parallel against the one cluster. */
#include "sw_testpg.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

//  The fixture's port, or -1 if there is no fixture.
static int
s_port (void)
{
    const char *dir = getenv ("SUNWAI_TEST_PGDIR");
    if (!dir || !*dir)
        return -1;
    char path[4096];
    snprintf (path, sizeof path, "%s/port", dir);
    FILE *file = fopen (path, "r");
    if (!file)
        return -1;
    int port = -1;
    if (fscanf (file, "%d", &port) != 1)
        port = -1;
    fclose (file);
    return port > 0 && port < 65536 ? port : -1;
}

char *
sw_testpg_conninfo (const char *dbname)
{
    int port = s_port ();
    if (port < 0 || !dbname)
        return NULL;
    //  A conninfo value in single quotes, with ' and \ escaped
    size_t size = 2 * strlen (dbname) + 3;
    char *quoted = (char *) malloc (size);
    if (!quoted)
        return NULL;
    char *out = quoted;
    *out++ = '\'';
    for (const char *in = dbname; *in; in++) {
        if (*in == '\'' || *in == '\\')
            *out++ = '\\';
        *out++ = *in;
    }
    *out++ = '\'';
    *out = 0;
    char *conninfo = NULL;
    if (asprintf (&conninfo, "host=127.0.0.1 port=%d user=postgres dbname=%s connect_timeout=5",
                  port, quoted) < 0)
        conninfo = NULL;
    free (quoted);
    return conninfo;
}

bool
sw_testpg_available (void)
{
    char *conninfo = sw_testpg_conninfo ("postgres");
    if (!conninfo)
        return false;
    PGconn *conn = PQconnectdb (conninfo);
    bool available = conn && PQstatus (conn) == CONNECTION_OK;
    PQfinish (conn);
    free (conninfo);
    return available;
}

//  "database ... does not exist, skipping" is expected; keep it off stderr.
static void
s_ignore_notice (void *arg, const char *message)
{
    (void) arg;
    (void) message;
}

//  Runs one statement; 0 or -1 (printed).  *sqlstate gets its SQLSTATE.
static int
s_exec (PGconn *conn, const char *sql, char *sqlstate, size_t size)
{
    PGresult *res = PQexec (conn, sql);
    int rc = res && PQresultStatus (res) == PGRES_COMMAND_OK ? 0 : -1;
    const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
    snprintf (sqlstate, size, "%s", state ? state : "");
    if (rc)
        fprintf (stderr, "sw_testpg: %s: %s", sql, PQerrorMessage (conn));
    PQclear (res);
    return rc;
}

char *
sw_testpg_fresh_db (const char *dbname)
{
    char *admin = sw_testpg_conninfo ("postgres");
    if (!admin) {
        fprintf (stderr, "sw_testpg: no test cluster (is SUNWAI_TEST_PGDIR set?)\n");
        return NULL;
    }
    PGconn *conn = PQconnectdb (admin);
    free (admin);
    if (!conn || PQstatus (conn) != CONNECTION_OK) {
        fprintf (stderr, "sw_testpg: could not connect: %s", conn ? PQerrorMessage (conn) : "\n");
        PQfinish (conn);
        return NULL;
    }
    PQsetNoticeProcessor (conn, s_ignore_notice, NULL);
    //  Database names cannot be parameters; the identifier is quoted
    char *ident = PQescapeIdentifier (conn, dbname, strlen (dbname));
    char *drop = NULL, *create = NULL;
    int rc = -1;
    if (ident
    &&  asprintf (&drop, "DROP DATABASE IF EXISTS %s WITH (FORCE)", ident) > 0
    &&  asprintf (&create, "CREATE DATABASE %s", ident) > 0) {
        char sqlstate[6];
        //  55006 (object in use): another test's CREATE DATABASE holds
        //  template1 for a moment; try again
        for (int attempt = 0; attempt < 20; attempt++) {
            rc = s_exec (conn, drop, sqlstate, sizeof sqlstate);
            if (rc == 0)
                rc = s_exec (conn, create, sqlstate, sizeof sqlstate);
            if (rc == 0 || strcmp (sqlstate, "55006") != 0)
                break;
            usleep (250 * 1000);
        }
    }
    free (drop);
    free (create);
    PQfreemem (ident);
    PQfinish (conn);
    return rc == 0 ? sw_testpg_conninfo (dbname) : NULL;
}
