package dev.dbpick.cli;

/**
 * Where log lines go (slf4j-simple, configured before the first logger exists): on the command
 * line only warnings, to standard error, so standard output carries results alone; in the
 * service one line per event to standard output, as services are expected to log.
 */
final class Logs {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logs() {
    }

    static void forCommandLine() {
        setIfAbsent("defaultLogLevel", "warn");
        setIfAbsent("logFile", "System.err");
        quietDroolsReactivityNotes();
    }

    /**
     * Drools notes each constraint that calls a method with a variable from another pattern
     * (class reactivity instead of property reactivity). dbpick never modifies facts, so the
     * note is noise; real problems are compiler results, reported with file and line.
     */
    private static void quietDroolsReactivityNotes() {
        setIfAbsent("log.org.drools.mvel.MVELConstraint", "error");
    }

    static void forService() {
        System.setProperty(PREFIX + "defaultLogLevel", System.getProperty("dbpick.log.level", "info"));
        System.setProperty(PREFIX + "logFile", "System.out");
        System.setProperty(PREFIX + "showDateTime", "true");
        System.setProperty(PREFIX + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty(PREFIX + "showThreadName", "false");
        System.setProperty(PREFIX + "showShortLogName", "true");
        quietDroolsReactivityNotes();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
