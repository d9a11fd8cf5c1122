package io.patchbay.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CliTest {

    @Test
    void noArgumentsOrHelpAnywhereIsHelp() {
        assertThat(Cli.parse()).isInstanceOf(Command.Help.class);
        assertThat(Cli.parse("help")).isInstanceOf(Command.Help.class);
        assertThat(Cli.parse("--help")).isInstanceOf(Command.Help.class);
        assertThat(Cli.parse("token", "-h")).isInstanceOf(Command.Help.class);
    }

    @Test
    void upDefaultsAndOptions() {
        assertThat(Cli.parse("up")).isEqualTo(new Command.Up(false, Optional.empty()));
        assertThat(Cli.parse("up", "--fresh", "--dir", "/tmp/x")).isEqualTo(new Command.Up(true, Optional.of(Path.of("/tmp/x"))));
        assertThat(Cli.parse("up", "--dir=data")).isEqualTo(new Command.Up(false, Optional.of(Path.of("data"))));
    }

    @Test
    void statusTakesADirectory() {
        assertThat(Cli.parse("status")).isEqualTo(new Command.Status(Optional.empty()));
        assertThat(Cli.parse("status", "--dir", "d")).isEqualTo(new Command.Status(Optional.of(Path.of("d"))));
        assertThat(Cli.parse("events")).isEqualTo(new Command.Events(Optional.empty(), false));
        assertThat(Cli.parse("events", "--follow", "--dir=d")).isEqualTo(new Command.Events(Optional.of(Path.of("d")), true));
    }

    @Test
    void benchTakesQuickAndALabel() {
        assertThat(Cli.parse("bench")).isEqualTo(new Command.Bench(false, ""));
        assertThat(Cli.parse("bench", "--quick", "--label=after caching")).isEqualTo(new Command.Bench(true, "after caching"));
        assertThatThrownBy(() -> Cli.parse("bench", "--fast")).isInstanceOf(UsageException.class).hasMessageContaining("--fast");
    }

    @Test
    void deadLettersListByDefaultReplayOneOrAll() {
        Command.DeadLetters.Action list = Command.DeadLetters.Action.LIST;
        Command.DeadLetters.Action replay = Command.DeadLetters.Action.REPLAY;
        assertThat(Cli.parse("dead-letters")).isEqualTo(new Command.DeadLetters(Optional.empty(), list, Optional.empty(), false));
        assertThat(Cli.parse("dead-letters", "list", "--dir=d")).isEqualTo(new Command.DeadLetters(Optional.of(Path.of("d")), list,
                Optional.empty(), false));
        assertThat(Cli.parse("dead-letters", "replay", "0b7c")).isEqualTo(new Command.DeadLetters(Optional.empty(), replay,
                Optional.of("0b7c"), false));
        assertThat(Cli.parse("dead-letters", "replay", "--all")).isEqualTo(new Command.DeadLetters(Optional.empty(), replay,
                Optional.empty(), true));
        assertThatThrownBy(() -> Cli.parse("dead-letters", "replay")).isInstanceOf(UsageException.class).hasMessageContaining("ID or --all");
        assertThatThrownBy(() -> Cli.parse("dead-letters", "replay", "a", "--all")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Cli.parse("dead-letters", "replay", "a", "b")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Cli.parse("dead-letters", "list", "--all")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Cli.parse("dead-letters", "list", "x")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Cli.parse("dead-letters", "purge")).isInstanceOf(UsageException.class);
    }

    @Test
    void tokenWithEverything() {
        Command.Token token = (Command.Token) Cli.parse("token", "--user", "u1", "--team", "team_a:owner",
                "--team=team_b:Viewer", "--admin", "--env", "env_1", "--ttl", "30m");
        assertThat(token.userId()).isEqualTo("u1");
        assertThat(token.teams()).containsExactly(new TeamMembership("team_a", TeamRole.OWNER),
                new TeamMembership("team_b", TeamRole.VIEWER));
        assertThat(token.roles()).containsExactly("admin");
        assertThat(token.environmentId()).contains("env_1");
        assertThat(token.ttl()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void tokenDefaults() {
        Command.Token token = (Command.Token) Cli.parse("token", "--user", "u");
        assertThat(token.teams()).isEmpty();
        assertThat(token.roles()).isEmpty();
        assertThat(token.environmentId()).isEmpty();
        assertThat(token.ttl()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void durations() {
        assertThat(Cli.duration("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Cli.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Cli.duration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Cli.duration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Cli.duration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Cli.duration("soon")).isInstanceOf(UsageException.class).hasMessageContaining("--ttl");
        assertThatThrownBy(() -> Cli.duration("0m")).isInstanceOf(UsageException.class).hasMessageContaining("positive");
    }

    @Test
    void teamIdMayContainColonsTheRoleIsAfterTheLast() {
        assertThat(Cli.team("org:team:developer")).isEqualTo(new TeamMembership("org:team", TeamRole.DEVELOPER));
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> Cli.parse("start")).isInstanceOf(UsageException.class).hasMessageContaining("Unknown command: start");
        assertThatThrownBy(() -> Cli.parse("up", "--fast")).isInstanceOf(UsageException.class).hasMessageContaining("--fast");
        assertThatThrownBy(() -> Cli.parse("up", "--dir")).isInstanceOf(UsageException.class).hasMessageContaining("--dir needs a value");
        assertThatThrownBy(() -> Cli.parse("token")).isInstanceOf(UsageException.class).hasMessageContaining("--user ID is required");
        assertThatThrownBy(() -> Cli.parse("token", "--user", "--admin")).isInstanceOf(UsageException.class).hasMessageContaining("--user needs a value");
        assertThatThrownBy(() -> Cli.parse("token", "--user", "u", "--team", "team_a")).isInstanceOf(UsageException.class).hasMessageContaining("TEAM:ROLE");
        assertThatThrownBy(() -> Cli.parse("token", "--user", "u", "--team", "team_a:boss")).isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown team role 'boss'").hasMessageContaining("OWNER");
    }
}
