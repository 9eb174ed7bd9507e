package org.taskhost.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends the page's files from the bundle: the page at {@code /} ({@link PageServlet}) and its assets under
 * {@code /ui/} ({@link AssetServlet}); two servlets because a component property cannot hold the root pattern,
 * the empty string, beside another. The page talks only to the REST API, so the Content-Security-Policy allows
 * scripts, styles and connections to this origin alone.
 */
abstract class PageFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final transient Bundle bundle;

    PageFileServlet(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PageFiles.PageFile> file = PageFiles.resolve(request.getServletPath(), request.getPathInfo());
        URL entry = file.map(f -> bundle.getEntry(f.entry())).orElse(null);
        if (entry == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such file of the page");
            return;
        }
        response.setContentType(file.get().contentType());
        // revalidated on every load, so a new taskhost version's page is never mixed with an old script
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", POLICY);
        try (InputStream in = entry.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
