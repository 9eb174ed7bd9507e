package org.taskhost.mqtt.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.rest.GuardedResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/mqtt}: what {@code taskhost:mqtt} shows, in the REST whiteboard's default application, so the
 * REST bundle's authentication (the read role) and its JSON writer apply.
 */
@Component(service = MqttResource.class)
@JakartarsResource
@GuardedResource
@Path("api/v1/mqtt")
public class MqttResource {

    @Reference
    MqttView view;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get() {
        return view.describe();
    }
}
