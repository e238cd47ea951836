/*  fuzz_frame: the decoder of every socket's two-frame messages
    (sw_frame_decode: frame count, type name, body size, protobuf-c
    unpack), for each message type a Sunwai socket receives: Complaint
    (classifier and router PULL), NotificationJob (notifier PULL),
    CaseCommand (router ROUTER), ReplayRequest (analytics ROUTER), and the
    replies and stream messages clients decode (CaseReply, ReplayReply,
    EventEnvelope, StreamHead).

    Input layout: byte 0 picks the descriptor (mod 8); byte 1 picks the
    frames: bit 0 clear gives the right type name, set takes the type frame
    from the input up to the first 0xFF byte (a wrong or garbled name);
    bit 1 adds a third frame (a wrong frame count).  The rest is the body.
    A decoded message is packed again, and must unpack again: what the
    decoder accepts, a stage that forwards it must be able to send on.
    (sw_frame_decode_frames refuses field number 0, which protobuf-c
    accepts when its tag is encoded in more than one byte but then packs
    in a form it refuses itself: tests/fuzz/regressions/frame/.) */
#include "fuzz.h"
#include "sw_frame.h"
#include "sunwai/v1/sunwai.pb-c.h"

static const ProtobufCMessageDescriptor *s_descriptors[] = {
    &sunwai__v1__complaint__descriptor,    &sunwai__v1__notification_job__descriptor,
    &sunwai__v1__case_command__descriptor, &sunwai__v1__replay_request__descriptor,
    &sunwai__v1__case_reply__descriptor,   &sunwai__v1__replay_reply__descriptor,
    &sunwai__v1__event_envelope__descriptor, &sunwai__v1__stream_head__descriptor,
};
#define S_DESCRIPTORS (sizeof s_descriptors / sizeof s_descriptors[0])

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const ProtobufCMessageDescriptor *desc = s_descriptors[data[0] % S_DESCRIPTORS];
    uint8_t mode = data[1];
    data += 2;
    size -= 2;
    zmsg_t *msg = zmsg_new ();
    if (!msg)
        return 0;
    if (mode & 1) {
        const uint8_t *end = memchr (data, 0xFF, size);
        size_t n = end ? (size_t) (end - data) : size;
        zmsg_addmem (msg, data, n);
        data += end ? n + 1 : n;
        size -= end ? n + 1 : n;
    }
    else
        zmsg_addstr (msg, desc->name);
    zmsg_addmem (msg, data, size);
    if (mode & 2)
        zmsg_addstr (msg, "extra");
    char err[256] = "";
    ProtobufCMessage *out = sw_frame_decode (msg, desc, err, sizeof err);
    if (out) {
        FUZZ_CHECK (out->descriptor == desc);
        zmsg_t *again = sw_frame_encode (out);
        FUZZ_CHECK (again && zmsg_size (again) == 2);
        char err2[256] = "";
        ProtobufCMessage *back = sw_frame_decode (again, desc, err2, sizeof err2);
        if (!back)
            fprintf (stderr, "re-encoded %s does not decode: %s\n", desc->name, err2);
        FUZZ_CHECK (back);
        protobuf_c_message_free_unpacked (back, NULL);
        zmsg_destroy (&again);
        protobuf_c_message_free_unpacked (out, NULL);
    }
    else
        FUZZ_CHECK (err[0] != '\0');
    zmsg_destroy (&msg);
    return 0;
}
