package dev.dbpick.cli;

import dev.dbpick.support.KnowledgeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbpick serve}: the HTTP service, with hot reload of the rules and data. */
@Command(name = "serve",
        description = {
            "Runs the HTTP service, with gated hot reload of the rules and data.",
            "",
            "Endpoints: POST /api/v1/recommendations, GET /api/v1/catalog[/{id}],",
            "GET /api/v1/questionnaire, GET /api/v1/knowledge, POST /api/v1/knowledge/reload,",
            "GET /health, the OpenAPI document at /swagger/dbpick-1.yml and a Swagger UI at",
            "/swagger-ui/index.html.",
            "",
            "When a file under the rules or data folder changes, the service compiles the new",
            "knowledge beside the old, runs the scenario tests, and switches only when both pass.",
            "Settings: src/main/resources/application.yml keys, environment variables",
            "(DBPICK_ADMIN_TOKEN, DBPICK_RULES, DBPICK_DATA, MICRONAUT_SERVER_PORT) or -D properties.",
            "Logs: one line per event on standard output."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:internal error", "2:bad usage", "3:invalid rules or data at start"})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: 8080, or micronaut.server.port).")
    Integer port;

    @Option(names = "--rules", paramLabel = "DIR", description = "Folder of rules (default: ./rules if present, else bundled).")
    String rules;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of data (default: ./data if present, else bundled).")
    String data;

    @Override
    public Integer call() throws InterruptedException {
        Logs.forService();
        Map<String, Object> properties = new HashMap<>();
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        if (rules != null) {
            properties.put("dbpick.rules", rules);
        }
        if (data != null) {
            properties.put("dbpick.data", data);
        }
        ApplicationContext context;
        try {
            // ApplicationContext rather than Micronaut.run: the latter exits the JVM on a start-up
            // error, where an invalid knowledge folder must be reported like on the command line.
            context = ApplicationContext.builder()
                    .deduceEnvironment(false)
                    .banner(false)
                    .properties(properties)
                    .start();
            context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            throw knowledgeProblem(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stopped.countDown();
        }));
        context.findBean(EmbeddedServer.class).ifPresent(server ->
                org.slf4j.LoggerFactory.getLogger(ServeCommand.class).info("dbpick serving on {}", server.getURL()));
        stopped.await();
        return ExitCode.OK;
    }

    /** Micronaut wraps what a bean throws at start; an invalid knowledge folder is exit code 3, not a bug. */
    private static RuntimeException knowledgeProblem(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof KnowledgeException knowledge) {
                return knowledge;
            }
        }
        return e;
    }
}
