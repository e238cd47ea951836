/*  sw_xerror: why the X API refused a request, in one line, from the error
    body it answered with: the v2 problem ("title: detail"), or its first
    error, plus v1.1's errors[0].message.  Shared by ingest's X clients and
    the notifier. */
#ifndef SW_XERROR_H
#define SW_XERROR_H
#include <jansson.h>
#include <stddef.h>

//  The reason in a parsed body into buf; "" if there is none.
void sw_xerror_reason (json_t *body, char *buf, size_t size);
//  The same from raw bytes (not NUL-terminated); "" if not JSON.
void sw_xerror_reason_text (const char *text, size_t len, char *buf, size_t size);

#endif
