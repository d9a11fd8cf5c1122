package io.patchbay.infra.embedded;

import com.sun.security.auth.module.UnixSystem;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL refuses to run as root. When we are root, its programs run through {@code unshare -U}: a new user
 * namespace with no uid mapping, in which the process appears as the overflow user (65534, "nobody") and so do
 * the root-owned files it touches, so the "data directory owned by the current user" check passes while the
 * kernel still grants access as the real owner. No chown, no extra OS user. {@code unshare -U -r} would not do:
 * it maps us to root again.
 */
final class Unprivileged {

    private static final boolean ROOT = new UnixSystem().getUid() == 0;

    private Unprivileged() {
    }

    static boolean needed() {
        return ROOT;
    }

    static List<String> command(String executable, List<String> args) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(executable);
        command.addAll(args);
        return command;
    }
}
