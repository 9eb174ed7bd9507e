package org.taskhost.codec;

/** A codec configuration that cannot be used; {@link #field()} names the field (nested fields as {@code value.codec}). */
public class CodecConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public CodecConfigException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
