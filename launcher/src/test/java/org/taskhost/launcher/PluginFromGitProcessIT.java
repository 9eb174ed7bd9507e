package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** End to end: plugins added from git through the shell of the launched taskhost, reloaded, and kept across kill -9. */
class PluginFromGitProcessIT {

    private static Map<String, String> env(Path data) {
        return Map.of("TASKHOST_CONSOLE", "stdin", "TASKHOST_DATA", data.toString(), "TASKHOST_SAMPLES", "false");
    }

    @Test
    void addReloadAndKillMinusNine() throws Exception {
        GitFixture repo = new GitFixture();
        repo.commitTask("v1", 0);
        Path data = Files.createTempDirectory("e2e-data");
        String v2;
        try (TaskhostProcess th = new TaskhostProcess(env(data))) {
            th.awaitLine("the shell", l -> l.contains("first start: sample plugins not added"));
            th.command("taskhost:add --name greeter " + repo.url() + " greeting=hello", "added",
                    l -> l.contains("added greeter: task Ticker at "));
            th.awaitLine("v1 ticks with the parameter", l -> l.contains("[greeter] tick v1 hello"));

            v2 = repo.commitTask("v2", 0);
            String commit = v2;
            th.command("taskhost:reload greeter", "reloaded", l -> l.contains("reloaded greeter at " + commit));
            th.awaitLine("v2 ticks", l -> l.contains("[greeter] tick v2 hello"));
            th.kill();
        }
        String restored = v2;
        try (TaskhostProcess th = new TaskhostProcess(env(data))) {
            th.awaitLine("restored at the new commit", l -> l.contains("[loader] restored plugin greeter at commit " + restored));
            th.awaitLine("v2 ticks again, with its parameter", l -> l.contains("[greeter] tick v2 hello"));
            th.command("taskhost:remove greeter", "removed", l -> l.contains("removed greeter"));
            assertThat(th.terminate()).isZero();
        }
        try (TaskhostProcess th = new TaskhostProcess(env(data))) {
            th.awaitLine("runtime up", l -> l.contains("[taskhost] runtime ready"));
            th.awaitShell();
            th.awaitLine("an empty list", l -> l.contains("no plugins"));
            assertThat(th.lines()).noneMatch(l -> l.contains("[greeter]"));
            assertThat(th.terminate()).isZero();
        }
    }

    @Test
    void killMinusNineDuringAnAddLeavesThePluginWholeOrAbsent() throws Exception {
        GitFixture repo = new GitFixture();
        repo.commitTask("slow", 3000);
        Path data = Files.createTempDirectory("e2e-data");
        try (TaskhostProcess th = new TaskhostProcess(env(data))) {
            th.awaitLine("the shell", l -> l.contains("first start: sample plugins not added"));
            th.command("taskhost:add --name slow " + repo.url(), "the add is under way",
                    l -> l.contains("[slow] STATUS INIT: Initializing"));
            th.kill();
        }
        try (TaskhostProcess th = new TaskhostProcess(env(data))) {
            th.awaitShell();
            String listed = th.awaitLine("the list", l -> l.contains("slow ") && l.contains("TASK") || l.contains("no plugins"));
            if (listed.contains("slow ")) {
                th.awaitLine("restored and running", l -> l.contains("[slow] tick slow none"));
                assertThat(Files.list(data.resolve("plugins/slow")).toList()).hasSize(1);
            } else {
                assertThat(th.lines()).noneMatch(l -> l.contains("[slow]"));
            }
            assertThat(th.terminate()).isZero();
        }
    }
}
