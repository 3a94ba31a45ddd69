package app.hearth.memory;

import app.hearth.gguf.GgmlType;
import app.hearth.gguf.GgufModel;
import app.hearth.gguf.GgufReader;
import app.hearth.testsupport.ChildJvm;
import app.hearth.testsupport.GgufWriter;
import app.hearth.testsupport.LoadProbe;
import app.hearth.testsupport.ProbeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures, for generated models, what each engine setting costs in memory and speed: the
 * resident growth after a fresh load, after a short reply and after a prompt that fills the
 * context, with prompt and decode speed. Each run is a fresh worker-like JVM. Run on purpose,
 * not in the build: {@code java -cp <test class path> app.hearth.memory.EngineSettingsSweep
 * [dir] [contexts, e.g. 2048,4096] [settings, e.g. false:512,true:512] [passes]
 * [part of the model's file name] [tokens per reply, 32]}.
 */
public final class EngineSettingsSweep {

    private static final double MIB = 1 << 20;

    private EngineSettingsSweep() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/sweep"));
        List<Integer> contexts = List.of(args.length > 1 ? args[1] : "2048,4096")
                .stream().flatMap(text -> List.of(text.split(",")).stream())
                .map(Integer::parseInt).toList();
        List<EngineSettings> settings = List.of((args.length > 2 ? args[2]
                : "false:512,true:512,false:256,false:128").split(",")).stream()
                .map(EngineSettingsSweep::settingsOf).toList();
        List<Path> models = List.of(
                generate(work, new GgufWriter.Spec(4, 1024, 16, 8, 3072, 4096, GgmlType.F32,
                        512, null, 1)),
                generate(work, new GgufWriter.Spec(8, 1024, 16, 8, 3072, 4096, GgmlType.F16,
                        512, null, 2)),
                generate(work, new GgufWriter.Spec(14, 1024, 16, 8, 3072, 4096, GgmlType.Q8_0,
                        512, null, 3)),
                generate(work, new GgufWriter.Spec(6, 2048, 32, 16, 6144, 4096, GgmlType.Q4_0,
                        512, null, 4)));
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String only = args.length > 4 ? args[4] : "";
        int predict = args.length > 5 ? Integer.parseInt(args[5]) : 32;
        System.out.println("model ctx FA ubatch | MiB grown: loaded short full | estimate "
                + "MiB, est/loaded est/full | prompt tok/s (tokens) | decode tok/s short full "
                + "| load average");
        for (int pass = 0; pass < passes; pass++) {
            // Every other pass runs the settings in reverse, so drift in the machine's load
            // falls on all of them alike.
            List<EngineSettings> order = new ArrayList<>(settings);
            if (pass % 2 == 1) {
                Collections.reverse(order);
            }
            for (Path model : models) {
                if (!model.getFileName().toString().contains(only)) {
                    continue;
                }
                for (int context : contexts) {
                    for (EngineSettings setting : order) {
                        measure(model, context, setting, predict, work);
                    }
                }
            }
        }
    }

    private static EngineSettings settingsOf(String text) {
        String[] parts = text.split(":");
        return new EngineSettings(Boolean.parseBoolean(parts[0]), Integer.parseInt(parts[1]));
    }

    private static Path generate(Path dir, GgufWriter.Spec spec) throws Exception {
        Path file = dir.resolve("sweep-" + spec.type() + "-" + spec.layers() + "x"
                + spec.embd() + ".gguf");
        if (!Files.exists(file)) {
            GgufWriter.write(spec, file);
        }
        return file;
    }

    private static void measure(Path model, int context, EngineSettings settings, int predict,
            Path work) throws Exception {
        GgufModel gguf = GgufReader.read(model);
        double estimate = MemoryEstimator.estimate(gguf, context, settings).totalBytes() / MIB;
        ProbeResult probe = new ProbeResult(ChildJvm.run(LoadProbe.class,
                work.resolve("probe"), 1200, model.toString(), String.valueOf(context),
                String.valueOf(context - predict - 16), String.valueOf(predict),
                String.valueOf(settings.flashAttention()),
                String.valueOf(settings.microBatchTokens())));
        double loaded = probe.grownBytes("loaded") / MIB;
        double full = probe.grownBytes("generated") / MIB;
        ProbeResult.Timing shortReply = probe.timing("short");
        ProbeResult.Timing longReply = probe.timing("long");
        System.out.printf(Locale.ROOT, "%s %d %s %d | %.1f %.1f %.1f | %.1f %.2f %.2f | "
                        + "%.1f (%d) | %.2f %.2f | %s%n",
                model.getFileName(), context, settings.flashAttention() ? "on" : "off",
                settings.microBatchTokens(), loaded, probe.grownBytes("short") / MIB, full,
                estimate, estimate / loaded, estimate / full,
                longReply.promptTokensPerSecond(), longReply.promptTokens(),
                shortReply.decodeTokensPerSecond(), longReply.decodeTokensPerSecond(),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
