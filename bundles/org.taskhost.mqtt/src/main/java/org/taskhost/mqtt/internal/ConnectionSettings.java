package org.taskhost.mqtt.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.taskhost.api.settings.Setting;

/**
 * How the connection is made and kept: the TLS trust store of an {@code ssl://} broker and the bound of the offline
 * buffer, with the buffer's file in the data directory; from the configuration, which maps the environment into it.
 *
 * @param socketFactory TLS sockets trusting the configured store, or null for the JVM's default trust
 * @param trustStore the trust store's path, or null
 * @param buffer the most messages kept while the broker is away
 * @param spool the offline buffer's file
 */
record ConnectionSettings(SSLSocketFactory socketFactory, Path trustStore, int buffer, Path spool) {

    static final String TRUSTSTORE = "TASKHOST_MQTT_TRUSTSTORE";
    static final String TRUSTSTORE_PASSWORD = "TASKHOST_MQTT_TRUSTSTORE_PASSWORD";
    static final String BUFFER = "TASKHOST_MQTT_BUFFER";
    static final int MAX_BUFFER = 1_000_000;

    /**
     * @param config the configuration
     * @param data the data directory
     * @return the settings
     * @throws IllegalArgumentException naming the variable of a wrong value
     */
    static ConnectionSettings resolve(MqttConfig config, Path data) {
        String store = Setting.text(TRUSTSTORE, config.trustStore());
        String password = Setting.text(TRUSTSTORE_PASSWORD, config.trustStorePassword());
        SSLSocketFactory factory = null;
        Path storePath = null;
        if (!store.isEmpty()) {
            storePath = Path.of(store).toAbsolutePath();
            factory = trusting(storePath, password);
        }
        int buffer = Setting.typed(BUFFER, "a number of messages such as 10000", config::buffer);
        if (buffer < 0 || buffer > MAX_BUFFER) {
            throw new IllegalArgumentException(BUFFER + ": must be 0 to " + MAX_BUFFER + " messages, got " + buffer);
        }
        return new ConnectionSettings(factory, storePath, buffer, data.resolve("mqtt").resolve("offline-buffer.bin"));
    }

    private static SSLSocketFactory trusting(Path store, String password) {
        if (!Files.isRegularFile(store)) {
            throw new IllegalArgumentException(TRUSTSTORE + ": no such file " + store);
        }
        try {
            KeyStore keys = KeyStore.getInstance(store.toFile(), password.isEmpty() ? null : password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(keys);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException e) {
            String why = e.getCause() instanceof java.security.UnrecoverableKeyException ? "wrong password (" + TRUSTSTORE_PASSWORD + ")" : e.getMessage();
            throw new IllegalArgumentException(TRUSTSTORE + ": cannot read " + store + ": " + why);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(TRUSTSTORE + ": " + store + " is not a PKCS12 or JKS trust store: " + e.getMessage());
        }
    }
}
