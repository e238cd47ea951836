/*  sw_metrics: the registry behind every process's GET /metrics.

    The registry owns a list of families (one per metric name, holding its
    type and help text) and, under each family, a list of series (one per
    label set) in registration order.  Handles given to callers point at
    series and stay valid until the registry is destroyed.

    One mutex per registry guards both the lists and the values: updates are
    a lock, an add and an unlock, which is cheap next to the work that a
    service does per complaint, and it keeps a histogram's buckets, sum and
    count consistent with each other when rendered.

    Rendering follows the Prometheus text exposition format 0.0.4.  Numbers
    are printed as integers when integral, else with the shortest %g that
    reads back exactly; infinities and NaN as "+Inf", "-Inf" and "NaN". */
#include "sw_metrics.h"
#include "sw_log.h"

#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    S_COUNTER = 0,
    S_GAUGE = 1,
    S_HISTOGRAM = 2
} s_type_t;

static const char *s_type_names[] = { "counter", "gauge", "histogram" };

//  One series: a metric name plus one label set.
typedef struct _s_series_t {
    char *labels;                   //  label list without braces, "" if none
    pthread_mutex_t *lock;          //  the registry's lock
    double value;                   //  counter or gauge value
    double *bounds;                 //  histogram upper bounds, ascending
    size_t nbounds;                 //  number of bounds (without +Inf)
    unsigned long *buckets;         //  per-bucket counts, nbounds + 1 (+Inf)
    double sum;                     //  histogram sum of observations
    unsigned long count;            //  histogram count of observations
    struct _s_series_t *next;       //  next series of the same family
} s_series_t;

//  The handle types are all a series; the wrappers keep them distinct
//  for the compiler.
struct _sw_counter_t {
    s_series_t series;              //  must stay first
};
struct _sw_gauge_t {
    s_series_t series;              //  must stay first
};
struct _sw_histogram_t {
    s_series_t series;              //  must stay first
};

//  One family: every series that shares a metric name.
typedef struct _s_family_t {
    char *name;                     //  metric name
    char *help;                     //  help text, NULL if none given
    s_type_t type;                  //  counter, gauge or histogram
    s_series_t *series;             //  first series, in registration order
    s_series_t *last;               //  last series, for appending
    struct _s_family_t *next;       //  next family, in registration order
} s_family_t;

struct _sw_metrics_t {
    pthread_mutex_t lock;           //  guards the lists and every value
    s_family_t *families;           //  first family
    s_family_t *last;               //  last family, for appending
};

//  Default histogram bounds: request latencies in seconds.
static const double s_default_bounds[] = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
};


sw_metrics_t *
sw_metrics_new (void)
{
    sw_metrics_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    if (pthread_mutex_init (&self->lock, NULL) != 0) {
        free (self);
        return NULL;
    }
    return self;
}

static void
s_series_free (s_series_t *series)
{
    free (series->labels);
    free (series->bounds);
    free (series->buckets);
    free (series);
}

void
sw_metrics_destroy (sw_metrics_t **self_p)
{
    assert (self_p);
    sw_metrics_t *self = *self_p;
    if (!self)
        return;
    s_family_t *family = self->families;
    while (family) {
        s_family_t *next_family = family->next;
        s_series_t *series = family->series;
        while (series) {
            s_series_t *next = series->next;
            s_series_free (series);
            series = next;
        }
        free (family->name);
        free (family->help);
        free (family);
        family = next_family;
    }
    pthread_mutex_destroy (&self->lock);
    free (self);
    *self_p = NULL;
}

//  [a-zA-Z_:][a-zA-Z0-9_:]*
static bool
s_name_valid (const char *name)
{
    if (!name || !*name)
        return false;
    for (const char *p = name; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
               || c == '_' || c == ':' || (p != name && c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return true;
}

static s_family_t *
s_family_find (sw_metrics_t *self, const char *name)
{
    for (s_family_t *family = self->families; family; family = family->next)
        if (strcmp (family->name, name) == 0)
            return family;
    return NULL;
}

static s_series_t *
s_series_find (s_family_t *family, const char *labels)
{
    for (s_series_t *series = family->series; series; series = series->next)
        if (strcmp (series->labels, labels) == 0)
            return series;
    return NULL;
}

//  Returns the series for name and labels, registering it if new, or NULL
//  (logged) on a bad name, a type clash or out of memory.  For histograms,
//  bounds must already be checked.  Takes the registry lock.
static s_series_t *
s_register (sw_metrics_t *self, s_type_t type, size_t handle_size,
            const char *name, const char *help, const char *labels,
            const double *bounds, size_t nbounds)
{
    assert (self);
    if (!s_name_valid (name)) {
        sw_error ("metrics: invalid metric name '%s'", name ? name : "(null)");
        return NULL;
    }
    if (!labels)
        labels = "";

    pthread_mutex_lock (&self->lock);
    s_series_t *series = NULL;
    s_family_t *family = s_family_find (self, name);
    if (family && family->type != type) {
        sw_error ("metrics: '%s' is already registered as a %s, not a %s",
                  name, s_type_names[family->type], s_type_names[type]);
        goto done;
    }
    if (family) {
        series = s_series_find (family, labels);
        if (series)
            goto done;
    }
    //  New series (and maybe new family); the handle struct wraps it.
    series = calloc (1, handle_size);
    if (!series)
        goto done;
    series->labels = strdup (labels);
    series->lock = &self->lock;
    if (type == S_HISTOGRAM) {
        series->nbounds = nbounds;
        series->bounds = malloc ((nbounds ? nbounds : 1) * sizeof (double));
        series->buckets = calloc (nbounds + 1, sizeof (unsigned long));
        if (series->bounds)
            memcpy (series->bounds, bounds, nbounds * sizeof (double));
    }
    if (!series->labels
    || (type == S_HISTOGRAM && (!series->bounds || !series->buckets)))
        goto fail;
    if (!family) {
        family = calloc (1, sizeof *family);
        if (!family)
            goto fail;
        family->name = strdup (name);
        family->help = help ? strdup (help) : NULL;
        family->type = type;
        if (!family->name || (help && !family->help)) {
            free (family->name);
            free (family->help);
            free (family);
            goto fail;
        }
        if (self->last)
            self->last->next = family;
        else
            self->families = family;
        self->last = family;
    }
    if (family->last)
        family->last->next = series;
    else
        family->series = series;
    family->last = series;
    goto done;

fail:
    sw_error ("metrics: out of memory registering '%s'", name);
    s_series_free (series);
    series = NULL;
done:
    pthread_mutex_unlock (&self->lock);
    return series;
}

sw_counter_t *
sw_metrics_counter (sw_metrics_t *self, const char *name, const char *help,
                    const char *labels)
{
    return (sw_counter_t *) s_register (self, S_COUNTER, sizeof (sw_counter_t),
                                        name, help, labels, NULL, 0);
}

sw_gauge_t *
sw_metrics_gauge (sw_metrics_t *self, const char *name, const char *help,
                  const char *labels)
{
    return (sw_gauge_t *) s_register (self, S_GAUGE, sizeof (sw_gauge_t),
                                      name, help, labels, NULL, 0);
}

sw_histogram_t *
sw_metrics_histogram (sw_metrics_t *self, const char *name, const char *help,
                      const char *labels, const double *bounds, size_t nbounds)
{
    if (!bounds || nbounds == 0) {
        bounds = s_default_bounds;
        nbounds = sizeof s_default_bounds / sizeof s_default_bounds[0];
    }
    //  A trailing +Inf is implicit; accept it but do not keep it.
    if (nbounds > 0 && isinf (bounds[nbounds - 1]) && bounds[nbounds - 1] > 0)
        nbounds--;
    for (size_t i = 0; i < nbounds; i++)
        if (!isfinite (bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
            sw_error ("metrics: histogram '%s' bounds must be finite and "
                      "strictly ascending", name ? name : "(null)");
            return NULL;
        }
    return (sw_histogram_t *) s_register (self, S_HISTOGRAM,
                                          sizeof (sw_histogram_t), name, help,
                                          labels, bounds, nbounds);
}

//  Updates on a NULL handle (registration failed, already logged) are
//  ignored so that a bad metric never takes a service down.

void
sw_counter_inc (sw_counter_t *self)
{
    sw_counter_add (self, 1);
}

void
sw_counter_add (sw_counter_t *self, double value)
{
    if (!self || !(value >= 0))
        return;                 //  counters only go up; NaN ignored too
    pthread_mutex_lock (self->series.lock);
    self->series.value += value;
    pthread_mutex_unlock (self->series.lock);
}

double
sw_counter_value (sw_counter_t *self)
{
    if (!self)
        return 0;
    pthread_mutex_lock (self->series.lock);
    double value = self->series.value;
    pthread_mutex_unlock (self->series.lock);
    return value;
}

void
sw_gauge_set (sw_gauge_t *self, double value)
{
    if (!self)
        return;
    pthread_mutex_lock (self->series.lock);
    self->series.value = value;
    pthread_mutex_unlock (self->series.lock);
}

void
sw_gauge_add (sw_gauge_t *self, double delta)
{
    if (!self)
        return;
    pthread_mutex_lock (self->series.lock);
    self->series.value += delta;
    pthread_mutex_unlock (self->series.lock);
}

double
sw_gauge_value (sw_gauge_t *self)
{
    if (!self)
        return 0;
    pthread_mutex_lock (self->series.lock);
    double value = self->series.value;
    pthread_mutex_unlock (self->series.lock);
    return value;
}

void
sw_histogram_observe (sw_histogram_t *self, double value)
{
    if (!self)
        return;
    s_series_t *series = &self->series;
    //  First bucket whose bound is >= value; NaN and overflow land in +Inf.
    size_t bucket = 0;
    while (bucket < series->nbounds && !(value <= series->bounds[bucket]))
        bucket++;
    pthread_mutex_lock (series->lock);
    series->buckets[bucket]++;
    series->sum += value;
    series->count++;
    pthread_mutex_unlock (series->lock);
}

unsigned long
sw_histogram_count (sw_histogram_t *self)
{
    if (!self)
        return 0;
    pthread_mutex_lock (self->series.lock);
    unsigned long count = self->series.count;
    pthread_mutex_unlock (self->series.lock);
    return count;
}


//  --------------------------------------------------------------------
//  Rendering

//  Growing text buffer; on allocation failure it latches failed.
typedef struct {
    char *data;                     //  NUL-terminated text
    size_t size;                    //  bytes used, without the NUL
    size_t cap;                     //  bytes allocated
    bool failed;                    //  an allocation failed
} s_buf_t;

static void
s_buf_printf (s_buf_t *buf, const char *format, ...)
    __attribute__ ((format (printf, 2, 3)));

static void
s_buf_printf (s_buf_t *buf, const char *format, ...)
{
    if (buf->failed)
        return;
    va_list args;
    va_start (args, format);
    int n = vsnprintf (buf->data + buf->size, buf->cap - buf->size, format,
                       args);
    va_end (args);
    if (n < 0) {
        buf->failed = true;
        return;
    }
    if ((size_t) n >= buf->cap - buf->size) {
        size_t cap = buf->cap * 2;
        while (cap < buf->size + (size_t) n + 1)
            cap *= 2;
        char *data = realloc (buf->data, cap);
        if (!data) {
            buf->failed = true;
            return;
        }
        buf->data = data;
        buf->cap = cap;
        va_start (args, format);
        vsnprintf (buf->data + buf->size, buf->cap - buf->size, format, args);
        va_end (args);
    }
    buf->size += (size_t) n;
}

//  Formats a sample value as Prometheus reads it.  out holds >= 32 bytes.
static void
s_format_number (char *out, size_t len, double value)
{
    if (isnan (value))
        snprintf (out, len, "NaN");
    else
    if (isinf (value))
        snprintf (out, len, value > 0 ? "+Inf" : "-Inf");
    else
    if (value == floor (value) && fabs (value) <= 9007199254740992.0)
        //  Integral and exact in a double: no exponent, no "-0".
        snprintf (out, len, "%.0f", value == 0 ? 0.0 : value);
    else {
        //  Shortest precision that reads back to the same double.
        for (int precision = 15; precision <= 17; precision++) {
            snprintf (out, len, "%.*g", precision, value);
            if (strtod (out, NULL) == value)
                break;
        }
    }
}

//  Writes HELP text with backslash and newline escaped.
static void
s_render_help (s_buf_t *buf, const char *name, const char *help)
{
    s_buf_printf (buf, "# HELP %s ", name);
    for (const char *p = help; *p; p++) {
        if (*p == '\\')
            s_buf_printf (buf, "\\\\");
        else
        if (*p == '\n')
            s_buf_printf (buf, "\\n");
        else
            s_buf_printf (buf, "%c", *p);
    }
    s_buf_printf (buf, "\n");
}

static void
s_render_histogram (s_buf_t *buf, const char *name, s_series_t *series)
{
    const char *labels = series->labels;
    const char *comma = *labels ? "," : "";
    char number[40];
    unsigned long cumulative = 0;
    for (size_t i = 0; i <= series->nbounds; i++) {
        cumulative += series->buckets[i];
        if (i < series->nbounds)
            s_format_number (number, sizeof number, series->bounds[i]);
        else
            snprintf (number, sizeof number, "+Inf");
        s_buf_printf (buf, "%s_bucket{%s%sle=\"%s\"} %lu\n",
                      name, labels, comma, number, cumulative);
    }
    s_format_number (number, sizeof number, series->sum);
    if (*labels) {
        s_buf_printf (buf, "%s_sum{%s} %s\n", name, labels, number);
        s_buf_printf (buf, "%s_count{%s} %lu\n", name, labels, series->count);
    }
    else {
        s_buf_printf (buf, "%s_sum %s\n", name, number);
        s_buf_printf (buf, "%s_count %lu\n", name, series->count);
    }
}

char *
sw_metrics_render (sw_metrics_t *self)
{
    assert (self);
    s_buf_t buf = { malloc (4096), 0, 4096, false };
    if (!buf.data)
        return NULL;
    buf.data[0] = '\0';

    pthread_mutex_lock (&self->lock);
    for (s_family_t *family = self->families; family; family = family->next) {
        if (family->help)
            s_render_help (&buf, family->name, family->help);
        s_buf_printf (&buf, "# TYPE %s %s\n", family->name,
                      s_type_names[family->type]);
        for (s_series_t *series = family->series; series;
             series = series->next) {
            if (family->type == S_HISTOGRAM) {
                s_render_histogram (&buf, family->name, series);
                continue;
            }
            char number[40];
            s_format_number (number, sizeof number, series->value);
            if (*series->labels)
                s_buf_printf (&buf, "%s{%s} %s\n", family->name,
                              series->labels, number);
            else
                s_buf_printf (&buf, "%s %s\n", family->name, number);
        }
    }
    pthread_mutex_unlock (&self->lock);

    if (buf.failed) {
        sw_error ("metrics: out of memory rendering");
        free (buf.data);
        return NULL;
    }
    return buf.data;
}


//  --------------------------------------------------------------------
//  Self test.  Checks do not use assert () so that they still run in
//  builds with NDEBUG.

#define s_check(cond) \
    do { \
        if (!(cond)) { \
            fprintf (stderr, "sw_metrics_test: %s:%d: check failed: %s\n", \
                     __FILE__, __LINE__, #cond); \
            abort (); \
        } \
    } while (0)

void
sw_metrics_test (bool verbose)
{
    if (verbose)
        printf (" * sw_metrics: ");

    sw_metrics_t *metrics = sw_metrics_new ();
    s_check (metrics);

    sw_counter_t *counter = sw_metrics_counter (metrics, "sunwai_test_total",
                                                "Things\\counted\nhere", NULL);
    s_check (counter);
    sw_counter_inc (counter);
    sw_counter_add (counter, 2.5);
    sw_counter_add (counter, -1);           //  ignored
    s_check (sw_counter_value (counter) == 3.5);
    s_check (sw_metrics_counter (metrics, "sunwai_test_total", "x", "")
             == counter);

    sw_gauge_t *gauge = sw_metrics_gauge (metrics, "sunwai_test_gauge",
                                          "A gauge", "a=\"1\"");
    s_check (gauge);
    sw_gauge_set (gauge, 10);
    sw_gauge_add (gauge, -12);
    s_check (sw_gauge_value (gauge) == -2);

    double bounds[] = { 0.5, 1 };
    sw_histogram_t *histogram = sw_metrics_histogram (
        metrics, "sunwai_test_seconds", "Latency", "op=\"x\"", bounds, 2);
    s_check (histogram);
    sw_histogram_observe (histogram, 0.25);
    sw_histogram_observe (histogram, 1);
    sw_histogram_observe (histogram, 7);
    s_check (sw_histogram_count (histogram) == 3);

    s_check (sw_metrics_gauge (metrics, "9bad", "x", NULL) == NULL);
    s_check (sw_metrics_gauge (metrics, "sunwai_test_total", "x", NULL)
             == NULL);

    char *text = sw_metrics_render (metrics);
    s_check (text);
    const char *expected =
        "# HELP sunwai_test_total Things\\\\counted\\nhere\n"
        "# TYPE sunwai_test_total counter\n"
        "sunwai_test_total 3.5\n"
        "# HELP sunwai_test_gauge A gauge\n"
        "# TYPE sunwai_test_gauge gauge\n"
        "sunwai_test_gauge{a=\"1\"} -2\n"
        "# HELP sunwai_test_seconds Latency\n"
        "# TYPE sunwai_test_seconds histogram\n"
        "sunwai_test_seconds_bucket{op=\"x\",le=\"0.5\"} 1\n"
        "sunwai_test_seconds_bucket{op=\"x\",le=\"1\"} 2\n"
        "sunwai_test_seconds_bucket{op=\"x\",le=\"+Inf\"} 3\n"
        "sunwai_test_seconds_sum{op=\"x\"} 8.25\n"
        "sunwai_test_seconds_count{op=\"x\"} 3\n";
    if (strcmp (text, expected) != 0)
        fprintf (stderr, "sw_metrics_test: rendered:\n%s", text);
    s_check (strcmp (text, expected) == 0);
    free (text);

    char number[40];
    s_format_number (number, sizeof number, 0.1);
    s_check (strcmp (number, "0.1") == 0);
    s_format_number (number, sizeof number, 1e20);
    s_check (strcmp (number, "1e+20") == 0);
    s_format_number (number, sizeof number, -INFINITY);
    s_check (strcmp (number, "-Inf") == 0);
    s_format_number (number, sizeof number, NAN);
    s_check (strcmp (number, "NaN") == 0);

    sw_metrics_destroy (&metrics);
    s_check (metrics == NULL);
    sw_metrics_destroy (&metrics);

    if (verbose)
        printf ("OK\n");
}
