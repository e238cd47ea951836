/*  sunwai-train: learns the complaint classifier from labelled JSONL and
    measures it.

    Two modes:
        sunwai-train --train train.jsonl [--heldout heldout.jsonl] [--out model.bin]
        sunwai-train --eval heldout.jsonl --model model.bin [--json]

    Each input line is a JSON object with "text" and "category" (one of the
    16 category codes of DESIGN.md §5); other fields ("district", "lang",
    ids) are ignored.  A line that is not JSON, lacks a text or names an
    unknown category stops the program with the file and line number: a
    silently skipped line would be a silently different model.

    Training uses the categories present in the training data, sorted, as
    the model's labels.  Without --heldout it keeps back 10% of each
    category (chosen by --seed, so the same data and seed give the same
    split) and reports on those; with --db-labels it also learns from the
    officers' corrections in PostgreSQL (training_labels, the latest
    correction of each complaint), which are added to the training part
    only, so the reported figures stay comparable with a run without them.
    The report gives accuracy, macro-F1 (the mean F1 of the labels that
    occur in the gold data or the predictions), per-label precision, recall
    and F1, and the confusion matrix; --json prints it as one JSON object.
    District accuracy needs the gazetteer and is measured by the
    classifier, not here.

    The default model version is "sunwai-cls-YYYYMMDD-HASH": the UTC date
    ($SOURCE_DATE_EPOCH if set) and the first 8 hex digits of the SHA-256
    of the training examples.  "--version STR" sets it too: every other
    program uses --version alone to print its own version, and so does this
    one, so argv is rewritten to --model-version before sw_config sees it
    when a value follows. */
#include "cls_model.h"
#include "cls_text.h"
#include "sw_config.h"
#include "sw_db.h"
#include "sw_log.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

//  The training defaults are cls_train_options_default's (keep them equal):
//  chosen on 10% splits of data/training/train.jsonl, see cls_model.c.
static const sw_config_key_t s_keys[] = {
    { "train.data", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--train",
      "labelled JSONL to train on (one {\"text\", \"category\"} per line)" },
    { "train.heldout", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--heldout",
      "labelled JSONL to evaluate the new model on (default: 10% of --train)" },
    { "train.out", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--out",
      "where to write the model (without it the model is only evaluated)" },
    { "train.version", SW_CONFIG_STRING, "", 0, 0, NULL, false, "--model-version",
      "model version (also --version STR; default sunwai-cls-YYYYMMDD-HASH)" },
    { "train.seed", SW_CONFIG_INT, "1", 0, 2147483647L, NULL, false, "--seed",
      "seed for shuffling and the held-out split" },
    { "train.bits", SW_CONFIG_INT, "18", 8, 24, NULL, false, "--bits",
      "log2 of hash buckets (18: 16 MiB model with 16 labels; each +1 doubles it)" },
    { "train.epochs", SW_CONFIG_INT, "20", 1, 1000, NULL, false, "--epochs",
      "passes over the training data" },
    { "train.ngram_min", SW_CONFIG_INT, "3", 0, 10, NULL, false, "--ngram-min",
      "shortest character n-gram of a word's key" },
    { "train.ngram_max", SW_CONFIG_INT, "5", 0, 10, NULL, false, "--ngram-max",
      "longest character n-gram (0: none)" },
    { "train.word_ngrams", SW_CONFIG_INT, "2", 1, 2, NULL, false, "--word-ngrams",
      "1: word unigrams, 2: also bigrams" },
    { "train.learning_rate", SW_CONFIG_STRING, "5", 0, 0, NULL, false, "--lr",
      "initial SGD learning rate (falls linearly to 0)" },
    { "train.l2", SW_CONFIG_STRING, "3e-3", 0, 0, NULL, false, "--l2",
      "L2 regularisation" },
    { "train.db_labels", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, "--db-labels",
      "also learn from officers' corrections (training_labels, via db.url)" },
    { "eval.data", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--eval",
      "labelled JSONL to evaluate --model on" },
    { "eval.model", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--model",
      "model file to evaluate" },
    { "output.json", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, "--json",
      "print the evaluation as one JSON object" },
    { "db.url", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "PostgreSQL connection string (for --db-labels)" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

//  The category codes, sorted (DESIGN.md §5).
static const char *s_codes[] = {
    "appreciation", "assault", "crime_against_women", "cyber_fraud", "domestic_violence",
    "emergency", "information", "land_dispute", "missing_person", "not_police", "nuisance",
    "police_conduct", "spam", "theft", "traffic", "vehicle_theft"
};
#define S_NCODES (sizeof s_codes / sizeof s_codes[0])

static int
s_code_index (const char *category)
{
    for (size_t i = 0; i < S_NCODES; i++)
        if (strcmp (s_codes[i], category) == 0)
            return (int) i;
    return -1;
}

//  --------------------------------------------------------------------------
//  Labelled examples.

typedef struct {
    char *text;        //  complaint text
    int code;          //  index into s_codes
} s_item_t;

typedef struct {
    s_item_t *items;     //  examples in file order
    size_t count;        //  how many
    size_t capacity;     //  allocated
    bool districts;      //  some line had a "district" label
} s_set_t;

static void
s_set_clear (s_set_t *self)
{
    for (size_t i = 0; i < self->count; i++)
        free (self->items[i].text);
    free (self->items);
    memset (self, 0, sizeof *self);
}

//  Takes text. 0 or -1 (out of memory).
static int
s_set_add (s_set_t *self, char *text, int code)
{
    if (!text)
        return -1;
    if (self->count == self->capacity) {
        size_t capacity = self->capacity ? self->capacity * 2 : 1024;
        s_item_t *items = realloc (self->items, capacity * sizeof (s_item_t));
        if (!items) {
            free (text);
            return -1;
        }
        self->items = items;
        self->capacity = capacity;
    }
    self->items[self->count++] = (s_item_t) { text, code };
    return 0;
}

static void
s_error (const char *message, const char *hint)
{
    if (hint)
        sw_log_kv (SW_LOG_ERROR, message, "hint", hint, NULL);
    else
        sw_log_kv (SW_LOG_ERROR, message, NULL);
}

static const char *
s_codes_hint (void)
{
    static char hint[512];
    if (!hint[0]) {
        snprintf (hint, sizeof hint, "A category is one of:");
        for (size_t i = 0; i < S_NCODES; i++) {
            size_t len = strlen (hint);
            snprintf (hint + len, sizeof hint - len, " %s", s_codes[i]);
        }
        size_t len = strlen (hint);
        snprintf (hint + len, sizeof hint - len, ".");
    }
    return hint;
}

//  Reads labelled JSONL into set. 0, or -1 after logging why.
static int
s_read_jsonl (const char *path, s_set_t *set)
{
    char message[1024];
    FILE *file = fopen (path, "r");
    if (!file) {
        snprintf (message, sizeof message, "could not open labelled file \"%s\": %s", path,
                  strerror (errno));
        s_error (message, NULL);
        return -1;
    }
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    size_t number = 0;
    int rc = 0;
    while (rc == 0 && (len = getline (&line, &size, file)) >= 0) {
        number++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (strspn (line, " \t") == (size_t) len)
            continue;                               //  blank line
        json_error_t jerr;
        json_t *object = json_loadb (line, (size_t) len, 0, &jerr);
        const char *text = json_string_value (json_object_get (object, "text"));
        json_t *category = json_object_get (object, "category");
        const char *hint = NULL;
        message[0] = '\0';
        if (!object)
            snprintf (message, sizeof message, "\"%s\" line %zu: not valid JSON: %s", path,
                      number, jerr.text);
        else if (!json_is_object (object))
            snprintf (message, sizeof message, "\"%s\" line %zu: not a JSON object", path,
                      number);
        else if (!text || !*text)
            snprintf (message, sizeof message, "\"%s\" line %zu: missing \"text\"", path,
                      number);
        else if (!json_is_string (category))
            snprintf (message, sizeof message, "\"%s\" line %zu: missing \"category\"", path,
                      number);
        else if (s_code_index (json_string_value (category)) < 0) {
            snprintf (message, sizeof message, "\"%s\" line %zu: unknown category \"%s\"", path,
                      number, json_string_value (category));
            hint = s_codes_hint ();
        }
        if (message[0]) {
            s_error (message, hint);
            rc = -1;
        }
        else {
            if (json_object_get (object, "district"))
                set->districts = true;
            if (s_set_add (set, strdup (text), s_code_index (json_string_value (category)))
                != 0) {
                s_error ("out of memory", NULL);
                rc = -1;
            }
        }
        json_decref (object);
    }
    if (rc == 0 && ferror (file)) {
        snprintf (message, sizeof message, "could not read labelled file \"%s\": %s", path,
                  strerror (errno));
        s_error (message, NULL);
        rc = -1;
    }
    free (line);
    fclose (file);
    if (rc == 0 && set->count == 0) {
        snprintf (message, sizeof message, "labelled file \"%s\" has no examples", path);
        s_error (message, NULL);
        rc = -1;
    }
    return rc;
}

//  Officers' corrections: the latest label of each complaint.
static int
s_read_db_labels (const char *url, s_set_t *set)
{
    if (!url || !*url) {
        s_error ("missing required config key \"db.url\"",
                 "--db-labels reads PostgreSQL: set db.url in the config file, "
                 "SUNWAI_DB_URL in the environment, or --set db.url=VALUE.");
        return -2;
    }
    sw_db_t *db = sw_db_new (url);
    if (!db || sw_db_connect (db) != 0) {
        sw_db_destroy (&db);
        return -1;
    }
    PGresult *res = sw_db_query (db,
                                 "SELECT DISTINCT ON (complaint_id) id, text, category"
                                 " FROM training_labels ORDER BY complaint_id, id DESC",
                                 0, NULL);
    int rc = res ? 0 : -1;
    size_t added = 0, skipped = 0;
    for (int row = 0; res && row < PQntuples (res) && rc == 0; row++) {
        const char *text = PQgetvalue (res, row, 1);
        int code = s_code_index (PQgetvalue (res, row, 2));
        if (code < 0 || !*text) {
            skipped++;
            sw_log_kv (SW_LOG_WARN, "training label skipped: unknown category or empty text",
                       "training_label", PQgetvalue (res, row, 0), "category",
                       PQgetvalue (res, row, 2), NULL);
            continue;
        }
        rc = s_set_add (set, strdup (text), code);
        added++;
    }
    if (res) {
        char a[32], s[32];
        snprintf (a, sizeof a, "%zu", added);
        snprintf (s, sizeof s, "%zu", skipped);
        sw_log_kv (SW_LOG_INFO, "officers' corrections read", "added", a, "skipped", s, NULL);
        PQclear (res);
    }
    sw_db_destroy (&db);
    return rc;
}

//  xorshift64*, as the model uses, for the held-out split.
static uint64_t
s_random (uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

//  Moves about 10% of each category of all into heldout (at least one
//  when a category has two or more), the rest into train; all is emptied.
static int
s_split (s_set_t *all, uint64_t seed, s_set_t *train, s_set_t *heldout)
{
    uint64_t state = seed ^ 0xD1B54A32D192ED03ULL;
    if (state == 0)
        state = 1;
    bool *held = calloc (all->count ? all->count : 1, sizeof (bool));
    size_t *members = calloc (all->count ? all->count : 1, sizeof (size_t));
    if (!held || !members) {
        free (held);
        free (members);
        return -1;
    }
    for (size_t code = 0; code < S_NCODES; code++) {
        size_t n = 0;
        for (size_t i = 0; i < all->count; i++)
            if (all->items[i].code == (int) code)
                members[n++] = i;
        size_t take = (n + 5) / 10;
        if (take == 0 && n >= 2)
            take = 1;
        for (size_t i = 0; i < take; i++) {      //  partial Fisher-Yates
            size_t j = i + (size_t) (s_random (&state) % (uint64_t) (n - i));
            size_t swap = members[i];
            members[i] = members[j];
            members[j] = swap;
            held[members[i]] = true;
        }
    }
    int rc = 0;
    for (size_t i = 0; i < all->count && rc == 0; i++) {
        rc = s_set_add (held[i] ? heldout : train, all->items[i].text, all->items[i].code);
        all->items[i].text = NULL;
    }
    free (held);
    free (members);
    s_set_clear (all);
    return rc;
}

//  --------------------------------------------------------------------------
//  Evaluation.

typedef struct {
    size_t nclasses;       //  labels in the table (the model's, then others seen)
    const char **names;    //  their names, borrowed
    size_t *confusion;     //  [gold][predicted] counts
    size_t examples;       //  examples evaluated
    size_t correct;        //  of which right
} s_eval_t;

typedef struct {
    double precision;      //  right / predicted as the label
    double recall;         //  right / labelled so
    double f1;             //  their harmonic mean
    size_t support;        //  examples labelled so
    size_t predicted;      //  examples predicted as it
} s_score_t;

static s_score_t
s_score (const s_eval_t *self, size_t k)
{
    s_score_t score = { 0 };
    size_t n = self->nclasses;
    for (size_t j = 0; j < n; j++) {
        score.support += self->confusion[k * n + j];
        score.predicted += self->confusion[j * n + k];
    }
    size_t right = self->confusion[k * n + k];
    score.precision = score.predicted ? (double) right / (double) score.predicted : 0;
    score.recall = score.support ? (double) right / (double) score.support : 0;
    double sum = score.precision + score.recall;
    score.f1 = sum > 0 ? 2 * score.precision * score.recall / sum : 0;
    return score;
}

static double
s_macro_f1 (const s_eval_t *self)
{
    double sum = 0;
    size_t n = 0;
    for (size_t k = 0; k < self->nclasses; k++) {
        s_score_t score = s_score (self, k);
        if (score.support || score.predicted) {
            sum += score.f1;
            n++;
        }
    }
    return n ? sum / (double) n : 0;
}

//  Classifies every example of set with model. 0 or -1.
static int
s_evaluate (cls_model_t *model, const s_set_t *set, s_eval_t *eval)
{
    memset (eval, 0, sizeof *eval);
    size_t nlabels = cls_model_labels (model);
    eval->names = calloc (nlabels + S_NCODES, sizeof (char *));
    //  gold[code] is the table index of a category code.
    int gold[S_NCODES];
    for (size_t c = 0; c < S_NCODES; c++)
        gold[c] = -1;
    for (size_t k = 0; eval->names && k < nlabels; k++) {
        eval->names[eval->nclasses++] = cls_model_label (model, k);
        int code = s_code_index (cls_model_label (model, k));
        if (code >= 0)
            gold[code] = (int) k;
    }
    for (size_t i = 0; eval->names && i < set->count; i++)
        if (gold[set->items[i].code] < 0) {
            gold[set->items[i].code] = (int) eval->nclasses;
            eval->names[eval->nclasses++] = s_codes[set->items[i].code];
        }
    size_t n = eval->nclasses;
    eval->confusion = eval->names ? calloc (n ? n * n : 1, sizeof (size_t)) : NULL;
    float *probs = calloc (nlabels ? nlabels : 1, sizeof (float));
    int rc = eval->confusion && probs ? 0 : -1;
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    for (size_t i = 0; i < set->count && rc == 0; i++) {
        int predicted = -1;
        if (cls_text_tokens (set->items[i].text, &tokens) == 0)
            predicted = cls_model_predict_tokens (model, &tokens, probs);
        if (predicted < 0) {
            rc = -1;
            break;
        }
        size_t g = (size_t) gold[set->items[i].code];
        eval->confusion[g * n + (size_t) predicted]++;
        eval->examples++;
        if (g == (size_t) predicted)
            eval->correct++;
    }
    cls_tokens_clear (&tokens);
    free (probs);
    return rc;
}

static void
s_eval_clear (s_eval_t *self)
{
    free (self->names);
    free (self->confusion);
    memset (self, 0, sizeof *self);
}

static double
s_accuracy (const s_eval_t *self)
{
    return self->examples ? (double) self->correct / (double) self->examples : 0;
}

static void
s_print_eval (const s_eval_t *eval, bool districts)
{
    printf ("examples: %zu\n", eval->examples);
    printf ("accuracy: %.4f\n", s_accuracy (eval));
    printf ("macro-F1: %.4f\n", s_macro_f1 (eval));
    if (districts)
        printf ("district accuracy: n/a (needs --gazetteer)\n");
    printf ("\n%-3s %-22s %9s %9s %9s %8s\n", "#", "label", "precision", "recall", "f1",
            "support");
    for (size_t k = 0; k < eval->nclasses; k++) {
        s_score_t score = s_score (eval, k);
        printf ("%-3zu %-22s %9.4f %9.4f %9.4f %8zu\n", k + 1, eval->names[k], score.precision,
                score.recall, score.f1, score.support);
    }
    printf ("\nconfusion matrix (rows: true label, columns: predicted, numbered as above)\n");
    printf ("%-26s", "");
    for (size_t j = 0; j < eval->nclasses; j++)
        printf (" %5zu", j + 1);
    printf ("\n");
    for (size_t k = 0; k < eval->nclasses; k++) {
        printf ("%-3zu %-22s", k + 1, eval->names[k]);
        for (size_t j = 0; j < eval->nclasses; j++)
            printf (" %5zu", eval->confusion[k * eval->nclasses + j]);
        printf ("\n");
    }
}

//  The evaluation as a JSON object (new reference).
static json_t *
s_eval_json (const s_eval_t *eval, const char *version)
{
    json_t *root = json_object ();
    json_t *per_class = json_object ();
    json_t *confusion = json_object ();
    if (!root || !per_class || !confusion) {
        json_decref (root);
        json_decref (per_class);
        json_decref (confusion);
        return NULL;
    }
    json_object_set_new (root, "examples", json_integer ((json_int_t) eval->examples));
    json_object_set_new (root, "accuracy", json_real (s_accuracy (eval)));
    json_object_set_new (root, "macro_f1", json_real (s_macro_f1 (eval)));
    for (size_t k = 0; k < eval->nclasses; k++) {
        s_score_t score = s_score (eval, k);
        json_object_set_new (per_class, eval->names[k],
                             json_pack ("{s:f, s:f, s:f, s:I}", "precision", score.precision,
                                        "recall", score.recall, "f1", score.f1, "support",
                                        (json_int_t) score.support));
        json_t *row = json_object ();
        for (size_t j = 0; row && j < eval->nclasses; j++) {
            size_t count = eval->confusion[k * eval->nclasses + j];
            if (count)
                json_object_set_new (row, eval->names[j], json_integer ((json_int_t) count));
        }
        json_object_set_new (confusion, eval->names[k], row ? row : json_object ());
    }
    json_object_set_new (root, "per_class", per_class);
    json_object_set_new (root, "confusion", confusion);
    json_object_set_new (root, "model_version", json_string (version));
    return root;
}

static void
s_print_json (json_t *root)
{
    char *text = root ? json_dumps (root, JSON_COMPACT | JSON_REAL_PRECISION (6)) : NULL;
    if (text)
        printf ("%s\n", text);
    free (text);
}

//  --------------------------------------------------------------------------
//  The two modes.

static double
s_now (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

//  A positive finite number from a STRING key, or -1 after logging.
static int
s_number (sw_config_t *config, const char *name, bool zero_ok, float *value)
{
    const char *text = sw_config_str (config, name);
    char *end = NULL;
    errno = 0;
    double v = strtod (text, &end);
    if (errno || end == text || *end || !isfinite (v) || v < 0 || (!zero_ok && v == 0)) {
        char message[256];
        snprintf (message, sizeof message,
                  "invalid value for config key \"%s\": \"%s\" is not a %s number", name, text,
                  zero_ok ? "non-negative" : "positive");
        s_error (message, NULL);
        return -1;
    }
    *value = (float) v;
    return 0;
}

//  "sunwai-cls-YYYYMMDD-" and 8 hex digits of the SHA-256 of the data.
static void
s_default_version (const s_set_t *train, char *version, size_t size)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    EVP_MD_CTX *md = EVP_MD_CTX_new ();
    if (md && EVP_DigestInit_ex (md, EVP_sha256 (), NULL) == 1) {
        for (size_t i = 0; i < train->count; i++) {
            const char *code = s_codes[train->items[i].code];
            EVP_DigestUpdate (md, train->items[i].text, strlen (train->items[i].text));
            EVP_DigestUpdate (md, "\x1F", 1);
            EVP_DigestUpdate (md, code, strlen (code));
            EVP_DigestUpdate (md, "\n", 1);
        }
        EVP_DigestFinal_ex (md, digest, &dlen);
    }
    EVP_MD_CTX_free (md);
    time_t now = time (NULL);
    const char *epoch = getenv ("SOURCE_DATE_EPOCH");
    if (epoch && *epoch && strspn (epoch, "0123456789") == strlen (epoch))
        now = (time_t) strtoll (epoch, NULL, 10);
    struct tm tm;
    gmtime_r (&now, &tm);
    char date[16];
    strftime (date, sizeof date, "%Y%m%d", &tm);
    char hex[9] = "00000000";
    for (unsigned int i = 0; i < 4 && i < dlen; i++)
        snprintf (hex + 2 * i, 3, "%02x", digest[i]);
    snprintf (version, size, "sunwai-cls-%s-%s", date, hex);
}

static int
s_cmp_str (const void *a, const void *b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static int
s_run_train (sw_config_t *config)
{
    cls_train_options_t options;
    cls_train_options_default (&options);
    options.seed = (uint64_t) sw_config_int (config, "train.seed");
    options.bits = (int) sw_config_int (config, "train.bits");
    options.epochs = (int) sw_config_int (config, "train.epochs");
    options.ngram_min = (int) sw_config_int (config, "train.ngram_min");
    options.ngram_max = (int) sw_config_int (config, "train.ngram_max");
    options.word_ngrams = (int) sw_config_int (config, "train.word_ngrams");
    if (s_number (config, "train.learning_rate", false, &options.learning_rate) != 0
        || s_number (config, "train.l2", true, &options.l2) != 0)
        return 2;
    if (options.ngram_max && options.ngram_max < options.ngram_min) {
        char message[256];
        snprintf (message, sizeof message,
                  "invalid value for config key \"train.ngram_max\": \"%d\" is below "
                  "train.ngram_min (%d)",
                  options.ngram_max, options.ngram_min);
        s_error (message, NULL);
        return 2;
    }
    if (options.ngram_max == 0)
        options.ngram_min = 0;

    const char *train_path = sw_config_str (config, "train.data");
    const char *heldout_path = sw_config_str (config, "train.heldout");
    const char *out_path = sw_config_str (config, "train.out");
    bool json = sw_config_bool (config, "output.json");
    s_set_t all = { 0 }, train = { 0 }, heldout = { 0 };
    int rc = 0;
    if (s_read_jsonl (train_path, &all) != 0)
        rc = 1;
    else if (*heldout_path) {
        train = all;
        memset (&all, 0, sizeof all);
        if (s_read_jsonl (heldout_path, &heldout) != 0)
            rc = 1;
    }
    else if (s_split (&all, options.seed, &train, &heldout) != 0) {
        s_error ("out of memory", NULL);
        rc = 1;
    }
    if (rc == 0 && sw_config_bool (config, "train.db_labels")) {
        int db = s_read_db_labels (sw_config_str (config, "db.url"), &train);
        rc = db == -2 ? 2 : db != 0 ? 1 : 0;
    }

    //  Labels: the categories present in the training part, sorted.
    const char *labels[S_NCODES];
    size_t nlabels = 0;
    int label_of[S_NCODES];
    bool present[S_NCODES] = { false };
    for (size_t i = 0; rc == 0 && i < train.count; i++)
        present[train.items[i].code] = true;
    for (size_t c = 0; c < S_NCODES; c++)
        if (present[c])
            labels[nlabels++] = s_codes[c];
    qsort (labels, nlabels, sizeof (char *), s_cmp_str);
    for (size_t c = 0; c < S_NCODES; c++) {
        label_of[c] = -1;
        for (size_t k = 0; k < nlabels; k++)
            if (strcmp (labels[k], s_codes[c]) == 0)
                label_of[c] = (int) k;
    }
    if (rc == 0 && train.count == 0) {
        s_error ("no training examples left after the held-out split", NULL);
        rc = 1;
    }

    cls_example_t *examples = rc == 0 ? calloc (train.count, sizeof (cls_example_t)) : NULL;
    if (rc == 0 && !examples) {
        s_error ("out of memory", NULL);
        rc = 1;
    }
    for (size_t i = 0; rc == 0 && i < train.count; i++)
        examples[i] = (cls_example_t) { train.items[i].text, label_of[train.items[i].code] };

    char version[256];
    const char *given = sw_config_str (config, "train.version");
    if (given && *given)
        snprintf (version, sizeof version, "%s", given);
    else
        s_default_version (&train, version, sizeof version);

    cls_model_t *model = NULL;
    double seconds = 0;
    if (rc == 0) {
        if (!json) {
            printf ("training: %zu examples from %s%s, %zu labels\n", train.count, train_path,
                    sw_config_bool (config, "train.db_labels") ? " and training_labels" : "",
                    nlabels);
            printf ("held out: %zu examples%s%s\n", heldout.count,
                    *heldout_path ? " from " : " (10% of the training file)",
                    *heldout_path ? heldout_path : "");
            printf ("options: bits %d, char n-grams %d..%d, word n-grams %d, epochs %d, "
                    "learning rate %g, l2 %g, seed %llu\n",
                    options.bits, options.ngram_min, options.ngram_max, options.word_ngrams,
                    options.epochs, (double) options.learning_rate, (double) options.l2,
                    (unsigned long long) options.seed);
            fflush (stdout);
        }
        double start = s_now ();
        model = cls_model_train (examples, train.count, labels, nlabels, &options, version);
        seconds = s_now () - start;
        if (!model) {
            s_error ("could not train the model", "The options are checked by sw_config; "
                                                  "this is most likely out of memory.");
            rc = 1;
        }
        else if (!json)
            printf ("trained in %.1f s\n", seconds);
    }
    s_eval_t eval = { 0 };
    if (rc == 0 && heldout.count && s_evaluate (model, &heldout, &eval) != 0) {
        s_error ("could not evaluate the model: out of memory", NULL);
        rc = 1;
    }
    long long bytes = -1;
    if (rc == 0 && *out_path) {
        char err[512];
        struct stat st;
        if (cls_model_save (model, out_path, err, sizeof err) != 0) {
            s_error (err, NULL);
            rc = 1;
        }
        else if (stat (out_path, &st) == 0)
            bytes = (long long) st.st_size;
    }
    if (rc == 0 && json) {
        json_t *root = heldout.count ? s_eval_json (&eval, version) : json_object ();
        if (root) {
            json_object_set_new (root, "model_version", json_string (version));
            json_object_set_new (root, "train_examples", json_integer ((json_int_t) train.count));
            json_object_set_new (root, "train_seconds", json_real (seconds));
            if (bytes >= 0) {
                json_object_set_new (root, "model_path", json_string (out_path));
                json_object_set_new (root, "model_bytes", json_integer (bytes));
            }
        }
        s_print_json (root);
        json_decref (root);
    }
    else if (rc == 0) {
        if (heldout.count) {
            printf ("\nheld-out evaluation (model %s)\n", version);
            s_print_eval (&eval, false);
        }
        if (bytes >= 0)
            printf ("\nmodel %s written to %s (%lld bytes, %.1f MiB)\n", version, out_path, bytes,
                    (double) bytes / (1024.0 * 1024.0));
        else
            printf ("\nmodel %s not written (no --out)\n", version);
    }
    s_eval_clear (&eval);
    cls_model_destroy (&model);
    free (examples);
    s_set_clear (&all);
    s_set_clear (&train);
    s_set_clear (&heldout);
    return rc;
}

static int
s_run_eval (sw_config_t *config)
{
    const char *model_path = sw_config_str (config, "eval.model");
    if (!*model_path) {
        s_error ("--eval needs --model", "Run sunwai-train --eval FILE --model MODEL.");
        return 2;
    }
    char err[512];
    cls_model_t *model = cls_model_load (model_path, err, sizeof err);
    if (!model) {
        s_error (err, NULL);
        return 1;
    }
    s_set_t set = { 0 };
    s_eval_t eval = { 0 };
    int rc = 0;
    if (s_read_jsonl (sw_config_str (config, "eval.data"), &set) != 0)
        rc = 1;
    else if (s_evaluate (model, &set, &eval) != 0) {
        s_error ("could not evaluate the model: out of memory", NULL);
        rc = 1;
    }
    if (rc == 0 && sw_config_bool (config, "output.json")) {
        json_t *root = s_eval_json (&eval, cls_model_version (model));
        s_print_json (root);
        json_decref (root);
    }
    else if (rc == 0) {
        printf ("model %s on %s\n", cls_model_version (model),
                sw_config_str (config, "eval.data"));
        s_print_eval (&eval, set.districts);
    }
    s_eval_clear (&eval);
    s_set_clear (&set);
    cls_model_destroy (&model);
    return rc;
}

//  A copy of argv where "--version STR" and "--version=STR" name the model
//  version; "--version" alone (or before another flag) still prints the
//  program's version.  Strings it makes go in owned[i]. NULL if out of
//  memory.
static char **
s_rewrite_args (int argc, char **argv, char **owned)
{
    char **args = calloc ((size_t) argc + 1, sizeof (char *));
    for (int i = 0; args && i < argc; i++) {
        args[i] = argv[i];
        if (i > 0 && strcmp (argv[i], "--version") == 0 && i + 1 < argc && argv[i + 1][0] != '-')
            args[i] = "--model-version";
        else if (i > 0 && strncmp (argv[i], "--version=", 10) == 0) {
            size_t len = strlen (argv[i]) + 8;
            owned[i] = malloc (len);
            if (!owned[i]) {
                free (args);
                return NULL;
            }
            snprintf (owned[i], len, "--model-version=%s", argv[i] + 10);
            args[i] = owned[i];
        }
    }
    return args;
}

int
main (int argc, char **argv)
{
    const char *summary =
        "Train the complaint classifier, or measure a model.\n\n"
        "Usage:\n"
        "  sunwai-train --train FILE.jsonl [--heldout FILE.jsonl] [--out MODEL] [--json]\n"
        "  sunwai-train --eval FILE.jsonl --model MODEL [--json]\n\n"
        "Each line of a labelled file is {\"text\": ..., \"category\": ...}.";
    char **owned = calloc ((size_t) argc + 1, sizeof (char *));
    char **args = owned ? s_rewrite_args (argc, argv, owned) : NULL;
    if (!args) {
        free (owned);
        return 1;
    }
    sw_config_t *config = sw_config_new ("sunwai-train", summary, s_keys);
    int loaded = config ? sw_config_load (config, argc, args) : -1;
    int rc = loaded < 0 ? 2 : 0;
    if (loaded == 0) {
        bool train = *sw_config_str (config, "train.data") != '\0';
        bool eval = *sw_config_str (config, "eval.data") != '\0';
        if (train && eval) {
            s_error ("--train and --eval cannot be used together",
                     "To evaluate a new model on a file, give it as --heldout.");
            rc = 2;
        }
        else if (train)
            rc = s_run_train (config);
        else if (eval)
            rc = s_run_eval (config);
        else {
            s_error ("nothing to do", "Run sunwai-train --train FILE --out MODEL, or "
                                      "sunwai-train --eval FILE --model MODEL.");
            rc = 2;
        }
    }
    sw_config_destroy (&config);
    for (int i = 0; i < argc; i++)
        free (owned[i]);
    free (owned);
    free (args);
    return rc;
}
