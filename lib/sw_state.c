/*  sw_state: a state deployment as configuration.

    This file owns deploy/<state>/state.yaml once it is in memory: it loads
    the file with libyaml's document API, reads the state's gazetteer for
    its district codes and names, checks everything before anyone acts on
    it, and then answers two questions: where does a complaint go
    (sw_state_route), and what do we say about it (sw_state_render).

    Validation refuses the whole file at the first problem, with a message
    that names the file and line, in PostgreSQL's style:
        deploy/up/state.yaml line 40: rule 3 names unit "lucknw", which is
        not defined (did you mean "lucknow"?)
    Every mapping is checked for unknown and repeated keys, because a typo
    such as "hanlde" must not leave a unit silently without its handle.
    Cross references (rules, routing, jurisdiction to units; units, rules
    and jurisdiction to gazetteer districts) are resolved at load, so route
    never meets a dangling name.

    Memory: every string and array the state holds is allocated through
    s_alloc, which records it in one list (pool); destroy frees that list.
    Nothing is freed piecemeal, so a load that fails halfway cleans up by
    destroying what it built.

    Routing order (see sw_state.h and docs/new-state.md): placed outside,
    rejected category, emergency, outside an accept-districts list, no
    classification, no place, the rules in order, the default. */
#include "sw_state.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "sw_yaml.h"

#define S_NONE SIZE_MAX
#define S_MAX_PAIRS 32          //  placeholders one render call may give

//  The classifier's category codes (DESIGN.md section 5).
static const char *s_categories[] = {
    "emergency", "crime_against_women", "cyber_fraud", "theft", "vehicle_theft", "assault",
    "missing_person", "domestic_violence", "land_dispute", "traffic", "nuisance",
    "police_conduct", "information", "appreciation", "spam", "not_police", NULL
};
static const char *s_priorities[] = { "P1", "P2", "P3", NULL };
static const char *s_kinds[] = { "district", "control_room", "central_desk", "special", NULL };
static const char *s_reasons[] = { "outside_jurisdiction", "not_police_matter", "spam", NULL };
static const char *s_template_names[] = {
    "ack", "reject_outside", "reject_not_police", "reject_spam", "resolved", "reopened",
    "unit_alert", "escalation", NULL
};
//  What every language must have: the replies the pipeline cannot do without.
static const char *s_required_templates[] = {
    "ack", "reject_outside", "resolved", "unit_alert", "escalation", NULL
};
static const char *s_placeholders[] = {
    "docket", "unit_handle", "unit_name", "status", "action_note", "status_url",
    "right_police", "category", "district", "rank", NULL
};
static const char *s_top_keys[] = {
    "state", "name", "docket_prefix", "gazetteer", "languages", "jurisdiction", "sla",
    "units", "routing", "reject", "templates", NULL
};
static const char *s_unit_keys[] = {
    "code", "name", "kind", "district", "handle", "contacts", "ladder", NULL
};
static const char *s_contact_keys[] = { "webhook", "email", "sms", NULL };
static const char *s_rule_keys[] = { "category", "district", "priority", "unit", NULL };
static const char *s_routing_keys[] = { "emergency", "rules", "default", NULL };
static const char *s_jurisdiction_keys[] = { "accept", "districts", "unknown", NULL };
static const char *s_sla_keys[] = { "P1", "P2", "P3", NULL };
static const char *s_sla_entry_keys[] = { "acknowledge", "resolve", NULL };

//  What a rule's unit says to mean "the unit of the complaint's district".
#define S_DISTRICT_UNIT "{district}"

typedef struct {
    const char *code;            //  LGD code
    const char *name;            //  official English name
} s_district_t;

typedef struct {
    const char *category;        //  category code, or NULL for any
    const char *district;        //  LGD code, or NULL for any
    const char *priority;        //  P1..P3, or NULL for any
    size_t unit;                 //  index into units, or S_NONE for "{district}"
    char label[32];              //  "rule 3": what route reports
} s_rule_t;

typedef struct {
    const char *category;        //  category refused
    const char *reason;          //  reason code given
} s_reject_t;

typedef struct {
    const char *language;        //  "hi", "en", ...
    const char *name;            //  one of s_template_names
    const char *text;            //  with {placeholders}
} s_template_t;

struct _sw_state_t {
    void **pool;                 //  every allocation this state owns
    size_t npool;                //  entries in pool
    size_t pool_size;            //  room in pool
    const char *code;            //  deployment code, "up"
    const char *name;            //  display name, "Uttar Pradesh"
    const char *docket_prefix;   //  "UP"
    const char **languages;      //  reply languages, the fallback first
    size_t nlanguages;           //  how many
    s_district_t *districts;     //  the gazetteer's districts
    size_t ndistricts;           //  how many
    bool accept_districts;       //  jurisdiction.accept is "districts"
    const char **accepted;       //  jurisdiction.districts, LGD codes
    size_t naccepted;            //  how many
    size_t unknown_unit;         //  jurisdiction.unknown, or S_NONE
    sw_state_sla_t sla[3];       //  P1, P2, P3
    sw_state_unit_t *units;      //  every unit, in file order
    size_t nunits;               //  how many
    size_t *unit_lines;          //  where each unit is defined, for duplicates
    s_rule_t *rules;             //  routing.rules, in order
    size_t nrules;               //  how many
    size_t emergency_unit;       //  routing.emergency, or S_NONE
    size_t default_unit;         //  routing.default
    s_reject_t *rejects;         //  reject: category -> reason
    size_t nrejects;             //  how many
    s_template_t *templates;     //  every template of every language
    size_t ntemplates;           //  how many
};

//  What the loader carries from one section to the next.
typedef struct {
    sw_state_t *self;            //  what is being built
    yaml_document_t *doc;        //  the parsed file
    const char *path;            //  for messages
    char *err;                   //  where the message goes
    size_t errlen;               //  its size
    const char *gazetteer;       //  the gazetteer's path, for messages
} s_loader_t;


//  --------------------------------------------------------------------------
//  Memory: one pool per state

static void *
s_alloc (sw_state_t *self, size_t size)
{
    if (self->npool == self->pool_size) {
        size_t size2 = self->pool_size ? self->pool_size * 2 : 64;
        void **pool = realloc (self->pool, size2 * sizeof *pool);
        if (!pool)
            return NULL;
        self->pool = pool;
        self->pool_size = size2;
    }
    void *block = calloc (1, size ? size : 1);
    if (block)
        self->pool[self->npool++] = block;
    return block;
}

static const char *
s_strdup (sw_state_t *self, const char *text)
{
    size_t len = strlen (text);
    char *copy = s_alloc (self, len + 1);
    if (copy)
        memcpy (copy, text, len + 1);
    return copy;
}

void
sw_state_destroy (sw_state_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    sw_state_t *self = *self_p;
    for (size_t i = 0; i < self->npool; i++)
        free (self->pool[i]);
    free (self->pool);
    free (self);
    *self_p = NULL;
}


//  --------------------------------------------------------------------------
//  Small helpers

static bool
s_in (const char *const *list, const char *word)
{
    for (size_t i = 0; word && list[i]; i++)
        if (strcmp (list[i], word) == 0)
            return true;
    return false;
}

//  Edit distance, for "did you mean"; long words are not compared.
static size_t
s_distance (const char *a, const char *b)
{
    size_t la = strlen (a), lb = strlen (b);
    if (la > 40 || lb > 40)
        return S_NONE;
    size_t row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t above = row[j];
            size_t best = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[lb];
}

//  " (did you mean \"x\"?)" when one of the candidates (count of them, or up
//  to a NULL) is close, else "".
static void
s_suggest (const char *word, const char *const *list, size_t count, char *buf, size_t len)
{
    const char *best = NULL;
    size_t best_distance = 3;
    for (size_t i = 0; i < count && list[i]; i++) {
        size_t d = s_distance (word, list[i]);
        if (d < best_distance) {
            best = list[i];
            best_distance = d;
        }
    }
    if (best)
        snprintf (buf, len, " (did you mean \"%s\"?)", best);
    else if (len)
        buf[0] = '\0';
}

//  True if text is non-empty and made only of characters in allowed.
static bool
s_word (const char *text, const char *allowed, size_t max)
{
    size_t len = strlen (text);
    return len > 0 && len <= max && strspn (text, allowed) == len;
}

#define S_LOWER "abcdefghijklmnopqrstuvwxyz"
#define S_UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define S_DIGITS "0123456789"

int64_t
sw_state_duration (const char *text)
{
    if (!text || !isdigit ((unsigned char) *text))
        return -1;
    int64_t value = 0;
    const char *p = text;
    for (; isdigit ((unsigned char) *p); p++) {
        if (value > (INT64_MAX - 9) / 10)
            return -1;
        value = value * 10 + (*p - '0');
    }
    int64_t unit = *p == 's' ? 1 : *p == 'm' ? 60 : *p == 'h' ? 3600 : *p == 'd' ? 86400 : 0;
    if (!unit || p[1] != '\0' || value > INT64_MAX / unit)
        return -1;
    return value * unit;
}


//  --------------------------------------------------------------------------
//  YAML access, after cls_gazetteer.c

static void
s_fail (s_loader_t *l, yaml_node_t *node, const char *format, ...)
    __attribute__ ((format (printf, 3, 4)));

//  The key that holds a node as its value, or NULL (the root, list items).
static yaml_node_t *
s_holder (yaml_document_t *doc, yaml_node_t *node)
{
    if (!node || node < doc->nodes.start || node >= doc->nodes.top)
        return NULL;
    int index = (int) (node - doc->nodes.start) + 1;
    for (yaml_node_t *map = doc->nodes.start; map < doc->nodes.top; map++) {
        if (map->type != YAML_MAPPING_NODE)
            continue;
        for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
             pair < map->data.mapping.pairs.top; pair++)
            if (pair->value == index)
                return yaml_document_get_node (doc, pair->key);
    }
    return NULL;
}

//  Set the message, once: the first problem found is the one reported.
//  A block mapping or list starts on the line after its key; the message
//  names the key's line, where a reader looks for it.
static void
s_fail (s_loader_t *l, yaml_node_t *node, const char *format, ...)
{
    if (!l->err || !l->errlen || l->err[0])
        return;
    if (node && node->type != YAML_SCALAR_NODE) {
        yaml_node_t *key = s_holder (l->doc, node);
        if (key)
            node = key;
    }
    int n = node ? snprintf (l->err, l->errlen, "%s line %zu: ", l->path,
                             (size_t) node->start_mark.line + 1)
                 : snprintf (l->err, l->errlen, "%s: ", l->path);
    if (n < 0 || (size_t) n >= l->errlen)
        return;
    va_list args;
    va_start (args, format);
    vsnprintf (l->err + n, l->errlen - (size_t) n, format, args);
    va_end (args);
}


//  Refuse keys that are not in allowed (NULL: any key), keys given twice,
//  and keys that are not plain words.  what names the mapping in messages.
static int
s_check_keys (s_loader_t *l, yaml_node_t *map, const char *const *allowed, const char *what)
{
    for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
         pair < map->data.mapping.pairs.top; pair++) {
        yaml_node_t *key_node = yaml_document_get_node (l->doc, pair->key);
        const char *key = sw_yaml_text (key_node);
        if (!key) {
            s_fail (l, key_node, "%s has a key that is not a plain word", what);
            return -1;
        }
        if (allowed && !s_in (allowed, key)) {
            char hint[96];
            s_suggest (key, allowed, S_NONE, hint, sizeof hint);
            s_fail (l, key_node, "unknown key \"%s\" in %s%s", key, what, hint);
            return -1;
        }
        for (yaml_node_pair_t *earlier = map->data.mapping.pairs.start; earlier < pair;
             earlier++) {
            yaml_node_t *other = yaml_document_get_node (l->doc, earlier->key);
            const char *text = sw_yaml_text (other);
            if (text && strcmp (text, key) == 0) {
                s_fail (l, key_node, "key \"%s\" is given twice in %s (first at line %zu)", key,
                        what, sw_yaml_line (other));
                return -1;
            }
        }
    }
    return 0;
}

//  Messages name a value as "key" (top level) or "key" in owner ("unit 3",
//  "sla.P1", "routing").
static void
s_fail_missing (s_loader_t *l, yaml_node_t *node, const char *key, const char *owner)
{
    if (owner)
        s_fail (l, node, "missing required key \"%s\" in %s", key, owner);
    else
        s_fail (l, node, "missing required key \"%s\"", key);
}

//  The value of key if present and not null; node_out gets the node
//  either way.
static yaml_node_t *
s_value (s_loader_t *l, yaml_node_t *parent, const char *key, yaml_node_t **node_out)
{
    yaml_node_t *node = sw_yaml_get (l->doc, parent, key);
    if (node_out)
        *node_out = node;
    if (!node || (node->type == YAML_SCALAR_NODE && !sw_yaml_text (node)))
        return NULL;
    return node;
}

//  A value of the given node type, or NULL: absent (message set if
//  required) or of another type (message set: "... must be <what>").
static yaml_node_t *
s_container (s_loader_t *l, yaml_node_t *parent, const char *key, const char *owner,
             bool required, yaml_node_type_t type, const char *what)
{
    yaml_node_t *at;
    yaml_node_t *node = s_value (l, parent, key, &at);
    if (!node) {
        if (required)
            s_fail_missing (l, at ? at : parent, key, owner);
        return NULL;
    }
    if (node->type != type) {
        s_fail (l, node, "\"%s\"%s%s must be %s", key, owner ? " in " : "", owner ? owner : "",
                what);
        return NULL;
    }
    return node;
}

static yaml_node_t *
s_mapping (s_loader_t *l, yaml_node_t *parent, const char *key, const char *owner,
           bool required)
{
    return s_container (l, parent, key, owner, required, YAML_MAPPING_NODE,
                        "a mapping of keys to values");
}

static yaml_node_t *
s_sequence (s_loader_t *l, yaml_node_t *parent, const char *key, const char *owner,
            bool required)
{
    return s_container (l, parent, key, owner, required, YAML_SEQUENCE_NODE, "a list");
}

//  A scalar value copied into the pool. 0 with *out NULL if it is absent
//  and not required; -1 with the message set otherwise.
static int
s_scalar (s_loader_t *l, yaml_node_t *parent, const char *key, const char *owner,
          bool required, const char **out, yaml_node_t **node_out)
{
    *out = NULL;
    yaml_node_t *node = sw_yaml_get (l->doc, parent, key);
    if (node_out)
        *node_out = node;
    if (node && node->type != YAML_SCALAR_NODE) {
        s_fail (l, node, "\"%s\"%s%s must be a single value", key, owner ? " in " : "",
                owner ? owner : "");
        return -1;
    }
    const char *text = sw_yaml_text (node);
    if (!text || !*text) {
        if (!required)
            return 0;
        s_fail_missing (l, node ? node : parent, key, owner);
        return -1;
    }
    *out = s_strdup (l->self, text);
    if (!*out) {
        s_fail (l, node, "out of memory");
        return -1;
    }
    return 0;
}

//  Items of a sequence node.
static size_t
s_items (yaml_node_t *seq)
{
    return (size_t) (seq->data.sequence.items.top - seq->data.sequence.items.start);
}

static yaml_node_t *
s_item (s_loader_t *l, yaml_node_t *seq, size_t index)
{
    return yaml_document_get_node (l->doc, seq->data.sequence.items.start[index]);
}

static size_t
s_district_index (sw_state_t *self, const char *code)
{
    for (size_t i = 0; code && i < self->ndistricts; i++)
        if (strcmp (self->districts[i].code, code) == 0)
            return i;
    return S_NONE;
}

static size_t
s_unit_index (sw_state_t *self, const char *code)
{
    for (size_t i = 0; code && i < self->nunits; i++)
        if (strcmp (self->units[i].code, code) == 0)
            return i;
    return S_NONE;
}

//  Resolve a unit code named by what; S_NONE with the message set if it is
//  not defined.
static size_t
s_unit_ref (s_loader_t *l, yaml_node_t *node, const char *code, const char *what)
{
    sw_state_t *self = l->self;
    size_t index = s_unit_index (self, code);
    if (index == S_NONE) {
        const char *codes[256];
        size_t n = 0;
        for (size_t i = 0; i < self->nunits && n < 256; i++)
            codes[n++] = self->units[i].code;
        char hint[96];
        s_suggest (code, codes, n, hint, sizeof hint);
        s_fail (l, node, "%s names unit \"%s\", which is not defined%s", what, code, hint);
    }
    return index;
}

//  A district code named by what must be in the gazetteer.
static int
s_district_ref (s_loader_t *l, yaml_node_t *node, const char *code, const char *what)
{
    if (s_district_index (l->self, code) != S_NONE)
        return 0;
    s_fail (l, node, "%s names district \"%s\", which is not in the gazetteer \"%s\"", what,
            code, l->gazetteer);
    return -1;
}


//  --------------------------------------------------------------------------
//  The gazetteer: district codes and names only

static int
s_load_gazetteer (s_loader_t *state_loader, yaml_node_t *at, const char *path)
{
    sw_state_t *self = state_loader->self;
    FILE *file = fopen (path, "rb");
    if (!file) {
        s_fail (state_loader, at, "could not open gazetteer \"%s\": %s", path,
                strerror (errno));
        return -1;
    }
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_parser_initialize (&parser);
    yaml_parser_set_input_file (&parser, file);
    int rc = 0;
    if (!yaml_parser_load (&parser, &doc)) {
        s_fail (state_loader, NULL, "could not parse gazetteer \"%s\": %s at line %zu", path,
                parser.problem ? parser.problem : "syntax error",
                (size_t) parser.problem_mark.line + 1);
        yaml_parser_delete (&parser);
        fclose (file);
        return -1;
    }
    //  Messages about the gazetteer name the gazetteer's own lines.
    s_loader_t l = { self, &doc, path, state_loader->err, state_loader->errlen, path };
    yaml_node_t *root = yaml_document_get_root_node (&doc);
    const char *state = root ? sw_yaml_text (sw_yaml_get (&doc, root, "state")) : NULL;
    yaml_node_t *districts = root ? sw_yaml_get (&doc, root, "districts") : NULL;
    if (!root || root->type != YAML_MAPPING_NODE) {
        s_fail (&l, root, "gazetteer is not a mapping");
        rc = -1;
    }
    else if (!districts || districts->type != YAML_SEQUENCE_NODE || s_items (districts) == 0) {
        s_fail (&l, districts ? districts : root, "gazetteer has no list of districts");
        rc = -1;
    }
    else if (state && strcmp (state, self->code) != 0) {
        s_fail (state_loader, at, "gazetteer \"%s\" is for state \"%s\", not \"%s\"", path,
                state, self->code);
        rc = -1;
    }
    else {
        size_t count = s_items (districts);
        self->districts = s_alloc (self, count * sizeof *self->districts);
        if (!self->districts) {
            s_fail (&l, districts, "out of memory");
            rc = -1;
        }
        for (size_t i = 0; rc == 0 && i < count; i++) {
            yaml_node_t *node = s_item (&l, districts, i);
            const char *code = sw_yaml_text (sw_yaml_get (&doc, node, "code"));
            const char *name = sw_yaml_text (sw_yaml_get (&doc, node, "name"));
            if (!code || !name) {
                s_fail (&l, node, "gazetteer district has no %s", code ? "name" : "code");
                rc = -1;
            }
            else if (s_district_index (self, code) != S_NONE) {
                s_fail (&l, node, "gazetteer district code \"%s\" is given twice", code);
                rc = -1;
            }
            else {
                s_district_t *district = &self->districts[self->ndistricts];
                district->code = s_strdup (self, code);
                district->name = s_strdup (self, name);
                if (!district->code || !district->name) {
                    s_fail (&l, node, "out of memory");
                    rc = -1;
                }
                else
                    self->ndistricts++;
            }
        }
    }
    yaml_document_delete (&doc);
    yaml_parser_delete (&parser);
    fclose (file);
    return rc;
}


//  --------------------------------------------------------------------------
//  Sections of state.yaml

//  A contact value: ${VARIABLE} (read from the environment by notifier), or
//  a literal of the right shape that carries no credential.
static int
s_check_contact (s_loader_t *l, yaml_node_t *node, const char *unit, const char *kind,
                 const char *value)
{
    size_t len = strlen (value);
    if (len > 3 && value[0] == '$' && value[1] == '{' && value[len - 1] == '}') {
        char name[128];
        snprintf (name, sizeof name, "%.*s", (int) (len - 3), value + 2);
        if (s_word (name, S_UPPER S_DIGITS "_", 100) && !isdigit ((unsigned char) name[0]))
            return 0;
        s_fail (l, node, "unit \"%s\" %s \"%s\" is not a valid ${VARIABLE} reference", unit,
                kind, value);
        return -1;
    }
    if (strcmp (kind, "webhook") == 0) {
        const char *rest = strncmp (value, "https://", 8) == 0  ? value + 8
                           : strncmp (value, "http://", 7) == 0 ? value + 7
                                                                : NULL;
        if (!rest) {
            s_fail (l, node, "unit \"%s\" webhook \"%s\" is not an http(s) URL", unit, value);
            return -1;
        }
        size_t authority = strcspn (rest, "/?#");
        const char *query = strchr (rest, '?');
        static const char *secret_words[] = { "token", "secret", "password", "passwd", "key",
                                              "sig", "auth", NULL };
        bool secret = memchr (rest, '@', authority) != NULL;
        for (size_t i = 0; query && !secret && secret_words[i]; i++)
            secret = strcasestr (query, secret_words[i]) != NULL;
        if (secret) {
            char variable[80];
            snprintf (variable, sizeof variable, "SUNWAI_%s_WEBHOOK", unit);
            for (char *v = variable; *v; v++)
                *v = (char) toupper ((unsigned char) *v);
            s_fail (l, node,
                    "unit \"%s\" webhook carries a credential; name an environment variable "
                    "instead, for example \"${%s}\"",
                    unit, variable);
            return -1;
        }
    }
    else if (strcmp (kind, "email") == 0) {
        const char *at = strchr (value, '@');
        if (!at || at == value || !at[1] || strpbrk (value, " \t<>,;")) {
            s_fail (l, node, "unit \"%s\" email \"%s\" is not an address", unit, value);
            return -1;
        }
    }
    else if (value[0] != '+' || !s_word (value + 1, S_DIGITS, 15) || len < 9) {
        s_fail (l, node, "unit \"%s\" sms \"%s\" is not a number in +<country><number> form",
                unit, value);
        return -1;
    }
    return 0;
}

static int
s_load_unit (s_loader_t *l, yaml_node_t *node, size_t index)
{
    sw_state_t *self = l->self;
    sw_state_unit_t *unit = &self->units[index];
    if (node->type != YAML_MAPPING_NODE) {
        s_fail (l, node, "unit %zu is not a mapping", index + 1);
        return -1;
    }
    char what[64];
    snprintf (what, sizeof what, "unit %zu", index + 1);
    if (s_check_keys (l, node, s_unit_keys, what) != 0)
        return -1;
    yaml_node_t *code_node;
    if (s_scalar (l, node, "code", what, true, &unit->code, &code_node) != 0)
        return -1;
    if (!s_word (unit->code, S_LOWER S_DIGITS "_", 48)) {
        s_fail (l, code_node, "unit code \"%s\" may hold only a-z, 0-9 and _", unit->code);
        return -1;
    }
    size_t first = s_unit_index (self, unit->code);
    if (first != S_NONE) {
        s_fail (l, code_node, "duplicate unit code \"%s\" (first at line %zu)", unit->code,
                self->unit_lines[first]);
        return -1;
    }
    snprintf (what, sizeof what, "unit \"%s\"", unit->code);
    yaml_node_t *kind_node, *district_node, *handle_node;
    if (s_scalar (l, node, "name", what, true, &unit->name, NULL) != 0
        || s_scalar (l, node, "kind", what, true, &unit->kind, &kind_node) != 0
        || s_scalar (l, node, "district", what, false, &unit->district, &district_node) != 0
        || s_scalar (l, node, "handle", what, false, &unit->handle, &handle_node) != 0)
        return -1;
    if (!s_in (s_kinds, unit->kind)) {
        s_fail (l, kind_node,
                "unit \"%s\" has unknown kind \"%s\" (district, control_room, central_desk or "
                "special)",
                unit->code, unit->kind);
        return -1;
    }
    bool is_district = strcmp (unit->kind, "district") == 0;
    if (is_district && !unit->district) {
        s_fail (l, node, "district unit \"%s\" has no district (its LGD code)", unit->code);
        return -1;
    }
    if (!is_district && unit->district) {
        s_fail (l, district_node, "unit \"%s\" is not a district unit but names district \"%s\"",
                unit->code, unit->district);
        return -1;
    }
    if (unit->district) {
        if (s_district_ref (l, district_node, unit->district, what) != 0)
            return -1;
        for (size_t i = 0; i < index; i++)
            if (self->units[i].district && strcmp (self->units[i].district, unit->district) == 0) {
                s_fail (l, district_node, "district \"%s\" has two units, \"%s\" and \"%s\"",
                        unit->district, self->units[i].code, unit->code);
                return -1;
            }
    }
    if (unit->handle) {
        if (unit->handle[0] == '@') {
            s_fail (l, handle_node, "unit \"%s\" handle \"%s\": write the handle without '@'",
                    unit->code, unit->handle);
            return -1;
        }
        if (!s_word (unit->handle, S_LOWER S_UPPER S_DIGITS "_", 15)) {
            s_fail (l, handle_node,
                    "unit \"%s\" handle \"%s\" is not an X handle (1 to 15 letters, digits or _)",
                    unit->code, unit->handle);
            return -1;
        }
    }
    yaml_node_t *contacts = s_mapping (l, node, "contacts", what, false);
    if (!contacts && l->err[0])
        return -1;
    if (contacts) {
        snprintf (what, sizeof what, "the contacts of unit \"%s\"", unit->code);
        if (s_check_keys (l, contacts, s_contact_keys, what) != 0)
            return -1;
        const char **fields[] = { &unit->webhook, &unit->email, &unit->sms };
        for (size_t i = 0; i < 3; i++) {
            yaml_node_t *value_node;
            if (s_scalar (l, contacts, s_contact_keys[i], what, false, fields[i], &value_node)
                != 0)
                return -1;
            if (*fields[i]
                && s_check_contact (l, value_node, unit->code, s_contact_keys[i], *fields[i])
                       != 0)
                return -1;
        }
    }
    yaml_node_t *ladder = s_sequence (l, node, "ladder", what, false);
    if (!ladder && l->err[0])
        return -1;
    if (!ladder || s_items (ladder) == 0) {
        s_fail (l, ladder ? ladder : node,
                "unit \"%s\" has no ladder (the ranks a late case escalates to)", unit->code);
        return -1;
    }
    size_t rungs = s_items (ladder);
    const char **ranks = s_alloc (self, rungs * sizeof *ranks);
    if (!ranks) {
        s_fail (l, node, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < rungs; i++) {
        yaml_node_t *rung = s_item (l, ladder, i);
        const char *rank = sw_yaml_text (rung);
        if (!rank || !*rank) {
            s_fail (l, rung, "unit \"%s\" ladder rung %zu is not a rank", unit->code, i + 1);
            return -1;
        }
        if (!(ranks[i] = s_strdup (self, rank))) {
            s_fail (l, rung, "out of memory");
            return -1;
        }
    }
    unit->ladder = ranks;
    unit->nladder = rungs;
    self->unit_lines[index] = sw_yaml_line (node);
    self->nunits = index + 1;
    return 0;
}

static int
s_load_units (s_loader_t *l, yaml_node_t *root)
{
    sw_state_t *self = l->self;
    yaml_node_t *units = s_sequence (l, root, "units", NULL, true);
    if (!units)
        return -1;
    size_t count = s_items (units);
    if (count == 0) {
        s_fail (l, units, "units is empty; a state needs at least its default unit");
        return -1;
    }
    self->units = s_alloc (self, count * sizeof *self->units);
    self->unit_lines = s_alloc (self, count * sizeof *self->unit_lines);
    if (!self->units || !self->unit_lines) {
        s_fail (l, units, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < count; i++)
        if (s_load_unit (l, s_item (l, units, i), i) != 0)
            return -1;
    return 0;
}

static int
s_load_sla (s_loader_t *l, yaml_node_t *root)
{
    yaml_node_t *sla = s_mapping (l, root, "sla", NULL, true);
    if (!sla || s_check_keys (l, sla, s_sla_keys, "sla") != 0)
        return -1;
    for (size_t p = 0; p < 3; p++) {
        char what[64];
        snprintf (what, sizeof what, "sla.%s", s_priorities[p]);
        yaml_node_t *entry = s_mapping (l, sla, s_priorities[p], "sla", true);
        if (!entry || s_check_keys (l, entry, s_sla_entry_keys, what) != 0)
            return -1;
        int64_t seconds[2];
        for (size_t k = 0; k < 2; k++) {
            char key[80];
            snprintf (key, sizeof key, "%s.%s", what, s_sla_entry_keys[k]);
            yaml_node_t *node;
            const char *text;
            if (s_scalar (l, entry, s_sla_entry_keys[k], what, true, &text, &node) != 0)
                return -1;
            seconds[k] = sw_state_duration (text);
            if (seconds[k] <= 0) {
                s_fail (l, node,
                        "%s \"%s\" is not a duration (write a whole number and s, m, h or d: "
                        "90s, 15m, 2h, 3d)",
                        key, text);
                return -1;
            }
        }
        if (seconds[0] > seconds[1]) {
            s_fail (l, entry, "%s: acknowledge is later than resolve", what);
            return -1;
        }
        l->self->sla[p].acknowledge_s = seconds[0];
        l->self->sla[p].resolve_s = seconds[1];
    }
    return 0;
}

static int
s_load_rule (s_loader_t *l, yaml_node_t *node, size_t index)
{
    sw_state_t *self = l->self;
    s_rule_t *rule = &self->rules[index];
    snprintf (rule->label, sizeof rule->label, "rule %zu", index + 1);
    if (node->type != YAML_MAPPING_NODE) {
        s_fail (l, node, "%s is not a mapping", rule->label);
        return -1;
    }
    if (s_check_keys (l, node, s_rule_keys, rule->label) != 0)
        return -1;
    yaml_node_t *category_node, *district_node, *priority_node, *unit_node;
    const char *unit;
    const char *owner = rule->label;
    if (s_scalar (l, node, "category", owner, false, &rule->category, &category_node) != 0
        || s_scalar (l, node, "district", owner, false, &rule->district, &district_node) != 0
        || s_scalar (l, node, "priority", owner, false, &rule->priority, &priority_node) != 0
        || s_scalar (l, node, "unit", owner, true, &unit, &unit_node) != 0)
        return -1;
    if (rule->category && !s_in (s_categories, rule->category)) {
        char hint[96];
        s_suggest (rule->category, s_categories, S_NONE, hint, sizeof hint);
        s_fail (l, category_node, "%s names unknown category \"%s\"%s", rule->label,
                rule->category, hint);
        return -1;
    }
    if (rule->priority && !s_in (s_priorities, rule->priority)) {
        s_fail (l, priority_node, "%s names unknown priority \"%s\" (P1, P2 or P3)", rule->label,
                rule->priority);
        return -1;
    }
    if (rule->district
        && s_district_ref (l, district_node, rule->district, rule->label) != 0)
        return -1;
    if (strcmp (unit, S_DISTRICT_UNIT) == 0)
        rule->unit = S_NONE;
    else if ((rule->unit = s_unit_ref (l, unit_node, unit, rule->label)) == S_NONE)
        return -1;
    self->nrules = index + 1;
    return 0;
}

static int
s_load_routing (s_loader_t *l, yaml_node_t *root)
{
    sw_state_t *self = l->self;
    yaml_node_t *routing = s_mapping (l, root, "routing", NULL, true);
    if (!routing || s_check_keys (l, routing, s_routing_keys, "routing") != 0)
        return -1;
    const char *code;
    yaml_node_t *node;
    if (s_scalar (l, routing, "default", "routing", true, &code, &node) != 0
        || (self->default_unit = s_unit_ref (l, node, code, "routing.default")) == S_NONE)
        return -1;
    self->emergency_unit = S_NONE;
    if (s_scalar (l, routing, "emergency", "routing", false, &code, &node) != 0
        || (code
            && (self->emergency_unit = s_unit_ref (l, node, code, "routing.emergency"))
                   == S_NONE))
        return -1;
    yaml_node_t *rules = s_sequence (l, routing, "rules", "routing", false);
    if (!rules)
        return l->err[0] ? -1 : 0;
    size_t count = s_items (rules);
    self->rules = s_alloc (self, (count ? count : 1) * sizeof *self->rules);
    if (!self->rules) {
        s_fail (l, rules, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < count; i++)
        if (s_load_rule (l, s_item (l, rules, i), i) != 0)
            return -1;
    return 0;
}

static int
s_load_jurisdiction (s_loader_t *l, yaml_node_t *root)
{
    sw_state_t *self = l->self;
    self->unknown_unit = S_NONE;
    yaml_node_t *jurisdiction = s_mapping (l, root, "jurisdiction", NULL, false);
    if (!jurisdiction)
        return l->err[0] ? -1 : 0;
    if (s_check_keys (l, jurisdiction, s_jurisdiction_keys, "jurisdiction") != 0)
        return -1;
    const char *accept, *unknown;
    yaml_node_t *accept_node, *unknown_node;
    if (s_scalar (l, jurisdiction, "accept", "jurisdiction", false, &accept, &accept_node) != 0
        || s_scalar (l, jurisdiction, "unknown", "jurisdiction", false, &unknown, &unknown_node)
               != 0)
        return -1;
    if (accept && strcmp (accept, "state") != 0 && strcmp (accept, "districts") != 0) {
        s_fail (l, accept_node, "jurisdiction.accept \"%s\" is not \"state\" or \"districts\"",
                accept);
        return -1;
    }
    if (unknown
        && (self->unknown_unit = s_unit_ref (l, unknown_node, unknown, "jurisdiction.unknown"))
               == S_NONE)
        return -1;
    self->accept_districts = accept && strcmp (accept, "districts") == 0;
    yaml_node_t *districts = s_sequence (l, jurisdiction, "districts", "jurisdiction", false);
    if (!districts && l->err[0])
        return -1;
    if (!self->accept_districts) {
        if (districts) {
            s_fail (l, districts, "jurisdiction.districts is used only with accept: districts");
            return -1;
        }
        return 0;
    }
    if (!districts || s_items (districts) == 0) {
        s_fail (l, districts ? districts : jurisdiction,
                "jurisdiction.accept is \"districts\" but jurisdiction.districts lists none");
        return -1;
    }
    size_t count = s_items (districts);
    self->accepted = s_alloc (self, count * sizeof *self->accepted);
    if (!self->accepted) {
        s_fail (l, districts, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *item = s_item (l, districts, i);
        const char *code = sw_yaml_text (item);
        if (!code) {
            s_fail (l, item, "jurisdiction.districts item %zu is not an LGD code", i + 1);
            return -1;
        }
        if (s_district_ref (l, item, code, "jurisdiction.districts") != 0)
            return -1;
        self->accepted[self->naccepted++] = s_strdup (self, code);
    }
    return 0;
}

static int
s_load_reject (s_loader_t *l, yaml_node_t *root)
{
    sw_state_t *self = l->self;
    yaml_node_t *reject = s_mapping (l, root, "reject", NULL, false);
    if (!reject)
        return l->err[0] ? -1 : 0;
    if (s_check_keys (l, reject, NULL, "reject") != 0)
        return -1;
    size_t count
        = (size_t) (reject->data.mapping.pairs.top - reject->data.mapping.pairs.start);
    self->rejects = s_alloc (self, (count ? count : 1) * sizeof *self->rejects);
    if (!self->rejects) {
        s_fail (l, reject, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        yaml_node_pair_t *pair = &reject->data.mapping.pairs.start[i];
        yaml_node_t *key_node = yaml_document_get_node (l->doc, pair->key);
        yaml_node_t *value_node = yaml_document_get_node (l->doc, pair->value);
        const char *category = sw_yaml_text (key_node);
        const char *reason = sw_yaml_text (value_node);
        if (!s_in (s_categories, category)) {
            char hint[96];
            s_suggest (category, s_categories, S_NONE, hint, sizeof hint);
            s_fail (l, key_node, "reject names unknown category \"%s\"%s", category, hint);
            return -1;
        }
        if (!s_in (s_reasons, reason)) {
            s_fail (l, value_node,
                    "reject.%s: \"%s\" is not a reason code (outside_jurisdiction, "
                    "not_police_matter or spam)",
                    category, reason ? reason : "");
            return -1;
        }
        self->rejects[i].category = s_strdup (self, category);
        self->rejects[i].reason = s_strdup (self, reason);
        self->nrejects = i + 1;
    }
    return 0;
}

//  Every {word} in a template must be a known placeholder.  A brace that
//  does not enclose a word is ordinary text.
static int
s_check_placeholders (s_loader_t *l, yaml_node_t *node, const char *what, const char *text)
{
    for (const char *p = strchr (text, '{'); p; p = strchr (p + 1, '{')) {
        size_t len = strspn (p + 1, S_LOWER S_UPPER S_DIGITS "_");
        if (len == 0 || p[1 + len] != '}')
            continue;
        char name[64];
        snprintf (name, sizeof name, "%.*s", (int) len, p + 1);
        if (!s_in (s_placeholders, name)) {
            char hint[96];
            s_suggest (name, s_placeholders, S_NONE, hint, sizeof hint);
            s_fail (l, node, "template %s has unknown placeholder \"{%s}\"%s", what, name,
                    hint);
            return -1;
        }
    }
    return 0;
}

static int
s_load_templates (s_loader_t *l, yaml_node_t *root)
{
    sw_state_t *self = l->self;
    yaml_node_t *templates = s_mapping (l, root, "templates", NULL, true);
    if (!templates || s_check_keys (l, templates, NULL, "templates") != 0)
        return -1;
    size_t nlanguages
        = (size_t) (templates->data.mapping.pairs.top - templates->data.mapping.pairs.start);
    if (nlanguages == 0) {
        s_fail (l, templates, "templates defines no language");
        return -1;
    }
    size_t total = 0;
    for (size_t i = 0; i < nlanguages; i++) {
        yaml_node_t *set
            = yaml_document_get_node (l->doc, templates->data.mapping.pairs.start[i].value);
        if (set && set->type == YAML_MAPPING_NODE)
            total += (size_t) (set->data.mapping.pairs.top - set->data.mapping.pairs.start);
    }
    self->templates = s_alloc (self, (total ? total : 1) * sizeof *self->templates);
    const char **defined = s_alloc (self, (nlanguages + 1) * sizeof *defined);
    if (!self->templates || !defined) {
        s_fail (l, templates, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < nlanguages; i++) {
        yaml_node_pair_t *pair = &templates->data.mapping.pairs.start[i];
        yaml_node_t *key_node = yaml_document_get_node (l->doc, pair->key);
        const char *language = sw_yaml_text (key_node);
        if (!s_word (language, S_LOWER, 3)) {
            s_fail (l, key_node, "templates: \"%s\" is not a language code such as hi or en",
                    language);
            return -1;
        }
        char what[64];
        snprintf (what, sizeof what, "templates.%s", language);
        yaml_node_t *set = s_mapping (l, templates, language, "templates", true);
        if (!set || s_check_keys (l, set, s_template_names, what) != 0)
            return -1;
        language = s_strdup (self, language);
        defined[i] = language;
        for (size_t r = 0; s_required_templates[r]; r++)
            if (!sw_yaml_get (l->doc, set, s_required_templates[r])) {
                s_fail_missing (l, set, s_required_templates[r], what);
                return -1;
            }
        for (yaml_node_pair_t *t = set->data.mapping.pairs.start; t < set->data.mapping.pairs.top;
             t++) {
            const char *name = sw_yaml_text (yaml_document_get_node (l->doc, t->key));
            yaml_node_t *text_node = yaml_document_get_node (l->doc, t->value);
            char full[96];
            snprintf (full, sizeof full, "%s.%s", what, name);
            const char *text = sw_yaml_text (text_node);
            if (!text || !*text || text_node->type != YAML_SCALAR_NODE) {
                s_fail (l, text_node, "template %s is empty or not text", full);
                return -1;
            }
            if (s_check_placeholders (l, text_node, full, text) != 0)
                return -1;
            s_template_t *template = &self->templates[self->ntemplates++];
            template->language = language;
            template->name = s_strdup (self, name);
            template->text = s_strdup (self, text);
        }
    }
    //  languages: the order replies fall back in; every language listed
    //  must have templates and every language with templates be listed.
    yaml_node_t *languages = s_sequence (l, root, "languages", NULL, false);
    if (!languages) {
        if (l->err[0])
            return -1;
        self->languages = defined;
        self->nlanguages = nlanguages;
        return 0;
    }
    size_t count = s_items (languages);
    if (count == 0) {
        s_fail (l, languages, "languages is empty");
        return -1;
    }
    self->languages = s_alloc (self, (count + 1) * sizeof *self->languages);
    if (!self->languages) {
        s_fail (l, languages, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *item = s_item (l, languages, i);
        const char *language = sw_yaml_text (item);
        if (!language || !s_in (defined, language)) {
            s_fail (l, item, "language \"%s\" has no templates",
                    language ? language : "");
            return -1;
        }
        for (size_t j = 0; j < self->nlanguages; j++)
            if (strcmp (self->languages[j], language) == 0) {
                s_fail (l, item, "language \"%s\" is listed twice", language);
                return -1;
            }
        self->languages[self->nlanguages++] = s_strdup (self, language);
    }
    for (size_t i = 0; i < nlanguages; i++)
        if (!s_in (self->languages, defined[i])) {
            s_fail (l, languages, "templates.%s is defined but \"%s\" is not in languages",
                    defined[i], defined[i]);
            return -1;
        }
    return 0;
}

//  The gazetteer's path: relative to the directory of state.yaml.
static const char *
s_gazetteer_path (sw_state_t *self, const char *state_path, const char *gazetteer)
{
    if (gazetteer[0] == '/')
        return s_strdup (self, gazetteer);
    const char *slash = strrchr (state_path, '/');
    size_t dir = slash ? (size_t) (slash - state_path + 1) : 0;
    size_t len = dir + strlen (gazetteer) + 1;
    char *path = s_alloc (self, len);
    if (path)
        snprintf (path, len, "%.*s%s", (int) dir, state_path, gazetteer);
    return path;
}

static int
s_load_document (s_loader_t *l)
{
    sw_state_t *self = l->self;
    yaml_node_t *root = yaml_document_get_root_node (l->doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        s_fail (l, root, "a state file is a mapping of keys to values");
        return -1;
    }
    if (s_check_keys (l, root, s_top_keys, "the state file") != 0)
        return -1;
    yaml_node_t *node;
    const char *gazetteer = NULL;
    if (s_scalar (l, root, "state", NULL, true, &self->code, &node) != 0)
        return -1;
    if (!s_word (self->code, S_LOWER S_DIGITS "_", 32)) {
        s_fail (l, node, "state \"%s\" may hold only a-z, 0-9 and _", self->code);
        return -1;
    }
    if (s_scalar (l, root, "name", NULL, true, &self->name, NULL) != 0
        || s_scalar (l, root, "docket_prefix", NULL, false, &self->docket_prefix,
                     &node) != 0)
        return -1;
    if (self->docket_prefix && !s_word (self->docket_prefix, S_UPPER S_DIGITS, 8)) {
        s_fail (l, node, "docket_prefix \"%s\" must be 1 to 8 capital letters or digits",
                self->docket_prefix);
        return -1;
    }
    if (!self->docket_prefix) {
        char prefix[9];
        snprintf (prefix, sizeof prefix, "%s", self->code);
        for (char *p = prefix; *p; p++)
            *p = (char) toupper ((unsigned char) *p);
        self->docket_prefix = s_strdup (self, prefix);
    }
    if (s_scalar (l, root, "gazetteer", NULL, false, &gazetteer, &node) != 0)
        return -1;
    const char *gazetteer_path
        = s_gazetteer_path (self, l->path, gazetteer ? gazetteer : "gazetteer.yaml");
    l->gazetteer = gazetteer_path;
    if (!gazetteer_path || s_load_gazetteer (l, node ? node : root, gazetteer_path) != 0)
        return -1;
    if (s_load_units (l, root) != 0 || s_load_sla (l, root) != 0
        || s_load_routing (l, root) != 0 || s_load_jurisdiction (l, root) != 0
        || s_load_reject (l, root) != 0 || s_load_templates (l, root) != 0)
        return -1;
    return 0;
}

sw_state_t *
sw_state_load (const char *path, char *err, size_t errlen)
{
    //  The loader tells "absent" from "refused" by whether a message was
    //  written, so it writes into its own buffer, whatever the caller gave.
    char message[1024] = "";
    sw_state_t *self = NULL;
    FILE *file = path ? fopen (path, "rb") : NULL;
    if (!path)
        snprintf (message, sizeof message, "no state file given");
    else if (!file)
        snprintf (message, sizeof message, "could not open state file \"%s\": %s", path,
                  strerror (errno));
    else if (!(self = calloc (1, sizeof *self)))
        snprintf (message, sizeof message, "%s: out of memory", path);
    if (self) {
        yaml_parser_t parser;
        yaml_document_t doc;
        yaml_parser_initialize (&parser);
        yaml_parser_set_input_file (&parser, file);
        if (!yaml_parser_load (&parser, &doc)) {
            if (parser.context)
                snprintf (message, sizeof message,
                          "%s line %zu: could not parse YAML: %s (line %zu), %s", path,
                          (size_t) parser.problem_mark.line + 1, parser.context,
                          (size_t) parser.context_mark.line + 1,
                          parser.problem ? parser.problem : "syntax error");
            else
                snprintf (message, sizeof message, "%s line %zu: could not parse YAML: %s", path,
                          (size_t) parser.problem_mark.line + 1,
                          parser.problem ? parser.problem : "syntax error");
        }
        else {
            s_loader_t loader = { self, &doc, path, message, sizeof message, NULL };
            if (s_load_document (&loader) != 0 && !message[0])
                snprintf (message, sizeof message, "%s: invalid state file", path);
            yaml_document_delete (&doc);
        }
        yaml_parser_delete (&parser);
        if (message[0])
            sw_state_destroy (&self);
    }
    if (file)
        fclose (file);
    if (err && errlen)
        snprintf (err, errlen, "%s", message);
    return self;
}


//  --------------------------------------------------------------------------
//  Questions

const char *
sw_state_code (sw_state_t *self)
{
    return self ? self->code : NULL;
}

const char *
sw_state_name (sw_state_t *self)
{
    return self ? self->name : NULL;
}

const char *
sw_state_docket_prefix (sw_state_t *self)
{
    return self ? self->docket_prefix : NULL;
}

size_t
sw_state_units (sw_state_t *self)
{
    return self ? self->nunits : 0;
}

const sw_state_unit_t *
sw_state_unit (sw_state_t *self, size_t index)
{
    return self && index < self->nunits ? &self->units[index] : NULL;
}

const sw_state_unit_t *
sw_state_unit_by_code (sw_state_t *self, const char *code)
{
    size_t index = self ? s_unit_index (self, code) : S_NONE;
    return index == S_NONE ? NULL : &self->units[index];
}

const sw_state_unit_t *
sw_state_unit_for_district (sw_state_t *self, const char *district)
{
    for (size_t i = 0; self && district && i < self->nunits; i++)
        if (self->units[i].district && strcmp (self->units[i].district, district) == 0)
            return &self->units[i];
    return NULL;
}

const char *
sw_state_district_name (sw_state_t *self, const char *district)
{
    size_t index = self ? s_district_index (self, district) : S_NONE;
    return index == S_NONE ? NULL : self->districts[index].name;
}

//  Zeroes for anything but P1, P2 and P3.
sw_state_sla_t
sw_state_sla (sw_state_t *self, const char *priority)
{
    sw_state_sla_t none = { 0, 0 };
    for (size_t p = 0; self && priority && p < 3; p++)
        if (strcmp (s_priorities[p], priority) == 0)
            return self->sla[p];
    return none;
}

static bool
s_same (const char *a, const char *b)
{
    return a && b && strcmp (a, b) == 0;
}

void
sw_state_route (sw_state_t *self, const char *category, const char *priority,
                const char *district, bool outside, sw_state_route_t *route)
{
    if (!route)
        return;
    memset (route, 0, sizeof *route);
    if (!self)
        return;
    if (outside) {
        route->rule = "jurisdiction";
        route->reject_reason = "outside_jurisdiction";
        return;
    }
    for (size_t i = 0; category && i < self->nrejects; i++)
        if (strcmp (self->rejects[i].category, category) == 0) {
            route->rule = "reject";
            route->reject_reason = self->rejects[i].reason;
            return;
        }
    if (self->emergency_unit != S_NONE
        && (s_same (priority, "P1") || s_same (category, "emergency"))) {
        route->unit = &self->units[self->emergency_unit];
        route->rule = "emergency";
        return;
    }
    if (self->accept_districts && district) {
        bool accepted = false;
        for (size_t i = 0; i < self->naccepted && !accepted; i++)
            accepted = strcmp (self->accepted[i], district) == 0;
        if (!accepted) {
            route->rule = "jurisdiction";
            route->reject_reason = "outside_jurisdiction";
            return;
        }
    }
    if (!category) {
        route->unit = &self->units[self->default_unit];
        route->rule = "default";
        route->manual_triage = true;
        return;
    }
    if (!district) {
        size_t unit = self->unknown_unit != S_NONE ? self->unknown_unit : self->default_unit;
        route->unit = &self->units[unit];
        route->rule = "unknown_place";
        route->manual_triage = true;
        return;
    }
    for (size_t i = 0; i < self->nrules; i++) {
        s_rule_t *rule = &self->rules[i];
        if ((rule->category && strcmp (rule->category, category) != 0)
            || (rule->district && strcmp (rule->district, district) != 0)
            || (rule->priority && !s_same (rule->priority, priority)))
            continue;
        const sw_state_unit_t *unit = rule->unit == S_NONE
                                        ? sw_state_unit_for_district (self, district)
                                        : &self->units[rule->unit];
        if (!unit)
            continue;           //  "{district}" and the district has no unit
        route->unit = unit;
        route->rule = rule->label;
        return;
    }
    route->unit = &self->units[self->default_unit];
    route->rule = "default";
}

static const char *
s_template (sw_state_t *self, const char *language, const char *name)
{
    for (int pass = 0; pass < 2; pass++) {
        //  the language asked for, then the state's first language
        const char *wanted = pass == 0 ? language : self->languages[0];
        for (size_t i = 0; wanted && i < self->ntemplates; i++)
            if (strcmp (self->templates[i].language, wanted) == 0
                && strcmp (self->templates[i].name, name) == 0)
                return self->templates[i].text;
    }
    return NULL;
}

//  Expand text into out (if not NULL); returns the length of the result.
static size_t
s_expand (const char *text, const char **names, const char **values, size_t pairs, char *out)
{
    size_t len = 0;
    const char *p = text;
    while (*p) {
        size_t word = p[0] == '{' ? strspn (p + 1, S_LOWER S_UPPER S_DIGITS "_") : 0;
        if (word == 0 || p[1 + word] != '}') {
            if (out)
                out[len] = *p;
            len++;
            p++;
            continue;
        }
        const char *value = "";
        for (size_t i = 0; i < pairs; i++)
            if (strlen (names[i]) == word && strncmp (names[i], p + 1, word) == 0) {
                value = values[i] ? values[i] : "";
                break;
            }
        size_t vlen = strlen (value);
        if (out)
            memcpy (out + len, value, vlen);
        len += vlen;
        p += word + 2;
    }
    if (out)
        out[len] = '\0';
    return len;
}

char *
sw_state_render (sw_state_t *self, const char *language, const char *name, ...)
{
    if (!self || !name)
        return NULL;
    const char *text = s_template (self, language, name);
    if (!text)
        return NULL;
    const char *names[S_MAX_PAIRS];
    const char *values[S_MAX_PAIRS];
    size_t pairs = 0;
    va_list args;
    va_start (args, name);
    for (const char *key = va_arg (args, const char *); key;
         key = va_arg (args, const char *)) {
        const char *value = va_arg (args, const char *);
        if (pairs < S_MAX_PAIRS) {
            names[pairs] = key;
            values[pairs++] = value;
        }
    }
    va_end (args);
    size_t len = s_expand (text, names, values, pairs, NULL);
    char *result = malloc (len + 1);
    if (result)
        s_expand (text, names, values, pairs, result);
    return result;
}
