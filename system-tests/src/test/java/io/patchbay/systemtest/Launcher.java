package io.patchbay.systemtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./patchbay} run from the repository root as a child process, its output collected line by line. */
final class Launcher implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private Launcher(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "patchbay-output");
        reader.setDaemon(true);
        reader.start();
    }

    static Launcher start(Map<String, String> env, String... args) {
        Path root = repositoryRoot();
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("patchbay").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            return new Launcher(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nearest directory above the working directory that holds the {@code patchbay} script. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("patchbay")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No ./patchbay above " + Path.of("").toAbsolutePath());
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                System.out.println("[patchbay] " + line);
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    Process process() {
        return process;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String output() {
        return String.join("\n", lines);
    }

    /** The services the {@code up} banner lists, e.g. {@code "  config-service       http://localhost:18081"}. */
    Map<String, Integer> servicePorts() {
        Map<String, Integer> services = new LinkedHashMap<>();
        Pattern banner = Pattern.compile("\\s+([a-z]+-service)\\s+http://localhost:(\\d+)");
        for (String line : lines) {
            Matcher matcher = banner.matcher(line);
            if (matcher.matches()) {
                services.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
        }
        return services;
    }

    boolean printed(String line) {
        return lines.contains(line);
    }

    /** SIGINT, as Ctrl-C in a terminal would send it to the launcher. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("./patchbay did not exit within " + seconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Whatever a failed test left running is killed, children first. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isFree(int port) {
        for (InetSocketAddress address : List.of(new InetSocketAddress(port),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(address);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
