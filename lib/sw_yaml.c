/*  sw_yaml: libyaml document-API helpers shared by the YAML loaders. */
#include "sw_yaml.h"

#include <string.h>

const char *
sw_yaml_text (yaml_node_t *node)
{
    if (!node || node->type != YAML_SCALAR_NODE)
        return NULL;
    const char *value = (const char *) node->data.scalar.value;
    if (node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE
        && (!*value || strcmp (value, "~") == 0 || strcmp (value, "null") == 0))
        return NULL;
    return value;
}

size_t
sw_yaml_line (yaml_node_t *node)
{
    return node->start_mark.line + 1;
}

yaml_node_t *
sw_yaml_get (yaml_document_t *doc, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
         pair < map->data.mapping.pairs.top; pair++) {
        const char *text = sw_yaml_text (yaml_document_get_node (doc, pair->key));
        if (text && strcmp (text, key) == 0)
            return yaml_document_get_node (doc, pair->value);
    }
    return NULL;
}
