/*  cls_engine: one complaint in, one classification out.

    Owns the loaded model and gazetteer and runs, for one text: tokenise
    once, score the model, detect the language, find the place, find the
    personal data.  The worker (classifier.c) and the --stdin mode both use
    it, so they cannot disagree.  Read-only after load: one engine may
    serve one thread. */
#ifndef CLS_ENGINE_H
#define CLS_ENGINE_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "cls_gazetteer.h"
#include "cls_model.h"
#include "sw_pii.h"

#define CLS_ENGINE_MAX_ALTERNATIVES 3
#define CLS_ENGINE_MAX_PII 32

typedef struct _cls_engine_t cls_engine_t;

//  What one complaint is about, where, and what personal data it holds.
//  Strings are borrowed from the engine (model labels, gazetteer names).
typedef struct {
    const char *category;                  //  best label
    float confidence;                      //  its probability
    const char *alternatives[CLS_ENGINE_MAX_ALTERNATIVES];  //  next best labels
    float alternative_confidence[CLS_ENGINE_MAX_ALTERNATIVES];
    int nalternatives;                     //  how many
    const char *priority;                  //  "P1", "P2", "P3"
    const char *language;                  //  hi, hi-Latn, en, mixed, und
    const char *district_code;             //  LGD code, or NULL
    const char *district_name;             //  official name, or NULL
    const char *police_station;            //  or NULL
    const char *location_source;           //  place, text, profile, none
    float location_confidence;             //  0..1
    const char *outside_place;             //  named place outside the jurisdiction, or NULL
    const char *outside_police;            //  who serves it, or NULL
    sw_pii_span_t pii[CLS_ENGINE_MAX_PII];  //  personal data spans
    size_t npii;                           //  how many
    bool needs_review;                     //  confidence below the threshold
} cls_result_t;

//  Load model and gazetteer (gazetteer_path may be NULL: no places).
//  NULL with a reason in err.
cls_engine_t *cls_engine_new (const char *model_path, const char *gazetteer_path,
                              float review_threshold, char *err, size_t errlen);
void cls_engine_destroy (cls_engine_t **self_p);
const char *cls_engine_model_version (cls_engine_t *self);
//  The model's labels: how many, and each (the strings results point to).
size_t cls_engine_labels (cls_engine_t *self);
const char *cls_engine_label (cls_engine_t *self, size_t index);

//  Classify text. place_name (from the channel's geo/place) and
//  profile_location (the author's profile) may be NULL. 0, or -1 if out
//  of memory.
int cls_engine_classify (cls_engine_t *self, const char *text, const char *place_name,
                         const char *profile_location, cls_result_t *result);

//  The result as a JSON object (the --stdin output format).
json_t *cls_result_json (const cls_result_t *result, const char *model_version);

#endif
