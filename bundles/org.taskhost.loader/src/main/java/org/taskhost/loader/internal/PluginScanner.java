package org.taskhost.loader.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.taskhost.api.loader.ValidationProblem;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.ClassDataCollector;
import aQute.bnd.osgi.Clazz;
import aQute.bnd.osgi.Descriptors.TypeRef;
import aQute.bnd.osgi.EmbeddedResource;

/**
 * Reads the compiled classes' bytecode: finds the plugin class (exactly one concrete TaskBase or JobBase, or the one
 * config.yaml names), checks it has a public no-argument constructor, and refuses any call to System.exit or
 * Runtime.halt, which would stop every other plugin with it.
 */
final class PluginScanner {

    static final String TASK = "org.taskhost.api.TaskBase";
    static final String JOB = "org.taskhost.api.JobBase";

    /** What the scan found about one class. */
    private static final class Info {
        String superName;
        boolean isAbstract;
        boolean isPublic;
        boolean publicNoArgConstructor;
        final List<String> forbidden = new ArrayList<>();
    }

    /**
     * The plugin class the scan chose.
     *
     * @param className its binary name
     * @param type {@code task} or {@code job}
     */
    record Found(String className, String type) {
    }

    static Found scan(Map<String, byte[]> classes, String named) throws BuildProblem {
        Map<String, Info> infos = new LinkedHashMap<>();
        try (Analyzer analyzer = new Analyzer()) {
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                infos.put(e.getKey(), read(analyzer, e.getKey(), e.getValue()));
            }
        } catch (Exception e) {
            throw new BuildProblem("cannot read the compiled classes: " + e);
        }
        List<ValidationProblem> errors = new ArrayList<>();
        infos.forEach((name, info) -> info.forbidden.forEach(call ->
                errors.add(ValidationProblem.inFile(sourceOf(name), "calls " + call + ", which would stop taskhost and every other plugin"))));
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, Info> e : infos.entrySet()) {
            if (!e.getValue().isAbstract && baseOf(e.getKey(), infos) != null) {
                candidates.add(e.getKey());
            }
        }
        String chosen = null;
        if (named != null) {
            if (!infos.containsKey(named)) {
                errors.add(new ValidationProblem("config.yaml", 0, 0, "class", "no class " + named + " in the sources"));
            } else if (!candidates.contains(named)) {
                errors.add(new ValidationProblem("config.yaml", 0, 0, "class", named + " is not a concrete subclass of TaskBase or JobBase"));
            } else {
                chosen = named;
            }
        } else if (candidates.isEmpty()) {
            errors.add(ValidationProblem.of("no class extends org.taskhost.api.TaskBase or org.taskhost.api.JobBase (abstract classes do not count)"));
        } else if (candidates.size() > 1) {
            errors.add(ValidationProblem.of("several plugin classes " + new TreeSet<>(candidates) + "; name one with 'class:' in config.yaml"));
        } else {
            chosen = candidates.get(0);
        }
        if (chosen != null) {
            Info info = infos.get(chosen);
            if (!info.isPublic || !info.publicNoArgConstructor) {
                errors.add(ValidationProblem.inFile(sourceOf(chosen), chosen + " needs to be public with a public constructor without arguments"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BuildProblem(errors);
        }
        return new Found(chosen, baseOf(chosen, infos).equals(TASK) ? "task" : "job");
    }

    private static Info read(Analyzer analyzer, String name, byte[] bytes) throws Exception {
        Info info = new Info();
        Clazz clazz = new Clazz(analyzer, name.replace('.', '/') + ".class", new EmbeddedResource(bytes, 0L));
        clazz.parseClassFileWithCollector(new ClassDataCollector() {
            @Override
            public void classBegin(int access, TypeRef type) {
                info.isAbstract = (access & 0x0400) != 0 || (access & 0x0200) != 0;
                info.isPublic = (access & 0x0001) != 0;
            }

            @Override
            public void extendsClass(TypeRef zuper) {
                info.superName = zuper.getFQN();
            }

            @Override
            public void method(Clazz.MethodDef method) {
                if (method.isConstructor() && method.isPublic() && method.descriptor().equals("()V")) {
                    info.publicNoArgConstructor = true;
                }
            }

            @Override
            public void referenceMethod(int access, TypeRef owner, String method, String descriptor) {
                String call = owner.getFQN() + "." + method;
                if (call.equals("java.lang.System.exit") || call.equals("java.lang.Runtime.halt") || call.equals("java.lang.Runtime.exit")) {
                    info.forbidden.add(call + "()");
                }
            }
        });
        return info;
    }

    /** @return TASK or JOB if the class extends one of them through classes of the plugin, else null */
    private static String baseOf(String name, Map<String, Info> infos) {
        String current = name;
        for (int depth = 0; depth < 64 && current != null; depth++) {
            if (current.equals(TASK) || current.equals(JOB)) {
                return current;
            }
            Info info = infos.get(current);
            current = info == null ? null : info.superName;
        }
        return null;
    }

    /** @return the source file a class most likely came from, for messages */
    static String sourceOf(String binaryName) {
        String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        int inner = simple.indexOf('$');
        return (inner > 0 ? simple.substring(0, inner) : simple) + ".java";
    }
}
