package org.taskhost.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAlignToTheWidestCell() {
        String text = new Table("NAME", "STATUS", "MESSAGE").row("monitor", "RUN", "Task running").row("p", "ERROR", "x").toString();
        assertThat(text).isEqualTo("""
                NAME     STATUS  MESSAGE
                monitor  RUN     Task running
                p        ERROR   x
                """);
    }

    @Test
    void longCellsAreCut() {
        String text = new Table("A").row("z".repeat(100)).toString();
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).hasSize(Table.MAX_CELL).endsWith("…");
    }
}
