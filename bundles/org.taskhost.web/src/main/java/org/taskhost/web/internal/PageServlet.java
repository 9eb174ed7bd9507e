package org.taskhost.web.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;

import jakarta.servlet.Servlet;

/** The page itself, at {@code /} exactly (the empty pattern: the context root). */
// the pattern as a plain property: bnd writes an empty string given through the property type as an empty list
@Component(service = Servlet.class, property = HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=")
@HttpWhiteboardContextSelect("(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + WebContext.NAME + ")")
public class PageServlet extends PageFileServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public PageServlet(BundleContext context) {
        super(context);
    }
}
