/*  sunwai-classifier: a stateless worker.  PULLs complaints from ingest,
    fills in their classification (cls_engine: category with confidence and
    alternatives, priority, language, district and police station with how
    they were found, personal-data spans, the needs-review flag and the
    model version), PUSHes them to router.  Workers connect and never bind,
    so an operator scales them by starting more; a worker that dies loses
    at most what it held, which ingest's re-driver sends again.

    The model and gazetteer are loaded once at start.  Paths default to
    models/default.model and deploy/<state>/gazetteer.yaml under the
    current directory, then under <binary>/../share/sunwai/ (where the
    build and the container put them).

    --stdin classifies JSONL from standard input without any socket or
    database: each line {"text": ..., optional "place": ..., "user":
    {"location": ...}} gives one JSON line out (cls_result_json). */
#include "classifier.h"
#include "cls_engine.h"
#include "sw_frame.h"
#include "sw_log.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const sw_config_key_t s_keys[] = {
    { "state", SW_CONFIG_STRING, "up", 0, 0, NULL, false, "--state",
      "deployment code of the state (up, uttarakhand, rajasthan, bihar, bengaluru)" },
    { "http.port", SW_CONFIG_INT, "9102", 0, 65535, NULL, false, NULL,
      "TCP port for /healthz, /readyz and /metrics" },
    { "in.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5557", 0, 0, NULL, false, NULL,
      "PULL socket for complaints from ingest" },
    { "out.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5558", 0, 0, NULL, false, NULL,
      "PUSH socket for classified complaints to router" },
    { "model.path", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--model",
      "model file; empty: models/default.model here or in <binary>/../share/sunwai" },
    { "gazetteer.path", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--gazetteer",
      "gazetteer file; empty: deploy/<state>/gazetteer.yaml here or in <binary>/../share/sunwai" },
    { "review.threshold_pct", SW_CONFIG_INT, "55", 0, 100, NULL, false, NULL,
      "below this confidence (percent) a classification is flagged for review" },
    { "stdin", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, "--stdin",
      "classify JSONL from standard input to standard output, then exit" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

//  The file as sw_service_find_file finds it, or the relative path itself
//  so that the error names what was looked for.  Caller frees.
static char *
s_find (const char *configured, const char *relative)
{
    char *found = sw_service_find_file (configured, relative);
    return found ? found : strdup (relative);
}

static cls_engine_t *
s_engine (sw_config_t *config)
{
    char gazetteer[256];
    snprintf (gazetteer, sizeof gazetteer, "deploy/%s/gazetteer.yaml",
              sw_config_str (config, "state"));
    char *model_path = s_find (sw_config_str (config, "model.path"), "models/default.model");
    char *gazetteer_path = s_find (sw_config_str (config, "gazetteer.path"), gazetteer);
    char err[512];
    cls_engine_t *engine =
        cls_engine_new (model_path, gazetteer_path,
                        (float) sw_config_int (config, "review.threshold_pct") / 100.0f, err,
                        sizeof err);
    if (!engine)
        sw_log_kv (SW_LOG_ERROR, "could not load the classifier", "reason", err, "model",
                   model_path, "gazetteer", gazetteer_path, NULL);
    else
        sw_log_kv (SW_LOG_INFO, "classifier loaded", "model_version",
                   cls_engine_model_version (engine), "model", model_path, "gazetteer",
                   gazetteer_path, NULL);
    free (model_path);
    free (gazetteer_path);
    return engine;
}

typedef struct {
    sw_server_t *server;       //  the process skeleton
    cls_engine_t *engine;      //  model and gazetteer
    zsock_t *in;               //  PULL from ingest
    zsock_t *out;              //  PUSH to router
    sw_counter_t *received;    //  complaints decoded
    sw_counter_t *bad;         //  frames that could not be decoded
    sw_counter_t *review;      //  flagged for review
    sw_histogram_t *seconds;   //  time to classify one complaint
    sw_metrics_t *metrics;     //  the registry
    sw_counter_t **by_category; //  one counter per model label, registered at start
} classifier_t;

static Sunwai__V1__Priority
s_priority (const char *p)
{
    if (p && strcmp (p, "P1") == 0)
        return SUNWAI__V1__PRIORITY__PRIORITY_P1;
    if (p && strcmp (p, "P3") == 0)
        return SUNWAI__V1__PRIORITY__PRIORITY_P3;
    return SUNWAI__V1__PRIORITY__PRIORITY_P2;
}

static int64_t
s_now_ms (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

//  The classifier owns no database, so a frame it cannot decode goes on
//  to router unchanged: router fails to decode it too and parks it in
//  dead_letters, where an operator can see it.
static int
s_on_complaint (zloop_t *loop, zsock_t *reader, void *arg)
{
    classifier_t *self = (classifier_t *) arg;
    zmsg_t *msg = zmsg_recv (reader);
    if (!msg)
        return 0;
    char err[256];
    Sunwai__V1__Complaint *c = (Sunwai__V1__Complaint *) sw_frame_decode (
        msg, &sunwai__v1__complaint__descriptor, err, sizeof err);
    if (!c) {
        sw_counter_inc (self->bad);
        sw_log_kv (SW_LOG_WARN, "could not decode message; passed to router to park", "reason",
                   err, NULL);
        zmsg_send (&msg, self->out);
        zmsg_destroy (&msg);
        return 0;
    }
    zmsg_destroy (&msg);
    sw_counter_inc (self->received);
    struct timespec t0, t1;
    clock_gettime (CLOCK_MONOTONIC, &t0);
    cls_result_t r;
    cls_engine_classify (self->engine, c->text,
                         c->geo && c->geo->place_name && *c->geo->place_name ? c->geo->place_name
                                                                             : NULL,
                         c->author ? c->author->location : NULL, &r);
    clock_gettime (CLOCK_MONOTONIC, &t1);
    sw_histogram_observe (self->seconds,
                          (double) (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);

    Sunwai__V1__Classification cls = SUNWAI__V1__CLASSIFICATION__INIT;
    Sunwai__V1__Alternative alts[CLS_ENGINE_MAX_ALTERNATIVES];
    Sunwai__V1__Alternative *alt_list[CLS_ENGINE_MAX_ALTERNATIVES];
    for (int i = 0; i < r.nalternatives; i++) {
        sunwai__v1__alternative__init (&alts[i]);
        alts[i].category = (char *) r.alternatives[i];
        alts[i].confidence = r.alternative_confidence[i];
        alt_list[i] = &alts[i];
    }
    Sunwai__V1__PiiSpan spans[CLS_ENGINE_MAX_PII];
    Sunwai__V1__PiiSpan *span_list[CLS_ENGINE_MAX_PII];
    for (size_t i = 0; i < r.npii; i++) {
        sunwai__v1__pii_span__init (&spans[i]);
        spans[i].kind = (char *) sw_pii_kind_name (r.pii[i].kind);
        spans[i].start = (uint32_t) r.pii[i].start;
        spans[i].end = (uint32_t) r.pii[i].end;
        span_list[i] = &spans[i];
    }
    cls.category = (char *) r.category;
    cls.confidence = r.confidence;
    cls.n_alternatives = (size_t) r.nalternatives;
    cls.alternatives = alt_list;
    cls.priority = s_priority (r.priority);
    cls.language = (char *) r.language;
    cls.district_code = (char *) (r.district_code ? r.district_code : "");
    cls.district_name = (char *) (r.district_name ? r.district_name : "");
    cls.police_station = (char *) (r.police_station ? r.police_station : "");
    cls.location_source = (char *) r.location_source;
    cls.location_confidence = r.location_confidence;
    cls.n_pii = r.npii;
    cls.pii = span_list;
    cls.needs_review = r.needs_review;
    cls.model_version = (char *) cls_engine_model_version (self->engine);
    cls.classified_at_ms = s_now_ms ();
    cls.outside_place = (char *) (r.outside_place ? r.outside_place : "");
    cls.outside_police = (char *) (r.outside_police ? r.outside_police : "");
    //  The complaint carries our part out; ingest's part is untouched.
    Sunwai__V1__Classification *previous = c->classification;
    c->classification = &cls;
    if (sw_frame_send (self->out, &c->base) != 0)
        sw_log_kv (SW_LOG_WARN, "could not pass the complaint to router", "docket", c->docket,
                   NULL);
    c->classification = previous;
    if (r.needs_review)
        sw_counter_inc (self->review);
    //  Result labels are the model's own strings: a pointer comparison,
    //  not a registry lookup, on every complaint.
    for (size_t i = 0; i < cls_engine_labels (self->engine); i++)
        if (cls_engine_label (self->engine, i) == r.category)
            sw_counter_inc (self->by_category[i]);
    protobuf_c_message_free_unpacked (&c->base, NULL);
    return 0;
}

static void *
s_create (sw_server_t *server)
{
    classifier_t *self = calloc (1, sizeof *self);
    sw_config_t *config = sw_server_config (server);
    sw_metrics_t *metrics = sw_server_metrics (server);
    self->server = server;
    self->metrics = metrics;
    self->engine = s_engine (config);
    if (!self->engine) {
        free (self);
        return NULL;
    }
    self->in = sw_server_socket (server, ZMQ_PULL, sw_config_str (config, "in.endpoint"));
    self->out = sw_server_socket (server, ZMQ_PUSH, sw_config_str (config, "out.endpoint"));
    if (!self->in || !self->out) {
        sw_log (SW_LOG_ERROR, "could not open pipeline sockets");
        zsock_destroy (&self->in);
        zsock_destroy (&self->out);
        cls_engine_destroy (&self->engine);
        free (self);
        return NULL;
    }
    self->received = sw_metrics_counter (metrics, "sunwai_classifier_received_total",
                                         "Complaints received from ingest.", NULL);
    self->bad = sw_metrics_counter (metrics, "sunwai_frames_undecodable_total",
                                    "Frames that could not be decoded.", "socket=\"in\"");
    self->review = sw_metrics_counter (metrics, "sunwai_classifier_needs_review_total",
                                       "Classifications below the review threshold.", NULL);
    self->seconds = sw_metrics_histogram (metrics, "sunwai_classifier_seconds",
                                          "Time to classify one complaint.", NULL, NULL, 0);
    size_t nlabels = cls_engine_labels (self->engine);
    self->by_category = calloc (nlabels ? nlabels : 1, sizeof *self->by_category);
    for (size_t i = 0; i < nlabels; i++) {
        char category[96];
        snprintf (category, sizeof category, "category=\"%s\"", cls_engine_label (self->engine, i));
        self->by_category[i] = sw_metrics_counter (metrics, "sunwai_classifier_category_total",
                                                   "Complaints classified, by category.",
                                                   category);
    }
    char labels[160];
    snprintf (labels, sizeof labels, "model_version=\"%s\"",
              cls_engine_model_version (self->engine));
    sw_gauge_set (sw_metrics_gauge (metrics, "sunwai_classifier_model_info",
                                    "The loaded model; always 1.", labels),
                  1);
    zloop_reader (sw_server_loop (server), self->in, s_on_complaint, self);
    return self;
}

static void
s_destroy (void **state_p)
{
    classifier_t *self = (classifier_t *) *state_p;
    zsock_destroy (&self->in);
    zsock_destroy (&self->out);
    cls_engine_destroy (&self->engine);
    free (self->by_category);
    free (self);
    *state_p = NULL;
}

int
classifier_stdin (sw_config_t *config)
{
    cls_engine_t *engine = s_engine (config);
    if (!engine)
        return 1;
    const char *version = cls_engine_model_version (engine);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    while ((len = getline (&line, &cap, stdin)) >= 0) {
        lineno++;
        if (len == 0 || (len == 1 && line[0] == '\n'))
            continue;
        json_error_t jerr;
        json_t *in = json_loadb (line, (size_t) len, 0, &jerr);
        const char *text = in ? json_string_value (json_object_get (in, "text")) : NULL;
        json_t *out;
        if (!text) {
            char message[300];
            snprintf (message, sizeof message, "line %ld: %s", lineno,
                      in ? "field \"text\" must be a string" : jerr.text);
            out = json_pack ("{s:s}", "error", message);
        }
        else {
            const char *place = json_string_value (json_object_get (in, "place"));
            json_t *user = json_object_get (in, "user");
            const char *profile = json_string_value (json_object_get (user, "location"));
            cls_result_t r;
            cls_engine_classify (engine, text, place, profile, &r);
            out = cls_result_json (&r, version);
            json_t *id = json_object_get (in, "id");
            if (id)
                json_object_set (out, "id", id);
        }
        char *text_out = json_dumps (out, JSON_COMPACT | JSON_REAL_PRECISION (4));
        fputs (text_out, stdout);
        fputc ('\n', stdout);
        free (text_out);
        json_decref (out);
        json_decref (in);
    }
    free (line);
    fflush (stdout);
    cls_engine_destroy (&engine);
    return 0;
}

const sw_service_t classifier_service = {
    .name = "sunwai-classifier",
    .summary = "Classifies complaints: category, priority, language, district, personal data.\n"
               "Stateless; run as many workers as the load needs (they connect, never bind).\n"
               "With --stdin, classifies JSONL from standard input and exits.",
    .keys = s_keys,
    .uses_db = false,
    .create = s_create,
    .destroy = s_destroy,
};
