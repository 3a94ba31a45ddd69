package app.hearth.bench;

import java.util.List;
import java.util.Locale;

/** Markdown text built section by section. Not thread-safe. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    Report heading(String title) {
        text.append("\n## ").append(title).append("\n\n");
        return this;
    }

    Report paragraph(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append("\n\n");
        return this;
    }

    Report table(List<String> headers, List<List<String>> rows) {
        row(headers);
        text.append('|');
        headers.forEach(header -> text.append(" --- |"));
        text.append('\n');
        rows.forEach(this::row);
        text.append('\n');
        return this;
    }

    Report raw(String markdown) {
        text.append(markdown);
        return this;
    }

    private void row(List<String> cells) {
        text.append('|');
        cells.forEach(cell -> text.append(' ').append(cell).append(" |"));
        text.append('\n');
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
