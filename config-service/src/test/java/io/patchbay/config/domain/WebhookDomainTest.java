package io.patchbay.config.domain;

import io.patchbay.kernel.error.DomainException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookDomainTest {
    @Test
    void onlyPublicAddressesAreTargets() throws Exception {
        for (String refused : List.of("127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                "169.254.1.1", "100.64.0.1", "100.100.100.200", "0.0.0.0", "0.1.2.3", "224.0.0.1", "255.255.255.255", "::1", "::",
                "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:a00:1::", "64:ff9b::a9fe:a9fe",
                "::7f00:1", "192.0.0.8")) {
            assertThat(TargetAddresses.isPublic(InetAddress.getByName(refused))).as(refused).isFalse();
        }
        for (String allowed : List.of("203.0.113.10", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
                "::ffff:8.8.8.8", "2002:808:808::")) {
            assertThat(TargetAddresses.isPublic(InetAddress.getByName(allowed))).as(allowed).isTrue();
        }
        assertThat(TargetAddresses.allPublic(List.of())).isFalse();
        assertThat(TargetAddresses.allPublic(List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1")))).isFalse();
    }

    @Test
    void urlsAreHttpsWithAHostAndNoCredentials() {
        assertThat(WebhookUrl.parse("https://h.example.com:8443/x?y=1", false, "url").port()).isEqualTo(8443);
        assertThat(WebhookUrl.parse("https://[2606:4700::1]/x", false, "url").host()).isEqualTo("2606:4700::1");
        assertThat(WebhookUrl.parse("http://localhost:9/x", true, "url").port()).isEqualTo(9);
        for (String bad : List.of("http://h.example.com/", "https:///x", "https://u:p@h.example.com/", "https://h.example.com/#f", "/relative",
                "javascript:alert(1)", "https://h.example.com/" + "a".repeat(2048))) {
            assertThatThrownBy(() -> WebhookUrl.parse(bad, false, "url")).as(bad).isInstanceOfSatisfying(DomainException.InvalidValue.class,
                    p -> assertThat(p.violations()).extracting("attribute").containsExactly("url"));
        }
    }

    @Test
    void failedAttemptsBackOffFromTenSecondsForADayThenFail() {
        long t0 = 1_000_000L;
        Delivery d = Delivery.queue("dlv_x", "evt_x", DeliveryTarget.WEBHOOK, "hook_x", "icfg_x", WebhookEvent.REMOVED, "{}", t0, RetryPolicy.DEFAULT);
        long now = t0;
        List<Long> waits = new java.util.ArrayList<>();
        while (d.state() == DeliveryState.PENDING) {
            now = d.nextAttemptAt();
            d.claim(now, now + 120_000);
            d.attemptFailed(503, "HTTP 503", 12, now, RetryPolicy.DEFAULT);
            if (d.state() == DeliveryState.PENDING) {
                waits.add(d.nextAttemptAt() - now);
            }
        }
        assertThat(waits.subList(0, 4)).containsExactly(10_000L, 20_000L, 40_000L, 80_000L);
        assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(now - t0).isLessThanOrEqualTo(Duration.ofHours(24).toMillis()).isGreaterThan(Duration.ofHours(12).toMillis());
        assertThat(d.attempts()).isEqualTo(waits.size() + 1);
        assertThat(d.lastStatus()).isEqualTo(503);

        d.redeliver(now, RetryPolicy.DEFAULT);
        assertThat(d.state()).isEqualTo(DeliveryState.PENDING);
        d.claim(now, now + 1);
        d.delivered(204, 3, now);
        assertThat(d.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(d.deliveredAt()).isEqualTo(now);
    }
}
