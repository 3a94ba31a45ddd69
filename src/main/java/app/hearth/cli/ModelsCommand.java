package app.hearth.cli;

import app.hearth.app.AppPaths;
import app.hearth.memory.MemoryBudget;
import app.hearth.memory.ProcessMemory;
import app.hearth.models.FitVerdict;
import app.hearth.models.ModelCatalog;
import app.hearth.models.ModelEntry;
import app.hearth.models.ModelFormat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code hearth models [--dir FOLDER]}: lists the models a folder holds, one a line, with what
 * their headers say, their memory estimate and whether they fit the default budget; then each
 * bad file with its reason.
 */
public final class ModelsCommand extends Subcommand<Path> {

    static final String USAGE = """
            Usage: hearth models [--dir FOLDER]
              Lists the .gguf models in FOLDER (default: the models folder) with their
              architecture, parameters, quantization, context, size, memory estimate and
              whether they fit the default memory budget; bad files are listed with why.
            """;

    private static final List<String> HEADINGS = List.of("FILE", "NAME", "ARCH", "PARAMS",
            "QUANT", "CONTEXT", "SIZE", "ESTIMATE", "FIT");
    /** Columns whose values are numbers, aligned to the right. */
    private static final Set<Integer> NUMBERS = Set.of(3, 5, 6, 7);
    private static final int NAME_WIDTH = 28;

    /**
     * @param out   receives the list
     * @param err   receives messages for people
     * @param paths where the default models folder is
     */
    public ModelsCommand(PrintStream out, PrintStream err, AppPaths paths) {
        super("models", USAGE, out, err, paths);
    }

    @Override
    protected Path parse(List<String> args) throws UsageException {
        CommandLine line = CommandLine.parse(args, Set.of("dir"), Set.of());
        return Path.of(line.option("dir", paths.models().toString()));
    }

    @Override
    protected int execute(Path folder) {
        if (!Files.isDirectory(folder)) {
            complain(folder + " is not a folder");
            return ExitCode.FAILED;
        }

        List<ModelEntry> entries = ModelCatalog.scan(List.of(folder), List.of());
        if (entries.isEmpty()) {
            err.println("No .gguf models in " + folder + "; see models/README.md for where to "
                    + "get one.");
            return ExitCode.OK;
        }
        ProcessMemory.Reading system = new ProcessMemory().read();
        long budget = MemoryBudget.defaultFor(system.systemTotalBytes());
        printModels(entries, budget, system.systemAvailableBytes());
        printBadFiles(entries);
        return ExitCode.OK;
    }

    private void printModels(List<ModelEntry> entries, long budget, long available) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        entries.stream().filter(ModelEntry::readable)
                .forEach(entry -> rows.add(cells(entry, budget, available)));
        if (rows.size() == 1) {
            return;
        }
        int[] widths = new int[HEADINGS.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        rows.forEach(row -> out.println(line(row, widths)));
        out.println();
        out.println("FIT is against the default memory budget of " + ModelFormat.size(budget)
                + " and the " + ModelFormat.size(available) + " the system has available;");
        out.println("ESTIMATE is the memory a model takes at the CONTEXT it loads with.");
    }

    private void printBadFiles(List<ModelEntry> entries) {
        List<ModelEntry> bad = entries.stream().filter(entry -> !entry.readable()).toList();
        if (bad.isEmpty()) {
            return;
        }
        out.println();
        out.println("Not usable:");
        bad.forEach(entry -> out.println("  " + entry.fileName() + ": " + entry.problem()));
    }

    private static List<String> cells(ModelEntry entry, long budget, long available) {
        FitVerdict fit = FitVerdict.judge(entry.estimatedBytes(), budget, available, 0);
        return List.of(entry.fileName(), shorten(entry.header().name()),
                String.valueOf(entry.header().architecture()),
                ModelFormat.parameters(entry.header().parameterCount()),
                entry.header().fileType(),
                ModelFormat.context(entry.contextTokens()),
                ModelFormat.size(entry.sizeBytes()),
                ModelFormat.size(entry.estimatedBytes()),
                fit.label());
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean last = i == cells.size() - 1;
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(NUMBERS.contains(i) ? pad + cell : last ? cell : cell + pad);
            if (!last) {
                line.append("  ");
            }
        }
        return line.toString();
    }

    private static String shorten(String name) {
        String oneLine = name.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= NAME_WIDTH ? oneLine
                : oneLine.substring(0, NAME_WIDTH - 1) + "…";
    }
}
