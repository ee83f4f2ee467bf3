package org.convene.view;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string with an unpaired surrogate, refused by {@link Json#MAPPER}; its path names the field. */
public final class UnpairedSurrogateException extends JsonMappingException {
    UnpairedSurrogateException(JsonParser parser) {
        super(parser, "The text has an unpaired surrogate: it is not well-formed Unicode");
    }
}
