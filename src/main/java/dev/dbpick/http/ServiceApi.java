package dev.dbpick.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The OpenAPI description of the service; micronaut-openapi generates the document
 * ({@code /swagger/dbpick-1.yml}) and a Swagger UI ({@code /swagger-ui/}) at compile time,
 * with their assets in the jar.
 */
@OpenAPIDefinition(info = @Info(title = "dbpick", version = "1",
        description = "Ranks Python database libraries for a requirements profile, with the reasons."))
final class ServiceApi {

    private ServiceApi() {
    }
}
