/*  sw_log: one JSON object per line on stderr.

    Every line has "ts" (RFC 3339 UTC, milliseconds), "level", "service" and
    "msg"; callers add the ids involved (complaint, docket, tweet) as extra
    string fields.  Log lines are part of the contract: tests assert on them.
    Never pass secrets or full personal data. Thread-safe. */
#ifndef SW_LOG_H
#define SW_LOG_H
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum {
    SW_LOG_DEBUG = 0,
    SW_LOG_INFO = 1,
    SW_LOG_WARN = 2,
    SW_LOG_ERROR = 3
} sw_log_level_t;

//  Set the service name and the lowest level written.
void sw_log_init (const char *service, sw_log_level_t level);
//  The service name given to sw_log_init ("sunwai" before).
const char *sw_log_service (void);
//  Parse "debug", "info", "warn" or "error". Returns 0, or -1 if unknown.
int sw_log_level_parse (const char *name, sw_log_level_t *level);
//  Write to this stream instead of stderr (tests). NULL restores stderr.
void sw_log_set_stream (FILE *stream);

//  Log a printf-style message with no extra fields.
void sw_log (sw_log_level_t level, const char *format, ...)
    __attribute__ ((format (printf, 2, 3)));
//  Log a message with extra string fields: a NULL-terminated list of
//  key, value pairs. A NULL value is written as JSON null.
//  sw_log_kv (SW_LOG_INFO, "complaint stored", "docket", d, "tweet", t, NULL);
void sw_log_kv (sw_log_level_t level, const char *message, ...)
    __attribute__ ((sentinel));
void sw_log_kvv (sw_log_level_t level, const char *message, va_list args);

#define sw_debug(...) sw_log (SW_LOG_DEBUG, __VA_ARGS__)
#define sw_info(...)  sw_log (SW_LOG_INFO, __VA_ARGS__)
#define sw_warn(...)  sw_log (SW_LOG_WARN, __VA_ARGS__)
#define sw_error(...) sw_log (SW_LOG_ERROR, __VA_ARGS__)

#endif
