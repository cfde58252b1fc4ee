package io.photonfarm.coordinator.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * Reads request bodies into records and turns Jackson's errors into messages a client can act on:
 * the field (as a JSON path), what was wrong, and for unknown fields the known ones.
 */
public final class JsonBodies {
    private final ObjectMapper json;
    private final int maxBytes;

    /** @param maxBytes the largest JSON body accepted, bytes */
    public JsonBodies(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    public <T> T read(byte[] body, Class<T> type, String what) {
        if (body.length == 0) {
            throw new BadRequestException(what + ": the request body is empty; expected a JSON object");
        }
        if (body.length > maxBytes) {
            throw new BadRequestException(what + ": the body has " + body.length + " bytes; at most " + maxBytes
                    + " are accepted");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new BadRequestException(what + ": expected a JSON object, got null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
            throw new BadRequestException(what + ": unknown field '" + path(e) + "'" + (known.isEmpty() ? "" : "; known fields: " + known));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            String detail = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new BadRequestException(what + ": field '" + path(e) + "': " + firstLine(detail));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadRequestException(what + ": malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new BadRequestException(what + ": unreadable body: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
