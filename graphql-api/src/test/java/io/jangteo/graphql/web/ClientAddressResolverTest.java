package io.jangteo.graphql.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressResolverTest {

    private final ClientAddressResolver behindProxies =
            new ClientAddressResolver(List.of("10.0.0.0/8", "192.168.1.10", "::1"));

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "10.1.2.3      | 203.0.113.7                         | 203.0.113.7",
            "10.1.2.3      | 198.51.100.1, 203.0.113.7           | 203.0.113.7",
            "10.1.2.3      | 203.0.113.7, 10.9.9.9               | 203.0.113.7",
            "192.168.1.10  | 203.0.113.7, 10.9.9.9               | 203.0.113.7",
            "10.1.2.3      | 10.2.2.2, 10.9.9.9                  | 10.2.2.2",
            "10.1.2.3      | evil.example.com, 203.0.113.7       | 203.0.113.7",
            "10.1.2.3      | 203.0.113.7, not-an-ip              | 10.1.2.3",
            "::1           | 2001:db8::1                         | 2001:db8::1",
            "203.0.113.50  | 1.2.3.4                             | 203.0.113.50",
            "192.168.1.11  | 1.2.3.4                             | 192.168.1.11",
    })
    void believesForwardedForOnlyFromTrustedProxies(String peer, String forwardedFor, String expected) {
        assertThat(behindProxies.resolve(peer, forwardedFor)).isEqualTo(expected);
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientAddressResolver(List.of()).resolve("127.0.0.1", "203.0.113.7")).isEqualTo("127.0.0.1");
    }

    @Test
    void aMissingHeaderLeavesThePeer() {
        assertThat(behindProxies.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
    }

    @Test
    void aMisconfiguredProxyEntryIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ClientAddressResolver(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.internal");
    }
}
