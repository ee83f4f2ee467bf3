package org.convene.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd12:3456::1", "::ffff:10.0.0.1", "198.18.0.1"})
    void addressesInsideTheNetworkAreRefused(String address) throws Exception {
        assertThat(new TargetGuard(false).allowed(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::1111", "100.128.0.1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(new TargetGuard(false).allowed(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "169.254.169.254"})
    void allowingPrivateTargetsLetsThemThrough(String address) throws Exception {
        assertThat(new TargetGuard(true).allowed(InetAddress.getByName(address))).isTrue();
    }
}
