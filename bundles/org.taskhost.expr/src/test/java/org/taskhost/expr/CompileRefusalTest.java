package org.taskhost.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Everything an expression may not do is refused when it is compiled, with the line and column of the problem. */
class CompileRefusalTest {

    private static final Scope SCOPE = Scope.builder(FunctionRegistry.builtins())
            .add("temp", Scope.Kind.INPUT).add("temp_buf", Scope.Kind.BUFFER).add("pressure", Scope.Kind.INPUT)
            .add("alarm", Scope.Kind.OUTPUT).add("avg", Scope.Kind.TRANSFORM_OUTPUT)
            .add("limit", Scope.Kind.PARAMETER).add("name", Scope.Kind.INPUT).build();

    static String refusal(String expression) {
        try {
            Expressions.compile(expression, SCOPE);
        } catch (InvalidExpressionException e) {
            return e.getMessage();
        }
        throw new AssertionError("compiled: " + expression);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            mean(temp_buf) > temp_bufx             | 1:18: unknown name 'temp_bufx' (did you mean 'temp_buf'?)
            temp > 1 and zzz                       | 1:14: unknown name 'zzz'
            mean > 3                               | 1:1: function 'mean' must be called: mean(...)
            temp(3)                                | 1:1: 'temp' is an input, not a function
            limit(3)                               | 1:1: 'limit' is a parameter, not a function
            foo(temp)                              | 1:1: Unsafe expression — function 'foo' is not registered
            mena(temp_buf)                         | 1:1: Unsafe expression — function 'mena' is not registered (did you mean 'mean'?)
            mean(temp_buf, 2)                      | 1:1: mean() takes 1 positional argument but 2 were given
            clamp(temp, 0)                         | 1:1: clamp() missing 1 required positional argument: 'high'
            clamp(temp)                            | 1:1: clamp() missing 2 required positional arguments: 'low' and 'high'
            round(temp, 1, 2)                      | 1:1: round() takes from 1 to 2 positional arguments but 3 were given
            round(temp, digits=2)                  | 1:13: round() got an unexpected keyword argument 'digits'
            round(temp, number=2)                  | 1:13: round() got multiple values for argument 'number'
            abs(x=temp)                            | 1:5: abs() takes no keyword arguments
            min()                                  | 1:1: min expected at least 1 argument, got 0
            min(temp_buf, key=temp)                | 1:15: min() got an unexpected keyword argument 'key'
            any_of(x=1)                            | 1:8: any_of() takes no keyword arguments
            temp ** 2                              | 1:6: Unsafe expression — disallowed node: Pow (use pow(x, y))
            temp // 2                              | 1:6: Unsafe expression — disallowed node: FloorDiv (use floor(x / y))
            temp & 1                               | 1:6: Unsafe expression — disallowed node: BitAnd
            `temp | 1`                             | 1:6: Unsafe expression — disallowed node: BitOr
            temp ^ 1                               | 1:6: Unsafe expression — disallowed node: BitXor
            temp << 1                              | 1:6: Unsafe expression — disallowed node: LShift
            temp >> 1                              | 1:6: Unsafe expression — disallowed node: RShift
            ~temp                                  | 1:1: Unsafe expression — disallowed node: Invert
            temp @ temp                            | 1:6: Unsafe expression — disallowed node: MatMult
            temp_buf[0]                            | 1:9: Unsafe expression — disallowed node: Subscript (use last(x, n) or a function of the whole list)
            temp_buf[1:3]                          | 1:9: Unsafe expression — disallowed node: Subscript (use last(x, n) or a function of the whole list)
            name.upper                             | 1:5: Unsafe expression — disallowed node: Attribute (no attribute access)
            name.upper()                           | 1:5: Unsafe expression — only direct function calls are allowed
            (abs)(temp)                            | 1:6: Unsafe expression — only direct function calls are allowed
            abs(temp)(1)                           | 1:10: Unsafe expression — only direct function calls are allowed
            temp in temp_buf                       | 1:6: Unsafe expression — disallowed node: In (no membership tests)
            temp not in temp_buf                   | 1:6: Unsafe expression — disallowed node: NotIn (no membership tests)
            temp is None                           | 1:6: Unsafe expression — disallowed node: Is (use ==)
            temp is not None                       | 1:6: Unsafe expression — disallowed node: IsNot (use !=)
            {1: 2}                                 | 1:1: Unsafe expression — disallowed node: Dict (no dict or set literals)
            {}                                     | 1:1: Unsafe expression — disallowed node: Dict (no dict or set literals)
            {1, 2}                                 | 1:1: Unsafe expression — disallowed node: Set (no dict or set literals)
            [t for t in temp_buf]                  | 1:4: Unsafe expression — disallowed node: comprehension (no comprehensions or generators)
            sum_of(t for t in temp_buf)            | 1:10: Unsafe expression — disallowed node: comprehension (no comprehensions or generators)
            lambda: 1                              | 1:1: Unsafe expression — disallowed node: Lambda
            (y := 3)                               | 1:4: Unsafe expression — disallowed node: NamedExpr
            f'{temp}'                              | 1:1: Unsafe expression — disallowed node: JoinedStr (no f-strings)
            b'abc'                                 | 1:1: Unsafe expression — bytes literals are not supported
            max(*temp_buf)                         | 1:5: Unsafe expression — disallowed node: Starred
            max(**temp_buf)                        | 1:5: Unsafe expression — argument unpacking with ** is not supported
            ...                                    | 1:1: Unsafe expression — '...' (Ellipsis) is not supported
            2j                                     | 1:1: complex numbers are not supported: '2j'
            await temp                             | 1:1: Unsafe expression — disallowed node: Await
            if True:                               | 1:1: invalid syntax at 'if'
            temp >                                 | 1:7: invalid syntax: unexpected end of expression
            (temp > 1                              | 1:1: invalid syntax: '(' was never closed
            mean(temp_buf                          | 1:5: invalid syntax: '(' was never closed
            (temp > 1 2)                           | 1:11: invalid syntax: expected ',' or ')', found '2'
            temp > 1)                              | 1:9: invalid syntax at ')'
            1 if temp                              | 1:10: invalid syntax: expected 'else' after 'if' expression, found end of expression
            abs(x=1, 2)                            | 1:10: invalid syntax: positional argument follows keyword argument
            round(temp, ndigits=1, ndigits=2)      | 1:24: invalid syntax: keyword argument repeated: ndigits
            temp = 1                               | 1:6: invalid syntax at '='
            temp; 1                                | 1:5: invalid syntax at ';'
            temp $ 1                               | 1:6: invalid character '$' (U+0024)
            'abc                                   | 1:1: invalid syntax: unterminated string literal
            012                                    | 1:1: invalid syntax: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
            1abc                                   | 1:1: invalid syntax: invalid decimal literal '1a'
            99999999999999999999                   | 1:1: integer literal 99999999999999999999 does not fit in taskhost's 64-bit integers
            yield                                  | 1:1: 'yield' outside function
            """)
    void refusedWithPosition(String expression, String message) {
        assertThat(refusal(expression)).isEqualTo(message);
    }

    @Test
    void positionsCountLinesOfAMultiLineExpression() {
        assertThat(refusal("(temp > 1 and\n  pressure < 2 and\n    temp_bufx)"))
                .isEqualTo("3:5: unknown name 'temp_bufx' (did you mean 'temp_buf'?)");
        assertThat(refusal("temp > 1\nand pressure")).isEqualTo(
                "1:9: invalid syntax: a new line inside an expression (wrap it in parentheses)");
    }

    @Test
    void aDisallowedConstructIsReportedBeforeAnUnknownName() {
        assertThat(refusal("zzz + temp ** 2")).isEqualTo("1:12: Unsafe expression — disallowed node: Pow (use pow(x, y))");
    }

    @Test
    void theFirstNameProblemInSourceOrderIsReported() {
        assertThat(refusal("foo(1) + zzz")).isEqualTo("1:1: Unsafe expression — function 'foo' is not registered");
    }

    @Test
    void theExceptionCarriesLineColumnAndProblemApart() {
        assertThatThrownBy(() -> Expressions.compile("temp +\n", SCOPE))
                .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(e.problem()).isEqualTo("invalid syntax: a new line inside an expression (wrap it in parentheses)");
                });
    }

    @Test
    void nestingDeeperThanTheBoundIsRefused() {
        String deep = "(".repeat(101) + "temp" + ")".repeat(101);
        assertThat(refusal(deep)).isEqualTo("1:101: the expression nests more than 100 levels deep");
        String fine = "(".repeat(99) + "temp" + ")".repeat(99);
        assertThat(SafeEval.class).isNotNull();
        org.assertj.core.api.Assertions.assertThatCode(() -> Expressions.compile(fine, SCOPE)).doesNotThrowAnyException();
        assertThat(refusal("-".repeat(101) + "temp")).isEqualTo("1:101: the expression nests more than 100 levels deep");
    }

    @Test
    void aChainTooLongToEvaluateSafelyIsRefused() {
        String chain = "temp" + " + temp".repeat(1000);
        assertThat(refusal(chain)).startsWith("1:").endsWith(
                "the expression is too long to evaluate: more than 1000 operations nested or in a row");
    }

    @Test
    void anEmptyExpressionIsRefused() {
        assertThat(refusal("   ")).isEqualTo("1:1: invalid syntax: the expression is empty");
    }

    @Test
    void aSourceLongerThanTheBoundIsRefused() {
        assertThat(refusal("temp" + " ".repeat(10_000))).isEqualTo(
                "1:1: the expression is longer than 10000 characters");
    }

    @Test
    void aScopeRefusesNameCollisions() {
        Scope.Builder scope = Scope.builder(FunctionRegistry.builtins()).add("x", Scope.Kind.INPUT);
        assertThatThrownBy(() -> scope.add("x", Scope.Kind.PARAMETER))
                .hasMessage("name 'x' is both an input and a parameter");
        assertThatThrownBy(() -> scope.add("mean", Scope.Kind.INPUT))
                .hasMessage("name 'mean' is both an input and a function: expressions could not call mean()");
        assertThatThrownBy(() -> scope.add("in", Scope.Kind.INPUT))
                .hasMessage("'in' cannot be a name in expressions: it is a Python keyword");
        assertThatThrownBy(() -> scope.add("A:B", Scope.Kind.OUTPUT))
                .hasMessage("'A:B' cannot be a name in expressions: it is not a Python identifier");
        Scope.Builder buffers = Scope.builder(Map.of()).add("temp_buf", Scope.Kind.BUFFER);
        assertThatThrownBy(() -> buffers.add("temp_buf", Scope.Kind.INPUT))
                .hasMessage("name 'temp_buf' is both a buffer and an input");
    }
}
