package org.taskhost.codec;

/** A codec configuration that cannot be used; {@link #field()} names the field (nested fields as {@code value.codec}). */
public class CodecConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    /**
     * @param field the field, nested fields as {@code value.codec}
     * @param problem what is wrong with it
     */
    public CodecConfigException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** @return the field */
    public String field() {
        return field;
    }

    /**
     * @return what is wrong with the field, without its name
     * @since 1.1
     */
    public String problem() {
        return problem;
    }
}
