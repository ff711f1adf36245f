package dev.dbpick.http;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The schema of a what-if explanation's {@code changes}, for the OpenAPI document only: the
 * answers that change, as a partial profile (an {@code ObjectNode} in the code, mapped to this
 * type in {@code openapi.properties}).
 */
@Schema(name = "ProfileChanges", type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        description = "The answers that change, as a partial profile with the request body's field names;"
                + " apply them to the profile and ask again to get this answer",
        example = "{\"async\": \"required\"}")
final class ProfileChangesDocument {

    private ProfileChangesDocument() {
    }
}
