/*  test_http: the HTTP endpoint, driven over loopback with libcurl.

    Each test gets a server on 127.0.0.1 with a free port, a 64-byte body
    limit, its own metrics registry and these routes:
        POST /echo      echoes body, a header and a query argument
        /api/           prefix route, any method
        GET /api/inner  never reached: /api/ was registered first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sw_http.h"
#include "sw_log.h"
#include "sw_metrics.h"

#define S_MAX_BODY 64

typedef struct {
    sw_metrics_t *metrics;          //  registry served on /metrics
    sw_http_t *http;                //  server under test
    int port;                       //  port it bound
    atomic_int echo_calls;          //  times the echo handler ran
    atomic_int api_calls;           //  times the /api/ handler ran
    atomic_int inner_calls;         //  times the /api/inner handler ran
} s_fixture_t;

//  One HTTP exchange as the client saw it.
typedef struct {
    CURLcode rc;                    //  curl's result
    long status;                    //  response status, 0 if none
    char *body;                     //  response body, NUL-terminated
    size_t size;                    //  body size
    char *headers;                  //  raw response headers
    size_t headers_size;            //  raw headers size
    char content_type[128];         //  Content-Type, "" if none
} s_reply_t;

//  What a request sends; unset fields are left at curl's defaults.
typedef struct {
    const char *method;             //  e.g. "POST"; NULL for GET
    const char *body;               //  request body, or NULL
    size_t size;                    //  body size
    bool chunked;                   //  send body with chunked encoding
    const char *header;             //  one extra request header, or NULL
    size_t piece;                   //  chunked piece size, 0 for 100
    bool may_fail;                  //  a transfer error is expected
} s_send_t;

//  What curl writes a body or headers into.
typedef struct {
    char *data;                     //  bytes received, NUL-terminated
    size_t size;                    //  how many
} s_buf_t;

//  State for the chunked upload read callback.
typedef struct {
    const char *data;               //  bytes left to send
    size_t left;                    //  how many
    size_t piece;                   //  most bytes per read
} s_upload_t;

static size_t
s_collect (char *data, size_t size, size_t nmemb, void *arg)
{
    s_buf_t *buf = arg;
    size_t n = size * nmemb;
    char *bigger = realloc (buf->data, buf->size + n + 1);
    if (!bigger)
        return 0;
    memcpy (bigger + buf->size, data, n);
    buf->size += n;
    bigger[buf->size] = '\0';
    buf->data = bigger;
    return n;
}

static size_t
s_upload_read (char *buffer, size_t size, size_t nitems, void *arg)
{
    s_upload_t *upload = arg;
    //  Small pieces so that the server sees several body calls.
    size_t n = size * nitems;
    if (n > upload->piece)
        n = upload->piece;
    if (n > upload->left)
        n = upload->left;
    memcpy (buffer, upload->data, n);
    upload->data += n;
    upload->left -= n;
    return n;
}

static void
s_reply_free (s_reply_t *reply)
{
    free (reply->body);
    free (reply->headers);
    memset (reply, 0, sizeof *reply);
}

//  Performs one request to path on the fixture's server.
static s_reply_t
s_request (s_fixture_t *fixture, const char *path, const s_send_t *send)
{
    s_reply_t reply = { 0 };
    char url[256];
    snprintf (url, sizeof url, "http://127.0.0.1:%d%s", fixture->port, path);
    CURL *curl = curl_easy_init ();
    assert_non_null (curl);
    s_buf_t body = { NULL, 0 };
    s_buf_t headers = { NULL, 0 };
    curl_easy_setopt (curl, CURLOPT_URL, url);
    curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, s_collect);
    curl_easy_setopt (curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, s_collect);
    curl_easy_setopt (curl, CURLOPT_HEADERDATA, &headers);
    curl_easy_setopt (curl, CURLOPT_TIMEOUT, 10L);
    struct curl_slist *list = NULL;
    s_upload_t upload = { NULL, 0, 100 };
    if (send && send->header)
        list = curl_slist_append (list, send->header);
    if (send && send->chunked) {
        upload.data = send->body;
        upload.left = send->size;
        if (send->piece)
            upload.piece = send->piece;
        curl_easy_setopt (curl, CURLOPT_POST, 1L);
        curl_easy_setopt (curl, CURLOPT_READFUNCTION, s_upload_read);
        curl_easy_setopt (curl, CURLOPT_READDATA, &upload);
        list = curl_slist_append (list, "Transfer-Encoding: chunked");
    }
    else
    if (send && send->body) {
        curl_easy_setopt (curl, CURLOPT_POSTFIELDS, send->body);
        curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE, (long) send->size);
    }
    if (send && send->method)
        curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, send->method);
    if (list)
        curl_easy_setopt (curl, CURLOPT_HTTPHEADER, list);
    CURLcode rc = curl_easy_perform (curl);
    reply.rc = rc;
    if (!(send && send->may_fail)) {
        if (rc != CURLE_OK)
            print_error ("curl %s: %s\n", path, curl_easy_strerror (rc));
        assert_int_equal (rc, CURLE_OK);
    }
    curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &reply.status);
    char *type = NULL;
    curl_easy_getinfo (curl, CURLINFO_CONTENT_TYPE, &type);
    snprintf (reply.content_type, sizeof reply.content_type, "%s",
              type ? type : "");
    curl_slist_free_all (list);
    curl_easy_cleanup (curl);
    reply.body = body.data ? body.data : strdup ("");
    reply.size = body.size;
    reply.headers = headers.data ? headers.data : strdup ("");
    reply.headers_size = headers.size;
    return reply;
}

static s_reply_t
s_get (s_fixture_t *fixture, const char *path)
{
    return s_request (fixture, path, NULL);
}

//  Echoes "method|path|body|X-Token header|q argument|remote" and sets
//  X-Body-Size to the body size as the handler saw it.
static void
s_echo (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    s_fixture_t *fixture = arg;
    atomic_fetch_add (&fixture->echo_calls, 1);
    const char *token = sw_http_request_header (request, "x-token");
    const char *q = sw_http_request_query (request, "q");
    char size[32];
    snprintf (size, sizeof size, "%zu", sw_http_request_body_size (request));
    char text[512];
    snprintf (text, sizeof text, "%s|%s|%s|%s|%s|%s",
              sw_http_request_method (request), sw_http_request_path (request),
              sw_http_request_body (request), token ? token : "(none)",
              q ? q : "(none)", sw_http_request_remote (request));
    sw_http_response_status (response, 201);
    sw_http_response_header (response, "X-Body-Size", size);
    sw_http_response_body (response, "application/x-echo", text, strlen (text));
}

static void
s_api (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    s_fixture_t *fixture = arg;
    atomic_fetch_add (&fixture->api_calls, 1);
    const char *path = sw_http_request_path (request);
    sw_http_response_body (response, NULL, path, strlen (path));
}

static void
s_inner (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    s_fixture_t *fixture = arg;
    atomic_fetch_add (&fixture->inner_calls, 1);
    sw_http_response_error (response, 500, "wrong_route", "inner was called");
}

static FILE *s_devnull = NULL;      //  where the server's logs go

static int
s_group_setup (void **state)
{
    s_devnull = fopen ("/dev/null", "w");
    sw_log_set_stream (s_devnull);
    return curl_global_init (CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

static int
s_group_teardown (void **state)
{
    curl_global_cleanup ();
    sw_log_set_stream (NULL);
    if (s_devnull)
        fclose (s_devnull);
    return 0;
}

static int
s_setup (void **state)
{
    s_fixture_t *fixture = calloc (1, sizeof *fixture);
    if (!fixture)
        return -1;
    fixture->metrics = sw_metrics_new ();
    fixture->http = sw_http_new ("127.0.0.1", 0, S_MAX_BODY, fixture->metrics);
    if (!fixture->metrics || !fixture->http
    ||  sw_http_route (fixture->http, "POST", "/echo", s_echo, fixture)
    ||  sw_http_route (fixture->http, NULL, "/api/", s_api, fixture)
    ||  sw_http_route (fixture->http, "GET", "/api/inner", s_inner, fixture)
    ||  sw_http_start (fixture->http))
        return -1;
    fixture->port = sw_http_port (fixture->http);
    if (fixture->port <= 0)
        return -1;
    *state = fixture;
    return 0;
}

static int
s_teardown (void **state)
{
    s_fixture_t *fixture = *state;
    sw_http_destroy (&fixture->http);
    sw_metrics_destroy (&fixture->metrics);
    free (fixture);
    return 0;
}

static void
test_healthz (void **state)
{
    s_fixture_t *fixture = *state;
    s_reply_t reply = s_get (fixture, "/healthz");
    assert_int_equal (reply.status, 200);
    assert_string_equal (reply.body, "{\"status\":\"ok\"}");
    assert_string_equal (reply.content_type, "application/json");
    s_reply_free (&reply);
}

static void
test_readyz (void **state)
{
    s_fixture_t *fixture = *state;
    assert_false (sw_http_ready (fixture->http));
    s_reply_t reply = s_get (fixture, "/readyz");
    assert_int_equal (reply.status, 503);
    assert_string_equal (reply.body,
                         "{\"status\":\"not_ready\",\"reason\":\"starting\"}");
    s_reply_free (&reply);

    sw_http_set_ready (fixture->http, false, "database \"down\"");
    reply = s_get (fixture, "/readyz");
    assert_int_equal (reply.status, 503);
    assert_string_equal (reply.body, "{\"status\":\"not_ready\","
                                     "\"reason\":\"database \\\"down\\\"\"}");
    s_reply_free (&reply);

    sw_http_set_ready (fixture->http, true, NULL);
    assert_true (sw_http_ready (fixture->http));
    reply = s_get (fixture, "/readyz");
    assert_int_equal (reply.status, 200);
    assert_string_equal (reply.body, "{\"status\":\"ready\"}");
    assert_string_equal (reply.content_type, "application/json");
    s_reply_free (&reply);

    sw_http_set_ready (fixture->http, false, "draining");
    reply = s_get (fixture, "/readyz");
    assert_int_equal (reply.status, 503);
    assert_non_null (strstr (reply.body, "\"reason\":\"draining\""));
    s_reply_free (&reply);
}

static void
test_metrics (void **state)
{
    s_fixture_t *fixture = *state;
    sw_counter_t *things = sw_metrics_counter (
        fixture->metrics, "sunwai_test_things_total", "Things", NULL);
    sw_counter_add (things, 3);
    s_reply_t reply = s_get (fixture, "/healthz");
    s_reply_free (&reply);
    reply = s_get (fixture, "/nowhere");
    s_reply_free (&reply);

    reply = s_get (fixture, "/metrics");
    assert_int_equal (reply.status, 200);
    assert_string_equal (reply.content_type,
                         "text/plain; version=0.0.4; charset=utf-8");
    assert_non_null (strstr (reply.body, "# HELP sunwai_test_things_total Things\n"
                                         "# TYPE sunwai_test_things_total counter\n"
                                         "sunwai_test_things_total 3\n"));
    assert_non_null (strstr (reply.body, "# HELP sunwai_http_requests_total "));
    assert_non_null (strstr (reply.body,
                             "# TYPE sunwai_http_requests_total counter\n"));
    //  The requests made before this one are counted by status code.
    assert_non_null (strstr (reply.body,
                             "sunwai_http_requests_total{code=\"200\"} 1\n"));
    assert_non_null (strstr (reply.body,
                             "sunwai_http_requests_total{code=\"404\"} 1\n"));
    s_reply_free (&reply);

    //  ...and this one too, once answered.
    sw_counter_t *ok = sw_metrics_counter (
        fixture->metrics, "sunwai_http_requests_total", "x", "code=\"200\"");
    assert_true (sw_counter_value (ok) == 2);
}

static void
test_post_echo (void **state)
{
    s_fixture_t *fixture = *state;
    const char *json = "{\"tweet\":\"hello\"}";
    s_send_t send = { .method = "POST", .body = json, .size = strlen (json),
                      .header = "X-Token: secret-1" };
    s_reply_t reply = s_request (fixture, "/echo?q=hello%20world&other=1",
                                 &send);
    assert_int_equal (reply.status, 201);
    assert_string_equal (reply.content_type, "application/x-echo");
    assert_string_equal (reply.body, "POST|/echo|{\"tweet\":\"hello\"}|"
                                     "secret-1|hello world|127.0.0.1");
    assert_non_null (strstr (reply.headers, "X-Body-Size: 17\r\n"));
    s_reply_free (&reply);
    assert_int_equal (atomic_load (&fixture->echo_calls), 1);

    //  No header and no query argument.
    send.header = NULL;
    reply = s_request (fixture, "/echo", &send);
    assert_int_equal (reply.status, 201);
    assert_string_equal (reply.body, "POST|/echo|{\"tweet\":\"hello\"}|"
                                     "(none)|(none)|127.0.0.1");
    s_reply_free (&reply);
}

static void
test_post_binary_and_chunked (void **state)
{
    s_fixture_t *fixture = *state;
    //  A body with a NUL in it keeps its full size.
    s_send_t send = { .method = "POST", .body = "ab\0cd", .size = 5 };
    s_reply_t reply = s_request (fixture, "/echo", &send);
    assert_int_equal (reply.status, 201);
    assert_non_null (strstr (reply.headers, "X-Body-Size: 5\r\n"));
    s_reply_free (&reply);

    //  A chunked body of exactly the limit, in several pieces.
    char body[S_MAX_BODY + 1];
    memset (body, 'x', S_MAX_BODY);
    body[S_MAX_BODY] = '\0';
    send = (s_send_t) { .body = body, .size = S_MAX_BODY, .chunked = true };
    reply = s_request (fixture, "/echo", &send);
    assert_int_equal (reply.status, 201);
    char size[32];
    snprintf (size, sizeof size, "X-Body-Size: %d\r\n", S_MAX_BODY);
    assert_non_null (strstr (reply.headers, size));
    assert_non_null (strstr (reply.body, body));
    s_reply_free (&reply);
    assert_int_equal (atomic_load (&fixture->echo_calls), 2);
}

static void
test_body_too_large (void **state)
{
    s_fixture_t *fixture = *state;
    static char big[10000];
    memset (big, 'y', sizeof big);

    //  Declared with Content-Length: refused before the body is read.
    s_send_t send = { .method = "POST", .body = big, .size = S_MAX_BODY + 1 };
    s_reply_t reply = s_request (fixture, "/echo", &send);
    assert_int_equal (reply.status, 413);
    assert_string_equal (reply.content_type, "application/json");
    assert_non_null (strstr (reply.body, "{\"error\":\"body_too_large\","
                                         "\"message\":\""));
    s_reply_free (&reply);

    send.size = sizeof big;
    reply = s_request (fixture, "/echo", &send);
    assert_int_equal (reply.status, 413);
    s_reply_free (&reply);

    //  Chunked, so the size is only known while reading.
    send.chunked = true;
    send.method = NULL;
    reply = s_request (fixture, "/echo", &send);
    assert_int_equal (reply.status, 413);
    assert_non_null (strstr (reply.body, "\"error\":\"body_too_large\""));
    s_reply_free (&reply);

    assert_int_equal (atomic_load (&fixture->echo_calls), 0);
    sw_counter_t *refused = sw_metrics_counter (
        fixture->metrics, "sunwai_http_requests_total", "x", "code=\"413\"");
    assert_true (sw_counter_value (refused) == 3);

    //  The server still serves afterwards.
    send = (s_send_t) { .method = "POST", .body = big, .size = S_MAX_BODY };
    reply = s_request (fixture, "/echo", &send);
    assert_int_equal (reply.status, 201);
    s_reply_free (&reply);
    assert_int_equal (atomic_load (&fixture->echo_calls), 1);
}

//  Content-Length over the limit is refused from the headers alone: the
//  client sends no body and still gets its 413 at once.
static void
test_body_too_large_declared (void **state)
{
    s_fixture_t *fixture = *state;
    int fd = socket (AF_INET, SOCK_STREAM, 0);
    assert_true (fd >= 0);
    struct timeval timeout = { .tv_sec = 5 };
    setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    struct sockaddr_in addr = { .sin_family = AF_INET,
                                .sin_port = htons ((uint16_t) fixture->port),
                                .sin_addr.s_addr = htonl (INADDR_LOOPBACK) };
    assert_int_equal (connect (fd, (struct sockaddr *) &addr, sizeof addr), 0);
    const char *head = "POST /echo HTTP/1.1\r\nHost: test\r\n"
                       "Content-Length: 1000000\r\n\r\n";
    assert_int_equal (write (fd, head, strlen (head)), (ssize_t) strlen (head));
    char reply[2048];
    size_t size = 0;
    ssize_t n;
    while (size < sizeof reply - 1
       && (n = read (fd, reply + size, sizeof reply - 1 - size)) > 0) {
        size += (size_t) n;
        reply[size] = '\0';
        if (strstr (reply, "}"))
            break;                  //  the whole JSON body is in
    }
    close (fd);
    reply[size] = '\0';
    assert_true (strncmp (reply, "HTTP/1.1 413 ", 13) == 0);
    assert_non_null (strstr (reply, "\"error\":\"body_too_large\""));
    assert_int_equal (atomic_load (&fixture->echo_calls), 0);
}

//  A chunked body far over the limit is not read to its end: the server
//  drops the connection once it has thrown away 4 MiB.
static void
test_body_endless_dropped (void **state)
{
    s_fixture_t *fixture = *state;
    size_t size = 6 * 1024 * 1024;
    char *huge = malloc (size);
    assert_non_null (huge);
    memset (huge, 'z', size);
    s_send_t send = { .body = huge, .size = size, .chunked = true,
                      .piece = 64 * 1024, .may_fail = true };
    s_reply_t reply = s_request (fixture, "/echo", &send);
    assert_int_not_equal (reply.rc, CURLE_OK);
    //  No final response; curl may have seen "100 Continue".
    assert_true (reply.status == 0 || reply.status == 100);
    s_reply_free (&reply);
    free (huge);
    assert_int_equal (atomic_load (&fixture->echo_calls), 0);

    reply = s_get (fixture, "/healthz");
    assert_int_equal (reply.status, 200);
    s_reply_free (&reply);
}

static void
test_not_found_and_method (void **state)
{
    s_fixture_t *fixture = *state;
    s_reply_t reply = s_get (fixture, "/nowhere");
    assert_int_equal (reply.status, 404);
    assert_string_equal (reply.content_type, "application/json");
    assert_non_null (strstr (reply.body, "{\"error\":\"not_found\","));
    s_reply_free (&reply);

    //  /echo exists for POST only.
    reply = s_get (fixture, "/echo");
    assert_int_equal (reply.status, 405);
    assert_non_null (strstr (reply.body, "{\"error\":\"method_not_allowed\","));
    assert_non_null (strstr (reply.headers, "Allow: POST\r\n"));
    s_reply_free (&reply);

    //  Exact routes do not match longer paths.
    reply = s_get (fixture, "/echo/more");
    assert_int_equal (reply.status, 404);
    s_reply_free (&reply);

    //  Built-in routes are GET only.
    s_send_t send = { .method = "POST", .body = "x", .size = 1 };
    reply = s_request (fixture, "/healthz", &send);
    assert_int_equal (reply.status, 405);
    s_reply_free (&reply);
    send.method = "DELETE";
    send.body = NULL;
    reply = s_request (fixture, "/metrics", &send);
    assert_int_equal (reply.status, 405);
    s_reply_free (&reply);

    assert_int_equal (atomic_load (&fixture->echo_calls), 0);
}

static void
test_prefix_routes (void **state)
{
    s_fixture_t *fixture = *state;
    s_reply_t reply = s_get (fixture, "/api/complaints/42");
    assert_int_equal (reply.status, 200);
    assert_string_equal (reply.body, "/api/complaints/42");
    assert_string_equal (reply.content_type, "text/plain; charset=utf-8");
    s_reply_free (&reply);

    //  "/api/" matches any method, and wins over the later /api/inner.
    s_send_t send = { .method = "PUT", .body = "z", .size = 1 };
    reply = s_request (fixture, "/api/inner", &send);
    assert_int_equal (reply.status, 200);
    assert_string_equal (reply.body, "/api/inner");
    s_reply_free (&reply);
    reply = s_get (fixture, "/api/inner");
    assert_int_equal (reply.status, 200);
    s_reply_free (&reply);

    //  The prefix itself matches; the path without its slash does not.
    reply = s_get (fixture, "/api/");
    assert_int_equal (reply.status, 200);
    s_reply_free (&reply);
    reply = s_get (fixture, "/api");
    assert_int_equal (reply.status, 404);
    s_reply_free (&reply);

    assert_int_equal (atomic_load (&fixture->api_calls), 4);
    assert_int_equal (atomic_load (&fixture->inner_calls), 0);
}

static void
test_new_and_start_errors (void **state)
{
    s_fixture_t *fixture = *state;
    assert_null (sw_http_new ("localhost", 0, 10, NULL));
    assert_null (sw_http_new ("::1", 0, 10, NULL));
    assert_null (sw_http_new ("127.0.0.1", -1, 10, NULL));
    assert_null (sw_http_new ("127.0.0.1", 65536, 10, NULL));

    //  The fixture's port is taken.
    sw_http_t *second = sw_http_new ("127.0.0.1", fixture->port, 10, NULL);
    assert_non_null (second);
    assert_int_equal (sw_http_port (second), fixture->port);
    assert_int_equal (sw_http_start (second), -1);
    sw_http_destroy (&second);
    assert_null (second);

    //  Starting twice fails; the first start keeps serving.
    assert_int_equal (sw_http_start (fixture->http), -1);
    s_reply_t reply = s_get (fixture, "/healthz");
    assert_int_equal (reply.status, 200);
    s_reply_free (&reply);
}

static void
test_destroy_twice (void **state)
{
    //  Never started.
    sw_http_t *http = sw_http_new ("127.0.0.1", 0, 10, NULL);
    assert_non_null (http);
    sw_http_destroy (&http);
    assert_null (http);
    sw_http_destroy (&http);
    assert_null (http);

    //  Started, with its own registry.
    http = sw_http_new ("127.0.0.1", 0, 10, NULL);
    assert_non_null (http);
    assert_int_equal (sw_http_start (http), 0);
    int port = sw_http_port (http);
    assert_true (port > 0);
    s_fixture_t fixture = { .port = port };
    s_reply_t reply = s_get (&fixture, "/metrics");
    assert_int_equal (reply.status, 200);
    s_reply_free (&reply);
    sw_http_destroy (&http);
    assert_null (http);
    sw_http_destroy (&http);
    assert_null (http);

    //  The port is free again: nothing listens there any more.
    http = sw_http_new ("127.0.0.1", port, 10, NULL);
    assert_non_null (http);
    assert_int_equal (sw_http_start (http), 0);
    sw_http_destroy (&http);
}

static void
test_selftest (void **state)
{
    sw_http_test (false);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown (test_healthz, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_readyz, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_metrics, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_post_echo, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_post_binary_and_chunked, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_body_too_large, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_body_too_large_declared, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_body_endless_dropped, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_not_found_and_method, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_prefix_routes, s_setup, s_teardown),
        cmocka_unit_test_setup_teardown (test_new_and_start_errors, s_setup, s_teardown),
        cmocka_unit_test (test_destroy_twice),
        cmocka_unit_test (test_selftest),
    };
    return cmocka_run_group_tests (tests, s_group_setup, s_group_teardown);
}
