package org.taskhost.expr.internal;

import java.util.Arrays;
import java.util.Collections;

import org.taskhost.expr.Values;

/** A node of a compiled expression: evaluates itself; immutable. Errors are PyErrors placed at the node's position. */
abstract class Node {

    final int line;
    final int column;
    /** How deep evaluating this node recurses; set by the parser, which bounds it. */
    int height = 1;

    Node(int line, int column) {
        this.line = line;
        this.column = column;
    }

    abstract Object eval(Values values);

    final PyError error(PyError e) {
        return e.at(line, column);
    }

    static final class Constant extends Node {

        private final Object value;

        Constant(int line, int column, Object value) {
            super(line, column);
            this.value = value;
        }

        @Override
        Object eval(Values values) {
            return value;
        }
    }

    static final class Name extends Node {

        private final String name;

        Name(int line, int column, String name) {
            super(line, column);
            this.name = name;
        }

        @Override
        Object eval(Values values) {
            return PyValues.normalize(values.get(name));
        }
    }

    /** A list or tuple literal; both are lists, as arguments of the functions are. */
    static final class ListLiteral extends Node {

        private final Node[] elements;

        ListLiteral(int line, int column, Node[] elements) {
            super(line, column);
            this.elements = elements;
        }

        @Override
        Object eval(Values values) {
            Object[] result = new Object[elements.length];
            for (int i = 0; i < elements.length; i++) {
                result[i] = elements[i].eval(values);
            }
            return Collections.unmodifiableList(Arrays.asList(result));
        }
    }
}
