package app.hearth.workerclient;

import app.hearth.protocol.DoneEvent;
import app.hearth.protocol.ModelOptions;
import app.hearth.protocol.Sampling;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The UI side of Hearth in a process of its own, without a window: starts the real worker,
 * streams a long reply, prints {@code WORKER <pid>} once words arrive, and then ends as told:
 * {@code wait} (until killed), {@code halt} (a crash: no shutdown hooks) or {@code close}
 * (a normal quit in the middle of the reply).
 */
public final class UiProcessStandIn {

    public static void main(String[] args) throws Exception {
        // stdout carries the lines the test reads; logs go to stderr.
        app.hearth.app.Logging.toStderr();
        String ending = args[0];
        String model = args[1];
        WorkerService service = new WorkerService(WorkerLauncher.javaMain(
                WorkerLauncher.WORKER_MAIN, WorkerLauncher.workerJvmOptions(null)),
                Runnable::run);
        CountDownLatch words = new CountDownLatch(1);
        service.generate(model, "Once upon a time", Sampling.DEFAULT.withMaxTokens(1500),
                ModelOptions.DEFAULT, List.of(), new GenerationListener() {
                    @Override
                    public void onToken(String text) {
                        words.countDown();
                    }

                    @Override
                    public void onDone(DoneEvent done) {
                    }

                    @Override
                    public void onError(WorkerError error) {
                        System.out.println("ERROR " + error.message());
                    }
                });
        if (!words.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            System.out.println("ERROR no words within 60 s");
            System.exit(2);
        }
        System.out.println("WORKER " + service.workerPid().orElseThrow());
        System.out.flush();
        switch (ending) {
            case "halt" -> Runtime.getRuntime().halt(1);
            case "close" -> {
                service.close();
                System.out.println("CLOSED");
                System.exit(0);
            }
            default -> new CountDownLatch(1).await();
        }
    }
}
