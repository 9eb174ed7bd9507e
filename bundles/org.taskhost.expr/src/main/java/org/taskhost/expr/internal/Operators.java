package org.taskhost.expr.internal;

import org.taskhost.expr.Values;

/** Arithmetic and unary nodes. */
final class Operators {

    enum Binary {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO
    }

    enum Unary {
        NEGATE, PLUS, NOT
    }

    private Operators() {
    }

    static final class BinaryNode extends Node {

        private final Binary op;
        private final Node left;
        private final Node right;

        BinaryNode(int line, int column, Binary op, Node left, Node right) {
            super(line, column);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Values values) {
            Object a = left.eval(values);
            Object b = right.eval(values);
            try {
                return switch (op) {
                    case ADD -> Arithmetic.add(a, b);
                    case SUBTRACT -> Arithmetic.subtract(a, b);
                    case MULTIPLY -> Arithmetic.multiply(a, b);
                    case DIVIDE -> Arithmetic.divide(a, b);
                    case MODULO -> Arithmetic.modulo(a, b);
                };
            } catch (PyError e) {
                throw error(e);
            }
        }
    }

    static final class UnaryNode extends Node {

        private final Unary op;
        private final Node operand;

        UnaryNode(int line, int column, Unary op, Node operand) {
            super(line, column);
            this.op = op;
            this.operand = operand;
        }

        @Override
        Object eval(Values values) {
            Object a = operand.eval(values);
            try {
                return switch (op) {
                    case NEGATE -> Arithmetic.negate(a);
                    case PLUS -> Arithmetic.plus(a);
                    case NOT -> !PyValues.truthy(a);
                };
            } catch (PyError e) {
                throw error(e);
            }
        }
    }
}
