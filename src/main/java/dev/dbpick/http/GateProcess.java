package dev.dbpick.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.TeamFolder;
import dev.dbpick.scenario.Gate;
import dev.dbpick.support.Mappers;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reload gate ({@link Gate}) in a separate, lower-priority JVM with a time limit, so that a
 * rule that loops or burns CPU can neither take the service's memory nor starve its requests,
 * and cannot keep a later reload waiting: when the time is up, the process is killed and the
 * reload rejected. The child runs with the service's own heap, metaspace and stack settings
 * ({@link #memoryOptions}), so knowledge that fits in the gate fits in the service, and knowledge
 * too large for them is rejected there, not in the service. It is kept running between reloads
 * ({@link GateWorker}): it reads one request per line on standard input, a JSON object naming
 * the rules and data folders ("-" for the bundled copy), a team's folder laid over them and its
 * label when there is one ({@code team}, {@code teamLabel}), and, optionally, the service's private
 * folder where it leaves the rules it compiled ({@link CompiledRulesCache}: the service loads
 * them instead of compiling them again, an entry is only stored when it compiled without
 * warnings, and each names the rule files it was built from), and answers each with its verdict
 * as one JSON line on standard output; it ends when its input ends (the service is gone).
 */
public final class GateProcess {

    private static final String BUNDLED = "-";

    private GateProcess() {
    }

    /** The child's entry point: checks the folders of each request line on standard input. */
    public static void main(String[] args) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // Verdicts alone go to standard output; anything else printed goes to standard error.
        PrintStream verdicts = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ObjectWriter writer = Mappers.json().writer().without(SerializationFeature.INDENT_OUTPUT);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = requests.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode request = Mappers.json().readTree(line);
            CompiledRulesCache cache = request.path("cache").isTextual()
                    ? CompiledRulesCache.in(Path.of(request.get("cache").asText())) : CompiledRulesCache.disabled();
            TeamFolder team = request.path("team").isTextual()
                    ? new TeamFolder(request.path("teamLabel").asText(), Path.of(request.get("team").asText())) : null;
            Gate.Verdict verdict = Gate.check(TeamFolder.over(folder("rules", request.path("rules").asText()), team, "rules"),
                    TeamFolder.over(folder("data", request.path("data").asText()), team, "data"), cache).verdict();
            verdicts.println(writer.writeValueAsString(verdict));
            // What the check built is garbage now: give the memory (and the classes) back while idle.
            System.gc();
        }
        System.exit(0);
    }

    private static KnowledgeFolder folder(String name, String path) {
        return BUNDLED.equals(path) ? KnowledgeFolder.bundled(name) : new KnowledgeFolder(name, Path.of(path));
    }

    /**
     * The command that starts a worker: {@code nice}d when the system has it, with the service's
     * memory settings, the serial collector (which gives idle memory back), the quick compiler
     * only (a warm check takes about 0.7 s of CPU with it, about 2 s with the optimising compiler
     * still at work on each revision's new code), and exiting on the first out-of-memory error.
     */
    static List<String> command() {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(memoryOptions());
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), GateProcess.class.getName()));
        return command;
    }

    /** The memory options of this JVM that the checking JVM runs with. */
    static List<String> memoryOptions() {
        return memoryOptions(ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().maxMemory());
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

    /** How a folder is named in a request: its path, or "-" for the bundled copy. */
    static String argument(KnowledgeFolder folder) {
        return folder.root().getFileSystem() == java.nio.file.FileSystems.getDefault() ? folder.root().toString() : BUNDLED;
    }

    static Gate.Verdict rejected(String problem) {
        return new Gate.Verdict(false, null, 0, 0, List.of(problem));
    }
}
