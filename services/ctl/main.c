/*  sunwaictl: the operator's command line.

    Each subcommand is one small function in the table below; global
    options (--config, --set, environment) come from the same sw_config
    table as the services, so sunwaictl reads the deployment's config file.
    Case commands (list, show, ack, resolve, ...) speak router's ROUTER
    socket and land with router (issue #5); this file starts with the
    database subcommands an operator needs on day one. */
#include "sw_config.h"
#include "sw_curve.h"
#include "sw_db.h"
#include "sw_log.h"
#include "sw_migrate.h"
#include "sw_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static const sw_config_key_t s_keys[] = {
    { "db.url", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "PostgreSQL connection string (for migrate and status)" },
    { "router.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5559", 0, 0, NULL, false, NULL,
      "router's commands.endpoint (case commands)" },
    { "token", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "officer token for case commands (SUNWAI_TOKEN)" },
    { "json", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, "--json",
      "case commands print one JSON object" },
    { "list.status", SW_CONFIG_STRING, "open", 0, 0, NULL, false, "--status",
      "list: open, closed, any or a status name" },
    { "list.unit", SW_CONFIG_STRING, "", 0, 0, NULL, false, "--unit", "list: only this unit" },
    { "list.district", SW_CONFIG_STRING, "", 0, 0, NULL, false, "--district",
      "list: only this LGD district; reclassify: the new district" },
    { "list.limit", SW_CONFIG_INT, "50", 1, 500, NULL, false, "--limit", "list: page size" },
    { "cmd.note", SW_CONFIG_STRING, "", 0, 0, NULL, false, "--note",
      "note and resolve: the note text" },
    { "cmd.public", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, "--public",
      "note: visible to the citizen" },
    { "cmd.reason", SW_CONFIG_STRING, "", 0, 0, NULL, false, "--reason",
      "reassign, reopen, close: why" },
    { "cmd.category", SW_CONFIG_STRING, "", 0, 0, NULL, false, "--category",
      "reclassify: the new category" },
    { "dl.stage", SW_CONFIG_STRING, "", 0, 0, NULL, false, "--stage",
      "deadletters: only this stage (notifier, router, ingest, ...)" },
    { "dl.state", SW_CONFIG_ENUM, "parked", 0, 0, "parked|retried|discarded|any", false,
      "--state", "deadletters list: parked, retried, discarded or any" },
    { "dl.all", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, "--all",
      "deadletters retry/discard: every parked one (of --stage)" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

typedef int (s_command_fn) (sw_config_t *config);

//  cases.c: case commands on router's ROUTER socket.
s_command_fn ctl_cmd_list, ctl_cmd_show, ctl_cmd_ack, ctl_cmd_note, ctl_cmd_resolve,
    ctl_cmd_reassign, ctl_cmd_reopen, ctl_cmd_dup, ctl_cmd_reclassify, ctl_cmd_close;

//  deadletters.c: list, retry and discard dead letters.
s_command_fn ctl_cmd_deadletters;
sw_db_t *ctl_connect (sw_config_t *config, int *rc);

//  The connection; NULL with *rc set to 2 (a configuration error) when
//  db.url is missing, 1 when the database cannot be reached.
sw_db_t *
ctl_connect (sw_config_t *config, int *rc)
{
    const char *url = sw_config_str (config, "db.url");
    *rc = 1;
    if (!url || !*url) {
        sw_log_kv (SW_LOG_ERROR, "missing required config key \"db.url\"", "hint",
                   "Set db.url in the config file, SUNWAI_DB_URL in the environment, or "
                   "--set db.url=VALUE.",
                   NULL);
        *rc = 2;
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
    int rc;
    sw_db_t *db = ctl_connect (config, &rc);
    if (!db)
        return rc;
    int applied = 0;
    rc = sw_migrate_run (db, &applied);
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
    int rc;
    sw_db_t *db = ctl_connect (config, &rc);
    if (!db)
        return rc;
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

//  A value in a YAML file, for the summary of "config check" (sw_state
//  validates; it does not count): walks keys[] through nested mappings and
//  returns the length of the list found there, or 0 with the scalar copied
//  into text; -1 if the path is not there.
static long
s_yaml_probe (const char *path, const char *const *keys, char *text, size_t textlen)
{
    FILE *file = fopen (path, "rb");
    if (!file)
        return -1;
    yaml_parser_t parser;
    yaml_document_t doc;
    long result = -1;
    yaml_parser_initialize (&parser);
    yaml_parser_set_input_file (&parser, file);
    if (yaml_parser_load (&parser, &doc)) {
        yaml_node_t *node = yaml_document_get_root_node (&doc);
        for (size_t k = 0; node && keys[k]; k++) {
            yaml_node_t *next = NULL;
            for (yaml_node_pair_t *pair = node->type == YAML_MAPPING_NODE
                                            ? node->data.mapping.pairs.start : NULL;
                 pair && pair < node->data.mapping.pairs.top && !next; pair++) {
                yaml_node_t *key = yaml_document_get_node (&doc, pair->key);
                if (key && key->type == YAML_SCALAR_NODE
                    && strcmp ((const char *) key->data.scalar.value, keys[k]) == 0)
                    next = yaml_document_get_node (&doc, pair->value);
            }
            node = next;
        }
        if (node && node->type == YAML_SEQUENCE_NODE)
            result = (long) (node->data.sequence.items.top - node->data.sequence.items.start);
        else if (node && node->type == YAML_SCALAR_NODE && text) {
            snprintf (text, textlen, "%s", (const char *) node->data.scalar.value);
            result = 0;
        }
        yaml_document_delete (&doc);
    }
    yaml_parser_delete (&parser);
    fclose (file);
    return result;
}

//  config check DIR: load and validate DIR/state.yaml and its gazetteer.
static int
s_cmd_config (sw_config_t *config)
{
    const char *verb = sw_config_arg (config, 1);
    const char *dir = sw_config_arg (config, 2);
    if (!verb || strcmp (verb, "check") != 0 || !dir || sw_config_argc (config) > 3) {
        sw_log_kv (SW_LOG_ERROR, "usage: sunwaictl config check DIR", "hint",
                   "DIR is a deployment directory holding state.yaml, such as deploy/up.", NULL);
        return 2;
    }
    char shown[512];
    snprintf (shown, sizeof shown, "%s", dir);
    for (size_t len = strlen (shown); len > 1 && shown[len - 1] == '/'; len--)
        shown[len - 1] = '\0';
    char path[600];
    snprintf (path, sizeof path, "%s/state.yaml", shown);
    char err[1024];
    sw_state_t *state = sw_state_load (path, err, sizeof err);
    if (!state) {
        fprintf (stderr, "%s\n", err);
        return 1;
    }
    static const char *const rules_key[] = { "routing", "rules", NULL };
    static const char *const gazetteer_key[] = { "gazetteer", NULL };
    static const char *const districts_key[] = { "districts", NULL };
    char gazetteer[400] = "gazetteer.yaml";
    s_yaml_probe (path, gazetteer_key, gazetteer, sizeof gazetteer);
    char gazetteer_path[1000];
    snprintf (gazetteer_path, sizeof gazetteer_path, "%s%s%s", gazetteer[0] == '/' ? "" : shown,
              gazetteer[0] == '/' ? "" : "/", gazetteer);
    long rules = s_yaml_probe (path, rules_key, NULL, 0);
    long districts = s_yaml_probe (gazetteer_path, districts_key, NULL, 0);
    size_t units = sw_state_units (state);
    rules = rules < 0 ? 0 : rules;
    districts = districts < 0 ? 0 : districts;
    printf ("%s: state %s, %zu unit%s, %ld rule%s, %ld district%s: OK\n", shown,
            sw_state_name (state), units, units == 1 ? "" : "s", rules, rules == 1 ? "" : "s",
            districts, districts == 1 ? "" : "s");
    sw_state_destroy (&state);
    return 0;
}

//  curve keygen NAME [DIR]: writes DIR/NAME.cert and DIR/NAME.cert_secret.
static int
s_cmd_curve (sw_config_t *config)
{
    const char *verb = sw_config_arg (config, 1);
    const char *name = sw_config_arg (config, 2);
    const char *dir = sw_config_arg (config, 3);
    if (!verb || strcmp (verb, "keygen") != 0 || !name || !*name || strchr (name, '/')) {
        sw_log_kv (SW_LOG_ERROR, "usage: sunwaictl curve keygen NAME [DIR]", "hint",
                   "NAME is the process or role (server, classifier-1 ...); DIR defaults to .",
                   NULL);
        return 2;
    }
    return sw_curve_keygen (dir ? dir : ".", name) == 0 ? 0 : 1;
}

static const struct {
    const char *name;     //  subcommand
    s_command_fn *fn;     //  what runs it
    const char *help;     //  one line for --help
} s_commands[] = {
    { "migrate", s_cmd_migrate, "apply pending database migrations" },
    { "status", s_cmd_status, "show schema version and row counts" },
    { "config", s_cmd_config, "config check DIR: validate DIR/state.yaml and its gazetteer" },
    { "list", ctl_cmd_list, "list cases in your scope [--status open] [--unit U] [--district D]" },
    { "show", ctl_cmd_show, "show DOCKET: the case and its history" },
    { "ack", ctl_cmd_ack, "ack DOCKET: acknowledge a case" },
    { "note", ctl_cmd_note, "note DOCKET --note TEXT [--public]: add a note" },
    { "resolve", ctl_cmd_resolve, "resolve DOCKET --note TEXT: resolve with an action note" },
    { "reassign", ctl_cmd_reassign, "reassign DOCKET UNIT [--reason R]: send to another unit" },
    { "reopen", ctl_cmd_reopen, "reopen DOCKET --reason R: reopen a closed case" },
    { "dup", ctl_cmd_dup, "dup DOCKET ORIGINAL: mark DOCKET a duplicate of ORIGINAL" },
    { "reclassify", ctl_cmd_reclassify,
      "reclassify DOCKET [--category C] [--district D]: correct the classification" },
    { "close", ctl_cmd_close, "close DOCKET: close a resolved case" },
    { "curve", s_cmd_curve, "curve keygen NAME [DIR]: a CURVE certificate for a process" },
    { "deadletters", ctl_cmd_deadletters,
      "deadletters list|retry ID...|discard ID... [--stage S] [--all]: failed work" },
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
    sw_config_add (config, sw_curve_keys);
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
