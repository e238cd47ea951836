/*  cls_model: the linear classifier and its file.

    Features.  Each token contributes its key (or, for the special tokens
    "<url>", "<num>", "@handle" ... whose key is "", the token itself) as a
    word unigram, each pair of neighbouring tokens a word bigram (with
    word_ngrams 2), and each word token the character n-grams,
    ngram_min..ngram_max code points long, of "<" key ">".  Every feature
    string is hashed with FNV-1a 64, seeded by a one-byte salt per feature
    type so that the unigram "ab" and the bigram of "a" and "b" differ, and
    the hash is mixed (multiplied by the golden-ratio constant) and cut to
    its top `bits` bits.  Counts per bucket are L2-normalised, so a long
    complaint and a short one weigh the same.

    Model.  Multinomial logistic regression: a bias and a weight per class
    for each bucket, stored bucket-major ([bucket][class]) so that a
    feature touches one contiguous run of floats.  Training is plain SGD on
    the log loss, one example at a time in an order shuffled every epoch by
    a xorshift64* generator seeded from options->seed; the learning rate
    falls linearly from learning_rate to zero over all steps; L2 decay is
    applied to the weights an example touches (the usual sparse
    approximation); the weights kept are the average over all steps
    (computed without a second pass: w_avg = w - u / t, where u sums
    t * update).  No clock, no threads, no other randomness: the same
    examples, labels and options give the same weights, bit for bit.

    Size.  With 16 classes, bits 20 would be 2^20 * 16 float32 = 64 MiB of
    weights; the default is bits 18 (16 MiB file, about the same resident
    in a worker).  More bits mean fewer collisions and a little more
    accuracy on a large corpus, at four times the memory per two bits;
    sunwai-train prints the size so an operator can choose.

    Defaults (cls_train_options_default) were chosen on 10% splits of
    data/training/train.jsonl only (means over three to six seeds; the held-out file
    was not looked at): char n-grams 3..5 beat 2..5 and 1..4 (short grams
    are common to every class and dilute the normalised vector), 20 epochs
    at learning rate 5 beat 10 epochs at 0.5 (which underfit badly), and
    L2 3e-3 beat 1e-6 (it shrinks features seen in every class, such as
    greetings and handles).  Bits 18, 19 and 20 scored the same on 3,500
    examples, so the smallest stayed.

    File.  Exactly as cls_model.h describes, little-endian on any host.
    The header's "created" comes from $SOURCE_DATE_EPOCH when it is set
    (the reproducible-builds convention), otherwise from the clock, so a
    file is byte-identical for the same data, options, version and
    SOURCE_DATE_EPOCH.  A file is written to "<path>.tmp" and renamed, so a
    worker never sees half a model.  Loading checks, in order: that the
    fixed part is there, the magic, that the header fits, that the header
    parses and has every field with a sane value (a header that does not is
    reported as a checksum mismatch if the checksum fails, since then the
    file is corrupt rather than badly written), the exact size the header
    implies, the SHA-256, and finally that every weight is finite. */
#include "cls_model.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define S_MAGIC       "SWCLS001"
#define S_MAGIC_LEN   8
#define S_DIGEST_LEN  32
#define S_MAX_HEADER  (1u << 20)
#define S_MAX_LABELS  256
#define S_BITS_MIN    8
#define S_BITS_MAX    24
#define S_NGRAM_MAX   10

struct _cls_model_t {
    char *version;            //  model version, stamped on classifications
    char *created;            //  RFC 3339 UTC time the model was trained
    int bits;                 //  log2 of hash buckets
    int ngram_min;            //  shortest character n-gram (0 or 1..)
    int ngram_max;            //  longest character n-gram (0: none)
    int word_ngrams;          //  1: unigrams, 2: also bigrams
    int epochs;               //  SGD passes it was trained with
    double learning_rate;     //  initial learning rate it was trained with
    double l2;                //  L2 regularisation it was trained with
    uint64_t seed;            //  shuffling seed it was trained with
    uint64_t train_examples;  //  examples it was trained on
    size_t nlabels;           //  number of classes
    char **labels;            //  class names, nlabels of them
    char **priorities;        //  "P1".."P3" for each class
    float *weights;           //  [2^bits][nlabels]
    float *bias;              //  [nlabels]
};

//  --------------------------------------------------------------------------
//  Features.

typedef struct {
    uint32_t index;    //  bucket
    float value;       //  normalised weight of the feature
} s_feature_t;

typedef struct {
    uint32_t *hashes;      //  buckets hit, with repeats
    size_t count;          //  how many
    size_t capacity;       //  allocated
    s_feature_t *items;    //  merged and normalised features
    size_t nitems;         //  how many
    bool failed;           //  an allocation failed
} s_features_t;

typedef struct {
    int bits;              //  log2 of buckets
    int ngram_min;         //  char n-grams from
    int ngram_max;         //  to
    int word_ngrams;       //  1 or 2
} s_shape_t;

#define S_FNV_BASIS  0xCBF29CE484222325ULL
#define S_FNV_PRIME  0x100000001B3ULL
#define S_SALT_WORD   'w'
#define S_SALT_BIGRAM 'b'
#define S_SALT_CHAR   'c'

static uint64_t
s_fnv (uint64_t hash, const void *data, size_t size)
{
    const unsigned char *bytes = (const unsigned char *) data;
    for (size_t i = 0; i < size; i++) {
        hash ^= bytes[i];
        hash *= S_FNV_PRIME;
    }
    return hash;
}

static uint64_t
s_fnv_salt (char salt)
{
    return s_fnv (S_FNV_BASIS, &salt, 1);
}

static void
s_features_add (s_features_t *self, const s_shape_t *shape, uint64_t hash)
{
    if (self->failed)
        return;
    if (self->count == self->capacity) {
        size_t capacity = self->capacity ? self->capacity * 2 : 256;
        uint32_t *hashes = realloc (self->hashes, capacity * sizeof (uint32_t));
        if (!hashes) {
            self->failed = true;
            return;
        }
        self->hashes = hashes;
        self->capacity = capacity;
    }
    hash *= 0x9E3779B97F4A7C15ULL;
    self->hashes[self->count++] = (uint32_t) (hash >> (64 - shape->bits));
}

static void
s_features_destroy (s_features_t *self)
{
    free (self->hashes);
    free (self->items);
    memset (self, 0, sizeof *self);
}


//  The string a token contributes as a word: its key, or itself.
static const char *
s_word (const cls_tokens_t *tokens, size_t i)
{
    const char *key = tokens->keys[i];
    return key && *key ? key : tokens->tokens[i];
}

//  Computes the normalised features of tokens into self. 0 or -1.
static int
s_features_compute (s_features_t *self, const s_shape_t *shape, const cls_tokens_t *tokens)
{
    self->count = 0;
    self->nitems = 0;
    uint64_t word_salt = s_fnv_salt (S_SALT_WORD);
    uint64_t bigram_salt = s_fnv_salt (S_SALT_BIGRAM);
    uint64_t char_salt = s_fnv_salt (S_SALT_CHAR);
    int nmin = shape->ngram_min < 1 ? 1 : shape->ngram_min;
    for (size_t i = 0; i < tokens->count; i++) {
        const char *word = s_word (tokens, i);
        size_t len = strlen (word);
        s_features_add (self, shape, s_fnv (word_salt, word, len));
        if (shape->word_ngrams >= 2 && i > 0) {
            const char *prev = s_word (tokens, i - 1);
            uint64_t hash = s_fnv (bigram_salt, prev, strlen (prev));
            hash = s_fnv (hash, "\x1F", 1);
            s_features_add (self, shape, s_fnv (hash, word, len));
        }
        const char *key = tokens->keys[i];
        if (!key || !*key || shape->ngram_max < nmin)
            continue;
        //  Character n-grams of "<key>", counted in code points: starts[]
        //  holds the byte offset of each code point and one past the end.
        size_t klen = strlen (key);
        size_t *starts = malloc ((klen + 3) * sizeof (size_t));
        char *marked = malloc (klen + 3);
        if (!starts || !marked) {
            free (starts);
            free (marked);
            self->failed = true;
            break;
        }
        marked[0] = '<';
        memcpy (marked + 1, key, klen);
        marked[klen + 1] = '>';
        marked[klen + 2] = '\0';
        size_t ncp = 0;
        for (size_t b = 0; b < klen + 2; b++)
            if (((unsigned char) marked[b] & 0xC0) != 0x80)
                starts[ncp++] = b;
        starts[ncp] = klen + 2;
        for (int n = nmin; n <= shape->ngram_max; n++)
            for (size_t s = 0; s + (size_t) n <= ncp; s++)
                s_features_add (self, shape,
                                s_fnv (char_salt, marked + starts[s],
                                       starts[s + (size_t) n] - starts[s]));
        free (starts);
        free (marked);
    }
    if (self->failed)
        return -1;
    if (self->count == 0)
        return 0;
    //  Merge repeats with a small open-addressing table (linear in the
    //  number of features; sorting them cost a quarter of the worker's
    //  time), then L2-normalise the counts.  Items keep first-seen order.
    size_t slots = 64;
    while (slots < self->count * 2)
        slots <<= 1;
    uint32_t *keys = malloc (slots * sizeof *keys);
    int32_t *index = malloc (slots * sizeof *index);
    free (self->items);
    self->items = malloc (self->count * sizeof (s_feature_t));
    if (!keys || !index || !self->items) {
        free (keys);
        free (index);
        self->failed = true;
        return -1;
    }
    memset (index, 0xff, slots * sizeof *index);
    for (size_t i = 0; i < self->count; i++) {
        uint32_t h = self->hashes[i];
        size_t slot = (h * 2654435761u) & (slots - 1);
        while (index[slot] >= 0 && keys[slot] != h)
            slot = (slot + 1) & (slots - 1);
        if (index[slot] < 0) {
            keys[slot] = h;
            index[slot] = (int32_t) self->nitems;
            self->items[self->nitems++] = (s_feature_t) { h, 0.0f };
        }
        self->items[index[slot]].value += 1.0f;
    }
    free (keys);
    free (index);
    double norm = 0;
    for (size_t i = 0; i < self->nitems; i++)
        norm += (double) self->items[i].value * (double) self->items[i].value;
    double scale = 1.0 / sqrt (norm);
    for (size_t i = 0; i < self->nitems; i++)
        self->items[i].value = (float) (self->items[i].value * scale);
    return 0;
}

//  Softmax of scores (double[n]) into probs; returns the argmax.
static int
s_softmax (double *scores, size_t n, float *probs)
{
    size_t best = 0;
    for (size_t k = 1; k < n; k++)
        if (scores[k] > scores[best])
            best = k;
    double top = scores[best];
    double sum = 0;
    for (size_t k = 0; k < n; k++) {
        scores[k] = exp (scores[k] - top);
        sum += scores[k];
    }
    for (size_t k = 0; k < n; k++) {
        scores[k] /= sum;
        if (probs)
            probs[k] = (float) scores[k];
    }
    return (int) best;
}

//  --------------------------------------------------------------------------
//  Options and priorities.

void
cls_train_options_default (cls_train_options_t *options)
{
    if (!options)
        return;
    options->bits = 18;
    options->ngram_min = 3;
    options->ngram_max = 5;
    options->word_ngrams = 2;
    options->epochs = 20;
    options->learning_rate = 5.0f;
    options->l2 = 3e-3f;
    options->seed = 1;
}

//  Priority of a category code: emergencies P1, matters needing no police
//  action P3, crimes and grievances (and any code we do not know) P2.
static const char *
s_priority (const char *label)
{
    static const char *p3[] = { "traffic", "nuisance", "information", "appreciation",
                                "spam", "not_police", NULL };
    if (strcmp (label, "emergency") == 0)
        return "P1";
    for (int i = 0; p3[i]; i++)
        if (strcmp (label, p3[i]) == 0)
            return "P3";
    return "P2";
}

//  --------------------------------------------------------------------------
//  The model object.

void
cls_model_destroy (cls_model_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    cls_model_t *self = *self_p;
    for (size_t i = 0; self->labels && i < self->nlabels; i++)
        free (self->labels[i]);
    for (size_t i = 0; self->priorities && i < self->nlabels; i++)
        free (self->priorities[i]);
    free (self->labels);
    free (self->priorities);
    free (self->version);
    free (self->created);
    free (self->weights);
    free (self->bias);
    free (self);
    *self_p = NULL;
}

static size_t
s_buckets (const cls_model_t *self)
{
    return (size_t) 1 << self->bits;
}

static s_shape_t
s_shape (const cls_model_t *self)
{
    return (s_shape_t) { self->bits, self->ngram_min, self->ngram_max, self->word_ngrams };
}

//  A model with labels and zeroed weights, or NULL.
static cls_model_t *
s_model_new (const char *const *labels, size_t nlabels, int bits)
{
    cls_model_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->bits = bits;
    self->nlabels = nlabels;
    self->labels = calloc (nlabels, sizeof (char *));
    self->priorities = calloc (nlabels, sizeof (char *));
    self->weights = calloc (((size_t) 1 << bits) * nlabels, sizeof (float));
    self->bias = calloc (nlabels, sizeof (float));
    bool ok = self->labels && self->priorities && self->weights && self->bias;
    for (size_t i = 0; ok && labels && i < nlabels; i++) {
        self->labels[i] = strdup (labels[i]);
        self->priorities[i] = strdup (s_priority (labels[i]));
        ok = self->labels[i] && self->priorities[i];
    }
    if (!ok)
        cls_model_destroy (&self);
    return self;
}

//  "created": $SOURCE_DATE_EPOCH if set, else now.
static char *
s_created (void)
{
    time_t now = time (NULL);
    const char *epoch = getenv ("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        errno = 0;
        long long value = strtoll (epoch, &end, 10);
        if (errno == 0 && *end == '\0' && value >= 0)
            now = (time_t) value;
    }
    struct tm tm;
    gmtime_r (&now, &tm);
    char text[32];
    strftime (text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return strdup (text);
}

//  xorshift64*: small, fast and the same everywhere.
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

cls_model_t *
cls_model_train (const cls_example_t *examples, size_t count, const char *const *labels,
                 size_t nlabels, const cls_train_options_t *options, const char *version)
{
    cls_train_options_t defaults;
    cls_train_options_default (&defaults);
    if (!options)
        options = &defaults;
    if (!examples || count == 0 || !labels || nlabels == 0 || nlabels > S_MAX_LABELS
        || options->bits < S_BITS_MIN || options->bits > S_BITS_MAX || options->ngram_min < 0
        || options->ngram_max < options->ngram_min || options->ngram_max > S_NGRAM_MAX
        || options->word_ngrams < 1 || options->word_ngrams > 2 || options->epochs < 0
        || !(options->learning_rate > 0) || !(options->l2 >= 0))
        return NULL;
    for (size_t i = 0; i < nlabels; i++)
        if (!labels[i] || !*labels[i])
            return NULL;
    for (size_t i = 0; i < count; i++)
        if (examples[i].label < 0 || (size_t) examples[i].label >= nlabels)
            return NULL;

    cls_model_t *self = s_model_new (labels, nlabels, options->bits);
    if (!self)
        return NULL;
    self->version = strdup (version && *version ? version : "unversioned");
    self->created = s_created ();
    self->ngram_min = options->ngram_min;
    self->ngram_max = options->ngram_max;
    self->word_ngrams = options->word_ngrams;
    self->epochs = options->epochs;
    self->learning_rate = options->learning_rate;
    self->l2 = options->l2;
    self->seed = options->seed;
    self->train_examples = count;

    //  Features of every example, computed once: offsets into one array.
    s_shape_t shape = s_shape (self);
    size_t *offsets = calloc (count + 1, sizeof (size_t));
    size_t *order = calloc (count, sizeof (size_t));
    s_feature_t *all = NULL;
    size_t used = 0, allocated = 0;
    size_t nweights = s_buckets (self) * nlabels;
    double *sums = calloc (nweights + nlabels, sizeof (double));
    double *scores = calloc (nlabels, sizeof (double));
    s_features_t features = { 0 };
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    bool ok = self->version && self->created && offsets && order && sums && scores;
    for (size_t i = 0; ok && i < count; i++) {
        ok = cls_text_tokens (examples[i].text ? examples[i].text : "", &tokens) == 0
             && s_features_compute (&features, &shape, &tokens) == 0;
        if (ok && used + features.nitems > allocated) {
            size_t want = allocated ? allocated * 2 : 65536;
            while (want < used + features.nitems)
                want *= 2;
            s_feature_t *grown = realloc (all, want * sizeof (s_feature_t));
            if (grown) {
                all = grown;
                allocated = want;
            }
            ok = grown != NULL;
        }
        if (ok && features.nitems) {
            memcpy (all + used, features.items, features.nitems * sizeof (s_feature_t));
            used += features.nitems;
        }
        offsets[i + 1] = used;
        order[i] = i;
    }
    cls_tokens_clear (&tokens);
    s_features_destroy (&features);

    //  SGD with averaging: sums[] accumulates step * update.
    uint64_t state = options->seed ^ 0x9E3779B97F4A7C15ULL;
    if (state == 0)
        state = 0x9E3779B97F4A7C15ULL;
    double total = (double) options->epochs * (double) count;
    double step = 1;       //  steps taken, plus one
    double *bias_sums = sums ? sums + nweights : NULL;
    float *w = self->weights;
    for (int epoch = 0; ok && epoch < options->epochs; epoch++) {
        for (size_t i = count - 1; i > 0; i--) {
            size_t j = (size_t) (s_random (&state) % (uint64_t) (i + 1));
            size_t swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (size_t n = 0; n < count; n++) {
            size_t e = order[n];
            double rate = options->learning_rate * (1.0 - (step - 1) / total);
            const s_feature_t *f = all ? all + offsets[e] : NULL;
            size_t nf = offsets[e + 1] - offsets[e];
            for (size_t k = 0; k < nlabels; k++)
                scores[k] = self->bias[k];
            for (size_t i = 0; i < nf; i++) {
                const float *row = w + (size_t) f[i].index * nlabels;
                for (size_t k = 0; k < nlabels; k++)
                    scores[k] += (double) f[i].value * row[k];
            }
            s_softmax (scores, nlabels, NULL);
            //  scores[] now holds probabilities; the gradient is p - y.
            scores[examples[e].label] -= 1.0;
            for (size_t k = 0; k < nlabels; k++) {
                double delta = -rate * scores[k];
                self->bias[k] += (float) delta;
                bias_sums[k] += step * delta;
            }
            for (size_t i = 0; i < nf; i++) {
                size_t base = (size_t) f[i].index * nlabels;
                for (size_t k = 0; k < nlabels; k++) {
                    double delta = -rate * (scores[k] * f[i].value + options->l2 * w[base + k]);
                    w[base + k] += (float) delta;
                    sums[base + k] += step * delta;
                }
            }
            step += 1;
        }
    }
    //  The average over all steps.
    if (ok && options->epochs > 0) {
        for (size_t i = 0; i < nweights; i++)
            w[i] = (float) (w[i] - sums[i] / step);
        for (size_t k = 0; k < nlabels; k++)
            self->bias[k] = (float) (self->bias[k] - bias_sums[k] / step);
    }
    free (offsets);
    free (order);
    free (all);
    free (sums);
    free (scores);
    if (!ok)
        cls_model_destroy (&self);
    return self;
}

const char *
cls_model_version (cls_model_t *self)
{
    return self ? self->version : NULL;
}

size_t
cls_model_labels (cls_model_t *self)
{
    return self ? self->nlabels : 0;
}

const char *
cls_model_label (cls_model_t *self, size_t index)
{
    return self && index < self->nlabels ? self->labels[index] : NULL;
}

const char *
cls_model_priority (cls_model_t *self, size_t index)
{
    return self && index < self->nlabels ? self->priorities[index] : NULL;
}

int
cls_model_predict_tokens (cls_model_t *self, const cls_tokens_t *tokens, float *probs)
{
    if (!self || !tokens)
        return -1;
    s_shape_t shape = s_shape (self);
    s_features_t features = { 0 };
    double *scores = calloc (self->nlabels, sizeof (double));
    if (!scores || s_features_compute (&features, &shape, tokens) != 0) {
        free (scores);
        s_features_destroy (&features);
        return -1;
    }
    for (size_t k = 0; k < self->nlabels; k++)
        scores[k] = self->bias[k];
    for (size_t i = 0; i < features.nitems; i++) {
        const float *row = self->weights + (size_t) features.items[i].index * self->nlabels;
        for (size_t k = 0; k < self->nlabels; k++)
            scores[k] += (double) features.items[i].value * row[k];
    }
    int best = s_softmax (scores, self->nlabels, probs);
    free (scores);
    s_features_destroy (&features);
    return best;
}

int
cls_model_predict (cls_model_t *self, const char *text, float *probs)
{
    if (!self)
        return -1;
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    int best = -1;
    if (cls_text_tokens (text ? text : "", &tokens) == 0)
        best = cls_model_predict_tokens (self, &tokens, probs);
    cls_tokens_clear (&tokens);
    return best;
}

//  --------------------------------------------------------------------------
//  The file.

static void
s_set_err (char *err, size_t errlen, const char *format, ...)
    __attribute__ ((format (printf, 3, 4)));

static void
s_set_err (char *err, size_t errlen, const char *format, ...)
{
    if (!err || errlen == 0)
        return;
    va_list args;
    va_start (args, format);
    vsnprintf (err, errlen, format, args);
    va_end (args);
}

static void
s_put_le32 (unsigned char *out, uint32_t value)
{
    out[0] = (unsigned char) value;
    out[1] = (unsigned char) (value >> 8);
    out[2] = (unsigned char) (value >> 16);
    out[3] = (unsigned char) (value >> 24);
}

static uint32_t
s_get_le32 (const unsigned char *in)
{
    return (uint32_t) in[0] | (uint32_t) in[1] << 8 | (uint32_t) in[2] << 16
           | (uint32_t) in[3] << 24;
}

//  The header text (JSON, keys sorted, compact). Caller frees.
static char *
s_header_text (cls_model_t *self)
{
    json_t *labels = json_array ();
    json_t *priorities = json_object ();
    for (size_t i = 0; labels && priorities && i < self->nlabels; i++) {
        json_array_append_new (labels, json_string (self->labels[i]));
        json_object_set_new (priorities, self->labels[i], json_string (self->priorities[i]));
    }
    json_t *header = json_object ();
    if (!header || !labels || !priorities) {
        json_decref (header);
        json_decref (labels);
        json_decref (priorities);
        return NULL;
    }
    json_object_set_new (header, "version", json_string (self->version));
    json_object_set_new (header, "created", json_string (self->created));
    json_object_set_new (header, "bits", json_integer (self->bits));
    json_object_set_new (header, "ngram_min", json_integer (self->ngram_min));
    json_object_set_new (header, "ngram_max", json_integer (self->ngram_max));
    json_object_set_new (header, "word_ngrams", json_integer (self->word_ngrams));
    json_object_set_new (header, "labels", labels);
    json_object_set_new (header, "priorities", priorities);
    json_object_set_new (header, "epochs", json_integer (self->epochs));
    json_object_set_new (header, "seed", json_integer ((json_int_t) self->seed));
    json_object_set_new (header, "train_examples",
                         json_integer ((json_int_t) self->train_examples));
    json_object_set_new (header, "learning_rate", json_real (self->learning_rate));
    json_object_set_new (header, "l2", json_real (self->l2));
    char *text = json_dumps (header, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION (9));
    json_decref (header);
    return text;
}

//  Writes n floats little-endian through the digest. 0 or -1.
static int
s_write_floats (FILE *file, EVP_MD_CTX *md, const float *values, size_t n)
{
    unsigned char chunk[65536];
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t bits;
        memcpy (&bits, &values[i], sizeof bits);
        s_put_le32 (chunk + used, bits);
        used += 4;
        if (used == sizeof chunk || i + 1 == n) {
            if (fwrite (chunk, 1, used, file) != used || EVP_DigestUpdate (md, chunk, used) != 1)
                return -1;
            used = 0;
        }
    }
    return 0;
}

int
cls_model_save (cls_model_t *self, const char *path, char *err, size_t errlen)
{
    if (!self || !path) {
        s_set_err (err, errlen, "no model or no path to save it to");
        return -1;
    }
    char *header = s_header_text (self);
    if (!header) {
        s_set_err (err, errlen, "out of memory");
        return -1;
    }
    size_t tmp_len = strlen (path) + 5;
    char *tmp = malloc (tmp_len);
    FILE *file = NULL;
    if (tmp) {
        snprintf (tmp, tmp_len, "%s.tmp", path);
        file = fopen (tmp, "wb");
    }
    if (!file) {
        s_set_err (err, errlen, "could not create model file \"%s\": %s", tmp ? tmp : path,
                   strerror (errno));
        free (tmp);
        free (header);
        return -1;
    }
    EVP_MD_CTX *md = EVP_MD_CTX_new ();
    unsigned char fixed[S_MAGIC_LEN + 4];
    memcpy (fixed, S_MAGIC, S_MAGIC_LEN);
    size_t hlen = strlen (header);
    s_put_le32 (fixed + S_MAGIC_LEN, (uint32_t) hlen);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    bool ok = md && EVP_DigestInit_ex (md, EVP_sha256 (), NULL) == 1
              && fwrite (fixed, 1, sizeof fixed, file) == sizeof fixed
              && EVP_DigestUpdate (md, fixed, sizeof fixed) == 1
              && fwrite (header, 1, hlen, file) == hlen
              && EVP_DigestUpdate (md, header, hlen) == 1
              && s_write_floats (file, md, self->weights, s_buckets (self) * self->nlabels) == 0
              && s_write_floats (file, md, self->bias, self->nlabels) == 0
              && EVP_DigestFinal_ex (md, digest, &dlen) == 1 && dlen == S_DIGEST_LEN
              && fwrite (digest, 1, S_DIGEST_LEN, file) == S_DIGEST_LEN;
    int saved_errno = errno;
    if (fclose (file) != 0)
        ok = false;
    EVP_MD_CTX_free (md);
    free (header);
    if (ok && rename (tmp, path) != 0) {
        saved_errno = errno;
        ok = false;
    }
    if (!ok) {
        s_set_err (err, errlen, "could not write model file \"%s\": %s", path,
                   strerror (saved_errno ? saved_errno : EIO));
        remove (tmp);
    }
    free (tmp);
    return ok ? 0 : -1;
}

//  SHA-256 of the first size bytes of file compared with the 32 after
//  them. 1 match, 0 mismatch, -1 read error.
static int
s_checksum_ok (FILE *file, size_t size)
{
    if (fseek (file, 0, SEEK_SET) != 0)
        return -1;
    EVP_MD_CTX *md = EVP_MD_CTX_new ();
    if (!md || EVP_DigestInit_ex (md, EVP_sha256 (), NULL) != 1) {
        EVP_MD_CTX_free (md);
        return -1;
    }
    unsigned char chunk[65536];
    size_t left = size;
    int rc = 0;
    while (left > 0) {
        size_t want = left < sizeof chunk ? left : sizeof chunk;
        if (fread (chunk, 1, want, file) != want || EVP_DigestUpdate (md, chunk, want) != 1) {
            rc = -1;
            break;
        }
        left -= want;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned char stored[S_DIGEST_LEN];
    unsigned int dlen = 0;
    if (rc == 0 && (EVP_DigestFinal_ex (md, digest, &dlen) != 1 || dlen != S_DIGEST_LEN
                    || fread (stored, 1, S_DIGEST_LEN, file) != S_DIGEST_LEN))
        rc = -1;
    if (rc == 0)
        rc = memcmp (digest, stored, S_DIGEST_LEN) == 0 ? 1 : 0;
    EVP_MD_CTX_free (md);
    return rc;
}

//  An integer field within [min, max]. 0, or -1 with the reason in err.
static int
s_field_int (json_t *header, const char *name, long long *value, long long min, long long max,
             char *why, size_t whylen)
{
    json_t *field = json_object_get (header, name);
    if (!field) {
        snprintf (why, whylen, "header field \"%s\" missing", name);
        return -1;
    }
    if (!json_is_integer (field) || json_integer_value (field) < min
        || json_integer_value (field) > max) {
        snprintf (why, whylen, "header field \"%s\" is invalid: must be an integer %lld..%lld",
                  name, min, max);
        return -1;
    }
    *value = json_integer_value (field);
    return 0;
}

static int
s_field_string (json_t *header, const char *name, const char **value, char *why, size_t whylen)
{
    json_t *field = json_object_get (header, name);
    if (!field) {
        snprintf (why, whylen, "header field \"%s\" missing", name);
        return -1;
    }
    if (!json_is_string (field)) {
        snprintf (why, whylen, "header field \"%s\" is invalid: must be a string", name);
        return -1;
    }
    *value = json_string_value (field);
    return 0;
}

//  Builds the model described by header (weights zeroed). NULL with why.
static cls_model_t *
s_model_from_header (json_t *header, char *why, size_t whylen)
{
    if (!json_is_object (header)) {
        snprintf (why, whylen, "header is not a JSON object");
        return NULL;
    }
    const char *version, *created;
    long long bits, nmin, nmax, word_ngrams, epochs, seed, examples;
    if (s_field_string (header, "version", &version, why, whylen) != 0
        || s_field_string (header, "created", &created, why, whylen) != 0
        || s_field_int (header, "bits", &bits, S_BITS_MIN, S_BITS_MAX, why, whylen) != 0
        || s_field_int (header, "ngram_min", &nmin, 0, S_NGRAM_MAX, why, whylen) != 0
        || s_field_int (header, "ngram_max", &nmax, nmin, S_NGRAM_MAX, why, whylen) != 0
        || s_field_int (header, "word_ngrams", &word_ngrams, 1, 2, why, whylen) != 0)
        return NULL;
    json_t *labels = json_object_get (header, "labels");
    if (!labels) {
        snprintf (why, whylen, "header field \"labels\" missing");
        return NULL;
    }
    size_t nlabels = json_array_size (labels);
    if (!json_is_array (labels) || nlabels == 0 || nlabels > S_MAX_LABELS) {
        snprintf (why, whylen,
                  "header field \"labels\" is invalid: must be an array of 1..%d strings",
                  S_MAX_LABELS);
        return NULL;
    }
    const char *names[S_MAX_LABELS];
    for (size_t i = 0; i < nlabels; i++) {
        names[i] = json_string_value (json_array_get (labels, i));
        bool duplicate = false;
        for (size_t j = 0; names[i] && j < i; j++)
            duplicate = duplicate || strcmp (names[i], names[j]) == 0;
        if (!names[i] || !*names[i] || duplicate) {
            snprintf (why, whylen,
                      "header field \"labels\" is invalid: entry %zu is %s", i,
                      duplicate ? "a duplicate" : "not a non-empty string");
            return NULL;
        }
    }
    json_t *priorities = json_object_get (header, "priorities");
    if (!priorities) {
        snprintf (why, whylen, "header field \"priorities\" missing");
        return NULL;
    }
    for (size_t i = 0; i < nlabels; i++) {
        const char *p = json_string_value (json_object_get (priorities, names[i]));
        if (!p || (strcmp (p, "P1") != 0 && strcmp (p, "P2") != 0 && strcmp (p, "P3") != 0)) {
            snprintf (why, whylen,
                      "header field \"priorities\" is invalid: label \"%s\" needs P1, P2 or P3",
                      names[i]);
            return NULL;
        }
    }
    if (s_field_int (header, "epochs", &epochs, 0, 1000000, why, whylen) != 0
        || s_field_int (header, "seed", &seed, INT64_MIN, INT64_MAX, why, whylen) != 0
        || s_field_int (header, "train_examples", &examples, 0, INT64_MAX, why, whylen) != 0)
        return NULL;
    cls_model_t *self = s_model_new (names, nlabels, (int) bits);
    if (!self) {
        snprintf (why, whylen, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < nlabels; i++) {
        free (self->priorities[i]);
        self->priorities[i] =
            strdup (json_string_value (json_object_get (priorities, names[i])));
    }
    self->version = strdup (version);
    self->created = strdup (created);
    self->ngram_min = (int) nmin;
    self->ngram_max = (int) nmax;
    self->word_ngrams = (int) word_ngrams;
    self->epochs = (int) epochs;
    self->seed = (uint64_t) seed;
    self->train_examples = (uint64_t) examples;
    json_t *rate = json_object_get (header, "learning_rate");
    json_t *l2 = json_object_get (header, "l2");
    self->learning_rate = json_is_number (rate) ? json_number_value (rate) : 0;
    self->l2 = json_is_number (l2) ? json_number_value (l2) : 0;
    bool ok = self->version && self->created;
    for (size_t i = 0; i < nlabels; i++)
        ok = ok && self->priorities[i];
    if (!ok) {
        snprintf (why, whylen, "out of memory");
        cls_model_destroy (&self);
    }
    return self;
}

//  Reads n little-endian floats. 0 or -1.
static int
s_read_floats (FILE *file, float *values, size_t n)
{
    if (fread (values, sizeof (float), n, file) != n)
        return -1;
    const uint16_t probe = 1;
    if (*(const unsigned char *) &probe == 0) {        //  a big-endian host
        for (size_t i = 0; i < n; i++) {
            uint32_t bits;
            memcpy (&bits, &values[i], sizeof bits);
            bits = s_get_le32 ((const unsigned char *) &bits);
            memcpy (&values[i], &bits, sizeof bits);
        }
    }
    return 0;
}

cls_model_t *
cls_model_load (const char *path, char *err, size_t errlen)
{
    if (!path) {
        s_set_err (err, errlen, "no model file given");
        return NULL;
    }
    FILE *file = fopen (path, "rb");
    struct stat st;
    if (!file || fstat (fileno (file), &st) != 0) {
        s_set_err (err, errlen, "could not open model file \"%s\": %s", path, strerror (errno));
        if (file)
            fclose (file);
        return NULL;
    }
    size_t size = (size_t) st.st_size;
    unsigned char fixed[S_MAGIC_LEN + 4];
    char *header_text = NULL;
    json_t *header = NULL;
    cls_model_t *self = NULL;
    char why[512] = "";

    if (size < sizeof fixed + S_DIGEST_LEN) {
        s_set_err (err, errlen, "model file \"%s\" is truncated: expected at least %zu bytes, found %zu",
                   path, sizeof fixed + S_DIGEST_LEN, size);
        goto done;
    }
    if (fread (fixed, 1, sizeof fixed, file) != sizeof fixed) {
        s_set_err (err, errlen, "could not read model file \"%s\": %s", path, strerror (errno));
        goto done;
    }
    if (memcmp (fixed, S_MAGIC, S_MAGIC_LEN) != 0) {
        s_set_err (err, errlen, "model file \"%s\" has a bad magic: expected \"%s\"", path,
                   S_MAGIC);
        goto done;
    }
    uint32_t hlen = s_get_le32 (fixed + S_MAGIC_LEN);
    if (hlen == 0 || hlen > S_MAX_HEADER) {
        //  A flipped length byte is corruption; a sane length that runs
        //  past the end of the file is truncation (below).
        s_set_err (err, errlen, "model file \"%s\" has a bad header length %u%s", path, hlen,
                   s_checksum_ok (file, size - S_DIGEST_LEN) == 1 ? "" : " (checksum mismatch)");
        goto done;
    }
    if (sizeof fixed + hlen + S_DIGEST_LEN > size) {
        s_set_err (err, errlen, "model file \"%s\" is truncated: expected at least %zu bytes, found %zu",
                   path, sizeof fixed + hlen + S_DIGEST_LEN, size);
        goto done;
    }
    header_text = malloc (hlen);
    if (!header_text || fread (header_text, 1, hlen, file) != hlen) {
        s_set_err (err, errlen, "could not read model file \"%s\": %s", path,
                   header_text ? strerror (errno) : "out of memory");
        goto done;
    }
    json_error_t jerr;
    header = json_loadb (header_text, hlen, 0, &jerr);
    if (!header)
        snprintf (why, sizeof why, "header is not valid JSON: %s (column %d)", jerr.text,
                  jerr.column);
    else
        self = s_model_from_header (header, why, sizeof why);
    if (!self) {
        int intact = s_checksum_ok (file, size - S_DIGEST_LEN);
        if (intact == 0)
            s_set_err (err, errlen, "model file \"%s\": checksum mismatch (%s)", path, why);
        else
            s_set_err (err, errlen, "model file \"%s\": %s", path, why);
        goto done;
    }
    size_t values = s_buckets (self) * self->nlabels + self->nlabels;
    size_t expected = sizeof fixed + hlen + values * sizeof (float) + S_DIGEST_LEN;
    if (size < expected) {
        s_set_err (err, errlen, "model file \"%s\" is truncated: expected %zu bytes, found %zu",
                   path, expected, size);
        cls_model_destroy (&self);
        goto done;
    }
    if (size > expected) {
        s_set_err (err, errlen, "model file \"%s\" is too long: expected %zu bytes, found %zu",
                   path, expected, size);
        cls_model_destroy (&self);
        goto done;
    }
    int intact = s_checksum_ok (file, size - S_DIGEST_LEN);
    if (intact != 1) {
        if (intact == 0)
            s_set_err (err, errlen, "model file \"%s\": checksum mismatch", path);
        else
            s_set_err (err, errlen, "could not read model file \"%s\": %s", path,
                       strerror (errno));
        cls_model_destroy (&self);
        goto done;
    }
    if (fseek (file, (long) (sizeof fixed + hlen), SEEK_SET) != 0
        || s_read_floats (file, self->weights, s_buckets (self) * self->nlabels) != 0
        || s_read_floats (file, self->bias, self->nlabels) != 0) {
        s_set_err (err, errlen, "could not read model file \"%s\": %s", path, strerror (errno));
        cls_model_destroy (&self);
        goto done;
    }
    for (size_t i = 0; i < values; i++) {
        float v = i < values - self->nlabels ? self->weights[i]
                                             : self->bias[i - (values - self->nlabels)];
        if (!isfinite (v)) {
            s_set_err (err, errlen, "model file \"%s\": weights contain a non-finite value",
                       path);
            cls_model_destroy (&self);
            goto done;
        }
    }
done:
    json_decref (header);
    free (header_text);
    fclose (file);
    return self;
}
