package org.taskhost.shell.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAlignToTheWidestCell() {
        String text = new TextTable("NAME", "STATUS", "MESSAGE").row("monitor", "RUN", "Task running").row("p", "ERROR", "x").toString();
        assertThat(text).isEqualTo("""
                NAME     STATUS  MESSAGE
                monitor  RUN     Task running
                p        ERROR   x
                """);
    }

    @Test
    void longCellsAreCut() {
        String text = new TextTable("A").row("z".repeat(100)).toString();
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).hasSize(TextTable.MAX_CELL).endsWith("…");
    }
}
