package dev.dbpick.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.TeamFolder;
import dev.dbpick.scenario.Gate;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reload gate ({@link Gate}) in a separate, lower-priority JVM with a time limit, so
 * that a rule that loops or burns CPU can neither take the service's memory nor starve its
 * requests, and cannot keep a later reload waiting: when the time is up, the process is killed
 * and the reload rejected. The child runs with the service's own heap, metaspace and stack
 * settings ({@link #memoryOptions}), so knowledge that fits in the gate fits in the service, and
 * knowledge too large for them is rejected there, not in the service. The child prints its
 * verdict as one JSON line on standard output.
 */
public final class GateProcess {

    private static final String BUNDLED = "-";
    private static final int MAX_OUTPUT = 1 << 20;

    private GateProcess() {
    }

    /**
     * The child's entry point: {@code GateProcess RULES DATA [TEAM LABEL]}, each of RULES and DATA
     * a folder or "-" for the bundled copy, TEAM a team's folder laid over them, named LABEL.
     */
    public static void main(String[] args) throws JsonProcessingException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        TeamFolder team = args.length > 3 ? new TeamFolder(args[3], Path.of(args[2])) : null;
        Gate.Verdict verdict = Gate.check(TeamFolder.over(folder("rules", args[0]), team, "rules"),
                TeamFolder.over(folder("data", args[1]), team, "data")).verdict();
        System.out.println(Mappers.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(verdict));
        System.exit(0);
    }

    private static KnowledgeFolder folder(String name, String path) {
        return BUNDLED.equals(path) ? KnowledgeFolder.bundled(name) : new KnowledgeFolder(name, Path.of(path));
    }

    /** Checks the folders in a child process; a verdict that rejects when the time is up or the child fails. */
    static Gate.Verdict check(KnowledgeFolder rules, KnowledgeFolder data, Duration limit) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(memoryOptions(ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().maxMemory()));
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), GateProcess.class.getName(), argument(rules), argument(data)));
        if (rules.team() != null) {
            command.addAll(List.of(rules.team().root().toAbsolutePath().getParent().toString(),
                    rules.team().label().substring(0, rules.team().label().lastIndexOf('/'))));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            return rejected("the reload gate could not start a checking process: " + e.getMessage());
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return rejected("the scenarios did not finish within " + limit.toSeconds()
                        + " s: a rule probably loops or burns CPU (dbpick.gate-timeout-seconds sets the limit)");
            }
            String verdict = out.get(5, TimeUnit.SECONDS).lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("");
            if (verdict.isEmpty()) {
                String errors = err.get(5, TimeUnit.SECONDS);
                java.util.regex.Matcher memory = java.util.regex.Pattern.compile("OutOfMemoryError: ([^\\r\\n]+)").matcher(errors);
                if (memory.find()) {
                    return rejected("the knowledge does not fit in the service's memory: checking it ran out of memory ("
                            + memory.group(1).strip() + ") with the service's settings " + String.join(" ", memoryOptions(
                            ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().maxMemory())));
                }
                String reason = errors.lines().filter(l -> !l.isBlank()).findFirst()
                        .orElse("exit code " + process.exitValue());
                return rejected("the checking process failed: " + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason));
            }
            return Mappers.json().readValue(verdict, Gate.Verdict.class);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return rejected("the reload was interrupted");
        } catch (Exception e) {
            process.destroyForcibly();
            return rejected("the checking process gave no verdict");
        }
    }

    /** The service's own options that bound memory: heap, metaspace, code cache, stacks, direct memory. */
    private static final List<String> MEMORY = List.of("-Xmx", "-Xss", "-XX:MaxMetaspaceSize=", "-XX:CompressedClassSpaceSize=",
            "-XX:ReservedCodeCacheSize=", "-XX:MaxDirectMemorySize=", "-XX:ThreadStackSize=", "-XX:MaxRAM=",
            "-XX:MaxRAMPercentage=", "-XX:MaxHeapSize=");

    /**
     * The options the checking JVM runs with so that what fits in the gate fits in the service:
     * the service's own memory options, and its maximum heap when it set none (the JVM chose it).
     */
    static List<String> memoryOptions(List<String> serviceOptions, long maxHeapBytes) {
        List<String> options = new ArrayList<>();
        for (String option : serviceOptions) {
            if (MEMORY.stream().anyMatch(option::startsWith)) {
                options.add(option);
            }
        }
        boolean heapSet = options.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize=")
                || o.startsWith("-XX:MaxRAM"));
        if (!heapSet && maxHeapBytes > 0 && maxHeapBytes != Long.MAX_VALUE) {
            options.add(0, "-Xmx" + Math.max(16, maxHeapBytes >> 20) + "m");
        }
        return options;
    }

    private static String argument(KnowledgeFolder folder) {
        return folder.root().getFileSystem() == java.nio.file.FileSystems.getDefault() ? folder.root().toString() : BUNDLED;
    }

    private static Gate.Verdict rejected(String problem) {
        return new Gate.Verdict(false, null, 0, 0, List.of(problem));
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                byte[] bytes = stream.readNBytes(MAX_OUTPUT);
                stream.transferTo(java.io.OutputStream.nullOutputStream());
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
