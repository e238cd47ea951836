/*  sw_frame: ZeroMQ framing for protobuf messages.

    A Sunwai message is two frames: the protobuf type's full name (e.g.
    "sunwai.v1.Complaint") and the packed body.  Decoding never asserts:
    a wrong frame count, an unexpected type name or a body protobuf-c cannot
    unpack returns NULL with a reason, and the caller counts, logs and parks
    the raw frames in dead_letters (sw_frame_park). */
#ifndef SW_FRAME_H
#define SW_FRAME_H
#include <czmq.h>
#include <protobuf-c/protobuf-c.h>
#include "sw_db.h"
#include "sw_metrics.h"

//  Largest body we will try to unpack (a complaint is far smaller).
#define SW_FRAME_MAX_BODY (1024 * 1024)

//  Build the two frames for msg. Returns NULL only if out of memory.
zmsg_t *sw_frame_encode (const ProtobufCMessage *msg);
//  Encode and send on sock (no routing envelope). 0 or -1.
int sw_frame_send (zsock_t *sock, const ProtobufCMessage *msg);

//  Decode a type frame and body frame expecting descriptor desc. Returns the
//  unpacked message (free with protobuf_c_message_free_unpacked) or NULL
//  with a lower-case reason in err.
ProtobufCMessage *sw_frame_decode_frames (zframe_t *type, zframe_t *body,
                                          const ProtobufCMessageDescriptor *desc,
                                          char *err, size_t errlen);
//  Decode a whole zmsg of exactly two frames (PUSH/PULL, PUB/SUB payload).
ProtobufCMessage *sw_frame_decode (zmsg_t *msg,
                                   const ProtobufCMessageDescriptor *desc,
                                   char *err, size_t errlen);

//  Store an undecodable message in dead_letters (stage, reason, raw frames
//  as bytea concatenated with 4-byte length prefixes). 0 or -1.
int sw_frame_park (sw_db_t *db, const char *stage, const char *reason, zmsg_t *msg);

//  Receive one message from sock and decode it as desc.  A message that
//  cannot be decoded is counted in failures (may be NULL), logged once and
//  parked in dead_letters when db is connected (db may be NULL); NULL is
//  returned then, and also when the receive was interrupted.
ProtobufCMessage *sw_frame_recv (zsock_t *sock, const ProtobufCMessageDescriptor *desc,
                                 sw_db_t *db, const char *stage, sw_counter_t *failures);

void sw_frame_test (bool verbose);

#endif
