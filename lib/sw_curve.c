/*  sw_curve: CURVE for ZeroMQ links that cross hosts. */
#include "sw_curve.h"
#include "sw_log.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const sw_config_key_t sw_curve_keys[] = {
    { "curve.cert", SW_CONFIG_PATH, "", 0, 0, NULL, false, NULL,
      "CURVE: this process's secret certificate (sunwaictl curve keygen); empty: no CURVE" },
    { "curve.server_key", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "CURVE: Z85 public key of the deployment's server certificate (connecting sockets)" },
    { "curve.clients_dir", SW_CONFIG_PATH, "", 0, 0, NULL, false, NULL,
      "CURVE: directory of the client certificates allowed to connect (binding sockets)" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

struct _sw_curve_t {
    zcert_t *cert;          //  NULL: CURVE off
    char *server_key;       //  Z85, or NULL
    char *clients_dir;      //  or NULL
    zactor_t *auth;         //  the ZAP handler, when clients_dir is set
};

sw_curve_t *
sw_curve_new (sw_config_t *config)
{
    sw_curve_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    const char *cert = sw_config_str (config, "curve.cert");
    const char *server_key = sw_config_str (config, "curve.server_key");
    const char *clients_dir = sw_config_str (config, "curve.clients_dir");
    if (!*cert) {
        if (*server_key || *clients_dir) {
            sw_log_kv (SW_LOG_ERROR, "curve.server_key and curve.clients_dir need curve.cert",
                       "hint", "give this process its certificate (sunwaictl curve keygen)",
                       (const char *) NULL);
            free (self);
            return NULL;
        }
        return self;
    }
    if (!zsys_has_curve ()) {
        sw_log (SW_LOG_ERROR, "this libzmq was built without CURVE");
        free (self);
        return NULL;
    }
    self->cert = zcert_load (cert);
    if (!self->cert) {
        sw_log_kv (SW_LOG_ERROR, "could not load the CURVE certificate", "key", "curve.cert",
                   "path", cert, (const char *) NULL);
        free (self);
        return NULL;
    }
    if (*server_key) {
        if (strlen (server_key) != 40) {
            sw_log_kv (SW_LOG_ERROR, "curve.server_key is not a Z85 public key (40 characters)",
                       "value", server_key, (const char *) NULL);
            sw_curve_destroy (&self);
            return NULL;
        }
        self->server_key = strdup (server_key);
    }
    if (*clients_dir) {
        struct stat st;
        if (stat (clients_dir, &st) != 0 || !S_ISDIR (st.st_mode)) {
            sw_log_kv (SW_LOG_ERROR, "curve.clients_dir is not a directory", "path",
                       clients_dir, (const char *) NULL);
            sw_curve_destroy (&self);
            return NULL;
        }
        self->clients_dir = strdup (clients_dir);
        //  zauth watches the directory: certificates added later are
        //  taken without a restart.
        self->auth = zactor_new (zauth, NULL);
        if (!self->auth || zstr_sendx (self->auth, "CURVE", clients_dir, NULL) != 0
            || zsock_wait (self->auth) != 0) {
            sw_log (SW_LOG_ERROR, "could not start the CURVE authenticator");
            sw_curve_destroy (&self);
            return NULL;
        }
    }
    sw_log_kv (SW_LOG_INFO, "CURVE on", "public_key", zcert_public_txt (self->cert),
               (const char *) NULL);
    return self;
}

void
sw_curve_destroy (sw_curve_t **self_p)
{
    sw_curve_t *self = *self_p;
    if (!self)
        return;
    zactor_destroy (&self->auth);
    zcert_destroy (&self->cert);
    free (self->server_key);
    free (self->clients_dir);
    free (self);
    *self_p = NULL;
}

bool
sw_curve_enabled (sw_curve_t *self)
{
    return self && self->cert;
}

int
sw_curve_apply (sw_curve_t *self, zsock_t *sock, bool binds)
{
    if (!sw_curve_enabled (self))
        return 0;
    if (binds && !self->auth) {
        sw_log (SW_LOG_ERROR, "a binding socket with CURVE needs curve.clients_dir");
        return -1;
    }
    if (!binds && !self->server_key) {
        sw_log (SW_LOG_ERROR, "a connecting socket with CURVE needs curve.server_key");
        return -1;
    }
    zcert_apply (self->cert, sock);
    if (binds) {
        zsock_set_curve_server (sock, 1);
        zsock_set_zap_domain (sock, "sunwai");
    }
    else
        zsock_set_curve_serverkey (sock, self->server_key);
    return 0;
}

zsock_t *
sw_curve_socket (sw_curve_t *self, int type, const char *endpoints)
{
    zsock_t *sock = zsock_new (type);
    if (!sock)
        return NULL;
    bool binds = endpoints && endpoints[0] == '@';
    if (sw_curve_apply (self, sock, binds) != 0) {
        zsock_destroy (&sock);
        return NULL;
    }
    if (zsock_attach (sock, endpoints, binds) != 0) {
        sw_log_kv (SW_LOG_ERROR, "could not open socket", "endpoint", endpoints,
                   (const char *) NULL);
        zsock_destroy (&sock);
    }
    return sock;
}

int
sw_curve_keygen (const char *dir, const char *name)
{
    zcert_t *cert = zcert_new ();
    if (!cert)
        return -1;
    zcert_set_meta (cert, "name", "%s", name);
    char *path = zsys_sprintf ("%s/%s.cert", dir, name);
    int rc = path ? zcert_save (cert, path) : -1;
    if (rc == 0)
        printf ("%s (public: give it to the other side)\n%s_secret (curve.cert of this "
                "process)\npublic key: %s\n",
                path, path, zcert_public_txt (cert));
    zstr_free (&path);
    zcert_destroy (&cert);
    return rc;
}
