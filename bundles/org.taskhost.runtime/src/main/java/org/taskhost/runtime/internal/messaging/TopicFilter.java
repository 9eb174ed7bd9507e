package org.taskhost.runtime.internal.messaging;

/** MQTT 3.1.1 topic filters (section 4.7): wildcards fill a whole level, {@code #} only the last one. */
public final class TopicFilter {

    private TopicFilter() {
    }

    /**
     * @param filter a topic filter
     * @return what is wrong with it, or null when it is valid
     */
    public static String problem(String filter) {
        if (filter == null || filter.isEmpty()) {
            return "must not be empty";
        }
        if (filter.indexOf('\0') >= 0) {
            return "must not contain a NUL character";
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "'#' must be a whole level and the last one, got '" + filter + "'";
            }
            if (level.contains("+") && !level.equals("+")) {
                return "'+' must be a whole level, got '" + filter + "'";
            }
        }
        return null;
    }
}
