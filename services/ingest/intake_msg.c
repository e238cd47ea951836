/*  intake_msg: one message as ingest understands it.

    A plain struct whose strings and JSON values the message owns; the
    parsers fill it in, the store takes it and destroys it after the
    commit.  Also the names of the store's results, as they appear in logs,
    metrics labels and the API's answers. */
#include "intake.h"

#include <stdlib.h>

intake_msg_t *
intake_msg_new (intake_kind_t kind)
{
    intake_msg_t *self = calloc (1, sizeof *self);
    if (self)
        self->kind = kind;
    return self;
}

void
intake_msg_destroy (intake_msg_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    intake_msg_t *self = *self_p;
    free (self->channel);
    free (self->source);
    free (self->source_id);
    free (self->conversation_id);
    free (self->in_reply_to_id);
    free (self->author_id);
    free (self->author_handle);
    free (self->author_name);
    free (self->author_location);
    free (self->text);
    free (self->lang);
    json_decref (self->geo);
    json_decref (self->media);
    json_decref (self->raw);
    free (self->match_tag);
    free (self->cursor);
    free (self);
    *self_p = NULL;
}

const char *
intake_result_name (intake_result_t result)
{
    switch (result) {
    case INTAKE_NEW:
        return "new";
    case INTAKE_DUPLICATE:
        return "duplicate";
    case INTAKE_FOLLOW_UP:
        return "follow_up";
    case INTAKE_REOPENED:
        return "reopened";
    case INTAKE_DELETED:
        return "deleted";
    case INTAKE_IGNORED:
        return "ignored";
    case INTAKE_UNAUTHORIZED:
        return "unauthorized";
    case INTAKE_UNAVAILABLE:
        return "unavailable";
    case INTAKE_ERROR:
        return "error";
    }
    return "error";
}
