package io.photonfarm.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photonfarm.scene.procedural.ProceduralAssets;
import io.photonfarm.scene.procedural.ProceduralTextures;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published JSON schema (farm-api, next to openapi.yaml) and the recipe records agree field for field. */
class RecipeSchemaTest {
    static JsonNode schema;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RecipeSchemaTest.class.getResourceAsStream("/io/photonfarm/api/recipe.schema.json")) {
            assertNotNull(in, "recipe.schema.json is on the class path (farm-api)");
            schema = new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            String name = node.get("$ref").asText().substring("#/$defs/".length());
            JsonNode def = schema.path("$defs").path(name);
            assertFalse(def.isMissingNode(), "schema defines " + name);
            return def;
        }
        return node;
    }

    /** Checks record {@code type} against schema object {@code node}, then every record it holds. */
    private static void agree(Class<?> type, JsonNode node, String where, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        assertEquals("object", node.path("type").asText(), where);
        assertFalse(node.path("additionalProperties").asBoolean(true), where + " refuses unknown fields");
        Set<String> fields = new TreeSet<>();
        node.path("properties").fieldNames().forEachRemaining(fields::add);
        Set<String> components = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        assertEquals(components, fields, where + " (" + type.getSimpleName() + ") fields");
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode prop = node.path("properties").path(c.getName());
            typeAgrees(c.getGenericType(), prop, where + "." + c.getName(), seen);
        }
    }

    private static void typeAgrees(Type t, JsonNode prop, String where, Set<Class<?>> seen) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                assertEquals("array", prop.path("type").asText(), where);
                typeAgrees(p.getActualTypeArguments()[0], prop.path("items"), where + "[]", seen);
            } else if (Map.class.isAssignableFrom(raw)) {
                assertEquals("object", prop.path("type").asText(), where);
                typeAgrees(p.getActualTypeArguments()[1], prop.path("additionalProperties"), where + ".*", seen);
            } else {
                throw new AssertionError(where + ": unexpected type " + t);
            }
            return;
        }
        Class<?> c = (Class<?>) t;
        if (c.isRecord()) {
            agree(c, resolve(prop), where, seen);
            return;
        }
        String expected = c == Integer.class ? "integer" : c == Double.class ? "number" : c == String.class ? "string"
                : c == Boolean.class ? "boolean" : null;
        assertNotNull(expected, where + ": no schema type for " + c);
        assertEquals(expected, resolve(prop).path("type").asText(), where);
    }

    @Test
    void everyRecipeRecordAndFieldIsInTheSchemaAndNothingElse() {
        Set<Class<?>> seen = new HashSet<>();
        agree(Recipe.class, schema, "recipe", seen);
        Set<String> defs = new TreeSet<>();
        schema.path("$defs").fieldNames().forEachRemaining(defs::add);
        Set<String> records = new TreeSet<>();
        for (Class<?> c : seen) {
            if (c != Recipe.class) {
                records.add(c.getSimpleName());
            }
        }
        assertEquals(records, defs, "every $def is a record the recipe holds");
    }

    @Test
    void theSchemasNamedValuesAreTheValidatorsOwn() {
        assertEquals(ProceduralAssets.refs(), texts(schema.at("/$defs/ObjectPool/properties/asset/enum")));
        assertEquals(MaterialSpec.LOOKS, texts(schema.at("/$defs/MaterialSpec/properties/looks/items/enum")));
        assertEquals(Arrays.stream(ProceduralTextures.Kind.values()).map(ProceduralTextures.Kind::wireName).toList(),
                texts(schema.at("/$defs/TextureChoice/properties/kinds/items/enum")));
        assertEquals(Recipe.VERSION, schema.at("/properties/version/const").asInt());
    }

    @Test
    void theSchemasRequiredFieldsAreRequiredByTheValidator() {
        List<String> required = texts(schema.path("required"));
        assertTrue(required.containsAll(List.of("version", "objects")));
        List<RecipeViolation> v = RecipeValidator.violations(new Recipe(null, null, null, null, null, null, null, null, null, null));
        assertTrue(v.stream().anyMatch(x -> x.path().equals("version")));
        assertTrue(v.stream().anyMatch(x -> x.path().equals("objects")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
