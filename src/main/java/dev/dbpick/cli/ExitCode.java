package dev.dbpick.cli;

/** The process exit codes, as documented in {@code --help} and the README. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int KNOWLEDGE = 3;
    /** The user left the questionnaire (Ctrl-C or end of input), as shells report an interrupt. */
    public static final int ABANDONED = 130;

    private ExitCode() {
    }
}
