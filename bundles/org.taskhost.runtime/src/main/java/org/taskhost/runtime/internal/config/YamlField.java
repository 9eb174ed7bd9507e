package org.taskhost.runtime.internal.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.taskhost.api.config.ConfigProblem;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A node of the YAML tree with its dotted path, so that every problem can name its line, column and field.
 * Problems are collected in the shared list instead of thrown, so one pass reports all of them.
 */
final class YamlField {

    private final String file;
    private final String path;
    private final Node node;
    private final List<ConfigProblem> problems;
    private final LoadSettings settings;

    YamlField(String file, String path, Node node, List<ConfigProblem> problems, LoadSettings settings) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
        this.settings = settings;
    }

    String path() {
        return path;
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isNull() {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** Reports a problem at this node and returns false, so checks read as {@code ok = ok && ...}. */
    boolean problem(String message) {
        Optional<Mark> mark = node.getStartMark();
        problems.add(new ConfigProblem(file, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), path, message));
        return false;
    }

    /** The children of a mapping, keyed by their text, reporting duplicate and non-text keys. */
    Map<String, YamlField> children() {
        Map<String, YamlField> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            return out;
        }
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                new YamlField(file, path, t.getKeyNode(), problems, settings).problem("keys must be plain text");
                continue;
            }
            String name = key.getValue();
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (out.containsKey(name)) {
                new YamlField(file, childPath, key, problems, settings).problem("duplicate key '" + name + "'");
                continue;
            }
            out.put(name, new YamlField(file, childPath, t.getValueNode(), problems, settings));
        }
        return out;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** The items of a sequence, with paths such as {@code triggers[0]}. */
    List<YamlField> items() {
        List<YamlField> out = new java.util.ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                out.add(new YamlField(file, path + "[" + out.size() + "]", item, problems, settings));
            }
        }
        return out;
    }

    /** The node as plain Java values (maps, lists, String, Long/Integer, Double, Boolean, null). */
    Object value() {
        return new StandardConstructor(settings).constructSingleDocument(Optional.of(node));
    }

    Optional<String> string() {
        Object v = node instanceof ScalarNode ? value() : null;
        if (v instanceof String s) {
            return Optional.of(s);
        }
        problem("must be text, got " + describe(v));
        return Optional.empty();
    }

    Optional<Double> number() {
        Object v = node instanceof ScalarNode ? value() : null;
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        problem("must be a number, got " + describe(v));
        return Optional.empty();
    }

    Optional<Integer> integer() {
        Object v = node instanceof ScalarNode ? value() : null;
        if (v instanceof Integer || v instanceof Long) {
            return Optional.of(((Number) v).intValue());
        }
        problem("must be a whole number, got " + describe(v));
        return Optional.empty();
    }

    String describe(Object v) {
        if (v == null) {
            if (node instanceof ScalarNode) {
                return "nothing";
            }
            return node instanceof MappingNode ? "a mapping" : "a list";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map || v instanceof List) {
            return v instanceof Map ? "a mapping" : "a list";
        }
        return v.getClass().getSimpleName().toLowerCase().replace("long", "integer") + " " + v;
    }
}
