package io.patchbay.devstack;

import io.patchbay.kernel.auth.TeamMembership;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the command line asked for; built by {@link Cli}. */
sealed interface Command {

    /** {@code up [--fresh] [--dir DIR]}: start the stack and keep it running until Ctrl-C. */
    record Up(boolean fresh, Optional<Path> dir) implements Command {
    }

    /** {@code token --user ID [--team TEAM:ROLE ...] [--admin] [--env ENV_ID] [--ttl DURATION]}. */
    record Token(String userId, List<TeamMembership> teams, boolean admin, Optional<String> environmentId,
                 Duration ttl) implements Command {
        public Token {
            Objects.requireNonNull(userId, "userId");
            teams = List.copyOf(teams);
        }

        List<String> roles() {
            return admin ? List.of("admin") : List.of();
        }
    }

    /** {@code status [--dir DIR]}: each service's health. */
    record Status(Optional<Path> dir) implements Command {
    }

    /** {@code events [--dir DIR] [--follow]}: the lifecycle events on the topic, oldest first. */
    record Events(Optional<Path> dir, boolean follow) implements Command {
    }

    /** {@code bench [--quick] [--label TEXT]}: measure a fresh stack, append to docs/benchmarks.md. */
    record Bench(boolean quick, String label) implements Command {
    }

    /** {@code dead-letters [list | replay ID | replay --all] [--dir DIR]}: the consumers' dead letters. */
    record DeadLetters(Optional<Path> dir, Action action, Optional<String> id, boolean all) implements Command {
        enum Action { LIST, REPLAY }
    }

    /** {@code audit [--resource ID] [--actor ID] [--since DURATION] [--limit N] [--dir DIR]}: the four audit trails by time. */
    record Audit(Optional<Path> dir, Optional<String> resource, Optional<String> actor, Optional<Duration> since, int limit)
            implements Command {
        static final int DEFAULT_LIMIT = 100;
    }

    /** {@code help}, {@code --help}, {@code -h} or no arguments. */
    record Help() implements Command {
    }
}
