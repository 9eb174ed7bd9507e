package org.taskhost.shell.internal;

import java.util.ArrayList;
import java.util.List;

/** A text table whose columns are as wide as their widest cell; long cells are cut with an ellipsis. */
final class Table {

    static final int MAX_CELL = 48;
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            String s = i < cells.length && cells[i] != null ? cells[i].toString() : "";
            r[i] = s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
        }
        rows.add(r);
        return this;
    }

    int size() {
        return rows.size() - 1;
    }

    @Override
    public String toString() {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
