/*  sw_config: the configuration table, after Redis's config.c.

    A program declares its keys once (sw_config_key_t[]); this file merges
    them with the common keys, then layers values: defaults, the YAML file,
    the environment, the command line.  Every value is kept as text with the
    name of its source and checked against the key's type in one place
    (s_check), so the same rules apply whatever the source.  The YAML file is
    read with libyaml's event parser: nested mappings become dotted keys and
    a sequence of scalars becomes a comma-separated list. */
#include "sw_config.h"
#include "sw_log.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <libpq-fe.h>
#include <yaml.h>

#define SW_CONFIG_MAX_KEYS 128
#define SW_CONFIG_MAX_DEPTH 8

const sw_config_key_t sw_config_common_keys[] = {
    { "state", SW_CONFIG_STRING, "up", 0, 0, NULL, false, NULL,
      "deployment code of the state (up, uttarakhand, rajasthan, bihar, bengaluru)" },
    { "log.level", SW_CONFIG_ENUM, "info", 0, 0, "debug|info|warn|error", false, NULL,
      "lowest log level written to stderr" },
    { "http.bind", SW_CONFIG_STRING, "0.0.0.0", 0, 0, NULL, false, NULL,
      "IPv4 address for the HTTP endpoint (/healthz, /readyz, /metrics)" },
    { "http.port", SW_CONFIG_INT, "9100", 0, 65535, NULL, false, NULL,
      "TCP port for the HTTP endpoint (0 picks a free port)" },
    { "http.max_body", SW_CONFIG_INT, "65536", 1024, 16 * 1024 * 1024, NULL, false, NULL,
      "largest HTTP request body accepted, in bytes" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

typedef struct {
    const sw_config_key_t *key;  //  the table entry
    char *value;                 //  effective value as text, NULL if unset
    const char *source;          //  "default", "file", "env", "flag"
} s_entry_t;

struct _sw_config_t {
    char *program;                          //  e.g. "sunwai-ingest"
    char *summary;                          //  --help paragraph
    s_entry_t entries[SW_CONFIG_MAX_KEYS];  //  merged table with values
    int count;                              //  entries in use
    char **args;                            //  positional arguments
    int argc;                               //  how many
    char error[1024];                       //  last error, with hint
};

static void
s_error (sw_config_t *self, const char *hint, const char *format, ...)
    __attribute__ ((format (printf, 3, 4)));

static void
s_error (sw_config_t *self, const char *hint, const char *format, ...)
{
    va_list args;
    va_start (args, format);
    vsnprintf (self->error, sizeof self->error, format, args);
    va_end (args);
    if (hint) {
        size_t len = strlen (self->error);
        snprintf (self->error + len, sizeof self->error - len, "\nHINT: %s", hint);
    }
}

static s_entry_t *
s_find (sw_config_t *self, const char *name)
{
    for (int i = 0; i < self->count; i++)
        if (strcmp (self->entries[i].key->name, name) == 0)
            return &self->entries[i];
    return NULL;
}

static void
s_add_keys (sw_config_t *self, const sw_config_key_t *keys)
{
    for (const sw_config_key_t *k = keys; k && k->name; k++) {
        s_entry_t *entry = s_find (self, k->name);
        if (!entry) {
            assert (self->count < SW_CONFIG_MAX_KEYS);
            entry = &self->entries[self->count++];
        }
        free (entry->value);
        entry->key = k;
        entry->value = k->default_value ? strdup (k->default_value) : NULL;
        entry->source = "default";
    }
}

sw_config_t *
sw_config_new (const char *program, const char *summary, const sw_config_key_t *keys)
{
    sw_config_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->program = strdup (program);
    self->summary = strdup (summary ? summary : "");
    s_add_keys (self, sw_config_common_keys);
    s_add_keys (self, keys);
    return self;
}

void
sw_config_add (sw_config_t *self, const sw_config_key_t *keys)
{
    s_add_keys (self, keys);
}

void
sw_config_destroy (sw_config_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    sw_config_t *self = *self_p;
    for (int i = 0; i < self->count; i++)
        free (self->entries[i].value);
    for (int i = 0; i < self->argc; i++)
        free (self->args[i]);
    free (self->args);
    free (self->program);
    free (self->summary);
    free (self);
    *self_p = NULL;
}

//  The environment variable of a key: SUNWAI_ + upper case, '.' -> '_'.
static void
s_env_name (const char *key, char *buf, size_t len)
{
    snprintf (buf, len, "SUNWAI_%s", key);
    for (char *p = buf + 7; *p; p++)
        *p = (*p == '.' || *p == '-') ? '_' : (char) toupper ((unsigned char) *p);
}

static const char *
s_type_name (sw_config_type_t type)
{
    switch (type) {
    case SW_CONFIG_STRING: return "string";
    case SW_CONFIG_INT: return "integer";
    case SW_CONFIG_BOOL: return "boolean";
    case SW_CONFIG_ENUM: return "enum";
    case SW_CONFIG_ENDPOINT: return "endpoint";
    case SW_CONFIG_PATH: return "path";
    }
    return "?";
}

static int
s_parse_bool (const char *value, bool *result)
{
    static const char *yes[] = { "true", "yes", "on", "1", NULL };
    static const char *no[] = { "false", "no", "off", "0", NULL };
    for (int i = 0; yes[i]; i++)
        if (strcasecmp (value, yes[i]) == 0) {
            *result = true;
            return 0;
        }
    for (int i = 0; no[i]; i++)
        if (strcasecmp (value, no[i]) == 0) {
            *result = false;
            return 0;
        }
    return -1;
}

static bool
s_enum_has (const char *choices, const char *value)
{
    size_t len = strlen (value);
    const char *p = choices;
    while (p && *p) {
        const char *bar = strchr (p, '|');
        size_t n = bar ? (size_t) (bar - p) : strlen (p);
        if (n == len && strncmp (p, value, n) == 0)
            return true;
        p = bar ? bar + 1 : NULL;
    }
    return false;
}

//  One endpoint in czmq notation: '@' binds, '>' connects, then a
//  transport we use.
static bool
s_endpoint_ok (const char *start, size_t len)
{
    while (len && isspace ((unsigned char) *start)) {
        start++;
        len--;
    }
    while (len && isspace ((unsigned char) start[len - 1]))
        len--;
    if (len < 2 || (start[0] != '@' && start[0] != '>'))
        return false;
    static const char *transports[] = { "tcp://", "ipc://", "inproc://", NULL };
    for (int i = 0; transports[i]; i++) {
        size_t tl = strlen (transports[i]);
        if (len - 1 > tl && strncmp (start + 1, transports[i], tl) == 0)
            return true;
    }
    return false;
}

//  Check value against the key's type. 0, or -1 with the error set.
static int
s_check (sw_config_t *self, const sw_config_key_t *key, const char *value,
         const char *origin)
{
    char why[256] = "";
    const char *hint = NULL;
    if (key->type == SW_CONFIG_INT) {
        char *end = NULL;
        errno = 0;
        long n = strtol (value, &end, 10);
        if (errno || end == value || *end != '\0')
            snprintf (why, sizeof why, "\"%s\" is not an integer", value);
        else if (n < key->min || n > key->max)
            snprintf (why, sizeof why, "\"%s\" is out of range %ld..%ld", value, key->min,
                      key->max);
    }
    else if (key->type == SW_CONFIG_BOOL) {
        bool b;
        if (s_parse_bool (value, &b) != 0) {
            snprintf (why, sizeof why, "\"%s\" is not a boolean", value);
            hint = "Use true or false.";
        }
    }
    else if (key->type == SW_CONFIG_ENUM) {
        if (!s_enum_has (key->choices, value))
            snprintf (why, sizeof why, "\"%s\" is not one of %s", value, key->choices);
    }
    else if (key->type == SW_CONFIG_ENDPOINT) {
        const char *p = value;
        while (*p && !why[0]) {
            const char *comma = strchr (p, ',');
            size_t n = comma ? (size_t) (comma - p) : strlen (p);
            if (!s_endpoint_ok (p, n)) {
                snprintf (why, sizeof why, "\"%.*s\" is not an endpoint", (int) n, p);
                hint = "Write '@tcp://*:5557' to bind or '>tcp://host:5557' to connect.";
            }
            p = comma ? comma + 1 : p + n;
        }
        if (!*value)
            snprintf (why, sizeof why, "the value is empty");
    }
    if (!why[0])
        return 0;
    if (origin)
        s_error (self, hint, "invalid value for config key \"%s\": %s (from %s)", key->name,
                 why, origin);
    else
        s_error (self, hint, "invalid value for config key \"%s\": %s", key->name, why);
    return -1;
}

static int
s_set (sw_config_t *self, const char *name, const char *value, const char *source,
       const char *origin)
{
    s_entry_t *entry = s_find (self, name);
    if (!entry) {
        //  Suggest a key that differs only after the first dot, or by one
        //  segment, so that "db.ulr" points at "db.url".
        const char *suggest = NULL;
        for (int i = 0; i < self->count && !suggest; i++) {
            const char *k = self->entries[i].key->name;
            const char *dot = strchr (k, '.');
            if (dot && strncmp (k, name, (size_t) (dot - k + 1)) == 0)
                suggest = k;
        }
        char hint[256];
        if (suggest)
            snprintf (hint, sizeof hint, "Did you mean \"%s\"? Run %s --help for every key.",
                      suggest, self->program);
        else
            snprintf (hint, sizeof hint, "Run %s --help for every key.", self->program);
        if (origin)
            s_error (self, hint, "unknown config key \"%s\" (in %s)", name, origin);
        else
            s_error (self, hint, "unknown config key \"%s\"", name);
        return -1;
    }
    if (s_check (self, entry->key, value, origin) != 0)
        return -1;
    char *copy = strdup (value);
    if (!copy)
        return -1;
    free (entry->value);
    entry->value = copy;
    entry->source = source;
    return 0;
}

int
sw_config_set (sw_config_t *self, const char *name, const char *value, const char *source)
{
    return s_set (self, name, value, source ? source : "flag", NULL);
}

//  YAML: walk the event stream keeping a stack of mapping keys.
int
sw_config_load_file (sw_config_t *self, const char *path)
{
    FILE *file = fopen (path, "rb");
    if (!file) {
        s_error (self, "Check the path given with --config or SUNWAI_CONFIG.",
                 "could not open config file \"%s\": %s", path, strerror (errno));
        return -1;
    }
    yaml_parser_t parser;
    yaml_parser_initialize (&parser);
    yaml_parser_set_input_file (&parser, file);

    char *stack[SW_CONFIG_MAX_DEPTH] = { 0 };  //  key at each mapping depth
    int depth = 0;             //  mappings open
    bool expect_key[SW_CONFIG_MAX_DEPTH + 1] = { false };
    char *list = NULL;         //  sequence being joined
    char *seen[SW_CONFIG_MAX_KEYS] = { 0 };  //  keys this file set, to refuse repeats
    int nseen = 0;
    bool in_list = false;
    int rc = 0;
    bool done = false;

    while (!done && rc == 0) {
        yaml_event_t event;
        if (!yaml_parser_parse (&parser, &event)) {
            s_error (self, "Fix the YAML syntax at the line shown.",
                     "could not parse config file \"%s\": %s at line %zu", path,
                     parser.problem ? parser.problem : "syntax error",
                     parser.problem_mark.line + 1);
            rc = -1;
            break;
        }
        char origin[512];
        snprintf (origin, sizeof origin, "file \"%s\" line %zu", path, event.start_mark.line + 1);
        switch (event.type) {
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_MAPPING_START_EVENT:
            if (in_list) {
                s_error (self, NULL, "config file \"%s\" line %zu: a list may hold only plain values",
                         path, event.start_mark.line + 1);
                rc = -1;
            }
            else if (depth >= SW_CONFIG_MAX_DEPTH) {
                s_error (self, NULL, "config file \"%s\" line %zu: nested too deeply", path,
                         event.start_mark.line + 1);
                rc = -1;
            }
            else
                expect_key[++depth] = true;
            break;
        case YAML_MAPPING_END_EVENT:
            if (depth > 0) {
                free (stack[depth - 1]);
                stack[depth - 1] = NULL;
                depth--;
            }
            //  the mapping was the value of the parent's key
            if (depth > 0) {
                free (stack[depth - 1]);
                stack[depth - 1] = NULL;
                expect_key[depth] = true;
            }
            break;
        case YAML_SEQUENCE_START_EVENT:
            if (depth == 0 || expect_key[depth] || in_list) {
                s_error (self, NULL, "config file \"%s\" line %zu: unexpected list", path,
                         event.start_mark.line + 1);
                rc = -1;
            }
            else {
                in_list = true;
                list = strdup ("");
            }
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_SCALAR_EVENT: {
            const char *text = event.type == YAML_SCALAR_EVENT
                                 ? (const char *) event.data.scalar.value
                                 : NULL;
            if (event.type == YAML_SCALAR_EVENT && in_list) {
                size_t n = strlen (list) + strlen (text) + 2;
                char *joined = malloc (n);
                snprintf (joined, n, "%s%s%s", list, *list ? "," : "", text);
                free (list);
                list = joined;
                break;
            }
            if (depth == 0) {
                s_error (self, "A config file is a mapping of keys to values.",
                         "config file \"%s\" is not a mapping", path);
                rc = -1;
                break;
            }
            if (event.type == YAML_SCALAR_EVENT && expect_key[depth]) {
                stack[depth - 1] = strdup (text);
                expect_key[depth] = false;
                break;
            }
            //  a value: build the dotted name
            char name[256] = "";
            for (int i = 0; i < depth; i++) {
                size_t len = strlen (name);
                snprintf (name + len, sizeof name - len, "%s%s", i ? "." : "", stack[i]);
            }
            const char *value = in_list ? list : text;
            //  YAML null (~ or empty) leaves the default in place
            bool is_null = !in_list && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                           && (strcmp (value, "~") == 0 || strcmp (value, "null") == 0
                               || *value == '\0');
            for (int i = 0; i < nseen && rc == 0; i++)
                if (strcmp (seen[i], name) == 0) {
                    s_error (self, "Remove one of the two.",
                             "config key \"%s\" is given twice (in %s)", name, origin);
                    rc = -1;
                }
            if (rc == 0 && !is_null && s_set (self, name, value, "file", origin) != 0)
                rc = -1;
            if (rc == 0 && nseen < SW_CONFIG_MAX_KEYS)
                seen[nseen++] = strdup (name);
            free (stack[depth - 1]);
            stack[depth - 1] = NULL;
            expect_key[depth] = true;
            if (in_list) {
                free (list);
                list = NULL;
                in_list = false;
            }
            break;
        }
        case YAML_ALIAS_EVENT:
            s_error (self, NULL, "config file \"%s\" line %zu: aliases are not supported", path,
                     event.start_mark.line + 1);
            rc = -1;
            break;
        default:
            break;
        }
        yaml_event_delete (&event);
    }
    for (int i = 0; i < SW_CONFIG_MAX_DEPTH; i++)
        free (stack[i]);
    for (int i = 0; i < nseen; i++)
        free (seen[i]);
    free (list);
    yaml_parser_delete (&parser);
    fclose (file);
    return rc;
}

static char *
s_read_secret_file (sw_config_t *self, const char *var, const char *path)
{
    FILE *file = fopen (path, "rb");
    if (!file) {
        s_error (self, NULL, "could not open file \"%s\" named by %s: %s", path, var,
                 strerror (errno));
        return NULL;
    }
    char buf[4096];
    size_t n = fread (buf, 1, sizeof buf - 1, file);
    fclose (file);
    buf[n] = '\0';
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        buf[--n] = '\0';
    return strdup (buf);
}

int
sw_config_load_env (sw_config_t *self, char **envp)
{
    //  Only the variables of our own keys apply: one env file often serves
    //  several services, so a variable meant for another is not an error.
    for (int i = 0; i < self->count; i++) {
        const sw_config_key_t *key = self->entries[i].key;
        char var[160], file_var[170];
        s_env_name (key->name, var, sizeof var);
        snprintf (file_var, sizeof file_var, "%s_FILE", var);
        size_t vlen = strlen (var), flen = strlen (file_var);
        for (char **e = envp; e && *e; e++) {
            char origin[200];
            if (strncmp (*e, file_var, flen) == 0 && (*e)[flen] == '=') {
                char *value = s_read_secret_file (self, file_var, *e + flen + 1);
                if (!value)
                    return -1;
                snprintf (origin, sizeof origin, "environment variable %s", file_var);
                int rc = s_set (self, key->name, value, "env", origin);
                free (value);
                if (rc)
                    return -1;
            }
        }
        for (char **e = envp; e && *e; e++) {
            if (strncmp (*e, var, vlen) == 0 && (*e)[vlen] == '=') {
                char origin[200];
                snprintf (origin, sizeof origin, "environment variable %s", var);
                if (s_set (self, key->name, *e + vlen + 1, "env", origin) != 0)
                    return -1;
            }
        }
    }
    return 0;
}

int
sw_config_validate (sw_config_t *self)
{
    for (int i = 0; i < self->count; i++) {
        s_entry_t *entry = &self->entries[i];
        if (!entry->value) {
            char var[160], hint[400];
            s_env_name (entry->key->name, var, sizeof var);
            snprintf (hint, sizeof hint,
                      "Set %s in the config file, %s in the environment, or --set %s=VALUE.",
                      entry->key->name, var, entry->key->name);
            s_error (self, hint, "missing required config key \"%s\"", entry->key->name);
            return -1;
        }
        if (s_check (self, entry->key, entry->value, NULL) != 0)
            return -1;
    }
    return 0;
}

const char *
sw_config_error (sw_config_t *self)
{
    return self->error;
}

static void
s_report (sw_config_t *self)
{
    char primary[1024];
    snprintf (primary, sizeof primary, "%s", self->error);
    char *hint = strstr (primary, "\nHINT: ");
    if (hint) {
        *hint = '\0';
        hint += 7;
    }
    sw_log_init (self->program, SW_LOG_INFO);
    if (hint)
        sw_log_kv (SW_LOG_ERROR, primary, "hint", hint, NULL);
    else
        sw_log_kv (SW_LOG_ERROR, primary, NULL);
}

static const sw_config_key_t *
s_key_by_flag (sw_config_t *self, const char *flag, size_t len)
{
    for (int i = 0; i < self->count; i++) {
        const char *f = self->entries[i].key->flag;
        if (f && strlen (f) == len && strncmp (f, flag, len) == 0)
            return self->entries[i].key;
    }
    return NULL;
}

int
sw_config_load (sw_config_t *self, int argc, char **argv)
{
    extern char **environ;
    const char *config_path = getenv ("SUNWAI_CONFIG");
    bool help = false, version = false, print = false, check = false;
    //  Flags are applied after file and environment; collect them first.
    const char **set_names = calloc ((size_t) argc + 1, sizeof (char *));
    char **set_values = calloc ((size_t) argc + 1, sizeof (char *));
    int nset = 0;
    int rc = 0;
    self->args = calloc ((size_t) argc + 1, sizeof (char *));

    for (int i = 1; i < argc && rc == 0; i++) {
        const char *arg = argv[i];
        const char *eq = strchr (arg, '=');
        size_t flen = eq ? (size_t) (eq - arg) : strlen (arg);
        const sw_config_key_t *key = NULL;
        if (strcmp (arg, "-h") == 0 || strcmp (arg, "--help") == 0)
            help = true;
        else if (strcmp (arg, "-V") == 0 || strcmp (arg, "--version") == 0)
            version = true;
        else if (strcmp (arg, "--print-config") == 0)
            print = true;
        else if (strcmp (arg, "--check-config") == 0)
            check = true;
        else if (strcmp (arg, "-c") == 0 || strcmp (arg, "--config") == 0) {
            if (i + 1 >= argc) {
                s_error (self, NULL, "option \"%s\" needs a file name", arg);
                rc = -1;
            }
            else
                config_path = argv[++i];
        }
        else if (strncmp (arg, "--config=", 9) == 0)
            config_path = arg + 9;
        else if (strcmp (arg, "-s") == 0 || strcmp (arg, "--set") == 0
                 || strncmp (arg, "--set=", 6) == 0) {
            const char *kv = NULL;
            if (strncmp (arg, "--set=", 6) == 0)
                kv = arg + 6;
            else if (i + 1 < argc)
                kv = argv[++i];
            const char *sep = kv ? strchr (kv, '=') : NULL;
            if (!sep) {
                s_error (self, "Write --set key=value.", "option \"--set\" needs key=value");
                rc = -1;
            }
            else {
                char *name = strndup (kv, (size_t) (sep - kv));
                set_names[nset] = name;
                set_values[nset++] = strdup (sep + 1);
            }
        }
        else if (arg[0] == '-' && arg[1] == '-' && (key = s_key_by_flag (self, arg, flen))) {
            const char *value;
            if (eq)
                value = eq + 1;
            else if (key->type == SW_CONFIG_BOOL)
                value = "true";
            else if (i + 1 < argc)
                value = argv[++i];
            else {
                s_error (self, NULL, "option \"%s\" needs a value", arg);
                rc = -1;
                break;
            }
            set_names[nset] = strdup (key->name);
            set_values[nset++] = strdup (value);
        }
        else if (strcmp (arg, "--") == 0) {
            for (i++; i < argc; i++)
                self->args[self->argc++] = strdup (argv[i]);
        }
        else if (arg[0] == '-' && arg[1] != '\0') {
            char hint[200];
            snprintf (hint, sizeof hint, "Run %s --help for the options.", self->program);
            s_error (self, hint, "unknown option \"%s\"", arg);
            rc = -1;
        }
        else
            self->args[self->argc++] = strdup (arg);
    }
    if (rc == 0 && help) {
        sw_config_usage (self, stdout);
        rc = 1;
    }
    else if (rc == 0 && version) {
        printf ("%s %s\n", self->program, SUNWAI_VERSION);
        rc = 1;
    }
    if (rc == 0 && config_path && *config_path)
        rc = sw_config_load_file (self, config_path);
    if (rc == 0)
        rc = sw_config_load_env (self, environ);
    for (int i = 0; i < nset && rc == 0; i++) {
        char origin[300];
        snprintf (origin, sizeof origin, "command line");
        rc = s_set (self, set_names[i], set_values[i], "flag", origin);
    }
    if (rc == 0)
        rc = sw_config_validate (self);
    for (int i = 0; i < nset; i++) {
        free ((char *) set_names[i]);
        free (set_values[i]);
    }
    free (set_names);
    free (set_values);
    if (rc < 0) {
        s_report (self);
        return -1;
    }
    if (rc == 0 && print) {
        sw_config_print (self, stdout);
        return 1;
    }
    if (rc == 0 && check) {
        printf ("%s: configuration is valid\n", self->program);
        return 1;
    }
    sw_log_level_t level = SW_LOG_INFO;
    sw_log_level_parse (sw_config_str (self, "log.level"), &level);
    sw_log_init (self->program, level);
    return rc;
}

static s_entry_t *
s_must (sw_config_t *self, const char *name)
{
    s_entry_t *entry = s_find (self, name);
    assert (entry && "config key not in the program's table");
    return entry;
}

const char *
sw_config_str (sw_config_t *self, const char *name)
{
    return s_must (self, name)->value;
}

long
sw_config_int (sw_config_t *self, const char *name)
{
    const char *v = s_must (self, name)->value;
    return v ? strtol (v, NULL, 10) : 0;
}

bool
sw_config_bool (sw_config_t *self, const char *name)
{
    const char *v = s_must (self, name)->value;
    bool b = false;
    if (v)
        s_parse_bool (v, &b);
    return b;
}

const char *
sw_config_source (sw_config_t *self, const char *name)
{
    return s_must (self, name)->source;
}

const char *
sw_config_program (sw_config_t *self)
{
    return self->program;
}

int
sw_config_argc (sw_config_t *self)
{
    return self->argc;
}

const char *
sw_config_arg (sw_config_t *self, int index)
{
    return index >= 0 && index < self->argc ? self->args[index] : NULL;
}

void
sw_config_usage (sw_config_t *self, FILE *out)
{
    fprintf (out, "Usage: %s [OPTIONS]\n\n%s\n\n", self->program, self->summary);
    fprintf (out,
             "Options:\n"
             "  -c, --config FILE     read configuration from a YAML file (also $SUNWAI_CONFIG)\n"
             "  -s, --set KEY=VALUE   set a configuration key (overrides file and environment)\n"
             "      --print-config    print the effective configuration (secrets masked) and exit\n"
             "      --check-config    validate the configuration and exit\n"
             "  -V, --version         print the version and exit\n"
             "  -h, --help            print this help and exit\n");
    for (int i = 0; i < self->count; i++) {
        const sw_config_key_t *k = self->entries[i].key;
        if (k->flag)
            fprintf (out, "      %-20s  %s (sets %s)\n", k->flag, k->help, k->name);
    }
    fprintf (out, "\nConfiguration keys (YAML key, environment variable; later sources win:\n"
                  "defaults < file < environment < command line):\n");
    for (int i = 0; i < self->count; i++) {
        const sw_config_key_t *k = self->entries[i].key;
        char var[160];
        s_env_name (k->name, var, sizeof var);
        char type[160];
        if (k->type == SW_CONFIG_INT)
            snprintf (type, sizeof type, "integer %ld..%ld", k->min, k->max);
        else if (k->type == SW_CONFIG_ENUM)
            snprintf (type, sizeof type, "%s", k->choices);
        else
            snprintf (type, sizeof type, "%s", s_type_name (k->type));
        fprintf (out, "  %-24s %s\n      %s; %s", k->name, var, k->help, type);
        if (k->default_value)
            fprintf (out, "; default \"%s\"", k->secret ? "(secret)" : k->default_value);
        else
            fprintf (out, "; required");
        if (k->secret)
            fprintf (out, "; secret (also %s_FILE)", var);
        fprintf (out, "\n");
    }
}

//  Append "key=value" to buf, quoting the value as libpq does when needed.
static void
s_append_conninfo (char *buf, size_t size, const char *key, const char *value)
{
    size_t len = strlen (buf);
    bool quote = !*value || strpbrk (value, " '\\") != NULL;
    len += (size_t) snprintf (buf + len, len < size ? size - len : 0, "%s%s=%s", len ? " " : "",
                              key, quote ? "'" : "");
    for (const char *p = value; *p && len + 3 < size; p++) {
        if (quote && (*p == '\'' || *p == '\\'))
            buf[len++] = '\\';
        buf[len++] = *p;
    }
    if (len + 2 < size) {
        if (quote)
            buf[len++] = '\'';
        buf[len] = '\0';
    }
}

char *
sw_config_mask (const char *value, bool secret)
{
    if (!value)
        return strdup ("(unset)");
    if (!secret || !*value)
        return strdup (value);
    //  postgresql://user:password@host/db keeps its shape when the password
    //  is in the user info and nowhere else.
    const char *scheme = strstr (value, "://");
    if (scheme && !strstr (value, "password")) {
        const char *at = strchr (scheme + 3, '@');
        const char *colon = at ? memchr (scheme + 3, ':', (size_t) (at - scheme - 3)) : NULL;
        if (colon) {
            size_t n = strlen (value) + 16;
            char *masked = malloc (n);
            snprintf (masked, n, "%.*s********%s", (int) (colon + 1 - value), value, at);
            return masked;
        }
        //  no password at all: nothing to hide, if it is a URL libpq reads
        PQconninfoOption *options = PQconninfoParse (value, NULL);
        bool parsed = options != NULL;
        PQconninfoFree (options);
        return strdup (parsed ? value : "********");
    }
    //  Anything else libpq can parse (a key=value conninfo, a URL with the
    //  password in its query) is rebuilt as key=value with the password
    //  masked; what it cannot parse is masked whole.
    char *error = NULL;
    PQconninfoOption *options = PQconninfoParse (value, &error);
    PQfreemem (error);
    if (!options)
        return strdup ("********");
    char buf[2048] = "";
    for (PQconninfoOption *o = options; o->keyword; o++)
        if (o->val)
            s_append_conninfo (buf, sizeof buf, o->keyword,
                               strcmp (o->keyword, "password") == 0 ? "********" : o->val);
    PQconninfoFree (options);
    return strdup (buf);
}

void
sw_config_print (sw_config_t *self, FILE *out)
{
    fprintf (out, "# effective configuration of %s\n", self->program);
    for (int i = 0; i < self->count; i++) {
        s_entry_t *e = &self->entries[i];
        char *shown = sw_config_mask (e->value, e->key->secret);
        fprintf (out, "%s: \"%s\"  # %s\n", e->key->name, shown, e->source);
        free (shown);
    }
}
