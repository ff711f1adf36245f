package dev.dbpick.ask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.questionnaire.Choice;
import dev.dbpick.questionnaire.Interview;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.QuestionType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Numbered menus read line by line: for pipes, scripts and terminals without cursor control.
 * A number (or a value's name) answers; several are separated by commas or spaces; an empty
 * line keeps the marked default; {@code -} chooses none; {@code ?} shows why the question
 * matters; {@code <} goes back.
 */
public final class LinePrompter implements Prompter {

    private final BufferedReader in;
    private final PrintWriter out;
    private final boolean reviews;
    private final boolean echo;

    /**
     * @param reviews whether to offer the review screen (true for a person at a terminal)
     * @param echo    whether to repeat each line read, so a log of piped answers reads well
     */
    public LinePrompter(BufferedReader in, PrintWriter out, boolean reviews, boolean echo) {
        this.in = in;
        this.out = out;
        this.reviews = reviews;
        this.echo = echo;
    }

    @Override
    public Reply ask(Question question, JsonNode current, boolean canGoBack) {
        List<String> selected = Answers.selected(question, current);
        out.println();
        out.println(question.prompt() + hint(question, canGoBack));
        List<Choice> choices = question.choices();
        for (int i = 0; i < choices.size(); i++) {
            boolean marked = selected.contains(choices.get(i).value());
            out.printf("  %2d) %s%s%n", i + 1, choices.get(i).label(), marked ? "  *" : "");
        }
        while (true) {
            out.print("> ");
            out.flush();
            String line = readLine().strip();
            if (line.equals("?")) {
                out.println(question.help());
                continue;
            }
            if (line.equals("<")) {
                if (canGoBack) {
                    return new Reply.Back();
                }
                out.println("This is the first question; there is nothing to go back to.");
                continue;
            }
            if (line.isEmpty()) {
                return new Reply.Answer(current);
            }
            Optional<Set<String>> parsed = parse(question, line);
            if (parsed.isPresent()) {
                return new Reply.Answer(Answers.of(question, parsed.get()));
            }
            out.println(retry(question));
        }
    }

    @Override
    public Optional<Question> review(Interview interview) {
        List<Question> questions = interview.reviewable();
        out.println();
        out.println("Your answers:");
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            out.printf("  %2d) %-12s %s%n", i + 1, q.field(), Answers.describe(q, interview.current(q)));
        }
        while (true) {
            out.print("Enter shows the ranking; a number changes that answer > ");
            out.flush();
            String line = readLine().strip();
            if (line.isEmpty()) {
                return Optional.empty();
            }
            try {
                int n = Integer.parseInt(line);
                if (n >= 1 && n <= questions.size()) {
                    return Optional.of(questions.get(n - 1));
                }
            } catch (NumberFormatException e) {
                // fall through to the hint
            }
            out.println("Answer with a number from 1 to " + questions.size() + ", or press Enter.");
        }
    }

    @Override
    public boolean reviews() {
        return reviews;
    }

    @Override
    public void note(String line) {
        out.println(line);
        out.flush();
    }

    /** Longest answer line read; anything longer is not an answer typed by a person. */
    static final int MAX_LINE = 1024;

    private String readLine() {
        try {
            String line = boundedLine();
            if (line == null) {
                out.println();
                out.flush();
                throw new AbandonedException("end of input");
            }
            if (echo) {
                out.println(line);
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line without its terminator, null at the end of input; at most {@link #MAX_LINE} characters. */
    private String boundedLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                return line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new InputException("an answer line is longer than " + MAX_LINE + " characters; is standard input a file"
                        + " of answers, one per line?");
            }
            if (c == 0) {
                throw new InputException("standard input holds binary data (a NUL byte), not answers one per line");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static String hint(Question question, boolean canGoBack) {
        String how = switch (question.type()) {
            case SINGLE -> "one number";
            case MULTIPLE -> (question.max() == null ? "numbers" : "up to " + question.max() + " numbers")
                    + (question.ordered() ? " in order of importance" : "") + ", - for none";
            case FLAGS -> "numbers to switch on, - for none";
        };
        return "  (" + how + "; Enter keeps *; ? why it matters" + (canGoBack ? "; < back" : "") + ")";
    }

    /** The values a line selects, or empty when it is not a valid answer. */
    static Optional<Set<String>> parse(Question question, String line) {
        Set<String> chosen = new LinkedHashSet<>();
        if (!line.equals("-")) {
            for (String token : line.split("[,\\s]+")) {
                Optional<String> value = value(question, token);
                if (value.isEmpty() || !chosen.add(value.get())) {
                    return Optional.empty();
                }
            }
        }
        if (question.type() == QuestionType.SINGLE && chosen.size() != 1) {
            return Optional.empty();
        }
        if (question.max() != null && chosen.size() > question.max()) {
            return Optional.empty();
        }
        return Optional.of(chosen);
    }

    private static Optional<String> value(Question question, String token) {
        List<Choice> choices = question.choices();
        try {
            int n = Integer.parseInt(token);
            return n >= 1 && n <= choices.size() ? Optional.of(choices.get(n - 1).value()) : Optional.empty();
        } catch (NumberFormatException e) {
            return question.allows(token) ? Optional.of(token) : Optional.empty();
        }
    }

    private static String retry(Question question) {
        int size = question.choices().size();
        return switch (question.type()) {
            case SINGLE -> "Answer with one number from 1 to " + size + " (or a value: "
                    + String.join(", ", question.values()) + "), ? for help.";
            case MULTIPLE, FLAGS -> "Answer with distinct numbers from 1 to " + size
                    + (question.max() == null ? "" : ", at most " + question.max())
                    + ", separated by commas (or values: " + String.join(", ", question.values()) + "), - for none.";
        };
    }
}
