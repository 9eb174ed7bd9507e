package org.taskhost.epics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of PID {@code org.taskhost.epics}. etc/org.taskhost.epics.cfg maps the EPICS environment variables of
 * the same meaning into it, as an IOC reads them (named in brackets), and taskhost's {@code TASKHOST_CA_WRITE_HOSTS}
 * and {@code TASKHOST_CA_WRITE_USERS} for the write allow-list (see {@link WriteAllowListReader}). A wrong value is
 * refused by the variable's name.
 */
@ObjectClassDefinition(name = "taskhost Channel Access server", description = "Serves the plugins' PVs over EPICS CA")
public @interface CaServerConfig {

    @AttributeDefinition(required = false, description = "false stops serving PVs over Channel Access")
    boolean enabled() default true;

    @AttributeDefinition(required = false, min = "1", max = "65535", description = "UDP and TCP port of the server (EPICS_CAS_SERVER_PORT)")
    int serverPort() default 5064;

    @AttributeDefinition(required = false, description = "Space-separated addresses beacons go to (EPICS_CAS_BEACON_ADDR_LIST)")
    String beaconAddrList() default "";

    @AttributeDefinition(required = false, description = "Also send beacons to every interface's broadcast address (EPICS_CAS_AUTO_BEACON_ADDR_LIST)",
            options = {@Option(value = "YES"), @Option(value = "NO")})
    String autoBeaconAddrList() default "YES";

    @AttributeDefinition(required = false, min = "1", max = "65535", description = "Port beacons are sent to, the clients' repeater port (EPICS_CAS_BEACON_PORT)")
    int beaconPort() default 5065;

    @AttributeDefinition(required = false, description = "Space-separated addresses whose searches are ignored (EPICS_CAS_IGNORE_ADDR_LIST)")
    String ignoreAddrList() default "";

    @AttributeDefinition(required = false, min = "16", description = "Largest array a client may transfer, in bytes (EPICS_CA_MAX_ARRAY_BYTES)")
    int maxArrayBytes() default 16384;

    @AttributeDefinition(required = false, cardinality = Integer.MAX_VALUE, description = "Hosts that may write PVs: * (any), none,"
            + " or IP addresses, CIDR blocks and host names (TASKHOST_CA_WRITE_HOSTS)")
    String[] writeHosts() default {"*"};

    @AttributeDefinition(required = false, cardinality = Integer.MAX_VALUE, description = "User names (as CA clients claim them)"
            + " that may write PVs: * (any), none, or names (TASKHOST_CA_WRITE_USERS)")
    String[] writeUsers() default {"*"};

    @AttributeDefinition(required = false, description = "Where links search for external PVs, space-separated (EPICS_CA_ADDR_LIST)")
    String clientAddrList() default "";

    @AttributeDefinition(required = false, description = "Links also search every interface's broadcast address (EPICS_CA_AUTO_ADDR_LIST)",
            options = {@Option(value = "YES"), @Option(value = "NO")})
    String clientAutoAddrList() default "YES";

    @AttributeDefinition(required = false, min = "1", max = "65535", description = "Port links search on (EPICS_CA_SERVER_PORT)")
    int clientServerPort() default 5064;

    @AttributeDefinition(required = false, min = "1", max = "65535", description = "The links' repeater port (EPICS_CA_REPEATER_PORT)")
    int clientRepeaterPort() default 5065;
}
