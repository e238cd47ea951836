/*  sw_embed: files compiled into the library (cmake/embed.cmake).
    The migrations under db/migrations/ travel inside every binary, so a
    container or a copied binary needs no path to find them. */
#ifndef SW_EMBED_H
#define SW_EMBED_H
#include <stddef.h>

typedef struct {
    const char *name;   //  file name, e.g. "0001_init.sql"
    const char *data;   //  bytes, NUL-terminated
    size_t size;        //  byte count, without the NUL
} sw_embed_t;

//  db/migrations/*.sql sorted by name; the last entry has name == NULL.
extern const sw_embed_t sw_migrations_embedded[];

#endif
