package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as a client generator (openapi-python-client, datamodel-code-generator)
 * reads it: valid OpenAPI 3, every reference resolves, and every schema has a domain name that
 * makes a sensible class name, never a Java type of the implementation.
 */
class OpenApiDocumentTest {

    private static final String DOCUMENT = "META-INF/swagger/dbpick-1.yml";
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final List<String> JAVA_WORDS = List.of("Node", "Json", "Controller", "Holder", "Base", "Object", "Map");

    private static String text;
    private static OpenAPI openApi;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertNotNull(in, DOCUMENT + " is generated at compile time");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(text, null, options);
        assertEquals(List.of(), result.getMessages(), "the validator's findings");
        openApi = result.getOpenAPI();
    }

    @Test
    void everySchemaHasADomainName() {
        Set<String> names = openApi.getComponents().getSchemas().keySet();
        for (String name : names) {
            assertTrue(CLASS_NAME.matcher(name).matches(), "a class name a generator keeps as it is: " + name);
            for (String word : JAVA_WORDS) {
                assertTrue(!name.contains(word), name + " names an implementation type (" + word + ")");
            }
        }
        assertTrue(names.containsAll(Set.of("Result", "ProfileRequest", "ProfileChanges", "Problem", "KnowledgeStatus")), names.toString());
    }

    @Test
    void everyReferenceNamesASchemaAndEverySchemaIsUsed() {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> referenced = new TreeSet<>();
        Matcher ref = Pattern.compile("\\$ref: \"#/components/schemas/([^\"]+)\"").matcher(text);
        while (ref.find()) {
            referenced.add(ref.group(1));
        }
        assertEquals(new TreeSet<>(), difference(referenced, schemas.keySet()), "references to no schema");
        assertEquals(new TreeSet<>(), difference(schemas.keySet(), referenced), "schemas nothing refers to");
    }

    @Test
    void whatIfChangesArePartialProfiles() {
        Schema<?> changes = openApi.getComponents().getSchemas().get("ProfileChanges");
        assertEquals("object", changes.getType());
        assertEquals(Boolean.TRUE, changes.getAdditionalProperties(), "any answer of the profile may change");
        for (String owner : List.of("Pivot", "Relaxation", "WhyNotAdmit")) {
            Schema<?> field = (Schema<?>) openApi.getComponents().getSchemas().get(owner).getProperties().get("changes");
            assertEquals("#/components/schemas/ProfileChanges", field.get$ref(), owner);
        }
    }

    @Test
    void everyOperationHasAnIdAndASuccessSchema() {
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            assertNotNull(operation.getOperationId(), path);
            assertTrue(operation.getResponses().keySet().stream().anyMatch(code -> code.startsWith("2")), path + " answers something");
        }));
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> rest = new TreeSet<>(left);
        rest.removeAll(right);
        return rest;
    }
}
