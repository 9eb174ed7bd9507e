package org.taskhost.epics.internal;

import java.net.InetAddress;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvValue;
import org.taskhost.api.runtime.PvRegistry;
import org.taskhost.api.runtime.PvRegistryListener;

import com.cosylab.epics.caj.cas.CAJServerContext;
import com.cosylab.epics.caj.cas.CASTransport;
import com.cosylab.epics.caj.impl.Transport;

import gov.aps.jca.CAException;
import gov.aps.jca.cas.ServerChannel;
import gov.aps.jca.configuration.ConfigurationException;

/**
 * The Channel Access server: every PV of the {@link PvRegistry} is served under its full name while its plugin runs.
 * When a plugin goes, its clients are told their channels disconnected; they find the names again after a reload.
 * A view on the whiteboard: the runtime tells it of PVs added and removed and of every value on its own thread, so
 * a slow client never holds up a plugin.
 */
@Component(service = {CaServer.class, PvRegistryListener.class, PvListener.class}, immediate = true,
        configurationPid = "org.taskhost.epics", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CaServerConfig.class)
public class CaServer implements PvRegistryListener, PvListener {

    /** The name this bundle's lines carry: {@code [epics]}. */
    static final String LOGGER = "epics";

    private final Logger log;
    private final PvRegistry registry;
    private final PvDirectory directory = new PvDirectory();
    private final CAJServerContext context;
    private final Links links;
    private final WriteGate gate;

    @Activate
    public CaServer(@Reference PvRegistry registry, CaServerConfig config, @Reference LoggerFactory loggers)
            throws CAException, ConfigurationException {
        this.registry = registry;
        this.log = loggers.getLogger(LOGGER);
        this.links = new Links(() -> CaClientSettings.resolve(config), registry::find, log);
        if (!config.enabled()) {
            context = null;
            gate = null;
            log.audit("Channel Access server disabled (org.taskhost.epics enabled=false)");
            return;
        }
        CaSettings settings;
        try {
            settings = CaSettings.resolve(config);
        } catch (IllegalArgumentException e) {
            context = null;
            gate = null;
            log.error("Channel Access server not started: " + e.getMessage());
            return;
        }
        WriteAllowList writers = WriteAllowListReader.read(config, InetAddress::getAllByName, log::warn);
        context = new CAJServerContext();
        gate = WriteGate.on(context, writers, log);
        context.configure(settings.toCaj());
        context.initialize(directory);
        Thread.ofPlatform().daemon().name("CA server beacons").start(this::run);
        // AUDIT: where operators' clients find the server, printed at every log level
        log.audit("Channel Access server on port " + context.getTcpServerPort() + ", " + interfaces() + "; " + writers.describe());
    }

    /** CAJ binds the wildcard address; should that change, the line tells the truth anyway. */
    private String interfaces() {
        InetAddress bound = context.getServerInetAddress();
        return bound == null || bound.isAnyLocalAddress() ? "all interfaces" : "only " + bound.getHostAddress();
    }

    private void run() {
        try {
            context.run(0);
        } catch (CAException | IllegalStateException e) {
            log.warn("CA server stopped: " + e.getMessage());
        }
    }

    /** @return the TCP port clients connect to, or 0 when the server is disabled */
    public int port() {
        return context == null ? 0 : context.getTcpServerPort();
    }

    @Override
    public void added(Pv pv) {
        if (context == null) {
            return;
        }
        directory.add(new CaPv(pv, gate, log));
        if (pv.spec().link() != null) {
            links.follow(pv);
        }
    }

    @Override
    public void changed(Pv pv, PvValue value) {
        directory.get(pv.fullName()).filter(served -> served.serves(pv)).ifPresent(served -> served.changed(pv, value));
    }

    @Override
    public void removed(Pv pv) {
        if (context == null) {
            return;
        }
        links.drop(pv);
        directory.remove(pv.fullName()).ifPresent(this::disconnect);
    }

    private void disconnect(CaPv served) {
        for (Transport t : context.getTransportRegistry().toArray()) {
            CASTransport transport = (CASTransport) t;
            for (ServerChannel channel : served.channels()) {
                if (transport.getChannel(channel.getSID()) != channel) {
                    continue;
                }
                try {
                    new ChannelDisconnect(transport, channel.getCID()).submit();
                } catch (java.io.IOException e) {
                    log.debug("client gone before its channel was disconnected: " + e.getMessage());
                }
                transport.unregisterChannel(channel.getSID());
                channel.destroy();
            }
        }
    }

    @Deactivate
    void stop() throws CAException {
        if (context == null) {
            return;
        }
        directory.served().forEach(this::removed);
        links.close();
        context.destroy();
    }
}
