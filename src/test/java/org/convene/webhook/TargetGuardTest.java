package org.convene.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd12:3456::1", "::ffff:10.0.0.1", "198.18.0.1"})
    void addressesInsideTheNetworkAreRefused(String address) throws Exception {
        assertThat(new TargetGuard(false).allowed(InetAddress.getByName(address))).isFalse();
    }

    /** The metadata address, loopback and private addresses carried inside IPv6, and NAT64's local-use prefix. */
    @ParameterizedTest
    @ValueSource(strings = {
            "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", // NAT64 of 169.254.169.254 and 127.0.0.1
            "2002:7f00:1::1", "2002:a9fe:a9fe::1", // 6to4
            "::127.0.0.1", "::10.0.0.1", // IPv4-compatible
            "::ffff:0:7f00:1", "::ffff:0:a9fe:a9fe", // IPv4-translated (SIIT)
            "2001:0:808:808::80ff:fffe", // Teredo, client 127.0.0.1 (inverted) behind the public server 8.8.8.8
            "2001:0:a00:1::f7f7:f7f7", // Teredo, server 10.0.0.1 for the public client 8.8.8.8
            "64:ff9b:1::808:808", "64:ff9b:1:ffff::1"}) // NAT64 local use, whatever it carries
    void ipv6AddressesCarryingOneInsideAreRefused(String address) throws Exception {
        assertThat(new TargetGuard(false).allowed(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4Address() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 127;
        mapped[15] = 1;
        // InetAddress.getByName makes an Inet4Address of ::ffff:127.0.0.1; this keeps it IPv6.
        assertThat(new TargetGuard(false).allowed(Inet6Address.getByAddress(null, mapped, -1))).isFalse();
        mapped[12] = 8;
        assertThat(new TargetGuard(false).allowed(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::1111", "100.128.0.1",
            "64:ff9b::808:808", "2002:808:808::1", "::8.8.8.8", "::ffff:0:808:808", "2001:0:808:808::f7f7:f7f7",
            "2001:4860:4860::8888", "2001:db8::1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(new TargetGuard(false).allowed(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "169.254.169.254"})
    void allowingPrivateTargetsLetsThemThrough(String address) throws Exception {
        assertThat(new TargetGuard(true).allowed(InetAddress.getByName(address))).isTrue();
    }
}
