/*  cls_model: the linear classifier and its file.

    Features: hashed word unigrams and bigrams over the romanised keys,
    plus character n-grams (3..5 by default) of each key with boundary marks, hashed
    (FNV-1a 64) into 2^bits buckets.  Model: multinomial logistic
    regression, weights [buckets x classes] (float), trained by SGD with
    averaging; deterministic for a given seed.

    File format (little-endian):
        "SWCLS001" magic (8 bytes)
        header length (uint32) + header: JSON text {"version", "created",
            "bits", "ngram_min", "ngram_max", "word_ngrams", "labels": [...],
            "priorities": {label: "P1".."P3"}, "epochs", "seed", "train_examples"}
        weights: buckets * classes float32
        bias: classes float32
        SHA-256 of everything before it (32 bytes)
    A file that is truncated, has a wrong magic, a header that does not parse,
    sizes that do not match, or a bad checksum is refused with a message
    saying which. */
#ifndef CLS_MODEL_H
#define CLS_MODEL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cls_text.h"

typedef struct _cls_model_t cls_model_t;

typedef struct {
    int bits;             //  log2 of hash buckets (default 18)
    int ngram_min;        //  char n-grams from (default 3)
    int ngram_max;        //  to (default 5)
    int word_ngrams;      //  1 or 2 (default 2)
    int epochs;           //  SGD passes (default 20)
    float learning_rate;  //  initial (default 5)
    float l2;             //  regularisation (default 3e-3)
    uint64_t seed;        //  shuffling (default 1)
} cls_train_options_t;

void cls_train_options_default (cls_train_options_t *options);

typedef struct {
    const char *text;      //  the complaint text
    int label;             //  index into labels
} cls_example_t;

//  Train on examples with the given label names. NULL on failure.
cls_model_t *cls_model_train (const cls_example_t *examples, size_t count,
                              const char *const *labels, size_t nlabels,
                              const cls_train_options_t *options, const char *version);
//  Load a model file. NULL with a reason in err.
cls_model_t *cls_model_load (const char *path, char *err, size_t errlen);
//  Write a model file. 0 or -1 with err.
int cls_model_save (cls_model_t *self, const char *path, char *err, size_t errlen);
void cls_model_destroy (cls_model_t **self_p);

const char *cls_model_version (cls_model_t *self);
size_t cls_model_labels (cls_model_t *self);
const char *cls_model_label (cls_model_t *self, size_t index);
//  Priority of a label from the file's "priorities": "P1".."P3".
const char *cls_model_priority (cls_model_t *self, size_t index);

//  Probabilities for each label into probs (size cls_model_labels).
//  Returns the index of the best label.
int cls_model_predict (cls_model_t *self, const char *text, float *probs);
//  Same from pre-computed tokens (the worker tokenises once).
int cls_model_predict_tokens (cls_model_t *self, const cls_tokens_t *tokens, float *probs);

#endif
