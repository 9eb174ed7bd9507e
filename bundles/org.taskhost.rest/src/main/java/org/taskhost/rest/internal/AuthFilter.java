package org.taskhost.rest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.metatype.annotations.Designate;
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
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "org.taskhost.rest", immediate = true)
@Designate(ocd = RestConfig.class)
@JakartarsExtension
@JakartarsName("taskhost-auth")
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    private static final System.Logger LOG = System.getLogger("org.taskhost.rest");
    private final TokenStore tokens = new TokenStore();
    private final boolean openReads;

    @Activate
    public AuthFilter(BundleContext context, RestConfig config) throws IOException {
        Path data = DataDirectory.resolve(config.dataDir(), System::getenv, context::getProperty);
        Path admin = TokenStore.ensureAdminToken(data);
        tokens.add(Role.ADMIN, Files.readString(admin));
        int n = 0;
        for (String entry : config.tokens()) {
            tokens.addEntry(entry, ++n);
        }
        String env = System.getenv("TASKHOST_TOKENS");
        if (env != null && !env.isBlank()) {
            for (String entry : env.split(",")) {
                tokens.addEntry(entry.trim(), ++n);
            }
        }
        String open = System.getenv("TASKHOST_OPEN_READS");
        this.openReads = open != null ? Boolean.parseBoolean(open.trim()) : config.openReads();
        System.out.println("REST API admin token: " + admin + (openReads ? " (reads open without a token)" : ""));
        LOG.log(System.Logger.Level.DEBUG, n + " extra token(s) configured");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        Optional<Role> needed = Role.needed(request.getMethod(), path);
        boolean whoami = Role.isWhoami(request.getMethod(), path);
        if (needed.isEmpty() || openReads && needed.get() == Role.READ && !whoami) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Refusals.refuse(request, withChallenge(Answers.error(401, "a bearer token is required (Authorization: Bearer <token>)")));
            return;
        }
        Optional<Role> role = tokens.roleOf(header.substring(7));
        if (role.isEmpty()) {
            Refusals.refuse(request, withChallenge(Answers.error(401, "unknown token")));
        } else if (!role.get().covers(needed.get())) {
            Refusals.refuse(request, Answers.error(403, "this needs the " + needed.get().name().toLowerCase() + " role; the token has "
                    + role.get().name().toLowerCase()));
        } else {
            request.setSecurityContext(new TokenSecurityContext(role.get(), openReads, request.getSecurityContext().isSecure()));
        }
    }

    private static Response withChallenge(Response r) {
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"taskhost\"").build();
    }
}
