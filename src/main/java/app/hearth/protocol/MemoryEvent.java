package app.hearth.protocol;

/**
 * The worker's memory gauges, sent about once a second and on every change. All sizes are in
 * bytes; a value the operating system does not tell is -1.
 *
 * @param residentBytes     the worker's resident set
 * @param anonymousBytes    the anonymous part of the resident set
 * @param fileBackedBytes   the file-backed part of the resident set (mapped files; models
 *                          are read into anonymous memory)
 * @param heapUsedBytes     the worker's Java heap in use
 * @param systemTotalBytes  physical memory
 * @param systemAvailableBytes memory the system can still give without swapping
 * @param budgetBytes       what the cached models may take together
 * @param pressure          {@code normal}, {@code elevated} or {@code critical}
 */
public record MemoryEvent(
        long residentBytes, long anonymousBytes, long fileBackedBytes, long heapUsedBytes,
        long systemTotalBytes, long systemAvailableBytes, long budgetBytes, String pressure)
        implements Event {
}
