package org.convene.view;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * JSON strings read as Jackson reads them, but refused when they are not well-formed Unicode: an
 * unpaired surrogate (an escape such as {@code \ud800} alone) would be stored as '?' and read back as
 * another text.
 */
final class WellFormedText extends StdScalarDeserializer<String> {
    WellFormedText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && hasUnpairedSurrogate(text)) throw new UnpairedSurrogateException(parser);
        return text;
    }

    /** Text, so that the mapper's coercion rules for text (no number where text belongs) apply here too. */
    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) {
        return "";
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
