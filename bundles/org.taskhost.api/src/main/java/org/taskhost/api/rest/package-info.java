/**
 * What a bundle that adds resources to taskhost's REST API ({@code /api/v1}) needs: {@link
 * org.taskhost.api.rest.GuardedResource} makes the Jakarta REST whiteboard serve a resource only while taskhost's
 * authentication filter and request limits are active, so that a filter that failed to start leaves the resource
 * unserved (404), never open.
 */
@Export
@Version("1.0.0")
package org.taskhost.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
