package org.taskhost.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.taskhost.expr.CompiledExpression;
import org.taskhost.expr.ExpressionException;
import org.taskhost.expr.Expressions;
import org.taskhost.expr.FunctionRegistry;
import org.taskhost.expr.Values;

/**
 * One evaluation of a compiled rule condition (issue 18's goal: at most 1 microsecond for
 * {@code mean(temp_buf) > 80 or pressure > 2.0} with a 100-sample buffer), and, for comparison, compiling it. Values
 * come from a HashMap as a task's current values would. Run with {@code bench/run expr}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBench {

    static final String CONDITION = "mean(temp_buf) > 80 or pressure > 2.0";

    private org.taskhost.expr.Scope scope;
    private CompiledExpression compiled;
    private Values values;

    @Setup
    public void setUp() throws ExpressionException {
        scope = org.taskhost.expr.Scope.builder(new FunctionRegistry().snapshot())
                .add("temp", org.taskhost.expr.Scope.Kind.INPUT).add("pressure", org.taskhost.expr.Scope.Kind.INPUT)
                .add("temp_buf", org.taskhost.expr.Scope.Kind.BUFFER).build();
        compiled = Expressions.compile(CONDITION, scope);
        List<Double> buffer = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            buffer.add(70.0 + (i % 10));
        }
        Map<String, Object> current = new HashMap<>();
        current.put("temp", 79.0);
        current.put("pressure", 1.5);
        current.put("temp_buf", buffer);
        values = Values.of(current);
        if (compiled.test(values)) {
            throw new IllegalStateException("the condition must evaluate both operands: mean 74.5, pressure 1.5");
        }
    }

    @Benchmark
    public Object evaluate() throws ExpressionException {
        return compiled.evaluate(values);
    }

    @Benchmark
    public Object compile() throws ExpressionException {
        return Expressions.compile(CONDITION, scope);
    }

    /**
     * The same evaluation timed in the thread's CPU time rather than wall time, for a machine shared with other work
     * (where JMH's wall-clock average includes the time the thread waits for a core): 10 rounds of 1,000,000.
     */
    public static void main(String[] args) throws ExpressionException {
        ExpressionBench bench = new ExpressionBench();
        bench.setUp();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 1_000_000;
        Object sink = null;
        for (int round = 0; round < 15; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink = bench.evaluate();
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            if (round >= 5) {
                System.out.printf("evaluate: %.0f ns CPU, %.0f ns wall per evaluation (%s)%n", (double) cpu / n,
                        (double) wall / n, sink);
            }
        }
    }
}
