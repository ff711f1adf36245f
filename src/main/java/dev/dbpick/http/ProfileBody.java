package dev.dbpick.http;

import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** For the OpenAPI document: the endpoint reads a profile (JSON) from its body. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@RequestBody(description = "The profile (JSON); {} ranks for the defaults", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileDocument.class),
        examples = @ExampleObject(name = "FastAPI on PostgreSQL", value = ProfileDocument.EXAMPLE)))
@interface ProfileBody {
}
