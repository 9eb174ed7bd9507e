package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taskhost.json.TaskhostJson;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * openapi.json (written by hand, in the REST bundle) against the records the answers are written from: every record
 * of an answers package has a schema of its simple name in {@code components.schemas}
 * with exactly the properties Jackson writes (names after taskhost's snake_case naming, unwrapped records inlined)
 * and a type that fits each component; every schema there but those of requests is such a record. Here, where the REST and the device
 * bundles meet, because openapi.json describes the answers of both (an IT only because this module runs no unit tests).
 */
class OpenApiMatchesAnswersIT {

    /** One class of each package whose records are answers: every record in these packages is checked. */
    static final List<Class<?>> ANSWER_PACKAGES = List.of(org.taskhost.rest.internal.answers.Answer.class,
            org.taskhost.devices.internal.answers.DeviceError.class);

    /** The schemas of request bodies: what is read is not checked here. */
    static final Set<String> REQUESTS = Set.of("AddPluginRequest", "Parameters");

    static JsonNode schemas;
    static Map<String, Class<?>> records;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = org.taskhost.rest.internal.answers.Answer.class.getResourceAsStream("/openapi.json")) {
            schemas = TaskhostJson.mapper().readTree(in).path("components").path("schemas");
        }
        records = new TreeMap<>();
        for (Class<?> anchor : ANSWER_PACKAGES) {
            for (Class<?> c : recordsBeside(anchor)) {
                assertThat(records.put(c.getSimpleName(), c)).as("two answer records are named %s", c.getSimpleName()).isNull();
            }
        }
    }

    @Test
    void theAnswerPackagesHoldTheRecordsThisTestChecks() {
        assertThat(records).containsKeys("Answer", "Plugin", "PluginLive", "StartupInfo", "Health", "DeviceWithHealth", "PointReading");
    }

    @Test
    void everyRecordHasASchemaWithItsPropertiesAndTheirTypes() {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> own = withSchemas(records.values());
        records.forEach((name, type) -> {
            if (own.contains(type)) {
                problems.addAll(problems(name, type, schemas.path(name)));
            }
        });
        assertThat(problems).as("openapi.json against the records").isEmpty();
    }

    /** @return what differs between the record and its schema, one line each */
    static List<String> problems(String name, Class<?> type, JsonNode schema) {
        if (schema.isMissingNode()) {
            return List.of(name + ": no schema in openapi.json");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Type> written = properties(type);
        Set<String> documented = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        for (String p : written.keySet()) {
            if (!documented.contains(p)) {
                problems.add(name + "." + p + ": written but not in openapi.json");
            }
        }
        for (String p : documented) {
            if (!written.containsKey(p)) {
                problems.add(name + "." + p + ": in openapi.json but not written");
            } else {
                String wrong = mismatch(written.get(p), schema.path("properties").path(p));
                if (wrong != null) {
                    problems.add(name + "." + p + ": " + wrong);
                }
            }
        }
        return problems;
    }

    @Test
    void everySchemaIsARecordWrittenAsAnObjectOfItsOwn() {
        Set<String> named = new TreeSet<>();
        schemas.fieldNames().forEachRemaining(named::add);
        named.removeAll(REQUESTS);
        Set<String> own = new TreeSet<>();
        withSchemas(records.values()).forEach(r -> own.add(r.getSimpleName()));
        assertThat(own).containsAll(named);
    }

    @Test
    void aFieldMissingFromTheDocumentOrOfAnotherTypeIsFound() throws Exception {
        record Extra(String name, long extraCount, List<Double> readings) {
        }
        JsonNode schema = TaskhostJson.mapper().readTree("{\"properties\": {\"name\": {\"type\": \"string\"},"
                + " \"readings\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}, \"gone\": {}}}");
        assertThat(problems("Extra", Extra.class, schema)).containsExactlyInAnyOrder(
                "Extra.extra_count: written but not in openapi.json",
                "Extra.gone: in openapi.json but not written",
                "Extra.readings: items should be of type number, documented as [string]");
    }

    /**
     * @return the records that are written as objects of their own: those no other record has inline
     *         ({@code @JsonUnwrapped}), and those that are also the type of a property (or of its items or values)
     */
    static Set<Class<?>> withSchemas(Collection<Class<?>> all) {
        Set<Class<?>> inline = new HashSet<>();
        Set<Class<?>> referenced = new HashSet<>();
        for (Class<?> r : all) {
            inline.addAll(unwrapped(r));
            properties(r).values().forEach(t -> collectRecords(t, referenced));
        }
        Set<Class<?>> out = new HashSet<>();
        all.stream().filter(r -> !inline.contains(r) || referenced.contains(r)).forEach(out::add);
        return out;
    }

    private static void collectRecords(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) {
                collectRecords(a, into);
            }
        } else if (type instanceof Class<?> c && c.isArray()) {
            collectRecords(c.getComponentType(), into);
        } else if (type instanceof Class<?> c && c.isRecord()) {
            into.add(c);
        }
    }

    /** @return the records whose properties this record's JSON has inline ({@code @JsonUnwrapped}): they need no schema */
    static Set<Class<?>> unwrapped(Class<?> type) {
        JavaType javaType = TaskhostJson.mapper().constructType(type);
        Set<Class<?>> out = new HashSet<>();
        for (BeanPropertyDefinition p : TaskhostJson.mapper().getSerializationConfig().introspect(javaType).findProperties()) {
            if (p.couldSerialize() && p.getAccessor().hasAnnotation(JsonUnwrapped.class)) {
                out.add(p.getRawPrimaryType());
            }
        }
        return out;
    }

    /** @return the properties Jackson writes for the record, by JSON name, with the unwrapped ones inlined */
    static Map<String, Type> properties(Class<?> type) {
        JavaType javaType = TaskhostJson.mapper().constructType(type);
        Map<String, Type> out = new LinkedHashMap<>();
        for (BeanPropertyDefinition p : TaskhostJson.mapper().getSerializationConfig().introspect(javaType).findProperties()) {
            if (!p.couldSerialize()) {
                continue;
            }
            if (p.getAccessor().hasAnnotation(JsonUnwrapped.class)) {
                out.putAll(properties(p.getRawPrimaryType()));
            } else {
                out.put(p.getName(), p.getAccessor().getAnnotated() instanceof java.lang.reflect.Method m ? m.getGenericReturnType()
                        : p.getRawPrimaryType());
            }
        }
        return out;
    }

    /** @return what is wrong with the schema of a component of this type, or null */
    static String mismatch(Type type, JsonNode schema) {
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            String ref = "#/components/schemas/" + raw.getSimpleName();
            return ref.equals(schema.path("$ref").asText()) ? null : "should be {\"$ref\": \"" + ref + "\"}";
        }
        String expected = jsonType(raw);
        Set<String> documented = types(schema);
        if (expected == null) {
            return documented.isEmpty() ? null : "any JSON value, documented as " + documented;
        }
        if (!documented.equals(Set.of(expected))) {
            return "should be of type " + expected + ", documented as " + documented;
        }
        if (expected.equals("array")) {
            Type item = raw.isArray() ? raw.getComponentType() : argument(type, 0);
            return item == null || !schema.has("items") ? null : prefixed("items ", mismatch(item, schema.path("items")));
        }
        if (expected.equals("object") && schema.has("additionalProperties") && schema.path("additionalProperties").isObject()) {
            return prefixed("values ", mismatch(argument(type, 1), schema.path("additionalProperties")));
        }
        return null;
    }

    private static String prefixed(String prefix, String problem) {
        return problem == null ? null : prefix + problem;
    }

    private static String jsonType(Class<?> raw) {
        if (raw == String.class || raw.isEnum() || Temporal.class.isAssignableFrom(raw)) {
            return "string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == int.class || raw == long.class || raw == short.class || raw == Integer.class || raw == Long.class || raw == Short.class) {
            return "integer";
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class) {
            return "number";
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "object";
        }
        return null;
    }

    /** The schema's types, null left out (nullability is not checked: Java does not say it). */
    private static Set<String> types(JsonNode schema) {
        Set<String> out = new HashSet<>();
        JsonNode t = schema.path("type");
        if (t.isTextual()) {
            out.add(t.asText());
        }
        t.forEach(x -> out.add(x.asText()));
        out.remove("null");
        return out;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** @return the records (nested ones included) in the anchor's package, from its jar or its classes folder */
    static List<Class<?>> recordsBeside(Class<?> anchor) throws IOException, URISyntaxException, ClassNotFoundException {
        String folder = anchor.getPackageName().replace('.', '/') + "/";
        Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.list(where.resolve(folder))) {
                files.forEach(f -> entries.add(folder + f.getFileName()));
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0).forEach(entries::add);
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String e : entries) {
            if (e.endsWith(".class") && !e.endsWith("package-info.class")) {
                Class<?> c = Class.forName(e.substring(0, e.length() - ".class".length()).replace('/', '.'), false, anchor.getClassLoader());
                if (c.isRecord()) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
