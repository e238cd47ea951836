/*  sw_frame: two-frame protobuf messages over ZeroMQ.

    Encoding packs with protobuf-c into a frame we allocate once.  Decoding
    checks, in order, the frame count, the type name, the body size and
    finally protobuf-c's unpack, and reports the first failure as text
    instead of asserting: frames come from the network. */
#include "sw_frame.h"
#include "sw_log.h"

#include <stdlib.h>
#include <string.h>

zmsg_t *
sw_frame_encode (const ProtobufCMessage *msg)
{
    assert (msg && msg->descriptor);
    zmsg_t *out = zmsg_new ();
    if (!out)
        return NULL;
    size_t size = protobuf_c_message_get_packed_size (msg);
    zframe_t *body = zframe_new (NULL, size);
    if (!body) {
        zmsg_destroy (&out);
        return NULL;
    }
    protobuf_c_message_pack (msg, zframe_data (body));
    zmsg_addstr (out, msg->descriptor->name);
    zmsg_append (out, &body);
    return out;
}

int
sw_frame_send (zsock_t *sock, const ProtobufCMessage *msg)
{
    zmsg_t *out = sw_frame_encode (msg);
    if (!out)
        return -1;
    if (zmsg_send (&out, sock) != 0) {
        zmsg_destroy (&out);
        return -1;
    }
    return 0;
}

//  True if msg or a message inside it holds an unknown field numbered 0.
//  protobuf-c accepts one whose tag is spelt in more than one byte
//  (0x80 0x00), keeps it, and packs it as 0x00, which it then refuses: a
//  stage that forwards the message would send what the next cannot read.
static bool
s_has_field_zero (const ProtobufCMessage *msg)
{
    for (unsigned i = 0; i < msg->n_unknown_fields; i++)
        if (msg->unknown_fields[i].tag == 0)
            return true;
    const ProtobufCMessageDescriptor *desc = msg->descriptor;
    for (unsigned i = 0; i < desc->n_fields; i++) {
        const ProtobufCFieldDescriptor *field = &desc->fields[i];
        if (field->type != PROTOBUF_C_TYPE_MESSAGE)
            continue;
        const char *base = (const char *) msg;
        if (field->label == PROTOBUF_C_LABEL_REPEATED) {
            size_t n = *(const size_t *) (base + field->quantifier_offset);
            ProtobufCMessage *const *items =
                *(ProtobufCMessage *const *const *) (base + field->offset);
            for (size_t k = 0; k < n; k++)
                if (items[k] && s_has_field_zero (items[k]))
                    return true;
        }
        else {
            if ((field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
                && *(const uint32_t *) (base + field->quantifier_offset) != field->id)
                continue;
            const ProtobufCMessage *sub = *(ProtobufCMessage *const *) (base + field->offset);
            if (sub && s_has_field_zero (sub))
                return true;
        }
    }
    return false;
}

ProtobufCMessage *
sw_frame_decode_frames (zframe_t *type, zframe_t *body,
                        const ProtobufCMessageDescriptor *desc, char *err, size_t errlen)
{
    if (!type || !body) {
        snprintf (err, errlen, "message has no type or body frame");
        return NULL;
    }
    size_t want = strlen (desc->name);
    if (zframe_size (type) != want || memcmp (zframe_data (type), desc->name, want) != 0) {
        char got[64];
        size_t n = zframe_size (type) < sizeof got - 1 ? zframe_size (type) : sizeof got - 1;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = zframe_data (type)[i];
            got[i] = (c >= 32 && c < 127) ? (char) c : '?';
        }
        got[n] = '\0';
        snprintf (err, errlen, "unexpected message type \"%s\", expected \"%s\"", got, desc->name);
        return NULL;
    }
    if (zframe_size (body) > SW_FRAME_MAX_BODY) {
        snprintf (err, errlen, "message body of %zu bytes exceeds the limit of %d",
                  zframe_size (body), SW_FRAME_MAX_BODY);
        return NULL;
    }
    ProtobufCMessage *msg =
        protobuf_c_message_unpack (desc, NULL, zframe_size (body), zframe_data (body));
    if (!msg) {
        snprintf (err, errlen, "could not decode %zu-byte body as %s", zframe_size (body),
                  desc->name);
        return NULL;
    }
    if (s_has_field_zero (msg)) {
        protobuf_c_message_free_unpacked (msg, NULL);
        snprintf (err, errlen, "could not decode %zu-byte body as %s: field number 0",
                  zframe_size (body), desc->name);
        return NULL;
    }
    //  protobuf-c accepts any UTF-8 it is given in string fields only if
    //  valid; it does not check.  Strings are validated by the consumer
    //  where it matters (text fields), not here.
    return msg;
}

ProtobufCMessage *
sw_frame_decode (zmsg_t *msg, const ProtobufCMessageDescriptor *desc, char *err,
                 size_t errlen)
{
    if (!msg || zmsg_size (msg) != 2) {
        snprintf (err, errlen, "message has %zu frames, expected 2", msg ? zmsg_size (msg) : 0);
        return NULL;
    }
    zframe_t *type = zmsg_first (msg);
    zframe_t *body = zmsg_next (msg);
    return sw_frame_decode_frames (type, body, desc, err, errlen);
}

int
sw_frame_park (sw_db_t *db, const char *stage, const char *reason, zmsg_t *msg)
{
    //  Raw frames as <4-byte big-endian length><bytes>..., so that an
    //  operator can see exactly what arrived.
    size_t total = 0;
    for (zframe_t *f = msg ? zmsg_first (msg) : NULL; f; f = zmsg_next (msg))
        total += 4 + zframe_size (f);
    unsigned char *buf = malloc (total ? total : 1);
    if (!buf)
        return -1;
    size_t at = 0;
    for (zframe_t *f = msg ? zmsg_first (msg) : NULL; f; f = zmsg_next (msg)) {
        uint32_t n = (uint32_t) zframe_size (f);
        buf[at++] = (unsigned char) (n >> 24);
        buf[at++] = (unsigned char) (n >> 16);
        buf[at++] = (unsigned char) (n >> 8);
        buf[at++] = (unsigned char) n;
        memcpy (buf + at, zframe_data (f), n);
        at += n;
    }
    const char *values[3] = { stage, reason, (const char *) buf };
    int lengths[3] = { 0, 0, (int) total };
    int formats[3] = { 0, 0, 1 };
    int rc = -1;
    PGconn *conn = sw_db_conn (db);
    if (conn) {
        PGresult *res = PQexecParams (
            conn, "INSERT INTO dead_letters (stage, reason, payload) VALUES ($1, $2, $3)", 3,
            NULL, values, lengths, formats, 0);
        if (PQresultStatus (res) == PGRES_COMMAND_OK)
            rc = 0;
        else
            sw_log_kv (SW_LOG_ERROR, "could not park message in dead_letters", "stage", stage,
                       "error", PQresultErrorMessage (res), NULL);
        PQclear (res);
    }
    free (buf);
    return rc;
}

ProtobufCMessage *
sw_frame_recv (zsock_t *sock, const ProtobufCMessageDescriptor *desc, sw_db_t *db,
               const char *stage, sw_counter_t *failures)
{
    zmsg_t *msg = zmsg_recv (sock);
    if (!msg)
        return NULL;
    char err[256];
    ProtobufCMessage *decoded = sw_frame_decode (msg, desc, err, sizeof err);
    if (!decoded) {
        if (failures)
            sw_counter_inc (failures);
        char size[32];
        snprintf (size, sizeof size, "%zu", zmsg_content_size (msg));
        bool parked = db && sw_db_conn (db) && sw_frame_park (db, stage, err, msg) == 0;
        sw_log_kv (SW_LOG_WARN,
                   parked ? "could not decode message; parked in dead_letters"
                          : "could not decode message; dropped (no database to park it in)",
                   "stage", stage, "reason", err, "bytes", size, NULL);
    }
    zmsg_destroy (&msg);
    return decoded;
}

//  --------------------------------------------------------------------
//  Self test

#include "sunwai/v1/sunwai.pb-c.h"

void
sw_frame_test (bool verbose)
{
    if (verbose)
        printf (" * sw_frame: ");
    Sunwai__V1__Complaint c = SUNWAI__V1__COMPLAINT__INIT;
    c.id = 42;
    c.docket = "UP-2026-0000042";
    c.text = "मेरी बाइक चोरी हो गई है";
    zmsg_t *msg = sw_frame_encode (&c.base);
    assert (msg && zmsg_size (msg) == 2);
    char err[256];
    Sunwai__V1__Complaint *back = (Sunwai__V1__Complaint *) sw_frame_decode (
        msg, &sunwai__v1__complaint__descriptor, err, sizeof err);
    assert (back && back->id == 42 && streq (back->docket, c.docket));
    protobuf_c_message_free_unpacked (&back->base, NULL);
    //  Wrong expected type is refused with a reason.
    assert (!sw_frame_decode (msg, &sunwai__v1__event_envelope__descriptor, err, sizeof err));
    assert (strstr (err, "unexpected message type"));
    zmsg_destroy (&msg);
    if (verbose)
        printf ("OK\n");
}
