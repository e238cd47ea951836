/*  Unit tests for sw_frame and the sunwai.v1 messages: every message type
    round-trips through real ZeroMQ sockets, and every kind of bad frame is
    refused with a reason instead of crashing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sw_frame.h"
#include "sw_metrics.h"
#include "sunwai/v1/sunwai.pb-c.h"

static void
test_self_test (void **state)
{
    sw_frame_test (false);
}

//  A complaint with every part filled survives encode/send/recv/decode.
static void
test_complaint_round_trip_over_sockets (void **state)
{
    zsock_t *pull = zsock_new_pull ("@inproc://frame-test");
    zsock_t *push = zsock_new_push (">inproc://frame-test");
    assert_non_null (pull);
    assert_non_null (push);

    Sunwai__V1__Author author = SUNWAI__V1__AUTHOR__INIT;
    author.id = "1212";
    author.handle = "citizen_lko";
    Sunwai__V1__Geo geo = SUNWAI__V1__GEO__INIT;
    geo.has_point = true;
    geo.lat = 26.8467;
    geo.lon = 80.9462;
    Sunwai__V1__PiiSpan pii = SUNWAI__V1__PII_SPAN__INIT;
    pii.kind = "phone";
    pii.start = 10;
    pii.end = 20;
    Sunwai__V1__PiiSpan *pii_list[] = { &pii };
    Sunwai__V1__Alternative alt = SUNWAI__V1__ALTERNATIVE__INIT;
    alt.category = "theft";
    alt.confidence = 0.1f;
    Sunwai__V1__Alternative *alts[] = { &alt };
    Sunwai__V1__Classification cls = SUNWAI__V1__CLASSIFICATION__INIT;
    cls.category = "vehicle_theft";
    cls.confidence = 0.87f;
    cls.n_alternatives = 1;
    cls.alternatives = alts;
    cls.priority = SUNWAI__V1__PRIORITY__PRIORITY_P2;
    cls.district_code = "162";
    cls.n_pii = 1;
    cls.pii = pii_list;
    Sunwai__V1__Routing routing = SUNWAI__V1__ROUTING__INIT;
    routing.unit = "lucknow";
    routing.resolve_deadline_ms = 1798761600000LL;
    Sunwai__V1__Complaint c = SUNWAI__V1__COMPLAINT__INIT;
    c.id = 9007199254740993LL;       //  2^53 + 1: must not pass through a double
    c.docket = "UP-2026-0000123";
    c.state = "up";
    c.channel = SUNWAI__V1__CHANNEL__CHANNEL_X_WEBHOOK;
    c.source_id = "1850000000000000001";
    c.author = &author;
    c.text = "@uppolice मेरी बाइक चोरी हो गई है, हजरतगंज लखनऊ 🙏";
    c.geo = &geo;
    c.classification = &cls;
    c.routing = &routing;
    c.version = 3;
    assert_int_equal (sw_frame_send (push, &c.base), 0);

    sw_metrics_t *metrics = sw_metrics_new ();
    sw_counter_t *bad = sw_metrics_counter (metrics, "bad_total", "bad", NULL);
    Sunwai__V1__Complaint *back = (Sunwai__V1__Complaint *) sw_frame_recv (
        pull, &sunwai__v1__complaint__descriptor, NULL, "test", bad);
    assert_non_null (back);
    assert_true (back->id == 9007199254740993LL);
    assert_string_equal (back->text, c.text);
    assert_string_equal (back->source_id, "1850000000000000001");
    assert_string_equal (back->author->handle, "citizen_lko");
    assert_true (back->geo->has_point);
    assert_string_equal (back->classification->category, "vehicle_theft");
    assert_int_equal (back->classification->n_alternatives, 1);
    assert_int_equal (back->classification->pii[0]->end, 20);
    assert_int_equal (back->classification->priority, SUNWAI__V1__PRIORITY__PRIORITY_P2);
    assert_true (back->routing->resolve_deadline_ms == 1798761600000LL);
    assert_int_equal (back->version, 3);
    assert_true (sw_counter_value (bad) == 0);
    protobuf_c_message_free_unpacked (&back->base, NULL);
    sw_metrics_destroy (&metrics);
    zsock_destroy (&push);
    zsock_destroy (&pull);
}

//  Each remaining message type round-trips through encode/decode.
static void
test_other_messages_round_trip (void **state)
{
    char err[256];
    Sunwai__V1__NotificationJob job = SUNWAI__V1__NOTIFICATION_JOB__INIT;
    job.outbox_id = 77;
    job.idempotency_key = "ack:123";
    job.text = "आपकी शिकायत UP-2026-0000123 दर्ज कर ली गई है";
    zmsg_t *m = sw_frame_encode (&job.base);
    Sunwai__V1__NotificationJob *job2 = (Sunwai__V1__NotificationJob *) sw_frame_decode (
        m, &sunwai__v1__notification_job__descriptor, err, sizeof err);
    assert_non_null (job2);
    assert_int_equal (job2->outbox_id, 77);
    assert_string_equal (job2->text, job.text);
    protobuf_c_message_free_unpacked (&job2->base, NULL);
    zmsg_destroy (&m);

    Sunwai__V1__CaseCommand cmd = SUNWAI__V1__CASE_COMMAND__INIT;
    cmd.type = SUNWAI__V1__COMMAND_TYPE__COMMAND_RESOLVE;
    cmd.docket = "UP-2026-0000123";
    cmd.note = "bike recovered";
    m = sw_frame_encode (&cmd.base);
    Sunwai__V1__CaseCommand *cmd2 = (Sunwai__V1__CaseCommand *) sw_frame_decode (
        m, &sunwai__v1__case_command__descriptor, err, sizeof err);
    assert_non_null (cmd2);
    assert_int_equal (cmd2->type, SUNWAI__V1__COMMAND_TYPE__COMMAND_RESOLVE);
    assert_string_equal (cmd2->note, "bike recovered");
    protobuf_c_message_free_unpacked (&cmd2->base, NULL);
    zmsg_destroy (&m);

    uint8_t hash[32];
    memset (hash, 0xab, sizeof hash);
    Sunwai__V1__EventEnvelope ev = SUNWAI__V1__EVENT_ENVELOPE__INIT;
    ev.seq = 4242;
    ev.event_type = "routed";
    ev.hash.data = hash;
    ev.hash.len = sizeof hash;
    Sunwai__V1__CaseReply reply = SUNWAI__V1__CASE_REPLY__INIT;
    Sunwai__V1__EventEnvelope *history[] = { &ev };
    reply.code = SUNWAI__V1__RESULT_CODE__RESULT_FORBIDDEN;
    reply.n_history = 1;
    reply.history = history;
    m = sw_frame_encode (&reply.base);
    Sunwai__V1__CaseReply *reply2 = (Sunwai__V1__CaseReply *) sw_frame_decode (
        m, &sunwai__v1__case_reply__descriptor, err, sizeof err);
    assert_non_null (reply2);
    assert_int_equal (reply2->code, SUNWAI__V1__RESULT_CODE__RESULT_FORBIDDEN);
    assert_int_equal (reply2->history[0]->seq, 4242);
    assert_int_equal (reply2->history[0]->hash.len, 32);
    assert_memory_equal (reply2->history[0]->hash.data, hash, 32);
    protobuf_c_message_free_unpacked (&reply2->base, NULL);
    zmsg_destroy (&m);

    char *topics[] = { "up.162.", "up.146.routed" };
    Sunwai__V1__ReplayRequest rr = SUNWAI__V1__REPLAY_REQUEST__INIT;
    rr.after_seq = 100;
    rr.n_topics = 2;
    rr.topics = topics;
    m = sw_frame_encode (&rr.base);
    Sunwai__V1__ReplayRequest *rr2 = (Sunwai__V1__ReplayRequest *) sw_frame_decode (
        m, &sunwai__v1__replay_request__descriptor, err, sizeof err);
    assert_non_null (rr2);
    assert_int_equal (rr2->n_topics, 2);
    assert_string_equal (rr2->topics[1], "up.146.routed");
    protobuf_c_message_free_unpacked (&rr2->base, NULL);
    zmsg_destroy (&m);
}

static void
test_decode_failures (void **state)
{
    char err[256];
    const ProtobufCMessageDescriptor *desc = &sunwai__v1__complaint__descriptor;

    //  one frame
    zmsg_t *m = zmsg_new ();
    zmsg_addstr (m, "sunwai.v1.Complaint");
    assert_null (sw_frame_decode (m, desc, err, sizeof err));
    assert_non_null (strstr (err, "has 1 frames, expected 2"));
    zmsg_destroy (&m);

    //  three frames
    m = zmsg_new ();
    zmsg_addstr (m, "sunwai.v1.Complaint");
    zmsg_addstr (m, "");
    zmsg_addstr (m, "");
    assert_null (sw_frame_decode (m, desc, err, sizeof err));
    zmsg_destroy (&m);

    //  wrong type, with unprintable bytes shown safely
    m = zmsg_new ();
    zmsg_addmem (m, "evil\x01\xff", 6);
    zmsg_addmem (m, "", 0);
    assert_null (sw_frame_decode (m, desc, err, sizeof err));
    assert_non_null (strstr (err, "unexpected message type \"evil??\""));
    zmsg_destroy (&m);

    //  garbage body: a varint that never ends, then a length past the end
    const char *garbage[] = { "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", "\x12\x7f" "abc" };
    for (int i = 0; i < 2; i++) {
        m = zmsg_new ();
        zmsg_addstr (m, "sunwai.v1.Complaint");
        zmsg_addmem (m, garbage[i], strlen (garbage[i]));
        assert_null (sw_frame_decode (m, desc, err, sizeof err));
        assert_non_null (strstr (err, "could not decode"));
        zmsg_destroy (&m);
    }

    //  oversized body is refused before unpacking
    m = zmsg_new ();
    zmsg_addstr (m, "sunwai.v1.Complaint");
    zframe_t *big = zframe_new (NULL, SW_FRAME_MAX_BODY + 1);
    memset (zframe_data (big), 0, zframe_size (big));
    zmsg_append (m, &big);
    assert_null (sw_frame_decode (m, desc, err, sizeof err));
    assert_non_null (strstr (err, "exceeds the limit"));
    zmsg_destroy (&m);

    //  unknown fields (a newer sender) are tolerated, as protobuf promises
    m = zmsg_new ();
    zmsg_addstr (m, "sunwai.v1.Complaint");
    zmsg_addmem (m, "\x08\x05\xf8\x3f\x01", 5);   //  id = 5, field 1023 = 1
    Sunwai__V1__Complaint *c = (Sunwai__V1__Complaint *) sw_frame_decode (m, desc, err, sizeof err);
    assert_non_null (c);
    assert_int_equal (c->id, 5);
    protobuf_c_message_free_unpacked (&c->base, NULL);
    zmsg_destroy (&m);
    assert_null (sw_frame_decode (NULL, desc, err, sizeof err));
}

//  sw_frame_recv counts what it could not decode and keeps the socket usable.
static void
test_recv_counts_failures (void **state)
{
    zsock_t *pull = zsock_new_pull ("@inproc://frame-test-2");
    zsock_t *push = zsock_new_push (">inproc://frame-test-2");
    zstr_send (push, "just one frame");
    Sunwai__V1__Complaint c = SUNWAI__V1__COMPLAINT__INIT;
    c.id = 1;
    sw_frame_send (push, &c.base);
    sw_metrics_t *metrics = sw_metrics_new ();
    sw_counter_t *bad = sw_metrics_counter (metrics, "bad_total", "bad", NULL);
    assert_null (sw_frame_recv (pull, &sunwai__v1__complaint__descriptor, NULL, "test", bad));
    assert_true (sw_counter_value (bad) == 1);
    ProtobufCMessage *ok = sw_frame_recv (pull, &sunwai__v1__complaint__descriptor, NULL, "test", bad);
    assert_non_null (ok);
    protobuf_c_message_free_unpacked (ok, NULL);
    assert_true (sw_counter_value (bad) == 1);
    sw_metrics_destroy (&metrics);
    zsock_destroy (&push);
    zsock_destroy (&pull);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test (test_self_test),
        cmocka_unit_test (test_complaint_round_trip_over_sockets),
        cmocka_unit_test (test_other_messages_round_trip),
        cmocka_unit_test (test_decode_failures),
        cmocka_unit_test (test_recv_counts_failures),
    };
    return cmocka_run_group_tests (tests, NULL, NULL);
}
