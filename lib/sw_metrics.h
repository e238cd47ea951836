/*  sw_metrics: a registry of counters, gauges and histograms rendered in
    the Prometheus text exposition format (version 0.0.4).

    Metrics are registered once by name plus an optional label set and then
    updated from any thread; registering the same name and labels again
    returns the same metric.  Rendering groups series of one name under one
    HELP and TYPE line.  All names are prefixed by the caller ("sunwai_"). */
#ifndef SW_METRICS_H
#define SW_METRICS_H
#include <stdbool.h>
#include <stddef.h>

typedef struct _sw_metrics_t sw_metrics_t;
typedef struct _sw_counter_t sw_counter_t;
typedef struct _sw_gauge_t sw_gauge_t;
typedef struct _sw_histogram_t sw_histogram_t;

sw_metrics_t *sw_metrics_new (void);
void sw_metrics_destroy (sw_metrics_t **self_p);

//  labels is NULL or a Prometheus label list without braces, already
//  escaped, e.g. "reason=\"bad_json\",channel=\"api\"".
//  Returns NULL (and logs) if name is not a valid metric name, or if the
//  name is already registered with another type.
sw_counter_t *sw_metrics_counter (sw_metrics_t *self, const char *name,
                                  const char *help, const char *labels);
sw_gauge_t *sw_metrics_gauge (sw_metrics_t *self, const char *name,
                              const char *help, const char *labels);
//  bounds: ascending upper bounds, without +Inf (added on render).
//  NULL/0 gives default latency buckets in seconds (0.001 .. 10).
sw_histogram_t *sw_metrics_histogram (sw_metrics_t *self, const char *name,
                                      const char *help, const char *labels,
                                      const double *bounds, size_t nbounds);

void sw_counter_inc (sw_counter_t *self);
void sw_counter_add (sw_counter_t *self, double value);   //  value >= 0
double sw_counter_value (sw_counter_t *self);
void sw_gauge_set (sw_gauge_t *self, double value);
void sw_gauge_add (sw_gauge_t *self, double delta);
double sw_gauge_value (sw_gauge_t *self);
void sw_histogram_observe (sw_histogram_t *self, double value);
//  Count of observations so far.
unsigned long sw_histogram_count (sw_histogram_t *self);

//  Render every metric as Prometheus text. Caller frees.
char *sw_metrics_render (sw_metrics_t *self);

void sw_metrics_test (bool verbose);

#endif
