/*  web: the static side of the dashboard and the officer console.

    At start every file under the web root (share/sunwai/web, found like
    the other data files, or web.root) is read into memory: the pages
    (dashboard.html, console.html, case.html, login.html), the style
    sheet, the scripts, the string tables and vendor/ (the charting
    library the build copied from npm).  Requests are then answered from
    that table, so a request path is only ever a key to look up, never a
    path on disk, and nothing reaches outside the root.  Only names with a
    known extension are loaded, each with its Content-Type.

      GET /, /dashboard      the public dashboard
      GET /web/<name>        an asset (vendor/<name> included)

    Every HTML page (here, in console.c and the status page in api.c)
    carries the same headers: a Content-Security-Policy that allows
    scripts, styles, images, fetches and forms from this origin only (no
    inline script, no eval, no third party), X-Frame-Options: DENY and
    frame-ancestors 'none' against clickjacking, nosniff, no referrer to
    other sites, and no caching. */
#include "analytics.h"
#include "sw_log.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define S_ASSET_MAX (8 * 1024 * 1024)

typedef struct {
    char *data;       //  the file's bytes
    size_t size;      //  how many
    const char *type; //  its Content-Type (static string)
} s_asset_t;

struct _analytics_web_t {
    char *root;       //  where the assets were read from, or NULL
    zhashx_t *assets; //  name relative to root ("vendor/chart.umd.min.js") -> s_asset_t
};

static const struct {
    const char *ext;
    const char *type;
} s_types[] = {{".html", "text/html; charset=utf-8"},
               {".css", "text/css; charset=utf-8"},
               {".js", "text/javascript; charset=utf-8"},
               {".mjs", "text/javascript; charset=utf-8"},
               {".json", "application/json"},
               {".svg", "image/svg+xml"},
               {".png", "image/png"},
               {".ico", "image/x-icon"},
               {".txt", "text/plain; charset=utf-8"},
               {NULL, NULL}};

const char *
analytics_web_content_type (const char *name)
{
    const char *dot = strrchr (name, '.');
    if (!dot || strchr (dot, '/'))
        return NULL;
    for (int i = 0; s_types[i].ext; i++)
        if (streq (dot, s_types[i].ext))
            return s_types[i].type;
    return NULL;
}

void
analytics_web_html_headers (sw_http_response_t *response)
{
    sw_http_response_header (response, "Content-Security-Policy",
                             "default-src 'none'; script-src 'self'; style-src 'self';"
                             " img-src 'self' data:; connect-src 'self'; font-src 'self';"
                             " form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    sw_http_response_header (response, "X-Frame-Options", "DENY");
    sw_http_response_header (response, "X-Content-Type-Options", "nosniff");
    sw_http_response_header (response, "Referrer-Policy", "same-origin");
}

static void
s_asset_free (void **item_p)
{
    s_asset_t *asset = (s_asset_t *)*item_p;
    if (asset) {
        free (asset->data);
        free (asset);
        *item_p = NULL;
    }
}

static int
s_load_file (analytics_web_t *self, const char *path, const char *name)
{
    const char *type = analytics_web_content_type (name);
    if (!type)
        return 0;
    FILE *file = fopen (path, "rb");
    if (!file)
        return -1;
    s_asset_t *asset = calloc (1, sizeof *asset);
    struct stat st;
    if (!asset || fstat (fileno (file), &st) != 0 || st.st_size > S_ASSET_MAX) {
        free (asset);
        fclose (file);
        sw_log_kv (SW_LOG_WARN, "web asset skipped: unreadable or too large", "file", path, NULL);
        return 0;
    }
    asset->size = (size_t)st.st_size;
    asset->data = malloc (asset->size + 1);
    asset->type = type;
    if (!asset->data || fread (asset->data, 1, asset->size, file) != asset->size) {
        fclose (file);
        void *item = asset;
        s_asset_free (&item);
        return -1;
    }
    fclose (file);
    zhashx_update (self->assets, name, asset);
    return 0;
}

//  Load dir (prefix: its name relative to the root, "" for the root).
static int
s_load_dir (analytics_web_t *self, const char *dir, const char *prefix, int depth)
{
    DIR *handle = opendir (dir);
    if (!handle)
        return -1;
    int rc = 0;
    struct dirent *entry;
    while (rc == 0 && (entry = readdir (handle))) {
        if (entry->d_name[0] == '.')
            continue;
        char path[4096], name[1024];
        snprintf (path, sizeof path, "%s/%s", dir, entry->d_name);
        snprintf (name, sizeof name, "%s%s", prefix, entry->d_name);
        struct stat st;
        if (stat (path, &st) != 0)
            continue;
        if (S_ISDIR (st.st_mode)) {
            if (depth < 3 && !streq (entry->d_name, "node_modules")) {
                char sub[1100];
                snprintf (sub, sizeof sub, "%s/", name);
                rc = s_load_dir (self, path, sub, depth + 1);
            }
        }
        else if (S_ISREG (st.st_mode))
            rc = s_load_file (self, path, name);
    }
    closedir (handle);
    return rc;
}

const char *
analytics_web_asset (analytics_web_t *self, const char *name, size_t *size)
{
    s_asset_t *asset = self ? zhashx_lookup (self->assets, name) : NULL;
    if (!asset)
        return NULL;
    if (size)
        *size = asset->size;
    return asset->data;
}

void
analytics_web_serve (analytics_web_t *self, const char *name, int status,
                     sw_http_response_t *response)
{
    s_asset_t *asset = self ? zhashx_lookup (self->assets, name) : NULL;
    if (!asset) {
        sw_http_response_error (response, 503, "unavailable",
                                "the web assets are not installed (share/sunwai/web)");
        return;
    }
    if (strncmp (asset->type, "text/html", 9) == 0)
        analytics_web_html_headers (response);
    else
        sw_http_response_header (response, "X-Content-Type-Options", "nosniff");
    sw_http_response_header (response, "Cache-Control", "no-cache");
    sw_http_response_status (response, status);
    sw_http_response_body (response, asset->type, asset->data, asset->size);
}

//  GET /web/<name>
static void
s_on_asset (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    analytics_web_t *self = (analytics_web_t *)arg;
    const char *name = sw_http_request_path (request) + strlen ("/web/");
    if (!zhashx_lookup (self->assets, name)) {
        sw_http_response_error (response, 404, "not_found", "no such file");
        return;
    }
    analytics_web_serve (self, name, 200, response);
}

//  GET /dashboard, and / (the fallback route: anything else is 404).
static void
s_on_page (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    analytics_web_t *self = (analytics_web_t *)arg;
    const char *path = sw_http_request_path (request);
    if (streq (path, "/") || streq (path, "/dashboard"))
        analytics_web_serve (self, "dashboard.html", 200, response);
    else if (streq (path, "/favicon.ico") && zhashx_lookup (self->assets, "favicon.svg"))
        analytics_web_serve (self, "favicon.svg", 200, response);
    else
        sw_http_response_error (response, 404, "not_found", "no such path");
}

analytics_web_t *
analytics_web_new (sw_http_t *http, const char *root)
{
    analytics_web_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->assets = zhashx_new ();
    if (!self->assets) {
        free (self);
        return NULL;
    }
    zhashx_set_destructor (self->assets, s_asset_free);
    if (root) {
        self->root = strdup (root);
        if (s_load_dir (self, root, "", 0) != 0) {
            sw_log_kv (SW_LOG_ERROR, "could not read the web assets", "dir", root, NULL);
            analytics_web_destroy (&self);
            return NULL;
        }
        if (!zhashx_lookup (self->assets, "vendor/chart.umd.min.js"))
            sw_log_kv (SW_LOG_WARN,
                       "no charting library in the web assets: the dashboard shows"
                       " tables only",
                       "dir", root, "hint",
                       "Build with npm installed (the"
                       " sunwai-web target copies chart.js into share/sunwai/web/vendor).",
                       NULL);
        char files[24];
        snprintf (files, sizeof files, "%zu", zhashx_size (self->assets));
        sw_log_kv (SW_LOG_INFO, "web assets loaded", "dir", root, "files", files, NULL);
    }
    else
        sw_log_kv (SW_LOG_WARN, "no web assets: the dashboard and console are not served", "hint",
                   "Set web.root, or install share/sunwai/web beside the binary.", NULL);
    if (http) {
        sw_http_route (http, "GET", "/web/", s_on_asset, self);
        sw_http_route (http, "GET", "/dashboard", s_on_page, self);
    }
    return self;
}

void
analytics_web_destroy (analytics_web_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    analytics_web_t *self = *self_p;
    zhashx_destroy (&self->assets);
    free (self->root);
    free (self);
    *self_p = NULL;
}

void
analytics_web_fallback (analytics_web_t *self, sw_http_t *http)
{
    sw_http_route (http, "GET", "/", s_on_page, self);
}
