/*  sw_curve: ZeroMQ sockets with CURVE encryption and authentication, for
    links that leave the host (DESIGN.md §9), made from the same czmq
    endpoint notation as every other socket.

    Keys (every program that has sockets; all empty = CURVE off, the
    default on one host):
      curve.cert         this process's certificate, the secret file that
                         `sunwaictl curve keygen` writes (zcert format)
      curve.server_key   Z85 public key of the deployment's server
                         certificate: what connecting sockets ('>')
                         authenticate the binding side with
      curve.clients_dir  directory of client public certificates allowed to
                         connect to this process's binding sockets ('@');
                         any other client is refused by the ZAP handler
                         (czmq's zauth)

    A binding socket is a CURVE server with curve.cert; a connecting socket
    is a CURVE client with curve.cert and curve.server_key.  In Sunwai each
    process either only binds (ingest, router, analytics: they share the
    deployment's server certificate) or only connects (classifier,
    notifier, sunwaictl, sunwai-subscribe: a client certificate each). */
#ifndef SW_CURVE_H
#define SW_CURVE_H
#include <czmq.h>
#include <stdbool.h>
#include "sw_config.h"

typedef struct _sw_curve_t sw_curve_t;

extern const sw_config_key_t sw_curve_keys[];

//  Loads the certificate and, for a process with clients_dir, starts the
//  ZAP handler.  With CURVE off it returns an object that makes plain
//  sockets.  NULL (after logging which key is wrong) on error.
sw_curve_t *sw_curve_new (sw_config_t *config);
void sw_curve_destroy (sw_curve_t **self_p);
bool sw_curve_enabled (sw_curve_t *self);

//  A socket of type (ZMQ_PUSH ...) bound or connected to endpoints ("@..."
//  binds, ">..." connects, comma-separated), as a CURVE server or client
//  when CURVE is on.  NULL (logged) when the endpoint cannot be used or a
//  binding socket has no clients_dir.  Safe from any thread.
zsock_t *sw_curve_socket (sw_curve_t *self, int type, const char *endpoints);

//  The same, for a socket the caller made and attaches itself (to set
//  options such as the HWM first): applies the CURVE options for a binding
//  (binds) or connecting socket.  0, or -1 (logged) when a key is missing.
int sw_curve_apply (sw_curve_t *self, zsock_t *sock, bool binds);

//  Writes a new certificate: DIR/NAME.cert (public, to hand to the other
//  side) and DIR/NAME.cert_secret (for curve.cert).  0 or -1.
int sw_curve_keygen (const char *dir, const char *name);

#endif
