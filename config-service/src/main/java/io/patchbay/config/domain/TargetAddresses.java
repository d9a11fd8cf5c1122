package io.patchbay.config.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Which addresses a webhook may be sent to: public unicast only. Refused are loopback, private (RFC 1918, unique local
 * fc00::/7), link-local (169.254/16 with the cloud metadata address 169.254.169.254, fe80::/10), shared CGNAT space
 * (100.64/10, where Alibaba's metadata address lives), unspecified, multicast and broadcast, 0/8, and IPv6 forms that
 * embed such an IPv4 address (IPv4-compatible, 6to4, NAT64).
 */
public final class TargetAddresses {
    private TargetAddresses() {
    }

    /** True when every address is public (and there is at least one). */
    public static boolean allPublic(List<InetAddress> addresses) {
        return !addresses.isEmpty() && addresses.stream().allMatch(TargetAddresses::isPublic);
    }

    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local (AWS metadata fd00:ec2::254)
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 old site-local
            }
            if (allZero(b, 0, 12)) {
                return isPublicV4(slice(b, 12)); // ::a.b.c.d (IPv4-compatible), :: and ::1 already handled
            }
            if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return isPublicV4(slice(b, 12)); // ::ffff:a.b.c.d (IPv4-mapped)
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(slice(b, 2)); // 2002::/16 6to4
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicV4(slice(b, 12)); // 64:ff9b::/96 NAT64
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224) {
            return false; // this network, private, loopback, multicast, reserved and broadcast
        }
        if (a0 == 169 && a1 == 254) {
            return false; // link-local, metadata
        }
        if (a0 == 172 && a1 >= 16 && a1 <= 31) {
            return false;
        }
        if (a0 == 192 && a1 == 168) {
            return false;
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return false; // CGNAT shared space
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return false; // IETF protocol assignments
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return false; // benchmarking
        }
        return true;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[]{b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
