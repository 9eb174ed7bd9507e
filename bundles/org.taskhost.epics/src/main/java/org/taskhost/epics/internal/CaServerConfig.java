package org.taskhost.epics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of PID {@code org.taskhost.epics}. The EPICS environment variables of the same meaning win, as they do
 * for an IOC: {@code EPICS_CAS_SERVER_PORT}, {@code EPICS_CAS_BEACON_ADDR_LIST}, {@code EPICS_CAS_AUTO_BEACON_ADDR_LIST},
 * {@code EPICS_CAS_BEACON_PORT} and {@code EPICS_CAS_IGNORE_ADDR_LIST}; so do taskhost's {@code TASKHOST_CA_WRITE_HOSTS} and
 * {@code TASKHOST_CA_WRITE_USERS} for the write allow-list (see {@link WriteAllowListReader}).
 */
@ObjectClassDefinition(name = "taskhost Channel Access server", description = "Serves the plugins' PVs over EPICS CA")
public @interface CaServerConfig {

    @AttributeDefinition(description = "false stops serving PVs over Channel Access")
    boolean enabled() default true;

    @AttributeDefinition(description = "UDP and TCP port of the server (EPICS_CAS_SERVER_PORT)")
    int serverPort() default 5064;

    @AttributeDefinition(description = "Space-separated addresses beacons go to (EPICS_CAS_BEACON_ADDR_LIST)")
    String beaconAddrList() default "";

    @AttributeDefinition(description = "Also send beacons to every interface's broadcast address (EPICS_CAS_AUTO_BEACON_ADDR_LIST)")
    boolean autoBeaconAddrList() default true;

    @AttributeDefinition(description = "Port beacons are sent to, the clients' repeater port (EPICS_CAS_BEACON_PORT)")
    int beaconPort() default 5065;

    @AttributeDefinition(description = "Space-separated addresses whose searches are ignored (EPICS_CAS_IGNORE_ADDR_LIST)")
    String ignoreAddrList() default "";

    @AttributeDefinition(description = "Largest array a client may transfer, in bytes (EPICS_CA_MAX_ARRAY_BYTES)")
    int maxArrayBytes() default 16384;

    @AttributeDefinition(description = "Hosts that may write PVs: * (any), none, or a list of IP addresses, CIDR blocks and host names (TASKHOST_CA_WRITE_HOSTS)")
    String writeHosts() default "*";

    @AttributeDefinition(description = "User names (as CA clients claim them) that may write PVs: * (any), none, or a list (TASKHOST_CA_WRITE_USERS)")
    String writeUsers() default "*";
}
