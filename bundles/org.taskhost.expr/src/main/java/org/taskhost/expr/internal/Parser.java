package org.taskhost.expr.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.taskhost.expr.CompiledExpression;
import org.taskhost.expr.Expressions;
import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.Scope;
import org.taskhost.expr.internal.Token.Kind;

/**
 * Recursive descent over Python's expression grammar, in its precedence order. Constructs iocmng's whitelist refuses
 * are recognised and refused in its words; names and calls are resolved against the scope as they are met, and the
 * first such problem is reported once the whole expression has parsed (as iocmng checks the tree before names).
 */
public final class Parser {

    /** How deep an evaluation may recurse: bounds the stack a compiled expression needs. */
    static final int MAX_HEIGHT = 1000;

    private final Tokens in;
    private final Resolver resolver;
    private int depth;

    private Parser(List<Token> tokens, Scope scope) {
        this.in = new Tokens(tokens);
        this.resolver = new Resolver(scope);
    }

    public static CompiledExpression compile(String source, Scope scope) throws InvalidExpressionException {
        if (source == null || source.isBlank()) {
            throw new InvalidExpressionException(1, 1, "invalid syntax: the expression is empty");
        }
        if (source.length() > Expressions.MAX_LENGTH) {
            throw new InvalidExpressionException(1, 1, "the expression is longer than " + Expressions.MAX_LENGTH
                    + " characters");
        }
        Parser parser = new Parser(Lexer.tokenize(source), scope);
        Node root = parser.expression();
        Token after = parser.in.peek();
        parser.in.skipNewlines();
        if (parser.in.peek().kind() != Kind.END) {
            throw parser.in.syntax(after);
        }
        parser.resolver.throwFirstProblem();
        return new Compiled(source, root, parser.resolver.names(), parser.resolver.functions());
    }

    Node expression() throws InvalidExpressionException {
        Token start = in.peek();
        if (++depth > Expressions.MAX_DEPTH) {
            throw new InvalidExpressionException(start.line(), start.column(), "the expression nests more than "
                    + Expressions.MAX_DEPTH + " levels deep");
        }
        try {
            if (start.is("lambda")) {
                throw Refusals.unsafe(start, "Lambda", null);
            }
            Node body = disjunction();
            if (in.peek().is("if")) {
                in.next();
                Node condition = disjunction();
                in.expect("else", "expected 'else' after 'if' expression");
                Node otherwise = expression();
                return tall(new Logic.IfNode(start.line(), start.column(), condition, body, otherwise), condition,
                        body, otherwise);
            }
            if (in.peek().is(":=")) {
                throw Refusals.unsafe(in.peek(), "NamedExpr", null);
            }
            return body;
        } finally {
            depth--;
        }
    }

    private Node disjunction() throws InvalidExpressionException {
        return boolChain("or", false);
    }

    private Node boolChain(String word, boolean and) throws InvalidExpressionException {
        Token start = in.peek();
        Node first = and ? inversion() : boolChain("and", true);
        if (!in.peek().is(word)) {
            return first;
        }
        List<Node> operands = new ArrayList<>(List.of(first));
        while (in.peek().is(word)) {
            in.next();
            operands.add(and ? inversion() : boolChain("and", true));
        }
        Node[] all = operands.toArray(Node[]::new);
        return tall(new Logic.BoolNode(start.line(), start.column(), and, all), all);
    }

    private Node inversion() throws InvalidExpressionException {
        Token not = in.peek();
        if (not.is("not")) {
            in.next();
            if (++depth > Expressions.MAX_DEPTH) {
                throw new InvalidExpressionException(not.line(), not.column(), "the expression nests more than "
                        + Expressions.MAX_DEPTH + " levels deep");
            }
            try {
                Node operand = inversion();
                return tall(new Operators.UnaryNode(not.line(), not.column(), Operators.Unary.NOT, operand), operand);
            } finally {
                depth--;
            }
        }
        return comparison();
    }

    private Node comparison() throws InvalidExpressionException {
        Node first = new Arithmetics(this, in).bitwise();
        List<Node> operands = new ArrayList<>(List.of(first));
        List<Comparisons.Op> ops = new ArrayList<>();
        List<Token> at = new ArrayList<>();
        for (Comparisons.Op op = Refusals.comparison(in); op != null; op = Refusals.comparison(in)) {
            at.add(in.next());
            ops.add(op);
            operands.add(new Arithmetics(this, in).bitwise());
        }
        if (ops.isEmpty()) {
            return first;
        }
        Node[] all = operands.toArray(Node[]::new);
        return tall(new Logic.CompareNode(all, ops.toArray(Comparisons.Op[]::new),
                at.stream().mapToInt(Token::line).toArray(), at.stream().mapToInt(Token::column).toArray()), all);
    }

    Resolver resolver() {
        return resolver;
    }

    /** Sets the node's evaluation height from its children's and refuses one too tall to evaluate safely. */
    static <T extends Node> T tall(T node, Node... children) throws InvalidExpressionException {
        int height = 0;
        for (Node child : children) {
            height = Math.max(height, child.height);
        }
        node.height = height + 1;
        if (node.height > MAX_HEIGHT) {
            throw new InvalidExpressionException(node.line, node.column, "the expression is too long to evaluate: "
                    + "more than " + MAX_HEIGHT + " operations nested or in a row");
        }
        return node;
    }

    /** The names and functions in order of first use. */
    static Set<String> ordered() {
        return new LinkedHashSet<>();
    }
}
