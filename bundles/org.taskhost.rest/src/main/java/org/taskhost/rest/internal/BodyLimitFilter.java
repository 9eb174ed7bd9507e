package org.taskhost.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.api.settings.Setting;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Bounds every request body: 413 naming the limit when the declared length is over it, and a body sent without a
 * length is cut off at the limit with the same answer. It runs after the token check, so a stranger learns only 401.
 * Every resource selects it ({@link GuardedResource}), so a missing filter cannot leave a body unbounded.
 */
@Component(service = {ContainerRequestFilter.class, ExceptionMapper.class}, configurationPid = "org.taskhost.rest")
@JakartarsExtension
@JakartarsName(GuardedResource.LIMITS)
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
public class BodyLimitFilter implements ContainerRequestFilter, ExceptionMapper<BoundedBody.TooLarge> {

    private final long maxBody;
    private final long maxJar;

    @Activate
    public BodyLimitFilter(RestConfig config) {
        this(Setting.typed("maxBodyBytes", "a number of bytes", config::maxBodyBytes),
                Setting.typed("maxJarBytes", "a number of bytes", config::maxJarBytes));
    }

    BodyLimitFilter(long maxBody, long maxJar) {
        this.maxBody = Math.max(0, maxBody);
        this.maxJar = Math.max(0, maxJar);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean jar = isJar(request.getMediaType());
        long limit = jar ? maxJar : maxBody;
        String what = jar ? "a plugin jar" : "a request body";
        String setting = " (" + (jar ? "maxJarBytes" : "maxBodyBytes") + " in etc/org.taskhost.rest.cfg)";
        int length = request.getLength();
        if (length > limit) {
            Response answer = tooLarge(what + " of " + length + " bytes is over the limit of " + limit + " bytes" + setting);
            // a body a little over its limit is read and dropped, so that any client hears the answer; a much larger one
            // is left unread and the connection closes (curl, which asks 100-continue, still hears it)
            if (length - limit <= Refusals.DRAIN_LIMIT) {
                Refusals.refuse(request, answer, length);
            } else {
                Refusals.refuseUnread(request, answer);
            }
        } else if (request.hasEntity()) {
            request.setEntityStream(new BoundedBody(request.getEntityStream(), limit, what + " is over the limit of " + limit + " bytes" + setting));
        }
    }

    /** A body without a length, cut off at its limit while a reader read it. */
    @Override
    public Response toResponse(BoundedBody.TooLarge e) {
        return tooLarge(e.getMessage());
    }

    static Response tooLarge(String message) {
        return Answers.error(413, message);
    }

    static boolean isJar(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                || type.getType().equals("application") && type.getSubtype().equals("java-archive"));
    }
}
