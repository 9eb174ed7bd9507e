package org.taskhost.web.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The page's servlet context, at {@code /} like the REST whiteboard's. The HTTP whiteboard tries contexts of equal
 * path in ranking order and takes the first that has a servlet for the request: ranked above the REST whiteboard's
 * context (ranking 0, servlet on {@code /*}), this one answers the page's own paths and leaves every other path,
 * {@code /api/v1/...} included, to Jersey.
 */
@Component(service = ServletContextHelper.class, property = Constants.SERVICE_RANKING + ":Integer=" + WebContext.RANKING)
@HttpWhiteboardContext(name = WebContext.NAME, path = "/")
public class WebContext extends ServletContextHelper {

    static final String NAME = "taskhost-web";
    static final int RANKING = 100;

    @Activate
    public WebContext(BundleContext context) {
        super(context.getBundle());
    }
}
