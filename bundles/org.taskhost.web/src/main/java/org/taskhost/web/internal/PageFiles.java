package org.taskhost.web.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which file of the bundle's {@code web/} folder a request path names, and its content type. Only plain file names
 * of known types are served: no folders, no {@code ..}, nothing else of the bundle.
 */
final class PageFiles {

    /** The folder of the page's files inside the bundle. */
    static final String FOLDER = "web/";
    /** Where the page's assets are served, below the page itself at {@code /}. */
    static final String ASSETS = "/ui";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    /** A file to send. */
    record PageFile(String entry, String contentType) {
    }

    private PageFiles() {
    }

    /**
     * @param servletPath the request's servlet path: empty for the page at {@code /}, {@value #ASSETS} for assets
     * @param pathInfo the rest of the path, or null
     * @return the bundle entry and its content type, empty when the path names no file of the page
     */
    static Optional<PageFile> resolve(String servletPath, String pathInfo) {
        String rest = pathInfo == null ? "" : pathInfo;
        if (servletPath.isEmpty() && (rest.isEmpty() || rest.equals("/"))) {
            return Optional.of(new PageFile(FOLDER + "index.html", TYPES.get("html")));
        }
        if (!servletPath.equals(ASSETS) || !rest.startsWith("/")) {
            return Optional.empty();
        }
        String name = rest.substring(1);
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(new PageFile(FOLDER + name, TYPES.get(name.substring(name.lastIndexOf('.') + 1))));
    }
}
