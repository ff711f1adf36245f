package dev.dbpick.http;

import dev.dbpick.advice.Advisor;
import dev.dbpick.catalog.Library;
import dev.dbpick.questionnaire.Questionnaire;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The catalog and the questionnaire, as the knowledge in service holds them. */
@Controller("/api/v1")
@Tag(name = "Catalog", description = "The libraries and the questionnaire in service")
public class CatalogController {

    private final KnowledgeHolder holder;

    public CatalogController(KnowledgeHolder holder) {
        this.holder = holder;
    }

    /** Every library of the catalog, sorted by id. */
    @Get("/catalog")
    @Operation(summary = "List every library of the catalog")
    public List<Library> catalog() {
        return holder.current().knowledge().catalog().libraries();
    }

    /** One library's facts and sources; 404, with the closest id, when the id is unknown. */
    @Get("/catalog/{id}")
    @Operation(summary = "Show one library")
    @ApiResponse(responseCode = "200", description = "The library's facts and sources",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Library.class)))
    @ApiResponse(responseCode = "404", description = "An unknown library id; detail names the closest",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Library library(@PathVariable String id) {
        Advisor advisor = holder.current().advisor();
        return advisor.knowledge().catalog().find(advisor.resolve(id)).orElseThrow();
    }

    /** The questions, choices, defaults and help texts that define a profile. */
    @Get("/questionnaire")
    @Operation(summary = "The profile's questions, choices, defaults and help",
            description = "Each question's skipWhen conditions say when earlier answers settle it, so a client does not"
                    + " ask it: a condition holds when every field it names has one of its values, and for a list field"
                    + " (databases) when the list is not empty and every value chosen is one of them. With only server"
                    + " databases chosen (PostgreSQL, ...) the deployment and sharing questions are not asked.")
    public Questionnaire questionnaire() {
        return holder.current().knowledge().questionnaire();
    }
}
