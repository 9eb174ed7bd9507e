/**
 * The MQTT payloads subscribers read (documented in docs/mqtt.md) as records, written by the one configuration of
 * {@link org.taskhost.json.TaskhostJson}: components in camelCase, fields in snake_case, a number that is not
 * finite as null.
 */
package org.taskhost.mqtt.internal.payloads;
