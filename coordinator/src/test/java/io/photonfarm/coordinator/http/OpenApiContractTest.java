package io.photonfarm.coordinator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI file describes exactly what the coordinator serves and sends. */
class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @TempDir
    static Path dataDir;
    static TestFarm farm;
    static JsonNode openapi;

    @BeforeAll
    static void start() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/io/photonfarm/api/openapi.yaml")) {
            assertNotNull(in, "openapi.yaml is on the class path (farm-api)");
            openapi = new YAMLMapper().readTree(in);
        }
        farm = TestFarm.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.close();
        }
    }

    private static Set<Route> documentedRoutes() {
        Set<Route> documented = new TreeSet<>((a, b) -> (a.path() + " " + a.method()).compareTo(b.path() + " " + b.method()));
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> keys = path.getValue().fieldNames(); keys.hasNext();) {
                String key = keys.next();
                if (METHODS.contains(key)) {
                    documented.add(new Route(key.toUpperCase(), path.getKey()));
                }
            }
        }
        return documented;
    }

    @Test
    void theDocumentedRoutesAreExactlyTheRoutesServed() {
        List<Route> served = farm.coordinator.routes();
        assertEquals(served.size(), new HashSet<>(served).size(), "no route is registered twice: " + served);
        Set<Route> documented = documentedRoutes();
        Set<Route> undocumented = new HashSet<>(served);
        undocumented.removeAll(documented);
        Set<Route> notServed = new HashSet<>(documented);
        served.forEach(notServed::remove);
        assertTrue(undocumented.isEmpty(), "served but not in openapi.yaml: " + undocumented);
        assertTrue(notServed.isEmpty(), "in openapi.yaml but not served: " + notServed);
        assertFalse(documented.isEmpty());
    }

    @Test
    void everySchemaNamingAJavaRecordListsExactlyItsComponents() throws ClassNotFoundException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> schemas = openapi.path("components").path("schemas").fields(); schemas.hasNext();) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            JsonNode javaClass = schema.getValue().get("x-java-class");
            if (javaClass == null) {
                continue;
            }
            Class<?> type = Class.forName(javaClass.asText());
            assertTrue(type.isRecord(), schema.getKey() + ": " + type.getName() + " is a record");
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> properties = new TreeSet<>();
            schema.getValue().path("properties").fieldNames().forEachRemaining(properties::add);
            if (!components.equals(properties)) {
                mismatches.add(schema.getKey() + " (" + type.getSimpleName() + "): record " + components + ", schema "
                        + properties);
            }
            checked++;
        }
        assertTrue(mismatches.isEmpty(), "schemas out of step with their records:\n" + String.join("\n", mismatches));
        assertTrue(checked >= 30, "only " + checked + " schemas name a Java record");
    }

    @Test
    void everySchemaReferenceResolves() {
        Set<String> schemas = new HashSet<>();
        openapi.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        Set<String> responses = new HashSet<>();
        openapi.path("components").path("responses").fieldNames().forEachRemaining(responses::add);
        List<String> dangling = new ArrayList<>();
        openapi.findValues("$ref").forEach(ref -> {
            String r = ref.asText();
            boolean ok = r.startsWith("#/components/schemas/") ? schemas.contains(r.substring(21))
                    : r.startsWith("#/components/responses/") ? responses.contains(r.substring(23))
                    : r.startsWith("#/components/parameters/");
            if (!ok) {
                dangling.add(r);
            }
        });
        assertTrue(dangling.isEmpty(), "dangling references: " + dangling);
    }

    /** Statuses the other tests of this package provoke; the file must document each for its route. */
    @Test
    void statusesTheServerAnswersAreDocumentedForTheirRoutes() {
        Map<String, List<String>> observed = Map.ofEntries(
                Map.entry("post /api/v1/jobs", List.of("201", "400", "401", "403", "409")),
                Map.entry("get /api/v1/jobs/{id}", List.of("200", "401", "404")),
                Map.entry("post /api/v1/jobs/{id}/resume", List.of("200", "409")),
                Map.entry("get /api/v1/jobs/{id}/archive", List.of("200", "400", "401", "404")),
                Map.entry("post /api/v1/nodes/{nodeId}/claim", List.of("200", "400", "401", "403", "404")),
                Map.entry("put /api/v1/nodes/{nodeId}/units/{jobId}/{frame}/{tile}/{range}/result",
                        List.of("200", "400", "401", "404", "409", "413")),
                Map.entry("post /api/v1/nodes/{nodeId}/results", List.of("200", "400")),
                Map.entry("post /api/v1/nodes/{nodeId}/drain", List.of("202", "404")),
                Map.entry("post /api/v1/nodes/{nodeId}/leave", List.of("204")),
                Map.entry("get /api/v1/events", List.of("200", "401", "406")),
                Map.entry("post /api/v1/assets", List.of("200", "201", "400", "413", "415")),
                Map.entry("get /api/v1/assets/{hash}", List.of("200", "404")),
                Map.entry("delete /api/v1/assets/{hash}", List.of("204", "404")),
                Map.entry("put /api/v1/assets/{hash}/metadata", List.of("200", "400", "404")),
                Map.entry("get /api/v1/scenes/{hash}", List.of("200", "403", "404")));
        List<String> missing = new ArrayList<>();
        observed.forEach((route, statuses) -> {
            String[] mp = route.split(" ");
            JsonNode responses = openapi.path("paths").path(mp[1]).path(mp[0]).path("responses");
            for (String status : statuses) {
                if (!responses.has(status)) {
                    missing.add(route + " " + status);
                }
            }
        });
        assertTrue(missing.isEmpty(), "answered but not documented: " + missing);
    }
}
