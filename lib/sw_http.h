/*  sw_http: each process's HTTP endpoint, over libmicrohttpd.

    Always serves GET /healthz (200 while the process runs), GET /readyz
    (200 once the service says it is ready, 503 with the reason before) and
    GET /metrics (Prometheus text from the service's sw_metrics registry).
    A service adds its own routes (ingest's webhook and intake, analytics'
    API and pages) with sw_http_route.  Handlers run on libmicrohttpd's
    threads, so they must be thread-safe.  Request bodies larger than the
    configured limit are refused with 413 before the handler runs. */
#ifndef SW_HTTP_H
#define SW_HTTP_H
#include <stdbool.h>
#include <stddef.h>
#include "sw_metrics.h"

typedef struct _sw_http_t sw_http_t;
typedef struct _sw_http_request_t sw_http_request_t;
typedef struct _sw_http_response_t sw_http_response_t;

typedef void (sw_http_handler_fn) (void *arg, sw_http_request_t *request,
                                   sw_http_response_t *response);

//  bind: an IPv4 address ("0.0.0.0", "127.0.0.1"); port 0 picks a free one.
//  max_body: largest request body accepted, in bytes.
sw_http_t *sw_http_new (const char *bind, int port, size_t max_body,
                        sw_metrics_t *metrics);
void sw_http_destroy (sw_http_t **self_p);

//  Route requests whose method matches (NULL = any) and whose path equals
//  path, or starts with it when path ends in '/'.  First registered wins.
int sw_http_route (sw_http_t *self, const char *method, const char *path,
                   sw_http_handler_fn *handler, void *arg);
//  Start listening. Returns 0, or -1 (logged) if the port cannot be bound.
int sw_http_start (sw_http_t *self);
//  The port actually bound (useful when 0 was asked for).
int sw_http_port (sw_http_t *self);
//  Readiness as /readyz reports it; reason is shown while not ready.
void sw_http_set_ready (sw_http_t *self, bool ready, const char *reason);
bool sw_http_ready (sw_http_t *self);

//  Request accessors (valid during the handler only).
const char *sw_http_request_method (sw_http_request_t *self);
const char *sw_http_request_path (sw_http_request_t *self);
//  Header by name (case-insensitive), or NULL.
const char *sw_http_request_header (sw_http_request_t *self, const char *name);
//  Query-string argument by name, or NULL.
const char *sw_http_request_query (sw_http_request_t *self, const char *name);
const char *sw_http_request_body (sw_http_request_t *self);   //  NUL-terminated
size_t sw_http_request_body_size (sw_http_request_t *self);
const char *sw_http_request_remote (sw_http_request_t *self); //  client IP

//  Response setters. Default: 200, empty body, text/plain.
void sw_http_response_status (sw_http_response_t *self, int status);
void sw_http_response_header (sw_http_response_t *self, const char *name,
                              const char *value);
//  Copies body; content_type NULL means "text/plain; charset=utf-8".
void sw_http_response_body (sw_http_response_t *self, const char *content_type,
                            const char *body, size_t size);
//  Body {"error": code, "message": message} with application/json.
void sw_http_response_error (sw_http_response_t *self, int status,
                             const char *code, const char *message);

void sw_http_test (bool verbose);

#endif
