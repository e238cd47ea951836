/*  sw_http: each process's HTTP endpoint, over libmicrohttpd.

    This file owns the daemon, the route table, the readiness flag and the
    per-request state.  libmicrohttpd runs one internal thread that accepts
    connections and one thread per connection (so a slow handler never holds
    up /healthz), and calls s_access for each request several times: once
    when the headers are in, once per chunk of body, and once more when the
    body is complete.  The first call checks Content-Length against the body
    limit and creates the request; body chunks are appended to it; the last
    call picks the route, runs the handler and queues the response.  The
    request is freed in s_completed, which libmicrohttpd calls for every
    request it has started, whatever became of it.

    Every response is counted in the metrics registry as
    sunwai_http_requests_total{code="NNN"}.

    Routes are a linked list appended under the lock and only freed in
    sw_http_destroy, after the daemon has stopped, so adding a route while
    serving is safe. */
#include "sw_http.h"
#include "sw_log.h"

#include <arpa/inet.h>
#include <assert.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define S_JSON_TYPE     "application/json"
#define S_TEXT_TYPE     "text/plain; charset=utf-8"
#define S_METRICS_TYPE  "text/plain; version=0.0.4; charset=utf-8"

//  Bytes of an over-limit body (sent without Content-Length) read and
//  thrown away so that a 413 can be sent; past this, the connection is
//  dropped instead.  libmicrohttpd 0.9.75 cannot answer mid-body.
#define S_DISCARD_MAX   (4 * 1024 * 1024)

//  One registered route.
typedef struct _s_route_t {
    char *method;                   //  method to match, NULL for any
    char *path;                     //  exact path, or prefix if ends in '/'
    sw_http_handler_fn *handler;    //  called for matching requests
    void *arg;                      //  passed to handler
    struct _s_route_t *next;        //  next route, in registration order
} s_route_t;

struct _sw_http_t {
    char *bind;                     //  IPv4 address to listen on
    int port;                       //  port asked for, 0 for any
    size_t max_body;                //  largest request body accepted
    sw_metrics_t *metrics;          //  registry served on /metrics
    sw_metrics_t *own_metrics;      //  registry we created, if none given
    struct MHD_Daemon *daemon;      //  running daemon, NULL until started
    int bound_port;                 //  port actually bound, once started
    pthread_mutex_t lock;           //  guards routes, ready and reason
    s_route_t *routes;              //  first route
    s_route_t *last_route;          //  last route, for appending
    bool ready;                     //  what /readyz reports
    char *reason;                   //  why not ready, shown by /readyz
};

//  One request, from its headers to its completion.
struct _sw_http_request_t {
    struct MHD_Connection *connection;  //  libmicrohttpd's connection
    const char *method;             //  request method, owned by MHD
    const char *path;               //  decoded path, owned by MHD
    char *body;                     //  body received so far, NUL-terminated
    size_t body_size;               //  bytes of body received
    size_t body_cap;                //  bytes allocated for body
    bool too_large;                 //  body exceeded max_body
    size_t discarded;               //  body bytes thrown away since then
    bool answered;                  //  a response has been queued
    char remote[INET6_ADDRSTRLEN];  //  client IP address as text
};

//  What a handler builds; turned into an MHD response afterwards.
typedef struct _s_header_t {
    char *name;                     //  header name
    char *value;                    //  header value
    struct _s_header_t *next;       //  next header, in order added
} s_header_t;

struct _sw_http_response_t {
    int status;                     //  HTTP status code
    char *content_type;             //  Content-Type, NULL for text/plain
    char *body;                     //  body bytes, NULL if empty
    size_t size;                    //  body size in bytes
    s_header_t *headers;            //  extra headers, first
    s_header_t *last_header;        //  extra headers, last
};


//  --------------------------------------------------------------------
//  Construction and configuration

sw_http_t *
sw_http_new (const char *bind, int port, size_t max_body,
             sw_metrics_t *metrics)
{
    struct in_addr addr;
    if (!bind || inet_pton (AF_INET, bind, &addr) != 1) {
        sw_error ("http: bind address '%s' is not an IPv4 address",
                  bind ? bind : "(null)");
        return NULL;
    }
    if (port < 0 || port > 65535) {
        sw_error ("http: port %d is out of range", port);
        return NULL;
    }
    sw_http_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->port = port;
    self->max_body = max_body;
    self->bind = strdup (bind);
    self->reason = strdup ("starting");
    if (metrics)
        self->metrics = metrics;
    else
        self->metrics = self->own_metrics = sw_metrics_new ();
    if (!self->bind || !self->reason || !self->metrics
    ||  pthread_mutex_init (&self->lock, NULL) != 0) {
        sw_metrics_destroy (&self->own_metrics);
        free (self->bind);
        free (self->reason);
        free (self);
        return NULL;
    }
    return self;
}

void
sw_http_destroy (sw_http_t **self_p)
{
    assert (self_p);
    sw_http_t *self = *self_p;
    if (!self)
        return;
    if (self->daemon)
        MHD_stop_daemon (self->daemon);
    s_route_t *route = self->routes;
    while (route) {
        s_route_t *next = route->next;
        free (route->method);
        free (route->path);
        free (route);
        route = next;
    }
    sw_metrics_destroy (&self->own_metrics);
    pthread_mutex_destroy (&self->lock);
    free (self->bind);
    free (self->reason);
    free (self);
    *self_p = NULL;
}

int
sw_http_route (sw_http_t *self, const char *method, const char *path,
               sw_http_handler_fn *handler, void *arg)
{
    assert (self);
    assert (path && *path == '/');
    assert (handler);
    s_route_t *route = calloc (1, sizeof *route);
    if (!route)
        return -1;
    route->method = method ? strdup (method) : NULL;
    route->path = strdup (path);
    route->handler = handler;
    route->arg = arg;
    if ((method && !route->method) || !route->path) {
        free (route->method);
        free (route->path);
        free (route);
        return -1;
    }
    pthread_mutex_lock (&self->lock);
    if (self->last_route)
        self->last_route->next = route;
    else
        self->routes = route;
    self->last_route = route;
    pthread_mutex_unlock (&self->lock);
    return 0;
}

void
sw_http_set_ready (sw_http_t *self, bool ready, const char *reason)
{
    assert (self);
    char *copy = strdup (reason ? reason : "");
    pthread_mutex_lock (&self->lock);
    self->ready = ready;
    if (copy) {
        free (self->reason);
        self->reason = copy;
    }
    pthread_mutex_unlock (&self->lock);
}

bool
sw_http_ready (sw_http_t *self)
{
    assert (self);
    pthread_mutex_lock (&self->lock);
    bool ready = self->ready;
    pthread_mutex_unlock (&self->lock);
    return ready;
}

int
sw_http_port (sw_http_t *self)
{
    assert (self);
    return self->daemon ? self->bound_port : self->port;
}


//  --------------------------------------------------------------------
//  Request accessors

const char *
sw_http_request_method (sw_http_request_t *self)
{
    assert (self);
    return self->method;
}

const char *
sw_http_request_path (sw_http_request_t *self)
{
    assert (self);
    return self->path;
}

const char *
sw_http_request_header (sw_http_request_t *self, const char *name)
{
    assert (self);
    assert (name);
    //  libmicrohttpd compares header names without regard to case.
    return MHD_lookup_connection_value (self->connection, MHD_HEADER_KIND,
                                        name);
}

//  Query lookup state for s_query_match.
typedef struct {
    const char *name;               //  argument wanted
    const char *value;              //  its value once found
    bool found;                     //  whether it was found
} s_query_t;

static enum MHD_Result
s_query_match (void *cls, enum MHD_ValueKind kind, const char *key,
               const char *value)
{
    s_query_t *query = (s_query_t *) cls;
    if (key && strcmp (key, query->name) == 0) {
        query->value = value ? value : "";     //  "?flag" has no value
        query->found = true;
        return MHD_NO;
    }
    return MHD_YES;
}

const char *
sw_http_request_query (sw_http_request_t *self, const char *name)
{
    assert (self);
    assert (name);
    //  Query argument names are case-sensitive, unlike header names.
    s_query_t query = { name, NULL, false };
    MHD_get_connection_values (self->connection, MHD_GET_ARGUMENT_KIND,
                               s_query_match, &query);
    return query.found ? query.value : NULL;
}

const char *
sw_http_request_body (sw_http_request_t *self)
{
    assert (self);
    return self->body ? self->body : "";
}

size_t
sw_http_request_body_size (sw_http_request_t *self)
{
    assert (self);
    return self->body_size;
}

const char *
sw_http_request_remote (sw_http_request_t *self)
{
    assert (self);
    return self->remote;
}


//  --------------------------------------------------------------------
//  Response setters

void
sw_http_response_status (sw_http_response_t *self, int status)
{
    assert (self);
    self->status = status;
}

void
sw_http_response_header (sw_http_response_t *self, const char *name,
                         const char *value)
{
    assert (self);
    assert (name && value);
    if (strcasecmp (name, MHD_HTTP_HEADER_CONTENT_TYPE) == 0) {
        char *copy = strdup (value);
        if (copy) {
            free (self->content_type);
            self->content_type = copy;
        }
        return;
    }
    s_header_t *header = calloc (1, sizeof *header);
    if (!header)
        return;
    header->name = strdup (name);
    header->value = strdup (value);
    if (!header->name || !header->value) {
        free (header->name);
        free (header->value);
        free (header);
        return;
    }
    if (self->last_header)
        self->last_header->next = header;
    else
        self->headers = header;
    self->last_header = header;
}

void
sw_http_response_body (sw_http_response_t *self, const char *content_type,
                       const char *body, size_t size)
{
    assert (self);
    assert (body || size == 0);
    char *copy = malloc (size ? size : 1);
    char *type = content_type ? strdup (content_type) : NULL;
    if (!copy || (content_type && !type)) {
        free (copy);
        free (type);
        sw_error ("http: out of memory setting a response body");
        self->status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        return;
    }
    if (size)
        memcpy (copy, body, size);
    free (self->body);
    self->body = copy;
    self->size = size;
    free (self->content_type);
    self->content_type = type;
}

void
sw_http_response_error (sw_http_response_t *self, int status,
                        const char *code, const char *message)
{
    assert (self);
    json_t *obj = json_object ();
    json_t *jcode = json_string (code ? code : "error");
    json_t *jmessage = json_string (message ? message : "");
    //  Text that is not UTF-8 cannot go in JSON; say so rather than fail.
    json_object_set_new (obj, "error",
                         jcode ? jcode : json_string ("error"));
    json_object_set_new (obj, "message",
                         jmessage ? jmessage : json_string ("(not valid UTF-8)"));
    char *text = json_dumps (obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref (obj);
    self->status = status;
    if (text) {
        sw_http_response_body (self, S_JSON_TYPE, text, strlen (text));
        free (text);
    }
}

static void
s_response_reset (sw_http_response_t *self)
{
    s_header_t *header = self->headers;
    while (header) {
        s_header_t *next = header->next;
        free (header->name);
        free (header->value);
        free (header);
        header = next;
    }
    free (self->content_type);
    free (self->body);
    memset (self, 0, sizeof *self);
}


//  --------------------------------------------------------------------
//  Serving

//  Counts one response in the registry.
static void
s_count (sw_http_t *self, int status)
{
    char labels[32];
    snprintf (labels, sizeof labels, "code=\"%d\"", status);
    sw_counter_inc (sw_metrics_counter (
        self->metrics, "sunwai_http_requests_total",
        "HTTP requests answered, by status code", labels));
}

//  Turns response into an MHD response, queues it and counts it.  Frees
//  the response's contents.
static enum MHD_Result
s_queue (sw_http_t *self, sw_http_request_t *request,
         sw_http_response_t *response)
{
    int status = response->status;
    if (status < 100 || status > 599) {
        sw_error ("http: handler for %s %s set invalid status %d",
                  request->method, request->path, status);
        s_response_reset (response);
        sw_http_response_error (response, MHD_HTTP_INTERNAL_SERVER_ERROR,
                                "internal", "invalid response status");
        status = response->status;
    }
    //  MHD takes ownership of the body and frees it with free ().
    struct MHD_Response *mhd = MHD_create_response_from_buffer (
        response->size, response->body ? response->body : "",
        response->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!mhd) {
        s_response_reset (response);
        return MHD_NO;
    }
    response->body = NULL;
    MHD_add_response_header (mhd, MHD_HTTP_HEADER_CONTENT_TYPE,
                             response->content_type ? response->content_type
                                                    : S_TEXT_TYPE);
    for (s_header_t *header = response->headers; header;
         header = header->next)
        if (MHD_add_response_header (mhd, header->name, header->value)
            != MHD_YES)
            sw_warn ("http: response header '%s' refused", header->name);
    enum MHD_Result rc = MHD_queue_response (request->connection,
                                             (unsigned int) status, mhd);
    MHD_destroy_response (mhd);
    s_response_reset (response);
    if (rc == MHD_YES) {
        request->answered = true;
        s_count (self, status);
    }
    return rc;
}

static enum MHD_Result
s_queue_error (sw_http_t *self, sw_http_request_t *request, int status,
               const char *code, const char *message)
{
    sw_http_response_t response = { 0 };
    sw_http_response_error (&response, status, code, message);
    return s_queue (self, request, &response);
}

static enum MHD_Result
s_too_large (sw_http_t *self, sw_http_request_t *request)
{
    char message[96];
    snprintf (message, sizeof message,
              "request body exceeds the limit of %zu bytes", self->max_body);
    return s_queue_error (self, request, MHD_HTTP_CONTENT_TOO_LARGE,
                          "body_too_large", message);
}

static bool
s_is_get (const char *method)
{
    return strcmp (method, "GET") == 0 || strcmp (method, "HEAD") == 0;
}

//  Serves /healthz, /readyz and /metrics; returns false if path is none
//  of them.
static bool
s_builtin (sw_http_t *self, sw_http_request_t *request,
           sw_http_response_t *response)
{
    const char *path = request->path;
    bool healthz = strcmp (path, "/healthz") == 0;
    bool readyz = strcmp (path, "/readyz") == 0;
    bool metrics = strcmp (path, "/metrics") == 0;
    if (!healthz && !readyz && !metrics)
        return false;
    if (!s_is_get (request->method)) {
        sw_http_response_error (response, MHD_HTTP_METHOD_NOT_ALLOWED,
                                "method_not_allowed",
                                "only GET is allowed here");
        sw_http_response_header (response, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
        return true;
    }
    if (healthz) {
        const char *body = "{\"status\":\"ok\"}";
        sw_http_response_body (response, S_JSON_TYPE, body, strlen (body));
    }
    else
    if (readyz) {
        pthread_mutex_lock (&self->lock);
        bool ready = self->ready;
        json_t *obj = ready
            ? json_pack ("{s:s}", "status", "ready")
            : json_pack ("{s:s,s:s?}", "status", "not_ready",
                         "reason", self->reason);
        pthread_mutex_unlock (&self->lock);
        char *text = obj ? json_dumps (obj, JSON_COMPACT | JSON_PRESERVE_ORDER)
                         : NULL;
        json_decref (obj);
        if (text) {
            sw_http_response_status (response, ready
                ? MHD_HTTP_OK : MHD_HTTP_SERVICE_UNAVAILABLE);
            sw_http_response_body (response, S_JSON_TYPE, text, strlen (text));
            free (text);
        }
        else
            sw_http_response_error (response, MHD_HTTP_SERVICE_UNAVAILABLE,
                                    "not_ready", "readiness unavailable");
    }
    else {
        char *text = sw_metrics_render (self->metrics);
        if (text) {
            sw_http_response_body (response, S_METRICS_TYPE, text,
                                   strlen (text));
            free (text);
        }
        else
            sw_http_response_error (response, MHD_HTTP_INTERNAL_SERVER_ERROR,
                                    "internal", "could not render metrics");
    }
    return true;
}

static bool
s_path_matches (const char *pattern, const char *path)
{
    size_t len = strlen (pattern);
    if (len > 0 && pattern[len - 1] == '/')
        return strncmp (pattern, path, len) == 0;
    return strcmp (pattern, path) == 0;
}

static bool
s_method_matches (const char *pattern, const char *method)
{
    return !pattern || strcmp (pattern, method) == 0
        || (strcmp (method, "HEAD") == 0 && strcmp (pattern, "GET") == 0);
}

//  Runs the request to completion: built-in route, registered route,
//  404 or 405.
static enum MHD_Result
s_dispatch (sw_http_t *self, sw_http_request_t *request)
{
    sw_http_response_t response = { .status = MHD_HTTP_OK };
    if (s_builtin (self, request, &response))
        return s_queue (self, request, &response);

    sw_http_handler_fn *handler = NULL;
    void *arg = NULL;
    bool path_known = false;
    char allow[128] = "";
    pthread_mutex_lock (&self->lock);
    for (s_route_t *route = self->routes; route; route = route->next) {
        if (!s_path_matches (route->path, request->path))
            continue;
        path_known = true;
        if (s_method_matches (route->method, request->method)) {
            handler = route->handler;
            arg = route->arg;
            break;
        }
        size_t used = strlen (allow);
        snprintf (allow + used, sizeof allow - used, "%s%s",
                  used ? ", " : "", route->method);
    }
    pthread_mutex_unlock (&self->lock);

    if (handler)
        handler (arg, request, &response);
    else
    if (path_known) {
        sw_http_response_error (&response, MHD_HTTP_METHOD_NOT_ALLOWED,
                                "method_not_allowed",
                                "method not allowed for this path");
        sw_http_response_header (&response, MHD_HTTP_HEADER_ALLOW, allow);
    }
    else
        sw_http_response_error (&response, MHD_HTTP_NOT_FOUND, "not_found",
                                "no such path");
    return s_queue (self, request, &response);
}

//  Appends a chunk of body; false if the body would exceed max_body (or
//  memory runs out, which is treated the same way).
static bool
s_append (sw_http_t *self, sw_http_request_t *request, const char *data,
          size_t size)
{
    if (size > self->max_body - request->body_size)
        return false;
    size_t need = request->body_size + size + 1;
    if (need > request->body_cap) {
        size_t cap = request->body_cap ? request->body_cap : 1024;
        while (cap < need)
            cap *= 2;
        if (self->max_body < SIZE_MAX && cap > self->max_body + 1)
            cap = self->max_body + 1;
        char *body = realloc (request->body, cap);
        if (!body)
            return false;
        request->body = body;
        request->body_cap = cap;
    }
    memcpy (request->body + request->body_size, data, size);
    request->body_size += size;
    request->body[request->body_size] = '\0';
    return true;
}

static sw_http_request_t *
s_request_new (struct MHD_Connection *connection, const char *url,
               const char *method)
{
    sw_http_request_t *request = calloc (1, sizeof *request);
    if (!request)
        return NULL;
    request->connection = connection;
    request->method = method;
    request->path = url;
    const union MHD_ConnectionInfo *info = MHD_get_connection_info (
        connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = info ? info->client_addr : NULL;
    if (sa && sa->sa_family == AF_INET)
        inet_ntop (AF_INET, &((const struct sockaddr_in *) sa)->sin_addr,
                   request->remote, sizeof request->remote);
    else
    if (sa && sa->sa_family == AF_INET6)
        inet_ntop (AF_INET6, &((const struct sockaddr_in6 *) sa)->sin6_addr,
                   request->remote, sizeof request->remote);
    return request;
}

static enum MHD_Result
s_access (void *cls, struct MHD_Connection *connection, const char *url,
          const char *method, const char *version, const char *upload_data,
          size_t *upload_data_size, void **con_cls)
{
    sw_http_t *self = (sw_http_t *) cls;
    sw_http_request_t *request = (sw_http_request_t *) *con_cls;

    if (!request) {
        //  Headers are in; no body has been read yet.
        request = s_request_new (connection, url, method);
        if (!request)
            return MHD_NO;
        *con_cls = request;
        const char *length = MHD_lookup_connection_value (
            connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (length) {
            char *end;
            unsigned long long declared = strtoull (length, &end, 10);
            if (end != length && declared > self->max_body) {
                //  Answering now also skips "100 Continue", so a
                //  well-behaved client never sends the body.
                request->too_large = true;
                return s_too_large (self, request);
            }
        }
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        //  A chunk of body.  Once over the limit, keep reading and
        //  discarding so that the 413 can be sent when the body ends.
        size_t size = *upload_data_size;
        *upload_data_size = 0;
        if (!request->too_large && s_append (self, request, upload_data, size))
            return MHD_YES;
        if (!request->too_large) {
            request->too_large = true;
            free (request->body);
            request->body = NULL;
            request->body_size = request->body_cap = 0;
        }
        request->discarded += size;
        if (request->discarded > S_DISCARD_MAX) {
            sw_warn ("http: dropping %s %s from %s: body far over the limit",
                     request->method, request->path, request->remote);
            return MHD_NO;
        }
        return MHD_YES;
    }
    //  Body complete.
    if (request->answered)
        return MHD_YES;
    if (request->too_large)
        return s_too_large (self, request);
    return s_dispatch (self, request);
}

static void
s_completed (void *cls, struct MHD_Connection *connection, void **con_cls,
             enum MHD_RequestTerminationCode toe)
{
    sw_http_request_t *request = (sw_http_request_t *) *con_cls;
    if (!request)
        return;
    free (request->body);
    free (request);
    *con_cls = NULL;
}

static void
s_mhd_log (void *cls, const char *format, va_list args)
{
    char message[512];
    vsnprintf (message, sizeof message, format, args);
    size_t len = strlen (message);
    while (len > 0 && (message[len - 1] == '\n' || message[len - 1] == '\r'))
        message[--len] = '\0';
    sw_warn ("http: %s", message);
}

int
sw_http_start (sw_http_t *self)
{
    assert (self);
    if (self->daemon) {
        sw_error ("http: already started on port %d", self->bound_port);
        return -1;
    }
    struct sockaddr_in addr;
    memset (&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons ((uint16_t) self->port);
    inet_pton (AF_INET, self->bind, &addr.sin_addr);   //  checked in _new

    unsigned int flags = MHD_USE_AUTO_INTERNAL_THREAD
                       | MHD_USE_THREAD_PER_CONNECTION
                       | MHD_USE_ERROR_LOG;
    self->daemon = MHD_start_daemon (
        flags, (uint16_t) self->port, NULL, NULL, s_access, self,
        MHD_OPTION_EXTERNAL_LOGGER, s_mhd_log, self,    //  must be first
        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *) &addr,
        MHD_OPTION_NOTIFY_COMPLETED, s_completed, self,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned int) 512,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) 60,
        MHD_OPTION_END);
    if (!self->daemon) {
        sw_error ("http: cannot listen on %s:%d", self->bind, self->port);
        return -1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info (
        self->daemon, MHD_DAEMON_INFO_BIND_PORT);
    self->bound_port = info && info->port ? info->port : self->port;
    sw_info ("http: listening on %s:%d", self->bind, self->bound_port);
    return 0;
}


//  --------------------------------------------------------------------
//  Self test.  Checks do not use assert () so that they still run in
//  builds with NDEBUG.  A raw socket client keeps it free of libcurl.

#define s_check(cond) \
    do { \
        if (!(cond)) { \
            fprintf (stderr, "sw_http_test: %s:%d: check failed: %s\n", \
                     __FILE__, __LINE__, #cond); \
            abort (); \
        } \
    } while (0)

//  Sends one HTTP/1.0 request and returns the whole response (caller
//  frees), or NULL.
static char *
s_test_request (int port, const char *request)
{
    int fd = socket (AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return NULL;
    struct sockaddr_in addr;
    memset (&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons ((uint16_t) port);
    addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
    if (connect (fd, (struct sockaddr *) &addr, sizeof addr) != 0
    ||  write (fd, request, strlen (request)) != (ssize_t) strlen (request)) {
        close (fd);
        return NULL;
    }
    size_t size = 0, cap = 4096;
    char *reply = malloc (cap);
    ssize_t n;
    while (reply && (n = read (fd, reply + size, cap - size - 1)) > 0) {
        size += (size_t) n;
        if (cap - size < 512) {
            char *bigger = realloc (reply, cap * 2);
            if (!bigger) {
                free (reply);
                reply = NULL;
            }
            else {
                reply = bigger;
                cap *= 2;
            }
        }
    }
    close (fd);
    if (reply)
        reply[size] = '\0';
    return reply;
}

//  Status code from a response's status line, or -1.
static int
s_test_status (const char *reply)
{
    int status = -1;
    if (!reply || sscanf (reply, "HTTP/1.%*d %d", &status) != 1)
        return -1;
    return status;
}

static void
s_test_echo (void *arg, sw_http_request_t *request,
             sw_http_response_t *response)
{
    int *calls = (int *) arg;
    (*calls)++;
    sw_http_response_status (response, 201);
    sw_http_response_header (response, "X-Echo",
                             sw_http_request_query (request, "q"));
    sw_http_response_body (response, NULL, sw_http_request_body (request),
                           sw_http_request_body_size (request));
}

void
sw_http_test (bool verbose)
{
    if (verbose)
        printf (" * sw_http: ");

    s_check (sw_http_new ("not-an-address", 0, 16, NULL) == NULL);
    s_check (sw_http_new ("127.0.0.1", 70000, 16, NULL) == NULL);

    sw_http_t *http = sw_http_new ("127.0.0.1", 0, 16, NULL);
    s_check (http);
    int calls = 0;
    s_check (sw_http_route (http, "POST", "/echo", s_test_echo, &calls) == 0);
    s_check (sw_http_start (http) == 0);
    int port = sw_http_port (http);
    s_check (port > 0);

    char *reply = s_test_request (port, "GET /healthz HTTP/1.0\r\n\r\n");
    s_check (s_test_status (reply) == 200);
    s_check (strstr (reply, "\r\n\r\n{\"status\":\"ok\"}"));
    free (reply);

    reply = s_test_request (port, "GET /readyz HTTP/1.0\r\n\r\n");
    s_check (s_test_status (reply) == 503);
    s_check (strstr (reply, "{\"status\":\"not_ready\",\"reason\":\"starting\"}"));
    free (reply);
    sw_http_set_ready (http, true, NULL);
    s_check (sw_http_ready (http));
    reply = s_test_request (port, "GET /readyz HTTP/1.0\r\n\r\n");
    s_check (s_test_status (reply) == 200);
    free (reply);

    reply = s_test_request (port, "POST /echo?q=hi HTTP/1.0\r\n"
                                  "Content-Length: 5\r\n\r\nhello");
    s_check (s_test_status (reply) == 201);
    s_check (strstr (reply, "X-Echo: hi\r\n"));
    s_check (strstr (reply, "\r\n\r\nhello"));
    free (reply);
    s_check (calls == 1);

    //  Refused on the declared length alone: the body is never sent.
    reply = s_test_request (port, "POST /echo HTTP/1.0\r\n"
                                  "Content-Length: 17\r\n\r\n");
    s_check (s_test_status (reply) == 413);
    s_check (strstr (reply, "\"error\":\"body_too_large\""));
    free (reply);
    s_check (calls == 1);

    reply = s_test_request (port, "GET /echo HTTP/1.0\r\n\r\n");
    s_check (s_test_status (reply) == 405);
    free (reply);
    reply = s_test_request (port, "GET /nowhere HTTP/1.0\r\n\r\n");
    s_check (s_test_status (reply) == 404);
    free (reply);

    reply = s_test_request (port, "GET /metrics HTTP/1.0\r\n\r\n");
    s_check (s_test_status (reply) == 200);
    s_check (strstr (reply, "sunwai_http_requests_total{code=\"413\"} 1\n"));
    free (reply);

    sw_http_destroy (&http);
    s_check (http == NULL);
    sw_http_destroy (&http);

    if (verbose)
        printf ("OK\n");
}
