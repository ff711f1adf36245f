package dev.dbpick.http;

import dev.dbpick.catalog.Library;
import dev.dbpick.questionnaire.Questionnaire;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

/** The catalog and the questionnaire, as the knowledge in service holds them. */
@Controller("/api/v1")
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

    /** One library's facts and sources; 404 when the id is unknown. */
    @Get("/catalog/{id}")
    @Operation(summary = "Show one library")
    public HttpResponse<?> library(@PathVariable String id) {
        return holder.current().knowledge().catalog().find(id)
                .<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND)
                        .body(Problem.of(404, "Not Found", "No library with id \"" + (id.length() > 60 ? id.substring(0, 60) + "..." : id)
                                + "\"; GET /api/v1/catalog lists them", "/api/v1/catalog/" + id))
                        .contentType(Problem.MEDIA_TYPE));
    }

    /** The questions, choices, defaults and help texts that define a profile. */
    @Get("/questionnaire")
    @Operation(summary = "The profile's questions, choices, defaults and help")
    public Questionnaire questionnaire() {
        return holder.current().knowledge().questionnaire();
    }
}
