package app.hearth.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options and words of one command, parsed from {@code --name value} pairs and bare words.
 * Immutable.
 */
final class CommandLine {

    private final Map<String, String> options;
    private final List<String> words;

    private CommandLine(Map<String, String> options, List<String> words) {
        this.options = options;
        this.words = words;
    }

    /**
     * Parses arguments, accepting only the named options and flags (options without a value).
     *
     * @throws UsageException for an unknown option or a missing value
     */
    static CommandLine parse(List<String> args, Set<String> known, Set<String> flags)
            throws UsageException {
        Map<String, String> options = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                words.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                words.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (flags.contains(name)) {
                options.put(name, "true");
                continue;
            }
            if (!known.contains(name)) {
                throw new UsageException("Unknown option " + arg);
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("Option " + arg + " needs a value");
            }
            options.put(name, args.get(++i));
        }
        return new CommandLine(options, words);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int intOption(String name, int fallback, int min, int max) throws UsageException {
        long value = longOption(name, fallback);
        if (value < min || value > max) {
            throw new UsageException("--" + name + " must be between " + min + " and " + max);
        }
        return (int) value;
    }

    long longOption(String name, long fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, not \"" + value + "\"");
        }
    }

    float floatOption(String name, float fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        float number;
        try {
            number = Float.parseFloat(value.trim());
        } catch (NumberFormatException e) {
            number = Float.NaN;
        }
        if (!Float.isFinite(number)) {
            throw new UsageException("--" + name + " needs a number, not \"" + value + "\"");
        }
        return number;
    }

    List<String> words() {
        return words;
    }
}
