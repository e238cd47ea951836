/*  sw_xerror: X's reason for an error, from its answer's body. */
#include "sw_xerror.h"

#include <stdio.h>

void
sw_xerror_reason (json_t *body, char *buf, size_t size)
{
    buf[0] = 0;
    if (!json_is_object (body))
        return;
    json_t *errors = json_object_get (body, "errors");
    json_t *first = json_is_array (errors) ? json_array_get (errors, 0) : NULL;
    json_t *problem = json_object_get (body, "title") ? body : first;
    if (!problem)
        return;
    const char *title = json_string_value (json_object_get (problem, "title"));
    const char *detail = json_string_value (json_object_get (problem, "detail"));
    const char *message = json_string_value (json_object_get (first, "message"));
    snprintf (buf, size, "%s%s%s%s%s%s", title ? title : "", title && detail ? ": " : "",
              detail ? detail : "", message ? " (" : "", message ? message : "",
              message ? ")" : "");
}

void
sw_xerror_reason_text (const char *text, size_t len, char *buf, size_t size)
{
    buf[0] = 0;
    if (!text || !len)
        return;
    json_t *body = json_loadb (text, len, 0, NULL);
    sw_xerror_reason (body, buf, size);
    json_decref (body);
}
