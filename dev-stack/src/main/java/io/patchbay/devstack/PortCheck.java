package io.patchbay.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks, before anything starts, that every port the stack wants can be bound; names the culprit otherwise. */
final class PortCheck {

    /** A port one component wants, and the environment variable that moves it. */
    record Claim(String component, int port, String variable) {
    }

    private PortCheck() {
    }

    /** Problems, one line each; empty when every port is free and no two components want the same one. */
    static List<String> problems(List<Claim> claims) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Claim> seen = new HashMap<>();
        for (Claim claim : claims) {
            Claim other = seen.putIfAbsent(claim.port(), claim);
            if (other != null) {
                problems.add("Port " + claim.port() + " is configured for both " + other.component() + " ("
                        + other.variable() + ") and " + claim.component() + " (" + claim.variable()
                        + "); give one of them another port.");
            } else if (!isFree(claim.port())) {
                problems.add("Port " + claim.port() + " (" + claim.component() + ") is already in use"
                        + " - is Patchbay (or something else) already running? Stop it, or pick another port: "
                        + claim.variable() + "=<port> ./patchbay up");
            }
        }
        return problems;
    }

    /**
     * Free when both the wildcard address (what the services bind) and the loopback address (PostgreSQL, Kafka) can
     * be bound right now.
     */
    /** A port nothing listens on now (the operating system's choice). */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("No free port", e);
        }
    }

    static boolean isFree(int port) {
        return canBind(new InetSocketAddress(port)) && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address, 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
