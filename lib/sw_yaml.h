/*  sw_yaml: the few libyaml document-API helpers every loader of a YAML
    file shares (the state file, the gazetteer). */
#ifndef SW_YAML_H
#define SW_YAML_H
#include <stddef.h>
#include <yaml.h>

//  A scalar's text, or NULL if the node is missing, not a scalar, or null.
const char *sw_yaml_text (yaml_node_t *node);
//  The node's line number, counting from 1.
size_t sw_yaml_line (yaml_node_t *node);
//  The value of key in a mapping node, or NULL.
yaml_node_t *sw_yaml_get (yaml_document_t *doc, yaml_node_t *map, const char *key);

#endif
