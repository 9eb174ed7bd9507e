package org.taskhost.expr.internal;

import org.taskhost.expr.Expressions;
import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.internal.Operators.Binary;
import org.taskhost.expr.internal.Operators.Unary;
import org.taskhost.expr.internal.Token.Kind;

/** The grammar from bitwise operators down to trailers: + - * / % and unary - +, the rest refused. */
final class Arithmetics {

    private final Parser parser;
    private final Tokens in;
    private int depth;

    Arithmetics(Parser parser, Tokens in) {
        this.parser = parser;
        this.in = in;
    }

    /** Python's bitwise_or level: the sum, then a refusal if a bit operator follows. */
    Node bitwise() throws InvalidExpressionException {
        Node sum = sum();
        refuseOperator(in.peek());
        return sum;
    }

    private Node sum() throws InvalidExpressionException {
        Node left = term();
        while (in.peek().kind() == Kind.OP && (in.peek().is("+") || in.peek().is("-"))) {
            Token op = in.next();
            Node right = term();
            left = Parser.tall(new Operators.BinaryNode(op.line(), op.column(),
                    op.is("+") ? Binary.ADD : Binary.SUBTRACT, left, right), left, right);
        }
        return left;
    }

    private Node term() throws InvalidExpressionException {
        Node left = factor();
        while (in.peek().kind() == Kind.OP) {
            Token op = in.peek();
            Binary binary = op.is("*") ? Binary.MULTIPLY : op.is("/") ? Binary.DIVIDE : op.is("%") ? Binary.MODULO
                    : null;
            if (binary == null) {
                refuseOperator(op);
                return left;
            }
            in.next();
            Node right = factor();
            left = Parser.tall(new Operators.BinaryNode(op.line(), op.column(), binary, left, right), left, right);
        }
        return left;
    }

    private Node factor() throws InvalidExpressionException {
        Token op = in.peek();
        if (op.kind() == Kind.OP && (op.is("-") || op.is("+") || op.is("~"))) {
            if (op.is("~")) {
                throw Refusals.unsafe(op, "Invert", null);
            }
            in.next();
            if (++depth > Expressions.MAX_DEPTH) {
                throw new InvalidExpressionException(op.line(), op.column(), "the expression nests more than "
                        + Expressions.MAX_DEPTH + " levels deep");
            }
            Node operand = factor();
            depth--;
            if (operand instanceof Node.Constant c && op.is("-") && c.eval(null) instanceof Number) {
                return Parser.tall(new Node.Constant(op.line(), op.column(), Arithmetic.negate(c.eval(null))));
            }
            return Parser.tall(new Operators.UnaryNode(op.line(), op.column(), op.is("-") ? Unary.NEGATE : Unary.PLUS,
                    operand), operand);
        }
        Node power = new Atoms(parser, in).primary();
        refuseOperator(in.peek());
        return power;
    }

    private void refuseOperator(Token t) throws InvalidExpressionException {
        if (t.kind() == Kind.OP && Refusals.OPERATORS.containsKey(t.text())) {
            throw Refusals.unsafe(t, Refusals.OPERATORS.get(t.text()), null);
        }
    }
}
