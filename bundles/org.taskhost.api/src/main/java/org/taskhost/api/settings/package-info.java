/**
 * Reading a component's Config Admin attributes so that a wrong value is refused by the setting's name. Settings reach
 * components only through Config Admin: {@code etc/*.cfg} maps each environment variable to an attribute with Felix's
 * interpolation plugin ({@code $[env:TASKHOST_MQTT_URL;default=]}), and the component's typed
 * {@code @ObjectClassDefinition} says what each attribute is.
 */
@Export
@Version("1.0.0")
package org.taskhost.api.settings;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
