package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.WebhookUrl;

import java.net.InetAddress;
import java.util.List;

/** A URL and the addresses its host resolved to when it was checked: the only addresses a delivery may connect to. */
public record VettedTarget(WebhookUrl url, List<InetAddress> addresses) {
    public VettedTarget {
        addresses = List.copyOf(addresses);
    }
}
