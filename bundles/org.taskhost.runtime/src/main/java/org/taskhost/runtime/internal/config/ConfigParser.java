package org.taskhost.runtime.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.taskhost.api.config.ConfigException;
import org.taskhost.api.config.ConfigProblem;
import org.taskhost.api.config.TriggerSpec;
import org.taskhost.api.pv.PvLink;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;

/**
 * Reads a plugin's config.yaml in iocmng's format ({@code parameters}, {@code pvs} or {@code arguments}
 * with {@code inputs}/{@code outputs}, {@code prefix}) plus taskhost's {@code class} and {@code triggers}, and checks it.
 * Every problem names file, line, column and field; all of them are reported at once.
 */
public final class ConfigParser {

    static final Set<String> TOP_LEVEL = Set.of("parameters", "pvs", "arguments", "prefix", "class", "triggers");
    static final Set<String> NOT_YET = Set.of("rules", "rule_defaults", "transforms", "points", "requires");
    private static final Pattern JAVA_NAME = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_\\-:.]+");

    private final String file;

    public ConfigParser(String file) {
        this.file = file;
    }

    /**
     * @param text the YAML text; empty means a continuous task with no parameters or PVs
     * @return the descriptor
     * @throws ConfigException with every problem found
     */
    public PluginDescriptor parse(String text) throws ConfigException {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema()).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            int col = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            throw new ConfigException(List.of(new ConfigProblem(file, line, col, "", "YAML syntax error: " + e.getProblem())));
        } catch (YamlEngineException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "YAML error: " + e.getMessage())));
        }
        if (root.isEmpty()) {
            return PluginDescriptor.empty();
        }
        List<ConfigProblem> problems = new ArrayList<>();
        YamlField doc = new YamlField(file, "", root.get(), problems, settings);
        if (!doc.isMapping()) {
            doc.problem("the top level must be a mapping of keys such as parameters, pvs, prefix, class");
            throw new ConfigException(problems);
        }
        Map<String, YamlField> top = doc.children();
        for (YamlField f : top.values()) {
            if (NOT_YET.contains(f.path())) {
                f.problem("is not supported by this version of taskhost");
            } else if (!TOP_LEVEL.contains(f.path())) {
                f.problem("unknown key; known keys are " + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL)));
            }
        }
        String className = text(top.get("class"), JAVA_NAME, "must be a Java class name such as org.example.MyTask");
        String prefix = text(top.get("prefix"), PREFIX, "may hold only letters, digits, '_', '-', ':' and '.'");
        Map<String, Object> parameters = parameters(top.get("parameters"));
        PluginMode mode = ParameterRules.modeOf(parameters);
        PvSpecParser pvs = new PvSpecParser();
        pvs.section(top.get("pvs"));
        pvs.section(top.get("arguments"));
        List<TriggerSpec> triggers = TriggerParser.parse(top.get("triggers"), mode, pvs.inputs());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        PluginKind kind = mode == PluginMode.ON_REQUEST ? PluginKind.JOB : null;
        return new PluginDescriptor(className, prefix, kind, parameters, mode, pvs.inputs(), pvs.outputs(), parameters, triggers);
    }

    private static String text(YamlField f, Pattern pattern, String rule) {
        if (f == null) {
            return null;
        }
        Optional<String> s = f.string();
        if (s.isPresent() && !pattern.matcher(s.get()).matches()) {
            f.problem(rule + ", got '" + s.get() + "'");
            return null;
        }
        return s.orElse(null);
    }

    private static Map<String, Object> parameters(YamlField f) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (f == null || f.isNull()) {
            return out;
        }
        if (!f.isMapping()) {
            f.problem("must be a mapping of parameter names to values");
            return out;
        }
        for (Map.Entry<String, YamlField> e : f.children().entrySet()) {
            YamlField p = e.getValue();
            Object value = p.value();
            if (ParameterRules.POSITIVE_SECONDS.contains(e.getKey())) {
                p.number().flatMap(v -> ParameterRules.problem(e.getKey(), value)).ifPresent(p::problem);
            } else if (e.getKey().equals("version")) {
                p.string();
            } else if (e.getKey().equals("mode")) {
                p.string().flatMap(v -> ParameterRules.problem(e.getKey(), value)).ifPresent(p::problem);
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    /** Collects the inputs and outputs of the {@code pvs} and {@code arguments} sections; arguments win, as in iocmng. */
    private static final class PvSpecParser {
        private final Map<String, PvSpec> inputs = new LinkedHashMap<>();
        private final Map<String, PvSpec> outputs = new LinkedHashMap<>();
        private final Map<String, String> seenIn = new LinkedHashMap<>();

        void section(YamlField f) {
            if (f == null || f.isNull()) {
                return;
            }
            if (!f.isMapping()) {
                f.problem("must be a mapping with inputs and outputs");
                return;
            }
            for (Map.Entry<String, YamlField> e : f.children().entrySet()) {
                switch (e.getKey()) {
                    case "inputs" -> group(e.getValue(), true, inputs);
                    case "outputs" -> group(e.getValue(), false, outputs);
                    default -> e.getValue().problem("unknown key; a PV section holds only inputs and outputs");
                }
            }
        }

        private void group(YamlField f, boolean writable, Map<String, PvSpec> into) {
            if (f.isNull()) {
                return;
            }
            if (!f.isMapping()) {
                f.problem("must be a mapping of PV names to definitions");
                return;
            }
            String kind = writable ? "inputs" : "outputs";
            for (Map.Entry<String, YamlField> e : f.children().entrySet()) {
                String name = e.getKey();
                String previous = seenIn.get(name);
                if (previous != null && previous.startsWith("the link of ")) {
                    e.getValue().problem("PV name '" + name + "' is taken by the state PV of " + previous);
                    continue;
                }
                if (previous != null && !previous.endsWith(kind)) {
                    e.getValue().problem("PV '" + name + "' is both an input and an output (also in " + previous + ")");
                    continue;
                }
                seenIn.put(name, f.path());
                PvDefinitionParser.parse(name, e.getValue(), writable).ifPresent(spec -> {
                    into.put(name, spec);
                    if (spec.link() != null) {
                        connection(e.getValue(), spec);
                    }
                });
            }
        }

        /** A linked input shows its link's state in {@code <NAME>_CONN}, a read-only bool. */
        private void connection(YamlField f, PvSpec input) {
            String name = PvLink.connectionPv(input.name());
            if (seenIn.containsKey(name)) {
                f.problem("the link's state PV " + name + " clashes with the PV of that name in " + seenIn.get(name));
                return;
            }
            seenIn.put(name, "the link of " + input.name());
            outputs.put(name, PvSpec.builder(name, org.taskhost.api.pv.PvType.BOOL).labels(List.of("Disconnected", "Connected"))
                    .initial(0).description("link to " + input.link().target()).build());
        }

        List<PvSpec> inputs() {
            return List.copyOf(inputs.values());
        }

        List<PvSpec> outputs() {
            return List.copyOf(outputs.values());
        }
    }
}
