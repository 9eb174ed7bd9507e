package org.taskhost.rest.internal;

import java.security.Principal;

import org.taskhost.rest.internal.answers.Whoami;

import jakarta.ws.rs.core.SecurityContext;

/**
 * What the authentication filter learnt of a request's token, for the resources: its role, and whether reads are open
 * without a token. A role is "in" another when it covers it ({@code admin} covers {@code deploy}, ...).
 *
 * @param role the token's role
 * @param openReads reads need no token
 * @param secure the request came over TLS
 */
record TokenSecurityContext(Role role, boolean openReads, boolean secure) implements SecurityContext, Principal {

    /** @return this: a resource gets the request's context through a proxy, but the principal as it is */
    @Override
    public Principal getUserPrincipal() {
        return this;
    }

    @Override
    public String getName() {
        return role.label();
    }

    @Override
    public boolean isUserInRole(String name) {
        return name != null && Role.parse(name).map(role::covers).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }

    /** The answer of {@code GET /api/v1/whoami}: the token's role and the roles it includes. */
    Whoami describe() {
        return new Whoami(role.label(), Role.ladder(role), openReads);
    }
}
