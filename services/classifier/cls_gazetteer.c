/*  cls_gazetteer: where a complaint happened, from its words.

    This file owns the gazetteer: loading deploy/<state>/gazetteer.yaml
    with libyaml's document API (every error names the file and line),
    turning every name into a sequence of romanised keys with cls_text,
    and matching those sequences against a complaint's tokens with an
    Aho-Corasick automaton.

    The automaton's alphabet is the interned keys (a token whose key is
    empty, such as "<num>" or an @handle, stands for itself).  A state is
    a prefix of some name's key sequence; goto edges live in one hash table
    keyed by (state, symbol), fail links point to the longest proper suffix
    that is also a state, and output links to the nearest state on the
    fail chain where a name ends.  A state where names end carries entries:
    (kind, district, station or outside place).  Matching is one pass.

    Choosing the place:
    1.  Of overlapping matches the longest wins ("Gomti Nagar Extension"
        over "Gomti Nagar").
    2.  A name said twice counts once, at its first occurrence.  Each
        name found gives one reading per kind it has (a station, a tehsil,
        a district name, an outside place) with the districts it could
        mean.  A name supports a district if it names the district, or is
        a station or tehsil of that district alone.
    3.  A reading that could mean several districts is resolved when
        exactly one of them is supported by another name ("Kotwali
        Kanpur"); otherwise it keeps no district and its confidence is
        the kind's base divided by the candidates.  Bases: station 0.95,
        district 0.9, tehsil 0.75, outside 0.9.  A reading confirmed by
        another name gains half its remaining distance to 1.
        A district's own name reads as the district only, even where one
        of its tehsils or stations has the same name.
    4.  The best in-jurisdiction reading (confidence, then kind: station >
        tehsil > district, then length, then position) picks the district;
        the most specific reading of that district is reported.  Places
        outside the jurisdiction are reported only when nothing inside
        matched.
    A station name shared by several stations of one district (numbers
    are all "<num>" to the tokenizer, so "Sector 58" and "Sector 62" look
    alike) names the district but no station. */
#include "cls_gazetteer.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "sw_yaml.h"

#define S_NONE SIZE_MAX

//  Base confidence and rank of each kind, indexed by cls_place_kind_t.
static const float s_base[] = { 0.0f, 0.9f, 0.75f, 0.95f, 0.9f };
static const int s_rank[] = { 0, 1, 2, 3, 0 };

typedef struct {
    char *code;                  //  LGD code
    char *name;                  //  official English name
    size_t line;                 //  where it is defined, for duplicates
} s_district_t;

typedef struct {
    char *name;                  //  the station's name
    size_t district;             //  index into districts
} s_station_t;

typedef struct {
    char *name;                  //  the place's name
    char *police;                //  who serves it, or NULL
} s_outside_t;

typedef struct {
    cls_place_kind_t kind;       //  what the name names
    size_t district;             //  index into districts (S_NONE outside)
    size_t ref;                  //  station or outside index, or S_NONE
    int next;                    //  next entry of the same state, or -1
} s_entry_t;

typedef struct {
    int fail;                    //  longest proper suffix that is a state
    int output;                  //  nearest state on the fail chain with entries
    int entries;                 //  first entry of names ending here, or -1
    int depth;                   //  symbols from the root
    int child;                   //  first child, for the breadth-first build
    int sibling;                 //  next child of the same parent
    int sym;                     //  symbol on the edge into this state
} s_node_t;

//  Interned keys: open addressing, keys owned.
typedef struct {
    char **keys;                 //  NULL where empty
    int *ids;                    //  symbol id of each key
    size_t cap;                  //  slots (a power of two)
    size_t count;                //  keys held
} s_symtab_t;

//  Goto edges: open addressing on (state << 32 | symbol).
typedef struct {
    uint64_t *keys;              //  edge keys
    int *to;                     //  target state, -1 where empty
    size_t cap;                  //  slots (a power of two)
    size_t count;                //  edges held
} s_edges_t;

struct _cls_gazetteer_t {
    char *state;                 //  deployment code ("up")
    char *state_name;            //  "Uttar Pradesh"
    s_district_t *districts;     //  in file order
    size_t ndistricts;           //  how many
    size_t districts_cap;        //  allocated
    s_station_t *stations;       //  police stations
    size_t nstations;            //  how many
    size_t stations_cap;         //  allocated
    s_outside_t *outside;        //  places outside the jurisdiction
    size_t noutside;             //  how many
    size_t outside_cap;          //  allocated
    s_entry_t *entries;          //  what each name names
    size_t nentries;             //  how many
    size_t entries_cap;          //  allocated
    s_node_t *nodes;             //  automaton states; 0 is the root
    size_t nnodes;               //  how many
    size_t nodes_cap;            //  allocated
    s_symtab_t symbols;          //  key -> symbol
    s_edges_t edges;             //  goto function
    cls_tokens_t tokens;         //  scratch for tokenising names
};

//  --------------------------------------------------------------------
//  Small helpers

static void
s_error (char *err, size_t errlen, const char *format, ...)
{
    if (!err || errlen == 0)
        return;
    va_list args;
    va_start (args, format);
    vsnprintf (err, errlen, format, args);
    va_end (args);
}

//  Makes room for need items of size bytes: the array, perhaps moved, or
//  NULL if out of memory (the old array is then left as it was).
static void *
s_reserve (void *array, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return array;
    size_t cap2 = *cap ? *cap * 2 : 16;
    while (cap2 < need)
        cap2 *= 2;
    void *grown = realloc (array, cap2 * size);
    if (grown)
        *cap = cap2;
    return grown;
}

static uint64_t
s_hash_str (const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char) *s;
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t
s_hash_u64 (uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

//  The symbol a token stands for: its key, or the token itself when the
//  key is empty (special tokens and @handles).
static const char *
s_token_symbol (const cls_tokens_t *tokens, size_t i)
{
    const char *key = tokens->keys ? tokens->keys[i] : NULL;
    if (key && *key)
        return key;
    return tokens->tokens ? tokens->tokens[i] : NULL;
}

//  --------------------------------------------------------------------
//  Symbol table

static int
s_symtab_find (const s_symtab_t *self, const char *key)
{
    if (!key || self->cap == 0)
        return -1;
    size_t mask = self->cap - 1;
    for (size_t i = s_hash_str (key) & mask; self->keys[i]; i = (i + 1) & mask)
        if (strcmp (self->keys[i], key) == 0)
            return self->ids[i];
    return -1;
}

static int
s_symtab_grow (s_symtab_t *self)
{
    size_t cap = self->cap ? self->cap * 2 : 256;
    char **keys = calloc (cap, sizeof *keys);
    int *ids = calloc (cap, sizeof *ids);
    if (!keys || !ids) {
        free (keys);
        free (ids);
        return -1;
    }
    for (size_t i = 0; i < self->cap; i++)
        if (self->keys[i]) {
            size_t j = s_hash_str (self->keys[i]) & (cap - 1);
            while (keys[j])
                j = (j + 1) & (cap - 1);
            keys[j] = self->keys[i];
            ids[j] = self->ids[i];
        }
    free (self->keys);
    free (self->ids);
    self->keys = keys;
    self->ids = ids;
    self->cap = cap;
    return 0;
}

//  The key's symbol, added if new; -1 if out of memory.
static int
s_symtab_intern (s_symtab_t *self, const char *key)
{
    int id = s_symtab_find (self, key);
    if (id >= 0)
        return id;
    if ((self->count + 1) * 2 > self->cap && s_symtab_grow (self) != 0)
        return -1;
    char *copy = strdup (key);
    if (!copy)
        return -1;
    size_t mask = self->cap - 1;
    size_t i = s_hash_str (key) & mask;
    while (self->keys[i])
        i = (i + 1) & mask;
    self->keys[i] = copy;
    self->ids[i] = (int) self->count++;
    return self->ids[i];
}

static void
s_symtab_free (s_symtab_t *self)
{
    for (size_t i = 0; i < self->cap; i++)
        free (self->keys[i]);
    free (self->keys);
    free (self->ids);
    memset (self, 0, sizeof *self);
}

//  --------------------------------------------------------------------
//  Goto edges

static int
s_edges_get (const s_edges_t *self, int state, int sym)
{
    if (self->cap == 0)
        return -1;
    uint64_t key = ((uint64_t) (uint32_t) state << 32) | (uint32_t) sym;
    size_t mask = self->cap - 1;
    for (size_t i = s_hash_u64 (key) & mask; self->to[i] >= 0; i = (i + 1) & mask)
        if (self->keys[i] == key)
            return self->to[i];
    return -1;
}

static void
s_edges_place (uint64_t *keys, int *to, size_t cap, uint64_t key, int target)
{
    size_t i = s_hash_u64 (key) & (cap - 1);
    while (to[i] >= 0)
        i = (i + 1) & (cap - 1);
    keys[i] = key;
    to[i] = target;
}

static int
s_edges_put (s_edges_t *self, int state, int sym, int target)
{
    if ((self->count + 1) * 2 > self->cap) {
        size_t cap = self->cap ? self->cap * 2 : 1024;
        uint64_t *keys = malloc (cap * sizeof *keys);
        int *to = malloc (cap * sizeof *to);
        if (!keys || !to) {
            free (keys);
            free (to);
            return -1;
        }
        for (size_t i = 0; i < cap; i++)
            to[i] = -1;
        for (size_t i = 0; i < self->cap; i++)
            if (self->to[i] >= 0)
                s_edges_place (keys, to, cap, self->keys[i], self->to[i]);
        free (self->keys);
        free (self->to);
        self->keys = keys;
        self->to = to;
        self->cap = cap;
    }
    uint64_t key = ((uint64_t) (uint32_t) state << 32) | (uint32_t) sym;
    s_edges_place (self->keys, self->to, self->cap, key, target);
    self->count++;
    return 0;
}

//  --------------------------------------------------------------------
//  Building

static int
s_node_new (cls_gazetteer_t *self, int sym, int depth)
{
    s_node_t *nodes = s_reserve (self->nodes, &self->nodes_cap, self->nnodes + 1, sizeof *nodes);
    if (!nodes)
        return -1;
    self->nodes = nodes;
    s_node_t *node = &self->nodes[self->nnodes];
    node->fail = 0;
    node->output = -1;
    node->entries = -1;
    node->depth = depth;
    node->child = -1;
    node->sibling = -1;
    node->sym = sym;
    return (int) self->nnodes++;
}

//  Adds name as a key sequence naming (kind, district, ref).
static int
s_add_name (cls_gazetteer_t *self, const char *name, cls_place_kind_t kind, size_t district,
            size_t ref, const char *path, size_t line, char *err, size_t errlen)
{
    if (cls_text_tokens (name, &self->tokens) != 0) {
        s_error (err, errlen, "gazetteer \"%s\": out of memory", path);
        return -1;
    }
    //  a name of numbers alone ("62") would match every number
    bool words = false;
    for (size_t i = 0; i < self->tokens.count && !words; i++)
        words = (self->tokens.keys[i] && *self->tokens.keys[i]) || self->tokens.tokens[i][0] == '@';
    if (!words) {
        s_error (err, errlen, "gazetteer \"%s\" line %zu: name \"%s\" has no words", path, line,
                 name);
        return -1;
    }
    int state = 0;
    for (size_t i = 0; i < self->tokens.count; i++) {
        const char *symbol = s_token_symbol (&self->tokens, i);
        int sym = symbol ? s_symtab_intern (&self->symbols, symbol) : -1;
        if (sym < 0) {
            s_error (err, errlen, "gazetteer \"%s\": out of memory", path);
            return -1;
        }
        int next = s_edges_get (&self->edges, state, sym);
        if (next < 0) {
            next = s_node_new (self, sym, self->nodes[state].depth + 1);
            if (next < 0 || s_edges_put (&self->edges, state, sym, next) != 0) {
                s_error (err, errlen, "gazetteer \"%s\": out of memory", path);
                return -1;
            }
            self->nodes[next].sibling = self->nodes[state].child;
            self->nodes[state].child = next;
        }
        state = next;
    }
    //  one entry per meaning, kept in file order
    int *link = &self->nodes[state].entries;
    while (*link >= 0) {
        s_entry_t *entry = &self->entries[*link];
        if (entry->kind == kind && entry->district == district && entry->ref == ref)
            return 0;
        link = &entry->next;
    }
    s_entry_t *entries
        = s_reserve (self->entries, &self->entries_cap, self->nentries + 1, sizeof *entries);
    if (!entries) {
        s_error (err, errlen, "gazetteer \"%s\": out of memory", path);
        return -1;
    }
    self->entries = entries;
    s_entry_t *entry = &self->entries[self->nentries];
    entry->kind = kind;
    entry->district = district;
    entry->ref = ref;
    entry->next = -1;
    //  the entries array may have moved: find the tail again
    link = &self->nodes[state].entries;
    while (*link >= 0)
        link = &self->entries[*link].next;
    *link = (int) self->nentries++;
    return 0;
}

//  Fail and output links, breadth first from the root.
static int
s_compile (cls_gazetteer_t *self)
{
    int *queue = malloc (self->nnodes * sizeof *queue);
    if (!queue)
        return -1;
    size_t head = 0, tail = 0;
    for (int c = self->nodes[0].child; c >= 0; c = self->nodes[c].sibling) {
        self->nodes[c].fail = 0;
        self->nodes[c].output = -1;
        queue[tail++] = c;
    }
    while (head < tail) {
        int u = queue[head++];
        for (int c = self->nodes[u].child; c >= 0; c = self->nodes[c].sibling) {
            int sym = self->nodes[c].sym;
            int f = self->nodes[u].fail;
            int next;
            while ((next = s_edges_get (&self->edges, f, sym)) < 0 && f != 0)
                f = self->nodes[f].fail;
            int fail = next >= 0 && next != c ? next : 0;
            self->nodes[c].fail = fail;
            self->nodes[c].output
                = self->nodes[fail].entries >= 0 ? fail : self->nodes[fail].output;
            queue[tail++] = c;
        }
    }
    free (queue);
    return 0;
}

//  --------------------------------------------------------------------
//  Loading


typedef struct {
    cls_gazetteer_t *self;       //  what is being built
    yaml_document_t *doc;        //  the parsed file
    const char *path;            //  for messages
    char *err;                   //  where messages go
    size_t errlen;               //  its size
} s_loader_t;

//  Adds every name in node: a list of names, or one name.
static int
s_add_names (s_loader_t *l, yaml_node_t *node, const char *what, cls_place_kind_t kind,
             size_t district, size_t ref)
{
    if (!node)
        return 0;
    if (node->type == YAML_SCALAR_NODE) {
        const char *name = sw_yaml_text (node);
        return name ? s_add_name (l->self, name, kind, district, ref, l->path, sw_yaml_line (node),
                                  l->err, l->errlen)
                    : 0;
    }
    if (node->type != YAML_SEQUENCE_NODE) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: %s must be a list of names",
                 l->path, sw_yaml_line (node), what);
        return -1;
    }
    for (yaml_node_item_t *item = node->data.sequence.items.start;
         item < node->data.sequence.items.top; item++) {
        yaml_node_t *child = yaml_document_get_node (l->doc, *item);
        if (!child)
            continue;
        if (child->type != YAML_SCALAR_NODE) {
            s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: %s must be a list of names",
                     l->path, sw_yaml_line (child), what);
            return -1;
        }
        const char *name = sw_yaml_text (child);
        if (name
            && s_add_name (l->self, name, kind, district, ref, l->path, sw_yaml_line (child), l->err,
                           l->errlen)
                   != 0)
            return -1;
    }
    return 0;
}

//  An item of tehsils or police_stations: a name, or {name, names}.
//  Gives the item's name in *name_p.
static int
s_named_item (s_loader_t *l, yaml_node_t *item, const char *what, const char **name_p,
              yaml_node_t **names_p)
{
    *names_p = NULL;
    if (item->type == YAML_SCALAR_NODE)
        *name_p = sw_yaml_text (item);
    else
    if (item->type == YAML_MAPPING_NODE) {
        *name_p = sw_yaml_text (sw_yaml_get (l->doc, item, "name"));
        *names_p = sw_yaml_get (l->doc, item, "names");
    }
    else {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: %s is not a name or a mapping",
                 l->path, sw_yaml_line (item), what);
        return -1;
    }
    if (!*name_p) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: %s has no name", l->path,
                 sw_yaml_line (item), what);
        return -1;
    }
    return 0;
}

static int
s_load_district (s_loader_t *l, yaml_node_t *node)
{
    cls_gazetteer_t *self = l->self;
    if (node->type != YAML_MAPPING_NODE) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: district is not a mapping",
                 l->path, sw_yaml_line (node));
        return -1;
    }
    const char *code = sw_yaml_text (sw_yaml_get (l->doc, node, "code"));
    const char *name = sw_yaml_text (sw_yaml_get (l->doc, node, "name"));
    if (!code) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: district has no code", l->path,
                 sw_yaml_line (node));
        return -1;
    }
    if (!name) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: district \"%s\" has no name",
                 l->path, sw_yaml_line (node), code);
        return -1;
    }
    for (size_t d = 0; d < self->ndistricts; d++)
        if (strcmp (self->districts[d].code, code) == 0) {
            s_error (l->err, l->errlen,
                     "gazetteer \"%s\" line %zu: duplicate district code \"%s\" (first at line %zu)",
                     l->path, sw_yaml_line (node), code, self->districts[d].line);
            return -1;
        }
    s_district_t *districts = s_reserve (self->districts, &self->districts_cap,
                                         self->ndistricts + 1, sizeof *districts);
    if (!districts)
        goto oom;
    self->districts = districts;
    size_t d = self->ndistricts;
    s_district_t *district = &self->districts[d];
    district->code = strdup (code);
    district->name = strdup (name);
    district->line = sw_yaml_line (node);
    self->ndistricts++;
    if (!district->code || !district->name)
        goto oom;

    //  "name" is the official label; it is also a key only when no "names"
    //  list is given, so that a curator can keep a name that is also a
    //  common word (BANDA, GAYA, MAU) out of matching.
    yaml_node_t *district_names = sw_yaml_get (l->doc, node, "names");
    if ((!district_names
         && s_add_name (self, name, CLS_PLACE_DISTRICT, d, S_NONE, l->path, sw_yaml_line (node), l->err,
                    l->errlen)
                != 0)
        || s_add_names (l, district_names, "names", CLS_PLACE_DISTRICT, d, S_NONE)
               != 0)
        return -1;

    yaml_node_t *tehsils = sw_yaml_get (l->doc, node, "tehsils");
    if (tehsils && tehsils->type != YAML_SEQUENCE_NODE) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: tehsils must be a list", l->path,
                 sw_yaml_line (tehsils));
        return -1;
    }
    for (yaml_node_item_t *item = tehsils ? tehsils->data.sequence.items.start : NULL;
         tehsils && item < tehsils->data.sequence.items.top; item++) {
        yaml_node_t *child = yaml_document_get_node (l->doc, *item);
        const char *tname;
        yaml_node_t *names;
        if (!child)
            continue;
        if (s_named_item (l, child, "tehsil", &tname, &names) != 0
            || (!names
                && s_add_name (self, tname, CLS_PLACE_TEHSIL, d, S_NONE, l->path, sw_yaml_line (child),
                               l->err, l->errlen)
                       != 0)
            || s_add_names (l, names, "tehsil names", CLS_PLACE_TEHSIL, d, S_NONE) != 0)
            return -1;
    }

    yaml_node_t *stations = sw_yaml_get (l->doc, node, "police_stations");
    if (stations && stations->type != YAML_SEQUENCE_NODE) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: police_stations must be a list",
                 l->path, sw_yaml_line (stations));
        return -1;
    }
    for (yaml_node_item_t *item = stations ? stations->data.sequence.items.start : NULL;
         stations && item < stations->data.sequence.items.top; item++) {
        yaml_node_t *child = yaml_document_get_node (l->doc, *item);
        const char *sname;
        yaml_node_t *names;
        if (!child)
            continue;
        if (s_named_item (l, child, "police station", &sname, &names) != 0)
            return -1;
        s_station_t *grown = s_reserve (self->stations, &self->stations_cap,
                                        self->nstations + 1, sizeof *grown);
        if (!grown)
            goto oom;
        self->stations = grown;
        size_t s = self->nstations;
        self->stations[s].name = strdup (sname);
        self->stations[s].district = d;
        self->nstations++;
        if (!self->stations[s].name)
            goto oom;
        if ((!names
             && s_add_name (self, sname, CLS_PLACE_POLICE_STATION, d, s, l->path, sw_yaml_line (child),
                            l->err, l->errlen)
                    != 0)
            || s_add_names (l, names, "police station names", CLS_PLACE_POLICE_STATION, d, s)
                   != 0)
            return -1;
    }
    return 0;
oom:
    s_error (l->err, l->errlen, "gazetteer \"%s\": out of memory", l->path);
    return -1;
}

static int
s_load_outside (s_loader_t *l, yaml_node_t *node)
{
    cls_gazetteer_t *self = l->self;
    if (node->type != YAML_MAPPING_NODE) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: outside place is not a mapping",
                 l->path, sw_yaml_line (node));
        return -1;
    }
    const char *name = sw_yaml_text (sw_yaml_get (l->doc, node, "name"));
    const char *police = sw_yaml_text (sw_yaml_get (l->doc, node, "police"));
    if (!name) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: outside place has no name",
                 l->path, sw_yaml_line (node));
        return -1;
    }
    s_outside_t *grown
        = s_reserve (self->outside, &self->outside_cap, self->noutside + 1, sizeof *grown);
    if (!grown) {
        s_error (l->err, l->errlen, "gazetteer \"%s\": out of memory", l->path);
        return -1;
    }
    self->outside = grown;
    size_t o = self->noutside;
    self->outside[o].name = strdup (name);
    self->outside[o].police = police ? strdup (police) : NULL;
    self->noutside++;
    if (!self->outside[o].name || (police && !self->outside[o].police)) {
        s_error (l->err, l->errlen, "gazetteer \"%s\": out of memory", l->path);
        return -1;
    }
    yaml_node_t *outside_names = sw_yaml_get (l->doc, node, "names");
    if ((!outside_names
         && s_add_name (self, name, CLS_PLACE_OUTSIDE, S_NONE, o, l->path, sw_yaml_line (node), l->err,
                        l->errlen)
                != 0)
        || s_add_names (l, outside_names, "names", CLS_PLACE_OUTSIDE, S_NONE, o)
               != 0)
        return -1;
    //  a complaint tagging that place's police (@DelhiPolice) points there
    if (police && police[0] == '@' && police[1]
        && s_add_name (self, police, CLS_PLACE_OUTSIDE, S_NONE, o, l->path, sw_yaml_line (node),
                       l->err, l->errlen)
               != 0)
        return -1;
    return 0;
}

static int
s_load_document (s_loader_t *l)
{
    cls_gazetteer_t *self = l->self;
    yaml_node_t *root = yaml_document_get_root_node (l->doc);
    if (!root) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" is empty", l->path);
        return -1;
    }
    if (root->type != YAML_MAPPING_NODE) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: not a mapping", l->path,
                 sw_yaml_line (root));
        return -1;
    }
    const char *state = sw_yaml_text (sw_yaml_get (l->doc, root, "state"));
    const char *name = sw_yaml_text (sw_yaml_get (l->doc, root, "name"));
    self->state = strdup (state ? state : "");
    self->state_name = strdup (name ? name : "");
    if (!self->state || !self->state_name) {
        s_error (l->err, l->errlen, "gazetteer \"%s\": out of memory", l->path);
        return -1;
    }
    yaml_node_t *districts = sw_yaml_get (l->doc, root, "districts");
    if (!districts || districts->type != YAML_SEQUENCE_NODE
        || districts->data.sequence.items.start == districts->data.sequence.items.top) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: districts must be a non-empty list",
                 l->path, sw_yaml_line (districts ? districts : root));
        return -1;
    }
    for (yaml_node_item_t *item = districts->data.sequence.items.start;
         item < districts->data.sequence.items.top; item++) {
        yaml_node_t *node = yaml_document_get_node (l->doc, *item);
        if (node && s_load_district (l, node) != 0)
            return -1;
    }
    yaml_node_t *outside = sw_yaml_get (l->doc, root, "outside");
    if (outside && outside->type != YAML_SEQUENCE_NODE) {
        s_error (l->err, l->errlen, "gazetteer \"%s\" line %zu: outside must be a list", l->path,
                 sw_yaml_line (outside));
        return -1;
    }
    for (yaml_node_item_t *item = outside ? outside->data.sequence.items.start : NULL;
         outside && item < outside->data.sequence.items.top; item++) {
        yaml_node_t *node = yaml_document_get_node (l->doc, *item);
        if (node && s_load_outside (l, node) != 0)
            return -1;
    }
    return 0;
}

cls_gazetteer_t *
cls_gazetteer_load (const char *path, char *err, size_t errlen)
{
    if (!path) {
        s_error (err, errlen, "gazetteer: no path given");
        return NULL;
    }
    FILE *file = fopen (path, "rb");
    if (!file) {
        s_error (err, errlen, "gazetteer \"%s\": %s", path, strerror (errno));
        return NULL;
    }
    cls_gazetteer_t *self = calloc (1, sizeof *self);
    if (!self || s_node_new (self, -1, 0) != 0) {
        free (self);
        fclose (file);
        s_error (err, errlen, "gazetteer \"%s\": out of memory", path);
        return NULL;
    }
    cls_tokens_init (&self->tokens);

    yaml_parser_t parser;
    yaml_document_t doc;
    int rc = 0;
    yaml_parser_initialize (&parser);
    yaml_parser_set_input_file (&parser, file);
    if (!yaml_parser_load (&parser, &doc)) {
        s_error (err, errlen, "gazetteer \"%s\" line %zu: %s%s%s", path,
                 parser.problem_mark.line + 1, parser.context ? parser.context : "",
                 parser.context ? ": " : "", parser.problem ? parser.problem : "syntax error");
        rc = -1;
    }
    else {
        s_loader_t loader = { self, &doc, path, err, errlen };
        rc = s_load_document (&loader);
        yaml_document_delete (&doc);
    }
    yaml_parser_delete (&parser);
    fclose (file);
    cls_tokens_clear (&self->tokens);

    if (rc == 0 && s_compile (self) != 0) {
        s_error (err, errlen, "gazetteer \"%s\": out of memory", path);
        rc = -1;
    }
    if (rc != 0)
        cls_gazetteer_destroy (&self);
    return self;
}

void
cls_gazetteer_destroy (cls_gazetteer_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    cls_gazetteer_t *self = *self_p;
    free (self->state);
    free (self->state_name);
    for (size_t i = 0; i < self->ndistricts; i++) {
        free (self->districts[i].code);
        free (self->districts[i].name);
    }
    free (self->districts);
    for (size_t i = 0; i < self->nstations; i++)
        free (self->stations[i].name);
    free (self->stations);
    for (size_t i = 0; i < self->noutside; i++) {
        free (self->outside[i].name);
        free (self->outside[i].police);
    }
    free (self->outside);
    free (self->entries);
    free (self->nodes);
    s_symtab_free (&self->symbols);
    free (self->edges.keys);
    free (self->edges.to);
    cls_tokens_clear (&self->tokens);
    free (self);
    *self_p = NULL;
}

//  --------------------------------------------------------------------
//  Matching

typedef struct {
    int node;                    //  state where the name ends
    size_t start;                //  first token
    size_t end;                  //  one past the last token
} s_match_t;

typedef struct {
    cls_place_kind_t kind;       //  what it reads as
    size_t district;             //  resolved district, or S_NONE
    const char *station;         //  station name, or NULL
    size_t outside;              //  outside place, or S_NONE
    float confidence;            //  0..1
    int candidates;              //  districts it could mean
    size_t start;                //  first token
    size_t end;                  //  one past the last token
} s_reading_t;

//  Scratch for one call, all indexed by district.
typedef struct {
    cls_gazetteer_t *self;       //  the gazetteer
    size_t *kmark;               //  stamp: district seen for this kind
    size_t kstamp;               //  current stamp for kmark
    size_t *klist;               //  the distinct districts of one kind
    size_t *dmark;               //  stamp: district supported by this match
    size_t dstamp;               //  current stamp for dmark
    size_t *dlist;               //  the districts this match supports
    size_t *support;             //  names supporting each district
    size_t *nmark;               //  stamp: district named by this name
    size_t nstamp;               //  current stamp for nmark
} s_scratch_t;

//  The distinct districts that node's entries of kind name, in klist.
static size_t
s_kind_districts (s_scratch_t *x, int node, cls_place_kind_t kind)
{
    cls_gazetteer_t *self = x->self;
    size_t n = 0;
    x->kstamp++;
    for (int e = self->nodes[node].entries; e >= 0; e = self->entries[e].next) {
        s_entry_t *entry = &self->entries[e];
        if (entry->kind != kind || entry->district == S_NONE)
            continue;
        if (x->kmark[entry->district] != x->kstamp) {
            x->kmark[entry->district] = x->kstamp;
            x->klist[n++] = entry->district;
        }
    }
    return n;
}

//  The districts a match supports, in dlist and marked in dmark: every
//  district it names, and the district of a station or tehsil name that
//  belongs to one district only.
static size_t
s_match_support (s_scratch_t *x, int node)
{
    size_t n = 0;
    x->dstamp++;
    static const cls_place_kind_t kinds[]
        = { CLS_PLACE_DISTRICT, CLS_PLACE_POLICE_STATION, CLS_PLACE_TEHSIL };
    for (size_t k = 0; k < 3; k++) {
        size_t count = s_kind_districts (x, node, kinds[k]);
        if (kinds[k] != CLS_PLACE_DISTRICT && count != 1)
            continue;
        for (size_t i = 0; i < count; i++) {
            size_t d = x->klist[i];
            if (x->dmark[d] != x->dstamp) {
                x->dmark[d] = x->dstamp;
                x->dlist[n++] = d;
            }
        }
    }
    return n;
}

//  The station name of node's station entries in district (any district
//  if S_NONE); NULL if they name different stations.
static const char *
s_station_name (cls_gazetteer_t *self, int node, size_t district)
{
    const char *name = NULL;
    for (int e = self->nodes[node].entries; e >= 0; e = self->entries[e].next) {
        s_entry_t *entry = &self->entries[e];
        if (entry->kind != CLS_PLACE_POLICE_STATION
            || (district != S_NONE && entry->district != district))
            continue;
        const char *this_name = self->stations[entry->ref].name;
        if (!name)
            name = this_name;
        else
        if (strcmp (name, this_name) != 0)
            return NULL;
    }
    return name;
}

static bool
s_better (const s_reading_t *a, const s_reading_t *b)
{
    if (a->confidence != b->confidence)
        return a->confidence > b->confidence;
    if (s_rank[a->kind] != s_rank[b->kind])
        return s_rank[a->kind] > s_rank[b->kind];
    if (a->end - a->start != b->end - b->start)
        return a->end - a->start > b->end - b->start;
    return a->start < b->start;
}

static bool
s_more_specific (const s_reading_t *a, const s_reading_t *b)
{
    if (s_rank[a->kind] != s_rank[b->kind])
        return s_rank[a->kind] > s_rank[b->kind];
    if (a->end - a->start != b->end - b->start)
        return a->end - a->start > b->end - b->start;
    if (a->confidence != b->confidence)
        return a->confidence > b->confidence;
    return a->start < b->start;
}

static int
s_push_reading (s_reading_t **readings, size_t *count, size_t *cap, const s_reading_t *r)
{
    s_reading_t *grown = s_reserve (*readings, cap, *count + 1, sizeof *grown);
    if (!grown)
        return -1;
    *readings = grown;
    grown[(*count)++] = *r;
    return 0;
}

//  Readings of one match, appended to readings.
static int
s_read_match (s_scratch_t *x, const s_match_t *m, s_reading_t **readings, size_t *count,
              size_t *cap)
{
    cls_gazetteer_t *self = x->self;
    //  mark what this match supports itself, which must not count
    s_match_support (x, m->node);
    //  a district's own name means the district, even where a tehsil or
    //  station of that district has the same name (Jaipur, Allahabad)
    x->nstamp++;
    size_t named = s_kind_districts (x, m->node, CLS_PLACE_DISTRICT);
    for (size_t i = 0; i < named; i++)
        x->nmark[x->klist[i]] = x->nstamp;
    static const cls_place_kind_t kinds[]
        = { CLS_PLACE_POLICE_STATION, CLS_PLACE_TEHSIL, CLS_PLACE_DISTRICT };
    for (size_t k = 0; k < 3; k++) {
        cls_place_kind_t kind = kinds[k];
        size_t n = s_kind_districts (x, m->node, kind);
        if (kind != CLS_PLACE_DISTRICT) {
            size_t kept = 0;
            for (size_t i = 0; i < n; i++)
                if (x->nmark[x->klist[i]] != x->nstamp)
                    x->klist[kept++] = x->klist[i];
            n = kept;
        }
        if (n == 0)
            continue;
        s_reading_t r = { kind, S_NONE, NULL, S_NONE, s_base[kind], (int) n, m->start, m->end };
        size_t supported = 0, chosen = S_NONE;
        for (size_t i = 0; i < n; i++) {
            size_t d = x->klist[i];
            size_t others = x->support[d] - (x->dmark[d] == x->dstamp ? 1 : 0);
            if (others > 0) {
                supported++;
                chosen = d;
            }
        }
        if (n == 1) {
            r.district = x->klist[0];
            if (supported)
                r.confidence += (1.0f - r.confidence) / 2;
        }
        else
        if (supported == 1) {
            r.district = chosen;
            r.candidates = 1;
            r.confidence += (1.0f - r.confidence) / 2;
        }
        else
            r.confidence /= (float) n;
        if (kind == CLS_PLACE_POLICE_STATION) {
            r.station = s_station_name (self, m->node, r.district);
            //  several stations of one district: the district is known
            if (!r.station && r.district != S_NONE) {
                r.kind = CLS_PLACE_DISTRICT;
                if (r.confidence > s_base[CLS_PLACE_DISTRICT])
                    r.confidence = s_base[CLS_PLACE_DISTRICT];
            }
        }
        if (s_push_reading (readings, count, cap, &r) != 0)
            return -1;
    }
    for (int e = self->nodes[m->node].entries; e >= 0; e = self->entries[e].next)
        if (self->entries[e].kind == CLS_PLACE_OUTSIDE) {
            s_reading_t r = { CLS_PLACE_OUTSIDE, S_NONE, NULL, self->entries[e].ref,
                              s_base[CLS_PLACE_OUTSIDE], 0, m->start, m->end };
            if (s_push_reading (readings, count, cap, &r) != 0)
                return -1;
            break;
        }
    return 0;
}

static void
s_fill (cls_gazetteer_t *self, const s_reading_t *r, float confidence, cls_place_t *place)
{
    place->kind = r->kind;
    if (r->district != S_NONE) {
        place->district_code = self->districts[r->district].code;
        place->district_name = self->districts[r->district].name;
    }
    place->police_station = r->kind == CLS_PLACE_POLICE_STATION ? r->station : NULL;
    if (r->outside != S_NONE) {
        place->outside_name = self->outside[r->outside].name;
        place->outside_police = self->outside[r->outside].police;
    }
    place->confidence = confidence > 1.0f ? 1.0f : confidence;
    place->candidates = r->candidates;
    place->token_start = r->start;
    place->token_end = r->end;
}

//  By state, then position.
static int
s_match_compare (const void *a, const void *b)
{
    const s_match_t *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

//  All matches of the automaton over tokens.
static int
s_run (cls_gazetteer_t *self, const cls_tokens_t *tokens, s_match_t **matches, size_t *count)
{
    size_t cap = 0;
    int state = 0;
    for (size_t i = 0; i < tokens->count; i++) {
        const char *symbol = s_token_symbol (tokens, i);
        int sym = symbol ? s_symtab_find (&self->symbols, symbol) : -1;
        if (sym < 0) {
            state = 0;
            continue;
        }
        int next;
        while ((next = s_edges_get (&self->edges, state, sym)) < 0 && state != 0)
            state = self->nodes[state].fail;
        state = next >= 0 ? next : 0;
        int s = self->nodes[state].entries >= 0 ? state : self->nodes[state].output;
        for (; s >= 0; s = self->nodes[s].output) {
            s_match_t *grown = s_reserve (*matches, &cap, *count + 1, sizeof *grown);
            if (!grown)
                return -1;
            *matches = grown;
            s_match_t *m = &grown[(*count)++];
            m->node = s;
            m->end = i + 1;
            m->start = m->end - (size_t) self->nodes[s].depth;
        }
    }
    return 0;
}

bool
cls_gazetteer_match (cls_gazetteer_t *self, const cls_tokens_t *tokens, cls_place_t *place)
{
    if (!place)
        return false;
    memset (place, 0, sizeof *place);
    place->kind = CLS_PLACE_NONE;
    if (!self || !tokens || tokens->count == 0)
        return false;

    bool found = false;
    s_match_t *matches = NULL;
    size_t nmatches = 0;
    s_reading_t *readings = NULL;
    size_t nreadings = 0, readings_cap = 0;
    size_t *cover = NULL;
    s_scratch_t x = { self, NULL, 0, NULL, NULL, 0, NULL, NULL, NULL, 0 };
    size_t nd = self->ndistricts ? self->ndistricts : 1;

    if (s_run (self, tokens, &matches, &nmatches) != 0 || nmatches == 0)
        goto done;

    //  1. of overlapping matches, the longest wins
    cover = calloc (tokens->count, sizeof *cover);
    if (!cover)
        goto done;
    for (size_t i = 0; i < nmatches; i++)
        for (size_t t = matches[i].start; t < matches[i].end; t++)
            if (cover[t] < matches[i].end - matches[i].start)
                cover[t] = matches[i].end - matches[i].start;
    size_t kept = 0;
    for (size_t i = 0; i < nmatches; i++) {
        bool longest = true;
        for (size_t t = matches[i].start; t < matches[i].end && longest; t++)
            if (cover[t] > matches[i].end - matches[i].start)
                longest = false;
        if (longest)
            matches[kept++] = matches[i];
    }
    nmatches = kept;
    //  a name said twice is one name: keep its first occurrence, so that
    //  repeating a name neither corroborates it nor costs time
    qsort (matches, nmatches, sizeof *matches, s_match_compare);
    kept = 0;
    for (size_t i = 0; i < nmatches; i++)
        if (kept == 0 || matches[kept - 1].node != matches[i].node)
            matches[kept++] = matches[i];
    nmatches = kept;

    //  2. which districts each name supports
    x.kmark = calloc (nd, sizeof (size_t));
    x.klist = calloc (nd, sizeof (size_t));
    x.dmark = calloc (nd, sizeof (size_t));
    x.dlist = calloc (nd, sizeof (size_t));
    x.support = calloc (nd, sizeof (size_t));
    x.nmark = calloc (nd, sizeof (size_t));
    if (!x.kmark || !x.klist || !x.dmark || !x.dlist || !x.support || !x.nmark)
        goto done;
    for (size_t i = 0; i < nmatches; i++) {
        size_t n = s_match_support (&x, matches[i].node);
        for (size_t k = 0; k < n; k++)
            x.support[x.dlist[k]]++;
    }

    //  3. readings, resolved against the other matches
    for (size_t i = 0; i < nmatches; i++)
        if (s_read_match (&x, &matches[i], &readings, &nreadings, &readings_cap) != 0)
            goto done;

    //  4. the best reading inside the jurisdiction, else outside
    const s_reading_t *best = NULL;
    for (size_t i = 0; i < nreadings; i++)
        if (readings[i].kind != CLS_PLACE_OUTSIDE && (!best || s_better (&readings[i], best)))
            best = &readings[i];
    if (best) {
        const s_reading_t *report = best;
        if (best->district != S_NONE)
            for (size_t i = 0; i < nreadings; i++)
                if (readings[i].kind != CLS_PLACE_OUTSIDE
                    && readings[i].district == best->district
                    && s_more_specific (&readings[i], report))
                    report = &readings[i];
        s_fill (self, report, best->confidence, place);
        found = true;
    }
    else {
        for (size_t i = 0; i < nreadings; i++)
            if (!best || s_more_specific (&readings[i], best))
                best = &readings[i];
        if (best) {
            s_fill (self, best, best->confidence, place);
            found = true;
        }
    }
done:
    free (matches);
    free (readings);
    free (cover);
    free (x.kmark);
    free (x.klist);
    free (x.dmark);
    free (x.dlist);
    free (x.support);
    free (x.nmark);
    return found;
}

bool
cls_gazetteer_district (cls_gazetteer_t *self, const char *code_or_name, cls_place_t *place)
{
    if (!place)
        return false;
    memset (place, 0, sizeof *place);
    place->kind = CLS_PLACE_NONE;
    if (!self || !code_or_name)
        return false;
    //  By code, or by the official label (which need not be a match key).
    for (size_t d = 0; d < self->ndistricts; d++)
        if (strcmp (self->districts[d].code, code_or_name) == 0
            || strcasecmp (self->districts[d].name, code_or_name) == 0) {
            s_reading_t r = { CLS_PLACE_DISTRICT, d, NULL, S_NONE, 1.0f, 1, 0, 0 };
            s_fill (self, &r, 1.0f, place);
            return true;
        }
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    bool found = false;
    if (cls_text_tokens (code_or_name, &tokens) == 0 && tokens.count > 0) {
        int state = 0;
        for (size_t i = 0; i < tokens.count && state >= 0; i++) {
            const char *symbol = s_token_symbol (&tokens, i);
            int sym = symbol ? s_symtab_find (&self->symbols, symbol) : -1;
            state = sym >= 0 ? s_edges_get (&self->edges, state, sym) : -1;
        }
        size_t first = S_NONE;
        int n = 0;
        if (state >= 0)
            for (int e = self->nodes[state].entries; e >= 0; e = self->entries[e].next) {
                s_entry_t *entry = &self->entries[e];
                if (entry->kind != CLS_PLACE_DISTRICT)
                    continue;
                if (first == S_NONE)
                    first = entry->district;
                if (entry->district != first)
                    n++;
            }
        if (first != S_NONE) {
            s_reading_t r = { CLS_PLACE_DISTRICT, first, NULL, S_NONE, 1.0f, n + 1, 0,
                              tokens.count };
            s_fill (self, &r, 1.0f / (float) (n + 1), place);
            found = true;
        }
    }
    cls_tokens_clear (&tokens);
    return found;
}

size_t
cls_gazetteer_districts (cls_gazetteer_t *self)
{
    return self ? self->ndistricts : 0;
}

const char *
cls_gazetteer_state (cls_gazetteer_t *self)
{
    return self ? self->state : NULL;
}
