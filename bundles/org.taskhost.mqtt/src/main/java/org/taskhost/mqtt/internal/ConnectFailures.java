package org.taskhost.mqtt.internal;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.time.Instant;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.osgi.service.log.Logger;

/**
 * What went wrong with the broker, said so that a user knows what to change: a refused password names the user, an
 * untrusted certificate names the trust-store setting. The same failure again is logged once, then only at DEBUG.
 */
final class ConnectFailures {

    private final MqttSettings settings;
    private final Logger log;
    private volatile String last;
    private volatile Instant lastAt;
    private volatile String current;

    ConnectFailures(MqttSettings settings, Logger log) {
        this.settings = settings;
        this.log = log;
    }

    /** @param message a failure; warned once, repeated at DEBUG */
    void failed(String message) {
        boolean repeated = message.equals(current);
        current = message;
        last = message;
        lastAt = Instant.now();
        if (repeated) {
            log.debug(message);
        } else {
            log.warn(message);
        }
    }

    /** A connection succeeded: the next failure is news again. */
    void clear() {
        current = null;
    }

    /**
     * @param e what Paho threw or reported
     * @return the reason in the user's terms
     */
    String reason(Throwable e) {
        if (e instanceof MqttException m) {
            switch (m.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION, MqttException.REASON_CODE_NOT_AUTHORIZED -> {
                    return "not authorized: the broker refused " + (settings.username() == null
                            ? "an anonymous connection (set TASKHOST_MQTT_USERNAME and TASKHOST_MQTT_PASSWORD)"
                            : "user '" + settings.username() + "' (wrong password, or no access)");
                }
                case MqttException.REASON_CODE_INVALID_CLIENT_ID -> {
                    return "the broker refused client id '" + settings.clientId() + "' (TASKHOST_MQTT_CLIENT_ID)";
                }
                default -> {
                    // the cause says more
                }
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SSLHandshakeException h) {
                String text = String.valueOf(h.getMessage());
                return untrusted(h)
                        ? "the broker's TLS certificate is not trusted (" + text + "); set "
                                + ConnectionSettings.TRUSTSTORE + " to a trust store holding its CA"
                        : "TLS handshake failed: " + text;
            }
            if (c instanceof ConnectException) {
                return "connection refused: nothing listens at " + settings.url() + " (" + c.getMessage() + ")";
            }
            if (c instanceof UnknownHostException) {
                return "unknown host in " + settings.url();
            }
        }
        return CommandHandler.reason(e);
    }

    /** A handshake that failed because no trusted certification path leads to the broker's certificate. */
    private static boolean untrusted(SSLHandshakeException h) {
        for (Throwable c = h.getCause(); c != null; c = c.getCause()) {
            if (c instanceof CertPathBuilderException || c instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    void describe(Map<String, Object> m) {
        m.put("last_error", last);
        m.put("last_error_at", lastAt == null ? null : lastAt.toString());
    }
}
