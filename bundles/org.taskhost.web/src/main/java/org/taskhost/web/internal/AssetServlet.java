package org.taskhost.web.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;

/** The page's scripts, styles and icon under {@code /ui/}. */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect("(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + WebContext.NAME + ")")
@HttpWhiteboardServletPattern(PageFiles.ASSETS + "/*")
public class AssetServlet extends PageFileServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public AssetServlet(BundleContext context) {
        super(context);
    }
}
