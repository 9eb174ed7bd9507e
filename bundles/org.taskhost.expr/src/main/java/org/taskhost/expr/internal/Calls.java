package org.taskhost.expr.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.internal.Token.Kind;

/** A call's argument list: positional arguments, then {@code name=value} keywords; resolved by the Resolver. */
final class Calls {

    private final Parser parser;
    private final Tokens in;

    Calls(Parser parser, Tokens in) {
        this.parser = parser;
        this.in = in;
    }

    /** Parses {@code (args)} after the callee's name. */
    Node call(Token callee) throws InvalidExpressionException {
        Token open = in.next();
        List<Node> positional = new ArrayList<>();
        List<Binder.Keyword> keywords = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Atoms atoms = new Atoms(parser, in);
        while (!in.peek().is(")")) {
            Token t = in.peek();
            if (t.is("**")) {
                throw Refusals.unsupported(t, "argument unpacking with ** is not supported");
            }
            if (t.kind() == Kind.NAME && in.peek(1).is("=")) {
                in.next();
                in.next();
                if (!seen.add(t.text())) {
                    throw new InvalidExpressionException(t.line(), t.column(), "invalid syntax: keyword argument "
                            + "repeated: " + t.text());
                }
                keywords.add(new Binder.Keyword(t, parser.expression()));
            } else {
                if (!keywords.isEmpty()) {
                    throw new InvalidExpressionException(t.line(), t.column(), "invalid syntax: positional argument "
                            + "follows keyword argument");
                }
                positional.add(atoms.element());
            }
            if (!in.peek().is(",")) {
                break;
            }
            in.next();
        }
        in.close(open, ")", "expected ',' or ')' in the arguments of " + callee.text() + "()");
        List<Node> children = new ArrayList<>(positional);
        keywords.forEach(k -> children.add(k.value()));
        Node call = parser.resolver().call(callee, positional, keywords);
        return Parser.tall(call, children.toArray(Node[]::new));
    }
}
