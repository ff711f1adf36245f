package dev.dbpick.cli;

import dev.dbpick.support.KnowledgeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
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
            "(DBPICK_ADMIN_TOKEN, DBPICK_RULES, DBPICK_DATA, DBPICK_HOST, DBPICK_ALLOWED_HOSTS,",
            "MICRONAUT_SERVER_PORT) or -D properties. Listens on 127.0.0.1 unless told otherwise.",
            "Logs: one line per event on standard output."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:internal error", "2:bad usage", "3:invalid rules or data at start"})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: 8080, or micronaut.server.port).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: 127.0.0.1, or DBPICK_HOST); 0.0.0.0 for every"
            + " interface, as in a container. Requests must name the service by localhost, an IP address or a name of"
            + " DBPICK_ALLOWED_HOSTS (else 421).")
    String host;

    @Option(names = "--rules", paramLabel = "DIR", description = "Folder of rules (default: ./rules if present, else bundled).")
    String rules;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of data (default: ./data if present, else bundled).")
    String data;

    @Option(names = "--team", paramLabel = "DIR", description = "A team's rules/ and data/ on top of the knowledge, watched and"
            + " gated like it (default: $DBPICK_TEAM).")
    String team;

    @Override
    public Integer call() throws InterruptedException {
        Logs.forService();
        Map<String, Object> properties = new HashMap<>();
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        if (host != null) {
            properties.put("dbpick.host", host);
        }
        if (rules != null) {
            properties.put("dbpick.rules", rules);
        }
        if (data != null) {
            properties.put("dbpick.data", data);
        }
        if (team != null) {
            properties.put("dbpick.team", team);
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new UsageException("--port " + port + " is not a port number: use 1 to 65535 (0 for any free port)");
        }
        // ApplicationContext rather than Micronaut.run: the latter exits the JVM on a start-up
        // error, where an invalid knowledge folder must be reported like on the command line.
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .banner(false)
                .properties(properties)
                .build();
        String configured = port != null ? String.valueOf(port) : "8080";
        try {
            context.getEnvironment().start();
            checkSettings(context.getEnvironment());
            configured = context.getEnvironment().getProperty("micronaut.server.port", String.class).orElse(configured);
            context.start();
            context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw startupProblem(e, configured, context.getEnvironment().getProperty("micronaut.server.host", String.class)
                    .orElse(host));
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

    /** The settings read as numbers or flags, with the smallest value each allows. */
    private static final Map<String, Integer> NUMBERS = Map.of(
            "micronaut.server.port", 0,
            "dbpick.debounce-millis", 0,
            "dbpick.result-cache-size", 0,
            "dbpick.result-cache-mib", 0,
            "dbpick.request-timeout-seconds", 1,
            "dbpick.gate-timeout-seconds", 5,
            "dbpick.ranking-timeout-seconds", 1,
            "dbpick.ranking-threads", 1,
            "dbpick.warm-up-seconds", 0);

    /**
     * A setting that is not a number, or out of range, is a usage error naming the setting and
     * where it can come from; Micronaut would otherwise fail deep in dependency injection, or
     * silently treat it as unset.
     */
    private static void checkSettings(Environment environment) {
        for (Map.Entry<String, Integer> setting : new java.util.TreeMap<>(NUMBERS).entrySet()) {
            String key = setting.getKey();
            String value = environment.getProperty(key, String.class).orElse(null);
            if (value == null) {
                continue;
            }
            Integer number = parse(value.strip());
            int max = key.endsWith(".port") ? 65535 : Integer.MAX_VALUE;
            if (number == null || number < setting.getValue() || number > max) {
                throw new UsageException("setting " + key + " = \"" + dev.dbpick.support.Text.truncate(value, 40)
                        + "\" is not " + (max == 65535 ? "a port number (0 to 65535)" : "a whole number of at least " + setting.getValue())
                        + "; it comes from " + environmentName(key) + ", -D" + key + " or application.yml");
            }
        }
        String watch = environment.getProperty("dbpick.watch", String.class).orElse("true").strip();
        if (!watch.equalsIgnoreCase("true") && !watch.equalsIgnoreCase("false")) {
            throw new UsageException("setting dbpick.watch = \"" + dev.dbpick.support.Text.truncate(watch, 40)
                    + "\" is not true or false; it comes from DBPICK_WATCH, -Ddbpick.watch or application.yml");
        }
    }

    private static Integer parse(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * What went wrong at start, for the user: an invalid knowledge folder is exit code 3; a port
     * in use or a setting Micronaut cannot convert is a usage error; anything else stays internal.
     */
    private static RuntimeException startupProblem(RuntimeException e, String port, String host) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof KnowledgeException knowledge) {
                return knowledge;
            }
            if (cause instanceof java.net.BindException bind && !String.valueOf(bind.getMessage()).contains("in use")) {
                return new UsageException("cannot listen on host " + host + ", port " + port + ": " + bind.getMessage()
                        + "; use an address of this machine (--host, DBPICK_HOST), 0.0.0.0 for all");
            }
            if (cause instanceof java.net.BindException) {
                return new UsageException("port " + port + " is already in use: stop what listens there, or choose another with"
                        + " --port or MICRONAUT_SERVER_PORT");
            }
            if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).startsWith("port out of range")) {
                return new UsageException("port " + port + " is not a port number: use 1 to 65535 (0 for any free port)");
            }
            String message = String.valueOf(cause.getMessage());
            int convert = message.indexOf("Error resolving property value [");
            if (convert >= 0) {
                String line = message.substring(convert).lines().findFirst().orElse("");
                return new UsageException("bad setting: " + dev.dbpick.support.Text.truncate(line.replace("Error resolving property value ", ""), 160));
            }
        }
        return e;
    }
}
