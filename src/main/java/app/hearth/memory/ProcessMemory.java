package app.hearth.memory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the memory figures of this process and of the system. On Linux they come from
 * {@code /proc}; elsewhere from the JDK's operating-system bean, and what it cannot tell is -1.
 * Cheap enough to call every second; thread-safe.
 */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    /** One reading; all sizes in bytes, -1 where unknown. */
    public record Reading(
            long residentBytes, long anonymousBytes, long fileBackedBytes, long heapUsedBytes,
            long systemTotalBytes, long systemAvailableBytes) {
    }

    /** Takes a reading now. */
    public Reading read() {
        List<String> status = readLines(STATUS);
        List<String> meminfo = readLines(MEMINFO);
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();

        long total = kilobytes(meminfo, "MemTotal:");
        long available = kilobytes(meminfo, "MemAvailable:");
        if (total < 0) {
            total = osBeanTotal();
            available = osBeanFree();
        }
        return new Reading(
                kilobytes(status, "VmRSS:"), kilobytes(status, "RssAnon:"),
                sum(kilobytes(status, "RssFile:"), kilobytes(status, "RssShmem:")),
                heapUsed, total, available);
    }

    private static long sum(long a, long b) {
        if (a < 0) {
            return -1;
        }
        return b < 0 ? a : a + b;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    private static long kilobytes(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static long osBeanTotal() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean bean) {
            return bean.getTotalMemorySize();
        }
        return -1;
    }

    private static long osBeanFree() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean bean) {
            return bean.getFreeMemorySize();
        }
        return -1;
    }
}
