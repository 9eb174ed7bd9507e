package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Channel Access writes only from the hosts and users of the write allow-list, checked with EPICS base's own client
 * (libca via pyepics) over the loopback: the client's address is 127.0.0.1 whatever host name it claims. Reads stay
 * open to every client.
 */
class CaWriteAccessProcessIT {

    /** A sample plugin's input (drive limits 0..100, starting at 50), served once the first start has built the samples. */
    static final String SETPOINT = "BEAMLINE:DEFAULT:MONITOR:SETPOINT";

    /** Reads, tries a put of 61.5 with callback, and reads the server's value again. */
    static final String TRY_PUT = """
            import pwd
            p = await_pv('%1$s')
            before = p.get(use_monitor=False)
            try:
                put = epics.caput('%1$s', 61.5, wait=True, timeout=5)
            except Exception as e:
                put = 'refused: ' + type(e).__name__
            after = p.get(use_monitor=False)
            out(before=before, write=p.write_access, read=p.read_access, put=put, after=after,
                user=pwd.getpwuid(os.getuid()).pw_name)
            """.formatted(SETPOINT);

    /** The user name libca claims: the login name of the process's user, as Java's user.name. */
    static final String USER = System.getProperty("user.name");

    /** Starts taskhost with a new data directory, so the first start adds the sample plugins. */
    static TaskhostProcess start(Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("TASKHOST_DATA", Files.createTempDirectory("e2e-ca-write").toString());
        return new TaskhostProcess(all);
    }

    /** @return what the client saw; reads must work whoever may write */
    static Map<String, Object> tryPut(TaskhostProcess th) throws Exception {
        startLine(th);
        Map<String, Object> r = new CaClient(th.caPort, Map.of()).one(TRY_PUT);
        assertThat(r).as("reads stay open").containsEntry("before", 50.0).containsEntry("read", true);
        return r;
    }

    /** @return the CA server's start line, which says who may write */
    static String startLine(TaskhostProcess th) throws InterruptedException {
        return th.awaitLine("the CA server", l -> l.contains("Channel Access server on port " + th.caPort));
    }

    @Test
    void aPutFromAHostNotAllowedIsRefusedAndABadEntryIsReportedAndLeftOut() throws Exception {
        try (TaskhostProcess th = start(Map.of("TASKHOST_CA_WRITE_HOSTS", "192.0.2.1,foo..bar"))) {
            assertThat(tryPut(th)).as("the client sees no write access, its put fails, the value stays").containsEntry("write", false)
                    .containsEntry("put", "refused: CASeverityException").containsEntry("after", 50.0);
            assertThat(startLine(th)).endsWith(", all interfaces; writes from 192.0.2.1");
            th.awaitLine("the bad entry reported", l -> l.contains("WARN  [epics] TASKHOST_CA_WRITE_HOSTS entry 2 'foo..bar': "
                    + "not an address, CIDR block or resolvable host name; left out"));
        }
    }

    @Test
    void aPutFromAnAllowedHostAndUserIsDone() throws Exception {
        try (TaskhostProcess th = start(Map.of("TASKHOST_CA_WRITE_HOSTS", "127.0.0.1", "TASKHOST_CA_WRITE_USERS", USER))) {
            assertThat(tryPut(th)).containsEntry("user", USER).containsEntry("write", true).containsEntry("put", 1)
                    .containsEntry("after", 61.5);
            assertThat(startLine(th)).endsWith(", all interfaces; writes from 127.0.0.1 by users " + USER);
        }
    }

    @Test
    void aPutByAUserNotAllowedIsRefusedEvenFromAnAllowedHost() throws Exception {
        try (TaskhostProcess th = start(Map.of("TASKHOST_CA_WRITE_HOSTS", "127.0.0.0/8", "TASKHOST_CA_WRITE_USERS", "not-" + USER))) {
            assertThat(tryPut(th)).containsEntry("write", false).containsEntry("put", "refused: CASeverityException")
                    .containsEntry("after", 50.0);
            assertThat(startLine(th)).endsWith(", all interfaces; writes from 127.0.0.0/8 by users not-" + USER);
        }
    }
}
