package app.hearth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the benchmark ran on, for the report: CPU, cores, memory, JDK, load. */
final class MachineInfo {

    private MachineInfo() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "- CPU: %s, %d logical cores (%s)%n- Memory: %s%n"
                        + "- JDK: %s %s (%s)%n- OS: %s %s%n",
                cpuInfo("model name"), Runtime.getRuntime().availableProcessors(),
                vectorFlags(), memTotal(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    /** The load averages over 1, 5 and 15 minutes, as /proc/loadavg gives them. */
    static String load() {
        List<String> lines = read(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] parts = lines.get(0).split(" ");
        return parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    private static String cpuInfo(String key) {
        for (String line : read(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String vectorFlags() {
        String flags = " " + cpuInfo("flags") + " ";
        StringBuilder found = new StringBuilder();
        for (String flag : List.of("avx2", "fma", "f16c", "avx512f")) {
            found.append(flags.contains(" " + flag + " ") ? flag : "no " + flag).append(' ');
        }
        return found.toString().trim();
    }

    private static String memTotal() {
        for (String line : read(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
