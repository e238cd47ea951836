/*  sw_log: JSON-lines logging.

    Each call builds one JSON object with jansson and writes it with a single
    fwrite under a mutex, so lines from different threads never interleave.
    Field order is fixed (ts, level, service, msg, then the caller's fields)
    so that the lines read well in a terminal too. */
#include "sw_log.h"

#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t s_lock = PTHREAD_MUTEX_INITIALIZER;
static char s_service[64] = "sunwai";          //  service name on every line
static sw_log_level_t s_level = SW_LOG_INFO;   //  lowest level written
static FILE *s_stream = NULL;                  //  NULL means stderr

static const char *s_level_names[] = { "debug", "info", "warn", "error" };

void
sw_log_init (const char *service, sw_log_level_t level)
{
    pthread_mutex_lock (&s_lock);
    if (service)
        snprintf (s_service, sizeof s_service, "%s", service);
    s_level = level;
    pthread_mutex_unlock (&s_lock);
}

const char *
sw_log_service (void)
{
    return s_service;
}

int
sw_log_level_parse (const char *name, sw_log_level_t *level)
{
    for (int i = 0; i < 4; i++)
        if (name && strcmp (name, s_level_names[i]) == 0) {
            *level = (sw_log_level_t) i;
            return 0;
        }
    return -1;
}

void
sw_log_set_stream (FILE *stream)
{
    pthread_mutex_lock (&s_lock);
    s_stream = stream;
    pthread_mutex_unlock (&s_lock);
}

static void
s_timestamp (char *buf, size_t len)
{
    struct timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r (&ts.tv_sec, &tm);
    char base[32];
    strftime (base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf (base + strlen (base), sizeof base - strlen (base), ".%03ldZ",
              ts.tv_nsec / 1000000);
    snprintf (buf, len, "%s", base);
}

//  Writes one line. message must be valid UTF-8 for jansson; if it is not,
//  it is replaced so that a bad input can never silence a log line.
static void
s_write (sw_log_level_t level, const char *message, va_list *fields)
{
    if (level < s_level)
        return;
    char ts[40];
    s_timestamp (ts, sizeof ts);
    json_t *obj = json_object ();
    json_object_set_new (obj, "ts", json_string (ts));
    json_object_set_new (obj, "level", json_string (s_level_names[level]));
    json_object_set_new (obj, "service", json_string (s_service));
    json_t *msg = json_string (message ? message : "");
    json_object_set_new (obj, "msg", msg ? msg : json_string ("(message was not valid UTF-8)"));
    if (fields) {
        const char *key;
        while ((key = va_arg (*fields, const char *))) {
            const char *value = va_arg (*fields, const char *);
            json_t *v = value ? json_string (value) : json_null ();
            json_object_set_new (obj, key, v ? v : json_string ("(not valid UTF-8)"));
        }
    }
    char *line = json_dumps (obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref (obj);
    if (!line)
        return;
    pthread_mutex_lock (&s_lock);
    FILE *out = s_stream ? s_stream : stderr;
    size_t n = strlen (line);
    line[n] = '\n';
    fwrite (line, 1, n + 1, out);
    fflush (out);
    pthread_mutex_unlock (&s_lock);
    free (line);
}

void
sw_log (sw_log_level_t level, const char *format, ...)
{
    if (level < s_level)
        return;
    char buf[2048];
    va_list args;
    va_start (args, format);
    vsnprintf (buf, sizeof buf, format, args);
    va_end (args);
    s_write (level, buf, NULL);
}

void
sw_log_kvv (sw_log_level_t level, const char *message, va_list args)
{
    va_list copy;
    va_copy (copy, args);
    s_write (level, message, &copy);
    va_end (copy);
}

void
sw_log_kv (sw_log_level_t level, const char *message, ...)
{
    va_list args;
    va_start (args, message);
    sw_log_kvv (level, message, args);
    va_end (args);
}
