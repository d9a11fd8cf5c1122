package io.patchbay.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code ./patchbay} command: {@code up}, {@code token}, {@code status}, {@code events}, {@code dead-letters}, {@code audit},
 * {@code bench}, {@code help}. Plain Java on purpose (no
 * framework to start). The repository root comes from {@code -Dpatchbay.root} (set by the script), else the current
 * directory.
 */
public final class Patchbay {

    private Patchbay() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("patchbay.root", "")).toAbsolutePath();
        int code = run(args, System.getenv(), root, System.out, System.err);
        System.out.flush();
        // Kafka's threads are not daemons: end the JVM explicitly (shutdown hooks are idempotent no-ops by now)
        System.exit(code);
    }

    static int run(String[] args, Map<String, String> env, Path root, PrintStream out, PrintStream err) {
        try {
            Settings settings = new Settings(root, env);
            return switch (Cli.parse(args)) {
                case Command.Help help -> {
                    out.print(Cli.USAGE);
                    yield 0;
                }
                case Command.Token token -> {
                    out.println(Tokens.mint(settings, token));
                    yield 0;
                }
                case Command.Status status -> StatusCommand.run(settings, settings.dataDir(status.dir()), out);
                case Command.Events events -> EventsCommand.run(settings, settings.dataDir(events.dir()), events.follow(), out, err);
                case Command.DeadLetters deadLetters -> DeadLettersCommand.run(settings, settings.dataDir(deadLetters.dir()), deadLetters, out, err);
                case Command.Audit audit -> AuditCommand.run(settings, settings.dataDir(audit.dir()), audit, out, err);
                case Command.Up up -> new DevStack(settings, settings.dataDir(up.dir()), out, err).up(up.fresh());
                case Command.Bench bench -> new Bench(settings, bench.quick(), bench.label(), out, err).run();
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.print(Cli.USAGE);
            return 2;
        }
    }
}
