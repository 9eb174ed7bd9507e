package org.taskhost.runtime.internal.messaging;

import org.taskhost.api.messaging.Messaging;
import org.taskhost.runtime.internal.services.ServiceHub;

/** The broker service (the MQTT bundle's) behind every plugin's {@link PluginMessaging}. */
public final class MessagingHub extends ServiceHub<Messaging> {
}
