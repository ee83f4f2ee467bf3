package org.convene.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.audit.AuditEntry;
import org.convene.audit.AuditLine;
import org.convene.audit.Checkpoint;
import org.convene.audit.Seal;

/**
 * An audit export as JSON Lines: one object a line, a sealed record
 * ({@code {"type":"record","chain","seq","fields":{...},"prev","hash"}}, with {@code "digests":{"p.<x>":hex}} and the
 * person's {@code "salt"} where it has personal fields) or a signed checkpoint
 * ({@code {"type":"checkpoint","n","at","heads":{chain:{"seq","hash"}},"keyId","signature"}}). What a line holds is
 * read back as written, so that a verification sees any byte that changed.
 */
public final class AuditLines {
    private AuditLines() {}

    /** One line of the export, without its line break. */
    public static String write(AuditLine line) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (line instanceof AuditLine.Sealed s) {
            o.put("type", "record").put("chain", s.entry().chain()).put("seq", s.entry().seq());
            ObjectNode fields = o.putObject("fields");
            s.entry().fields().forEach(fields::put);
            o.put("prev", s.seal().prev()).put("hash", s.seal().hash());
            if (!s.seal().digests().isEmpty()) {
                ObjectNode digests = o.putObject("digests");
                s.seal().digests().forEach(digests::put);
            }
            if (!s.salt().isEmpty()) o.put("salt", s.salt());
        } else {
            Checkpoint c = ((AuditLine.Signed) line).checkpoint();
            o.put("type", "checkpoint").put("n", c.n()).put("at", c.at().toString());
            ObjectNode heads = o.putObject("heads");
            c.heads().forEach((chain, h) -> heads.putObject(chain).put("seq", h.seq()).put("hash", h.hash()));
            o.put("keyId", c.keyId()).put("signature", c.signature());
        }
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    /** Reads an export; a line that is not one of the two forms is refused naming its number. */
    public static List<AuditLine> read(BufferedReader in) throws IOException {
        List<AuditLine> lines = new ArrayList<>();
        long n = 0;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            n++;
            if (text.isBlank()) continue;
            try {
                lines.add(parse(n, Json.MAPPER.readTree(text)));
            } catch (JsonProcessingException | RuntimeException e) {
                throw new IllegalArgumentException("line " + n + " is not an audit record or checkpoint: "
                        + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
            }
        }
        return lines;
    }

    private static AuditLine parse(long n, JsonNode o) {
        String type = text(o, "type");
        if (type.equals("record")) {
            Map<String, String> fields = new LinkedHashMap<>();
            o.required("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            String chain = text(o, "chain");
            long seq = o.required("seq").asLong();
            Map<String, String> digests = new LinkedHashMap<>();
            if (o.has("digests")) o.get("digests").fields().forEachRemaining(d -> digests.put(d.getKey(), d.getValue().asText()));
            return new AuditLine.Sealed(n, new AuditEntry(chain, seq, fields),
                    new Seal(chain, seq, text(o, "prev"), text(o, "hash"), digests), o.has("salt") ? text(o, "salt") : "");
        }
        if (type.equals("checkpoint")) {
            Map<String, Checkpoint.Head> heads = new LinkedHashMap<>();
            o.required("heads").fields().forEachRemaining(h -> heads.put(h.getKey(),
                    new Checkpoint.Head(h.getValue().required("seq").asLong(), text(h.getValue(), "hash"))));
            return new AuditLine.Signed(n, new Checkpoint(o.required("n").asLong(), Instant.parse(text(o, "at")), heads,
                    text(o, "keyId"), text(o, "signature")));
        }
        throw new IllegalArgumentException("type must be record or checkpoint, was '" + type + "'");
    }

    private static String text(JsonNode o, String field) {
        JsonNode value = o.required(field);
        if (!value.isTextual()) throw new IllegalArgumentException(field + " must be text");
        return value.asText();
    }
}
