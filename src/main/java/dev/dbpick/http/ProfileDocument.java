package dev.dbpick.http;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The request body of the ranking endpoints, for the OpenAPI document only: the service reads
 * the body itself and checks every field against the questionnaire in service, whose allowed
 * values ({@code GET /api/v1/questionnaire}) may change with the data without a rebuild.
 */
@Schema(name = "ProfileRequest", description = "What the data layer needs; every field is optional and defaults as"
        + " GET /api/v1/questionnaire says, which also lists each field's allowed values. An unknown field or value is a 400 naming it, with the allowed values"
        + " and the closest one.")
record ProfileDocument(
        @Schema(description = "Kind of library", example = "orm") String purpose,
        @ArraySchema(schema = @Schema(example = "postgresql"), arraySchema = @Schema(description = "Databases it must work"
                + " with (all of them; with purpose stack, one pick per database)")) List<String> databases,
        @Schema(description = "asyncio", example = "required") String async,
        @Schema(description = "In-process or server", example = "server")
        String deployment,
        @Schema(description = "Who uses the same data at once", example = "many-hosts") String sharedBy,
        @Schema(description = "Python version it must run on", example = "3.12") String python,
        @Schema(description = "Web framework", example = "fastapi") String framework,
        @Schema(description = "What the data layer mostly does", example = "transactional") String workload,
        @ArraySchema(schema = @Schema(example = "pydantic"), arraySchema = @Schema(description = "What the code already uses"))
        List<String> alreadyUses,
        @ArraySchema(schema = @Schema(example = "type-safety"), maxItems = 3,
                arraySchema = @Schema(description = "What matters most, most important first")) List<String> priorities,
        @Schema(description = "Hard constraints switched on, e.g. {\"permissiveLicense\": true}") Map<String, Boolean> constraints) {

    /** A profile that works in Swagger UI's "Try it out". */
    static final String EXAMPLE = """
            {"purpose": "orm", "databases": ["postgresql"], "async": "required", "framework": "fastapi",
             "alreadyUses": ["pydantic"], "priorities": ["type-safety", "maturity"]}""";
}
