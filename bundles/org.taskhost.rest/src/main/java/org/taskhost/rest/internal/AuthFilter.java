package org.taskhost.rest.internal;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.api.runtime.DataDirectory;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Bearer-token authentication for every request but {@code /api/v1/health}: 401 without a known token, 403 when
 * its role is too small for the request (see {@link Role#needed}). Reads may be opened by configuration.
 * {@code GET /api/v1/whoami} always needs a token. A request whose token was checked carries a
 * {@link TokenSecurityContext} with the token's role, which {@link WhoamiResource} answers with.
 * <p>
 * Every resource selects this filter ({@link GuardedResource}), so it must always start: bad settings are reported and
 * left out (see {@link AuthSettings}), and without an admin token it refuses every protected request with the reason.
 */
@Component(service = {ContainerRequestFilter.class, AuthFilter.class}, configurationPid = "org.taskhost.rest", immediate = true)
@Designate(ocd = RestConfig.class)
@JakartarsExtension
@JakartarsName(GuardedResource.AUTHENTICATION)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    private static final System.Logger LOG = System.getLogger("org.taskhost.rest");
    private final AuthSettings settings;

    @Activate
    public AuthFilter(BundleContext context, RestConfig config, @Reference LoggerFactory loggers) {
        this(AuthSettings.read(config, DataDirectory.resolve("", none -> null, context::getProperty)));
        // AUDIT: where the API listens and where its admin token is, printed at every log level
        Logger start = loggers.getLogger("rest");
        start.audit(RestEndpoint.describe(context::getProperty));
        if (settings.adminToken() != null) {
            start.audit("REST API admin token: " + settings.adminToken() + (settings.openReads() ? " (reads open without a token)" : ""));
        }
        settings.problems().forEach(p -> LOG.log(System.Logger.Level.ERROR, "REST API tokens: " + p));
        settings.closed().ifPresent(c -> LOG.log(System.Logger.Level.ERROR, "REST API closed: every request but /health is refused: " + c));
    }

    AuthFilter(AuthSettings settings) {
        this.settings = settings;
    }

    /** @return why every protected request is refused, empty when tokens are checked */
    Optional<String> closed() {
        return settings.closed();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        Optional<Role> needed = Role.needed(request.getMethod(), path);
        boolean whoami = Role.isWhoami(request.getMethod(), path);
        if (needed.isEmpty()) {
            return;
        }
        if (settings.closed().isPresent()) {
            Refusals.refuse(request, withChallenge(Answers.error(401, "the REST API is closed: " + settings.closed().get()
                    + "; fix it and restart taskhost")));
            return;
        }
        if (settings.openReads() && needed.get() == Role.READ && !whoami) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Refusals.refuse(request, withChallenge(Answers.error(401, "a bearer token is required (Authorization: Bearer <token>)")));
            return;
        }
        Optional<Role> role = settings.tokens().roleOf(header.substring(7));
        if (role.isEmpty()) {
            Refusals.refuse(request, withChallenge(Answers.error(401, "unknown token")));
        } else if (!role.get().covers(needed.get())) {
            Refusals.refuse(request, Answers.error(403, "this needs the " + needed.get().label() + " role; the token has "
                    + role.get().label()));
        } else {
            request.setSecurityContext(new TokenSecurityContext(role.get(), settings.openReads(), request.getSecurityContext().isSecure()));
        }
    }

    private static Response withChallenge(Response r) {
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"taskhost\"").build();
    }
}
