/*  cls_engine: the classification of one complaint (see cls_engine.h).

    Location, in order of trust: the channel's place (an X place or a web
    form's locality) matched against the gazetteer; the text itself; the
    author's profile location, at 60% of its confidence because people
    complain about places they do not live in.  A place outside the
    jurisdiction is reported separately, so that router can reject with a
    pointer to the right police; an in-state match in the text wins over
    an outside one. */
#include "cls_engine.h"
#include "cls_lang.h"

#include <stdlib.h>
#include <string.h>

struct _cls_engine_t {
    cls_model_t *model;            //  the linear model
    cls_gazetteer_t *gazetteer;    //  the state's places, or NULL
    float review_threshold;        //  below it, needs_review
    float *probs;                  //  scratch: one probability per label
    size_t nlabels;                //  labels in the model
};

cls_engine_t *
cls_engine_new (const char *model_path, const char *gazetteer_path, float review_threshold,
                char *err, size_t errlen)
{
    cls_engine_t *self = calloc (1, sizeof *self);
    if (!self) {
        snprintf (err, errlen, "out of memory");
        return NULL;
    }
    self->model = cls_model_load (model_path, err, errlen);
    if (self->model && gazetteer_path && *gazetteer_path)
        self->gazetteer = cls_gazetteer_load (gazetteer_path, err, errlen);
    if (!self->model || (gazetteer_path && *gazetteer_path && !self->gazetteer)) {
        cls_engine_destroy (&self);
        return NULL;
    }
    self->review_threshold = review_threshold;
    self->nlabels = cls_model_labels (self->model);
    self->probs = calloc (self->nlabels ? self->nlabels : 1, sizeof (float));
    return self;
}

void
cls_engine_destroy (cls_engine_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    cls_engine_t *self = *self_p;
    cls_model_destroy (&self->model);
    cls_gazetteer_destroy (&self->gazetteer);
    free (self->probs);
    free (self);
    *self_p = NULL;
}

const char *
cls_engine_model_version (cls_engine_t *self)
{
    return cls_model_version (self->model);
}

size_t
cls_engine_labels (cls_engine_t *self)
{
    return self->nlabels;
}

const char *
cls_engine_label (cls_engine_t *self, size_t index)
{
    return cls_model_label (self->model, index);
}

//  Match a short string (place name, profile location) against the gazetteer.
static bool
s_match_string (cls_engine_t *self, const char *text, cls_place_t *place)
{
    if (!text || !*text || !self->gazetteer)
        return false;
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    bool found = cls_text_tokens (text, &tokens) == 0
                 && cls_gazetteer_match (self->gazetteer, &tokens, place);
    cls_tokens_clear (&tokens);
    return found;
}

static void
s_take_place (cls_result_t *r, const cls_place_t *place, const char *source, float scale)
{
    if (place->kind == CLS_PLACE_OUTSIDE) {
        r->outside_place = place->outside_name;
        r->outside_police = place->outside_police;
        return;
    }
    r->district_code = place->district_code;
    r->district_name = place->district_name;
    r->police_station = place->police_station;
    r->location_source = source;
    r->location_confidence = place->confidence * scale;
}

int
cls_engine_classify (cls_engine_t *self, const char *text, const char *place_name,
                     const char *profile_location, cls_result_t *r)
{
    memset (r, 0, sizeof *r);
    r->location_source = "none";
    cls_tokens_t tokens;
    cls_tokens_init (&tokens);
    if (cls_text_tokens (text ? text : "", &tokens) != 0)
        return -1;
    int best = cls_model_predict_tokens (self->model, &tokens, self->probs);
    r->category = cls_model_label (self->model, (size_t) best);
    r->confidence = self->probs[best];
    r->priority = cls_model_priority (self->model, (size_t) best);
    //  The next best labels, in order.
    bool used[256] = { false };
    used[best] = true;
    for (int k = 0; k < CLS_ENGINE_MAX_ALTERNATIVES && (size_t) k + 1 < self->nlabels; k++) {
        int pick = -1;
        for (size_t i = 0; i < self->nlabels && i < 256; i++)
            if (!used[i] && (pick < 0 || self->probs[i] > self->probs[pick]))
                pick = (int) i;
        if (pick < 0)
            break;
        used[pick] = true;
        r->alternatives[k] = cls_model_label (self->model, (size_t) pick);
        r->alternative_confidence[k] = self->probs[pick];
        r->nalternatives = k + 1;
    }
    r->needs_review = r->confidence < self->review_threshold;
    r->language = cls_lang_detect (&tokens);

    cls_place_t place;
    bool have = false;
    if (s_match_string (self, place_name, &place) && place.kind != CLS_PLACE_OUTSIDE
        && place.district_code) {
        s_take_place (r, &place, "place", 1.0f);
        have = true;
    }
    if (!have && self->gazetteer && cls_gazetteer_match (self->gazetteer, &tokens, &place)) {
        s_take_place (r, &place, "text", 1.0f);
        have = place.kind != CLS_PLACE_OUTSIDE && place.district_code;
    }
    if (!have && !r->outside_place && s_match_string (self, profile_location, &place)
        && place.kind != CLS_PLACE_OUTSIDE && place.district_code)
        s_take_place (r, &place, "profile", 0.6f);
    cls_tokens_clear (&tokens);
    r->npii = sw_pii_find (text ? text : "", r->pii, CLS_ENGINE_MAX_PII);
    return 0;
}

json_t *
cls_result_json (const cls_result_t *r, const char *model_version)
{
    json_t *alts = json_array ();
    for (int i = 0; i < r->nalternatives; i++)
        json_array_append_new (alts, json_pack ("{s:s,s:f}", "category", r->alternatives[i],
                                                "confidence",
                                                (double) r->alternative_confidence[i]));
    json_t *pii = json_array ();
    for (size_t i = 0; i < r->npii; i++)
        json_array_append_new (pii, json_pack ("{s:s,s:I,s:I}", "kind",
                                               sw_pii_kind_name (r->pii[i].kind), "start",
                                               (json_int_t) r->pii[i].start, "end",
                                               (json_int_t) r->pii[i].end));
    json_t *o = json_object ();
    json_object_set_new (o, "category", json_string (r->category));
    json_object_set_new (o, "confidence", json_real (r->confidence));
    json_object_set_new (o, "alternatives", alts);
    json_object_set_new (o, "priority", json_string (r->priority ? r->priority : "P2"));
    json_object_set_new (o, "language", json_string (r->language));
    json_object_set_new (o, "district_code",
                         r->district_code ? json_string (r->district_code) : json_null ());
    json_object_set_new (o, "district", r->district_name ? json_string (r->district_name)
                                                         : json_null ());
    json_object_set_new (o, "police_station", r->police_station ? json_string (r->police_station)
                                                                : json_null ());
    json_object_set_new (o, "location_source", json_string (r->location_source));
    json_object_set_new (o, "location_confidence", json_real (r->location_confidence));
    json_object_set_new (o, "outside_place", r->outside_place ? json_string (r->outside_place)
                                                              : json_null ());
    json_object_set_new (o, "outside_police", r->outside_police ? json_string (r->outside_police)
                                                                : json_null ());
    json_object_set_new (o, "pii", pii);
    json_object_set_new (o, "needs_review", json_boolean (r->needs_review));
    json_object_set_new (o, "model_version", json_string (model_version));
    return o;
}
