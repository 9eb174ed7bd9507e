package org.taskhost.shell.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A text table for Gogo commands: columns as wide as their widest cell, long cells cut with an ellipsis, no trailing
 * spaces. Every bundle's {@code taskhost:} commands print with it, so their tables look alike.
 */
public final class TextTable {

    /** The longest cell shown whole. */
    public static final int MAX_CELL = 48;
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** @param header the column names */
    public TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    /**
     * @param cells one row; null shows empty, missing cells too
     * @return this
     */
    public TextTable row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            String s = i < cells.length && cells[i] != null ? cells[i].toString() : "";
            r[i] = s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
        }
        rows.add(r);
        return this;
    }

    /** @return the number of rows below the header */
    public int size() {
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
