package org.taskhost.api.loader;

import org.osgi.annotation.versioning.ConsumerType;

/** A whiteboard service told of each step of an add or reload, for progress views (REST events, the web page). */
@ConsumerType
@FunctionalInterface
public interface LoaderListener {

    /**
     * @param plugin the plugin name
     * @param step what is happening: {@code fetching}, {@code building}, {@code installing}, {@code added},
     *        {@code reloaded}, {@code removed} or {@code failed}
     * @param detail a line for people (never holds a token)
     */
    void progress(String plugin, String step, String detail);
}
