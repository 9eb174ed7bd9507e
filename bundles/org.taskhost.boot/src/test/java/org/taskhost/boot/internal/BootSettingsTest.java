package org.taskhost.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskhost.boot.internal.BootSettings.Stdin.NOT_A_TERMINAL;
import static org.taskhost.boot.internal.BootSettings.Stdin.TERMINAL;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BootSettingsTest {

    static final Path WORK = Path.of("/home/op");
    static final Path JAR = Path.of("/src/taskhost/launcher/target/taskhost.jar");
    static final Set<Path> BUILD_TREE = Set.of(Path.of("/src/taskhost/launcher/etc"), Path.of("/src/taskhost/plugins-sample"));

    static Map<String, String> props(Map<String, String> env, Path jar, Set<Path> dirs, BootSettings.Stdin stdin) {
        return BootSettings.properties(env::get, name -> null, jar, WORK, dirs::contains, stdin);
    }

    @Test
    void fromTheBuildTreeEtcAndSamplesAreFoundBesideTheJarAndTheDefaultsAreBinTaskhosts() {
        assertThat(props(Map.of(), JAR, BUILD_TREE, TERMINAL)).containsExactly(
                Map.entry("felix.fileinstall.dir", "/src/taskhost/launcher/etc"),
                Map.entry("gosh.home", "/src/taskhost/launcher"),
                Map.entry("taskhost.data", "/home/op/data"),
                Map.entry("felix.cm.dir", "/home/op/data/config"),
                Map.entry("taskhost.samples.dir", "/src/taskhost/plugins-sample"),
                Map.entry("org.osgi.service.http.port", "8080"),
                Map.entry("org.apache.felix.http.host", "0.0.0.0"),
                Map.entry("taskhost.log.level", "info"),
                Map.entry("org.jline.terminal.dumb", "true"));
    }

    @Test
    void theEarlyLogLevelIsTaskhostsVariableElseIocmngs() {
        assertThat(props(Map.of("IOCMNG_LOG_LEVEL", "warn"), JAR, BUILD_TREE, TERMINAL)).containsEntry("taskhost.log.level", "warn");
        assertThat(props(Map.of("TASKHOST_LOG_LEVEL", "debug", "IOCMNG_LOG_LEVEL", "warn"), JAR, BUILD_TREE, TERMINAL))
                .containsEntry("taskhost.log.level", "debug");
    }

    @Test
    void theEnvironmentWins() {
        Map<String, String> env = Map.of("TASKHOST_ETC", "conf/etc", "TASKHOST_DATA", "/var/lib/taskhost", "TASKHOST_PORT", "9191",
                "TASKHOST_HOST", "127.0.0.1");
        assertThat(props(env, JAR, BUILD_TREE, TERMINAL))
                .containsEntry("felix.fileinstall.dir", "/home/op/conf/etc")
                .containsEntry("gosh.home", "/home/op/conf")
                .containsEntry("taskhost.data", "/var/lib/taskhost")
                .containsEntry("felix.cm.dir", "/var/lib/taskhost/config")
                .containsEntry("org.osgi.service.http.port", "9191")
                .containsEntry("org.apache.felix.http.host", "127.0.0.1");
    }

    @Test
    void iocmngAliasesCountWhenTheTaskhostNamesAreUnsetOrBlank() {
        assertThat(props(Map.of("IOCMNG_PORT", "8181", "IOCMNG_HOST", "::1"), JAR, BUILD_TREE, TERMINAL))
                .containsEntry("org.osgi.service.http.port", "8181").containsEntry("org.apache.felix.http.host", "::1");
        assertThat(props(Map.of("TASKHOST_PORT", " ", "IOCMNG_PORT", "8181"), JAR, BUILD_TREE, TERMINAL))
                .containsEntry("org.osgi.service.http.port", "8181");
        assertThat(props(Map.of("TASKHOST_PORT", "9000", "IOCMNG_PORT", "8181"), JAR, BUILD_TREE, TERMINAL))
                .containsEntry("org.osgi.service.http.port", "9000");
    }

    @Test
    void aDaemonWithoutATerminalAndAShellOnAPipeWithTaskhostConsoleStdin() {
        assertThat(props(Map.of(), JAR, BUILD_TREE, TERMINAL)).doesNotContainKey("gosh.args");
        assertThat(props(Map.of(), JAR, BUILD_TREE, NOT_A_TERMINAL)).containsEntry("gosh.args", "--nointeractive --noshutdown");
        assertThat(props(Map.of("TASKHOST_CONSOLE", "stdin"), JAR, BUILD_TREE, NOT_A_TERMINAL)).containsEntry("gosh.args", "--noshutdown");
        assertThat(props(Map.of("TASKHOST_CONSOLE", "stdin"), JAR, BUILD_TREE, TERMINAL)).containsEntry("gosh.args", "--noshutdown");
        assertThat(props(Map.of("TASKHOST_CONSOLE", "tty"), JAR, BUILD_TREE, NOT_A_TERMINAL)).containsEntry("gosh.args", "--nointeractive --noshutdown");
    }

    @Test
    void aJarOutsideTheBuildTreeLooksBesideItselfAndLeavesOutWhatIsNotThere() {
        Path jar = Path.of("/opt/taskhost/taskhost.jar");
        assertThat(props(Map.of(), jar, Set.of(Path.of("/opt/taskhost/etc"), Path.of("/opt/taskhost/plugins-sample")), NOT_A_TERMINAL))
                .containsEntry("felix.fileinstall.dir", "/opt/taskhost/etc")
                .containsEntry("gosh.home", "/opt/taskhost")
                .containsEntry("taskhost.samples.dir", "/opt/taskhost/plugins-sample");
        assertThat(props(Map.of(), jar, Set.of(), NOT_A_TERMINAL)).doesNotContainKeys("felix.fileinstall.dir", "gosh.home", "taskhost.samples.dir");
        assertThat(props(Map.of(), null, BUILD_TREE, NOT_A_TERMINAL)).doesNotContainKeys("felix.fileinstall.dir", "taskhost.samples.dir")
                .containsEntry("felix.cm.dir", "/home/op/data/config");
    }

    @Test
    void theDataDirectoryIsAGivenPropertyThenTaskhostDataThenDotData() {
        Map<String, String> property = new HashMap<>(Map.of("taskhost.data", "/srv/prop"));
        assertThat(BootSettings.dataDirectory(Map.of("TASKHOST_DATA", "rel/data")::get, property::get, WORK)).isEqualTo(Path.of("/srv/prop"));
        assertThat(BootSettings.dataDirectory(Map.of("TASKHOST_DATA", "rel/data")::get, n -> null, WORK)).isEqualTo(Path.of("/home/op/rel/data"));
        assertThat(BootSettings.dataDirectory(Map.of("TASKHOST_DATA", "")::get, n -> null, WORK)).isEqualTo(Path.of("/home/op/data"));
        assertThat(BootSettings.dataDirectory(n -> null, n -> null, WORK)).isEqualTo(Path.of("/home/op/data"));
    }

    @Test
    void theLauncherJarIsTheClassPathsJarResolvedAgainstTheWorkingDirectory() {
        assertThat(BootSettings.launcherJar("launcher/target/taskhost.jar", WORK)).isEqualTo(Path.of("/home/op/launcher/target/taskhost.jar"));
        assertThat(BootSettings.launcherJar("/x/classes:/src/../opt/taskhost.jar", WORK)).isEqualTo(Path.of("/opt/taskhost.jar"));
        assertThat(BootSettings.launcherJar("/x/classes", WORK)).isNull();
        assertThat(BootSettings.launcherJar(null, WORK)).isNull();
    }

    @Test
    void onlyTerminalDevicesAreTerminals() {
        assertThat(BootSettings.stdin("/dev/pts/3")).isEqualTo(TERMINAL);
        assertThat(BootSettings.stdin("/dev/tty1")).isEqualTo(TERMINAL);
        assertThat(BootSettings.stdin("/dev/ttyS0")).isEqualTo(TERMINAL);
        assertThat(BootSettings.stdin("/dev/console")).isEqualTo(TERMINAL);
        assertThat(BootSettings.stdin("/dev/null")).isEqualTo(NOT_A_TERMINAL);
        assertThat(BootSettings.stdin("pipe:[48213]")).isEqualTo(NOT_A_TERMINAL);
        assertThat(BootSettings.stdin("socket:[48213]")).isEqualTo(NOT_A_TERMINAL);
        assertThat(BootSettings.stdin("/home/op/commands.txt")).isEqualTo(NOT_A_TERMINAL);
        assertThat(BootSettings.stdin(null)).isEqualTo(NOT_A_TERMINAL);
    }
}
