package org.taskhost.expr.internal;

import org.taskhost.expr.Values;

/** and/or (returning an operand, as Python does), chained comparisons and {@code x if c else y}. */
final class Logic {

    private Logic() {
    }

    static final class BoolNode extends Node {

        private final boolean and;
        private final Node[] operands;

        BoolNode(int line, int column, boolean and, Node[] operands) {
            super(line, column);
            this.and = and;
            this.operands = operands;
        }

        @Override
        Object eval(Values values) {
            Object value = null;
            for (Node operand : operands) {
                value = operand.eval(values);
                if (PyValues.truthy(value) != and) {
                    return value;
                }
            }
            return value;
        }
    }

    /** {@code a < b < c} is {@code a < b and b < c} with b evaluated once. */
    static final class CompareNode extends Node {

        private final Node[] operands;
        private final Comparisons.Op[] ops;
        private final int[] lines;
        private final int[] columns;

        CompareNode(Node[] operands, Comparisons.Op[] ops, int[] lines, int[] columns) {
            super(operands[0].line, operands[0].column);
            this.operands = operands;
            this.ops = ops;
            this.lines = lines;
            this.columns = columns;
        }

        @Override
        Object eval(Values values) {
            Object left = operands[0].eval(values);
            for (int i = 0; i < ops.length; i++) {
                Object right = operands[i + 1].eval(values);
                try {
                    if (!Comparisons.compare(ops[i], left, right)) {
                        return Boolean.FALSE;
                    }
                } catch (PyError e) {
                    throw e.at(lines[i], columns[i]);
                }
                left = right;
            }
            return Boolean.TRUE;
        }
    }

    static final class IfNode extends Node {

        private final Node condition;
        private final Node then;
        private final Node otherwise;

        IfNode(int line, int column, Node condition, Node then, Node otherwise) {
            super(line, column);
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Object eval(Values values) {
            return PyValues.truthy(condition.eval(values)) ? then.eval(values) : otherwise.eval(values);
        }
    }
}
