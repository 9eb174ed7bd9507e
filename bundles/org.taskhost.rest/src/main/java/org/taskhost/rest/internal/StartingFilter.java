package org.taskhost.rest.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.taskhost.api.loader.PluginLoader;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/** 503 for every request until the loader has restored the plugins kept from the last run. */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("taskhost-starting")
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class StartingFilter implements ContainerRequestFilter {

    @Reference
    PluginLoader loader;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> answer = answer(loader.ready());
        answer.ifPresent(message -> Refusals.refuse(request, Answers.error(503, message)));
    }

    static Optional<String> answer(boolean ready) {
        return ready ? Optional.empty() : Optional.of("taskhost is starting: plugins are being restored; retry shortly");
    }
}
