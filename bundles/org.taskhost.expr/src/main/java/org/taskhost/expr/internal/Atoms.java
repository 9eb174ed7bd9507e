package org.taskhost.expr.internal;

import java.util.ArrayList;
import java.util.List;

import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.internal.Token.Kind;

/** Atoms (names, literals, parentheses, lists), calls, and the trailers iocmng refuses ({@code x.y}, {@code x[0]}). */
final class Atoms {

    private final Parser parser;
    private final Tokens in;

    Atoms(Parser parser, Tokens in) {
        this.parser = parser;
        this.in = in;
    }

    Node primary() throws InvalidExpressionException {
        Token first = in.peek();
        Node node;
        if (first.kind() == Kind.NAME && !Keywords.isKeyword(first.text()) && in.peek(1).is("(")) {
            in.next();
            node = new Calls(parser, in).call(first);
        } else {
            node = atom();
        }
        while (true) {
            Token t = in.peek();
            if (t.kind() != Kind.OP) {
                return node;
            }
            switch (t.text()) {
                case "(" -> throw Refusals.unsupported(t, "only direct function calls are allowed");
                case "[" -> throw Refusals.unsafe(t, "Subscript", null);
                case "." -> {
                    if (in.peek(1).kind() == Kind.NAME && in.peek(2).is("(")) {
                        throw Refusals.unsupported(t, "only direct function calls are allowed");
                    }
                    throw Refusals.unsafe(t, "Attribute", null);
                }
                default -> {
                    return node;
                }
            }
        }
    }

    private Node atom() throws InvalidExpressionException {
        Token t = in.next();
        switch (t.kind()) {
            case NUMBER -> {
                return new Node.Constant(t.line(), t.column(), t.value());
            }
            case STRING -> {
                return string(t);
            }
            case NAME -> {
                return name(t);
            }
            case OP -> {
                return switch (t.text()) {
                    case "(" -> parenthesized(t);
                    case "[" -> list(t);
                    case "{" -> throw Refusals.unsafe(t, in.peek().is("}") || isDict() ? "Dict" : "Set",
                            "no dict or set literals");
                    case "..." -> throw Refusals.unsupported(t, "'...' (Ellipsis) is not supported");
                    case "*" -> throw Refusals.unsafe(t, "Starred", null);
                    default -> throw in.syntax(t);
                };
            }
            default -> throw in.syntax(t);
        }
    }

    private boolean isDict() throws InvalidExpressionException {
        parser.expression();
        return in.peek().is(":");
    }

    private Node name(Token t) throws InvalidExpressionException {
        return switch (t.text()) {
            case "True" -> new Node.Constant(t.line(), t.column(), Boolean.TRUE);
            case "False" -> new Node.Constant(t.line(), t.column(), Boolean.FALSE);
            case "None" -> new Node.Constant(t.line(), t.column(), null);
            case "lambda" -> throw Refusals.unsafe(t, "Lambda", null);
            case "await" -> throw Refusals.unsafe(t, "Await", null);
            case "yield" -> throw new InvalidExpressionException(t.line(), t.column(), "'yield' outside function");
            default -> {
                if (Keywords.isKeyword(t.text())) {
                    throw in.syntax(t);
                }
                yield parser.resolver().name(t);
            }
        };
    }

    private Node string(Token first) throws InvalidExpressionException {
        StringBuilder text = new StringBuilder();
        for (Token t = first; ; t = in.next()) {
            if (t.prefix().contains("f")) {
                throw Refusals.unsafe(t, "JoinedStr", "no f-strings");
            }
            if (t.prefix().contains("b")) {
                throw Refusals.unsupported(t, "bytes literals are not supported");
            }
            text.append((String) t.value());
            if (in.peek().kind() != Kind.STRING) {
                break;
            }
        }
        return new Node.Constant(first.line(), first.column(), text.toString());
    }

    private Node parenthesized(Token open) throws InvalidExpressionException {
        if (in.peek().is(")")) {
            in.next();
            return new Node.ListLiteral(open.line(), open.column(), new Node[0]);
        }
        Node first = element();
        if (in.peek().is(")")) {
            in.next();
            return first;
        }
        if (!in.peek().is(",")) {
            in.close(open, ")", "expected ',' or ')'");
        }
        return elements(open, first, ")");
    }

    private Node list(Token open) throws InvalidExpressionException {
        if (in.peek().is("]")) {
            in.next();
            return new Node.ListLiteral(open.line(), open.column(), new Node[0]);
        }
        return elements(open, element(), "]");
    }

    private Node elements(Token open, Node first, String close) throws InvalidExpressionException {
        List<Node> items = new ArrayList<>(List.of(first));
        while (in.peek().is(",")) {
            in.next();
            if (in.peek().is(close)) {
                break;
            }
            items.add(element());
        }
        in.close(open, close, "expected ',' or '" + close + "'");
        Node[] all = items.toArray(Node[]::new);
        return Parser.tall(new Node.ListLiteral(open.line(), open.column(), all), all);
    }

    /** An element of a tuple or list: an expression not followed by a comprehension. */
    Node element() throws InvalidExpressionException {
        if (in.peek().is("*")) {
            throw Refusals.unsafe(in.peek(), "Starred", null);
        }
        Node node = parser.expression();
        if (in.peek().is("for") || in.peek().is("async")) {
            throw Refusals.unsafe(in.peek(), "comprehension", "no comprehensions or generators");
        }
        return node;
    }
}
