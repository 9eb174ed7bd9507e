package org.taskhost.mqtt.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Supplier;

import org.taskhost.api.settings.Setting;

/**
 * The MQTT settings from the configuration (etc/org.taskhost.mqtt.cfg maps the environment into it). A wrong value is
 * refused with a message that starts with the setting's variable name, such as {@code TASKHOST_MQTT_URL: ...}.
 *
 * @param url the broker URL, or null when MQTT is off
 * @param clientId the client id
 * @param username the user name, or null
 * @param password the password, or null
 * @param root the topics' first level
 * @param node this taskhost's name in topics
 */
record MqttSettings(String url, String clientId, String username, String password, String root, String node) {

    static final String URL = "TASKHOST_MQTT_URL";
    static final String CLIENT_ID = "TASKHOST_MQTT_CLIENT_ID";
    static final String USERNAME = "TASKHOST_MQTT_USERNAME";
    static final String PASSWORD = "TASKHOST_MQTT_PASSWORD";
    static final String ROOT = "TASKHOST_MQTT_ROOT";
    static final String NODE = "TASKHOST_MQTT_NODE";
    static final String PV_INTERVAL = "TASKHOST_MQTT_PV_INTERVAL";

    /**
     * @param config the configuration
     * @param hostName the host name, the node's default
     * @return the settings
     * @throws IllegalArgumentException naming the variable of a wrong value
     */
    static MqttSettings resolve(MqttConfig config, Supplier<String> hostName) {
        String url = Setting.text(URL, config.url());
        if (url.isEmpty()) {
            return new MqttSettings(null, null, null, null, null, null);
        }
        checkUrl(url);
        String root = Setting.text(ROOT, config.root());
        if (root.isEmpty()) {
            root = "taskhost";
        }
        checkTopicPart(ROOT, root, true);
        String node = Setting.text(NODE, config.node());
        if (node.isEmpty()) {
            node = hostName.get();
            if (node == null || node.isBlank()) {
                throw new IllegalArgumentException(NODE + ": the host name is unknown; set a node name");
            }
            node = node.trim();
        }
        checkTopicPart(NODE, node, false);
        String clientId = Setting.text(CLIENT_ID, config.clientId());
        if (clientId.isEmpty()) {
            clientId = "taskhost-" + node;
        }
        if (clientId.length() > 65535 || clientId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(CLIENT_ID + ": control characters are not allowed, got '" + clientId + "'");
        }
        String username = Setting.text(USERNAME, config.username());
        String password = Setting.text(PASSWORD, config.password());
        if (!password.isEmpty() && username.isEmpty()) {
            throw new IllegalArgumentException(PASSWORD + ": a password needs a user name (" + USERNAME + ")");
        }
        return new MqttSettings(url, clientId, username.isEmpty() ? null : username, password.isEmpty() ? null : password, root, node);
    }

    /** @return false when no broker is configured */
    boolean enabled() {
        return url != null;
    }

    /** @return {@code {root}/{node}/status} */
    String statusTopic() {
        return root + "/" + node + "/status";
    }

    /** @return {@code {root}/{node}/plugins/{name}/state} */
    String stateTopic(String plugin) {
        return root + "/" + node + "/plugins/" + plugin + "/state";
    }

    /** @return {@code {root}/{node}/plugins/{plugin}/pvs/{pv}} */
    String pvTopic(String plugin, String pv) {
        return root + "/" + node + "/plugins/" + plugin + "/pvs/" + pv;
    }

    /**
     * @param config the configuration ({@code pvInterval})
     * @return the PV interval in nanoseconds: seconds, 0 for every change
     * @throws IllegalArgumentException starting with {@code TASKHOST_MQTT_PV_INTERVAL:} for a negative value or not a number
     */
    static long pvIntervalNanos(MqttConfig config) {
        String expected = "seconds (a number such as 0.1)";
        double seconds = Setting.typed(PV_INTERVAL, expected, config::pvInterval);
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(PV_INTERVAL + ": expected " + expected + ", got '" + seconds + "'");
        }
        String given = java.math.BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
        if (seconds < 0) {
            throw new IllegalArgumentException(PV_INTERVAL + ": must be 0 (every change) or more seconds, got '" + given + "'");
        }
        if (seconds > 86_400) {
            throw new IllegalArgumentException(PV_INTERVAL + ": at most 86400 seconds, got '" + given + "'");
        }
        return Math.round(seconds * 1e9);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "MqttSettings[url=" + url + ", clientId=" + clientId + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", root=" + root + ", node=" + node + "]";
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL + ": not a URL (" + e.getReason() + "), got '" + url + "'");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("tcp") || scheme.equals("ssl"))) {
            throw new IllegalArgumentException(URL + ": expected tcp://host:port or ssl://host:port, got '" + url + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(URL + ": put the user name and password in " + USERNAME + " and " + PASSWORD
                    + ", not in the URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(URL + ": no host in '" + url + "'");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException(URL + ": the port must be from 1 to 65535, got '" + url + "'");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(URL + ": expected only a scheme, host and port, got '" + url + "'");
        }
    }

    /** A topic level (or levels, for the root) without wildcards, empty levels or control characters. */
    private static void checkTopicPart(String name, String value, boolean slashes) {
        if (value.contains("+") || value.contains("#")) {
            throw new IllegalArgumentException(name + ": the MQTT wildcards + and # are not allowed, got '" + value + "'");
        }
        if (!slashes && value.contains("/")) {
            throw new IllegalArgumentException(name + ": one topic level, without '/', got '" + value + "'");
        }
        if (value.startsWith("/") || value.endsWith("/") || value.contains("//")) {
            throw new IllegalArgumentException(name + ": no empty topic level (leading, trailing or double '/'), got '" + value + "'");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new IllegalArgumentException(name + ": no spaces or control characters, got '" + value + "'");
        }
    }
}
