package org.taskhost.mqtt.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.taskhost.mqtt.internal.OfflineSpool.Entry;

/**
 * The offline buffer's file format. A header, {@code "\0\0taskhost-mqtt-spool"} and the format's version (a 4-byte
 * int), then one record per message: topic (modified UTF-8 with a 2-byte length), QoS (1 byte), retained (1 byte),
 * payload length (4 bytes) and payload. A file of another version is refused by its number, never read as this one.
 * A file without the header is version 0, written before the header existed, with the same records: an empty topic
 * cannot start a record, so no version 0 file starts like the header. A record cut short by a crash ends the file.
 */
final class SpoolFile {

    /** the version this taskhost writes and reads */
    static final int VERSION = 1;
    private static final byte[] MAGIC = "\0\0taskhost-mqtt-spool".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_PAYLOAD = 268_435_455;

    /** The file is of a format version this taskhost does not read (written by a newer one, or not a spool at all). */
    static final class UnknownVersionException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int version;

        UnknownVersionException(Path file, int version) {
            super(file + " is an MQTT offline buffer of format version " + version + "; this taskhost reads version " + VERSION
                    + " (and 0)");
            this.version = version;
        }

        int version() {
            return version;
        }
    }

    private SpoolFile() {
    }

    static void writeHeader(DataOutputStream d) throws IOException {
        d.write(MAGIC);
        d.writeInt(VERSION);
    }

    static void write(DataOutputStream d, Entry e) throws IOException {
        d.writeUTF(e.topic());
        d.writeByte(e.qos());
        d.writeBoolean(e.retained());
        d.writeInt(e.payload().length);
        d.write(e.payload());
    }

    /**
     * @return the messages in the file, oldest first
     * @throws UnknownVersionException when the header names another version
     */
    static List<Entry> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            in.mark(MAGIC.length);
            byte[] start = in.readNBytes(MAGIC.length);
            if (Arrays.equals(start, MAGIC)) {
                int version;
                try {
                    version = in.readInt();
                } catch (EOFException e) {
                    return List.of();
                }
                if (version != VERSION) {
                    throw new UnknownVersionException(file, version);
                }
            } else {
                in.reset();
            }
            return records(in);
        }
    }

    private static List<Entry> records(DataInputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try {
            while (true) {
                String topic = in.readUTF();
                int qos = in.readByte();
                boolean retained = in.readBoolean();
                int n = in.readInt();
                if (topic.isEmpty() || n < 0 || n > MAX_PAYLOAD) {
                    return entries;
                }
                byte[] payload = in.readNBytes(n);
                if (payload.length != n) {
                    return entries;
                }
                entries.add(new Entry(topic, payload, qos, retained, null));
            }
        } catch (EOFException | UTFDataFormatException e) {
            // the end, or a record cut short by a crash
            return entries;
        }
    }
}
