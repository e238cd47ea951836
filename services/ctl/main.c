/*  sunwaictl: the operator's command line.

    Each subcommand is one small function in the table below; global
    options (--config, --set, environment) come from the same sw_config
    table as the services, so sunwaictl reads the deployment's config file.
    Case commands (list, show, ack, resolve, ...) speak router's ROUTER
    socket and land with router (issue #5); this file starts with the
    database subcommands an operator needs on day one. */
#include "sw_config.h"
#include "sw_db.h"
#include "sw_log.h"
#include "sw_migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const sw_config_key_t s_keys[] = {
    { "db.url", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "PostgreSQL connection string (for migrate and status)" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

typedef int (s_command_fn) (sw_config_t *config);

//  Exit code 2 (a configuration error) when db.url is missing, 1 when the
//  database cannot be reached.
static int s_connect_rc;

static sw_db_t *
s_connect (sw_config_t *config)
{
    const char *url = sw_config_str (config, "db.url");
    s_connect_rc = 1;
    if (!url || !*url) {
        sw_log_kv (SW_LOG_ERROR, "missing required config key \"db.url\"", "hint",
                   "Set db.url in the config file, SUNWAI_DB_URL in the environment, or "
                   "--set db.url=VALUE.",
                   NULL);
        s_connect_rc = 2;
        return NULL;
    }
    sw_db_t *db = sw_db_new (url);
    if (db && sw_db_connect (db) != 0)
        sw_db_destroy (&db);
    return db;
}

//  Apply pending migrations, waiting for any other process migrating.
static int
s_cmd_migrate (sw_config_t *config)
{
    sw_db_t *db = s_connect (config);
    if (!db)
        return s_connect_rc;
    int applied = 0;
    int rc = sw_migrate_run (db, &applied);
    if (rc == 0)
        printf ("applied %d migration%s; schema version %d\n", applied,
                applied == 1 ? "" : "s", sw_migrate_version (db));
    sw_db_destroy (&db);
    return rc == 0 ? 0 : 1;
}

//  Schema version and row counts, to check a deployment at a glance.
static int
s_cmd_status (sw_config_t *config)
{
    sw_db_t *db = s_connect (config);
    if (!db)
        return s_connect_rc;
    int version = sw_migrate_version (db);
    printf ("schema version: %d\n", version);
    PGresult *res = version > 0
        ? sw_db_query (db,
                       "SELECT (SELECT count(*) FROM complaints),"
                       " (SELECT count(*) FROM events),"
                       " (SELECT count(*) FROM outbox WHERE state <> 'sent'),"
                       " (SELECT count(*) FROM dead_letters WHERE state = 'parked')",
                       0, NULL)
        : NULL;
    if (res) {
        printf ("complaints: %s\nevents: %s\noutbox pending: %s\ndead letters: %s\n",
                PQgetvalue (res, 0, 0), PQgetvalue (res, 0, 1), PQgetvalue (res, 0, 2),
                PQgetvalue (res, 0, 3));
        PQclear (res);
    }
    sw_db_destroy (&db);
    return version >= 0 ? 0 : 1;
}

static const struct {
    const char *name;     //  subcommand
    s_command_fn *fn;     //  what runs it
    const char *help;     //  one line for --help
} s_commands[] = {
    { "migrate", s_cmd_migrate, "apply pending database migrations" },
    { "status", s_cmd_status, "show schema version and row counts" },
    { NULL, NULL, NULL }
};

int
main (int argc, char **argv)
{
    char summary[2048] = "Operate a Sunwai deployment.\n\nUsage: sunwaictl [OPTIONS] COMMAND\n\nCommands:";
    for (int i = 0; s_commands[i].name; i++) {
        size_t len = strlen (summary);
        snprintf (summary + len, sizeof summary - len, "\n  %-10s %s", s_commands[i].name,
                  s_commands[i].help);
    }
    sw_config_t *config = sw_config_new ("sunwaictl", summary, s_keys);
    int loaded = sw_config_load (config, argc, argv);
    int rc = loaded < 0 ? 2 : 0;    //  --help and friends exit 0
    if (loaded == 0) {
        const char *name = sw_config_arg (config, 0);
        s_command_fn *fn = NULL;
        for (int i = 0; name && s_commands[i].name; i++)
            if (strcmp (s_commands[i].name, name) == 0)
                fn = s_commands[i].fn;
        if (!fn) {
            char message[256];
            if (name)
                snprintf (message, sizeof message, "unknown command \"%s\"", name);
            else
                snprintf (message, sizeof message, "a command is required");
            sw_log_kv (SW_LOG_ERROR, message, "hint", "Run sunwaictl --help for the commands.",
                       NULL);
            rc = 2;
        }
        else
            rc = fn (config);
    }
    sw_config_destroy (&config);
    return rc;
}
