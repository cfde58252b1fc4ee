package io.photonfarm.recipe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads and writes recipes as JSON. Reading refuses unknown fields, wrong types and trailing data,
 * each reported with its JSON path; {@link #read} also validates. Writing is canonical (fields and
 * map keys sorted, nulls left out), so equal recipes have equal text and equal {@link #hash}es.
 */
public final class RecipeJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private RecipeJson() {
    }

    /**
     * Parses and validates a recipe.
     *
     * @throws RecipeException naming the path of every problem
     */
    public static Recipe read(String json) {
        try {
            return RecipeValidator.validate(MAPPER.readValue(json, Recipe.class));
        } catch (JsonProcessingException e) {
            throw new RecipeException(List.of(violation(e)));
        }
    }

    /** Parses and validates a recipe given as a JSON tree (an inline recipe in a job). */
    public static Recipe read(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new RecipeException(List.of(new RecipeViolation("", "must be a JSON object")));
        }
        try {
            return RecipeValidator.validate(MAPPER.treeToValue(tree, Recipe.class));
        } catch (JsonProcessingException e) {
            throw new RecipeException(List.of(violation(e)));
        }
    }

    /** The canonical JSON text of {@code recipe}. */
    public static String write(Recipe recipe) {
        try {
            return MAPPER.writeValueAsString(recipe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a recipe as JSON: " + e.getMessage(), e);
        }
    }

    /** The recipe as a JSON tree, canonical. */
    public static JsonNode tree(Recipe recipe) {
        return MAPPER.valueToTree(recipe);
    }

    /** Hex SHA-256 of the canonical text: equal hashes mean equal recipes. */
    public static String hash(Recipe recipe) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(recipe).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    private static RecipeViolation violation(JsonProcessingException e) {
        if (e instanceof JsonParseException p) {
            return new RecipeViolation("", "is not valid JSON: " + p.getOriginalMessage());
        }
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return new RecipeViolation(path, "is not a known field (known here: " + String.join(", ", known) + ")");
        }
        if (e instanceof InvalidFormatException f) {
            return new RecipeViolation(path, "must be " + typeName(f.getTargetType()) + " (was " + f.getValue() + ")");
        }
        if (e instanceof MismatchedInputException m) {
            return new RecipeViolation(path, "must be " + typeName(m.getTargetType()));
        }
        return new RecipeViolation(path, "cannot be read: " + e.getOriginalMessage());
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
