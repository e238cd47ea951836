/*  sw_config: one table describes every configuration key of a program
    (name, type, default, bounds, help) and drives parsing, validation,
    --help and the printed effective configuration.

    Values are layered, later wins: the table's defaults, the YAML file
    (--config FILE, or $SUNWAI_CONFIG), the environment, then flags.  A key
    "db.url" is written in YAML as nested maps (db: {url: ...}), in the
    environment as SUNWAI_DB_URL (or SUNWAI_DB_URL_FILE naming a file that
    holds the value, for container secrets), and on the command line as
    --set db.url=VALUE or through the key's own flag if it has one.

    A bad configuration stops the program at start with a message that names
    the key, the value and what was wrong, in PostgreSQL's style:
        invalid value for config key "http.port": "70000" is out of range 1..65535
    Unknown keys in the file or environment are errors too (typos must not
    silently fall back to defaults). */
#ifndef SW_CONFIG_H
#define SW_CONFIG_H
#include <stdbool.h>
#include <stdio.h>

typedef enum {
    SW_CONFIG_STRING,    //  any UTF-8 text
    SW_CONFIG_INT,       //  integer within [min, max]
    SW_CONFIG_BOOL,      //  true/false/yes/no/on/off/1/0
    SW_CONFIG_ENUM,      //  one of choices, "a|b|c"
    SW_CONFIG_ENDPOINT,  //  czmq endpoint(s): "@tcp://*:5557", ">tcp://host:5557", comma-separated
    SW_CONFIG_PATH       //  a file path; "" means none (existence is the service's business)
} sw_config_type_t;

typedef struct {
    const char *name;          //  dotted key, e.g. "db.url"
    sw_config_type_t type;     //  how the value is parsed and checked
    const char *default_value; //  NULL: the key is required
    long min;                  //  SW_CONFIG_INT lower bound
    long max;                  //  SW_CONFIG_INT upper bound
    const char *choices;       //  SW_CONFIG_ENUM choices, "a|b|c"
    bool secret;               //  masked when printed
    const char *flag;          //  optional long flag, e.g. "--replay"; a BOOL flag takes no value
    const char *help;          //  one line for --help
} sw_config_key_t;

//  Keys every service has: state, log.level, http.bind, http.port,
//  http.max_body.  A service table may re-declare one to change its default.
extern const sw_config_key_t sw_config_common_keys[];

typedef struct _sw_config_t sw_config_t;

//  program: e.g. "sunwai-ingest"; summary: one paragraph for --help;
//  keys: the service's table, ending with an entry whose name is NULL.
sw_config_t *sw_config_new (const char *program, const char *summary,
                            const sw_config_key_t *keys);
void sw_config_destroy (sw_config_t **self_p);
//  Add more keys (before sw_config_load); an existing name is re-declared.
void sw_config_add (sw_config_t *self, const sw_config_key_t *keys);

//  Parse argv and the environment, load the file, validate.
//  Returns 0 to run, 1 when the program should exit 0 now (--help,
//  --version, --print-config, --check-config), or -1 on a configuration
//  error (already reported on stderr as a JSON log line); exit 2 then.
//  Positional arguments are kept (sw_config_args).
int sw_config_load (sw_config_t *self, int argc, char **argv);

//  The pieces of sw_config_load, for tests.  Each returns 0 or -1 and sets
//  the error (sw_config_error).
int sw_config_load_file (sw_config_t *self, const char *path);
//  envp: NULL-terminated "NAME=value" strings (environ in production).
int sw_config_load_env (sw_config_t *self, char **envp);
//  Set key from a source label ("flag", "test"...). Unknown key or bad value: -1.
int sw_config_set (sw_config_t *self, const char *name, const char *value,
                   const char *source);
//  Check required keys and every value. 0 or -1.
int sw_config_validate (sw_config_t *self);
//  The last error message (primary message, then "\nHINT: ..." if any).
const char *sw_config_error (sw_config_t *self);

//  Typed getters (the key must exist in the table: asserted).
const char *sw_config_str (sw_config_t *self, const char *name);
long sw_config_int (sw_config_t *self, const char *name);
bool sw_config_bool (sw_config_t *self, const char *name);
//  Where the effective value came from: "default", "file", "env", "flag".
const char *sw_config_source (sw_config_t *self, const char *name);
const char *sw_config_program (sw_config_t *self);
//  Positional arguments after the flags.
int sw_config_argc (sw_config_t *self);
const char *sw_config_arg (sw_config_t *self, int index);

//  Print --help text.
void sw_config_usage (sw_config_t *self, FILE *out);
//  Print the effective configuration as YAML-like "key: value  # source",
//  secrets masked (a URL's password, or the whole value).
void sw_config_print (sw_config_t *self, FILE *out);
//  Mask a value for printing: a postgresql:// URL keeps all but its
//  password; other secrets become "********". Caller frees.
char *sw_config_mask (const char *value, bool secret);

void sw_config_test (bool verbose);

#endif
