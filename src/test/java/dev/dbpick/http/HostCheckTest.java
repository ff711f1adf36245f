package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service listens on loopback by default and answers only requests addressed to one of its
 * names (against DNS rebinding): localhost, 127.0.0.1, [::1], an IP address, or a name of
 * {@code dbpick.allowed-hosts}; any other Host gets 421 problem details.
 */
class HostCheckTest extends ServiceTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(knowledge.properties());
        properties.put("dbpick.allowed-hosts", "dbpick.internal.example, Other-Name");
        return properties;
    }

    @Test
    void itListensOnLoopbackByDefault() {
        assertEquals("127.0.0.1", server.getHost());
    }

    @Test
    void aRequestForAnotherHostNameIsRefusedWith421() throws IOException {
        String answer = healthFor("evil.example.com");
        assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("Host \\\"evil.example.com\\\" is not a name of this service"), answer);
    }

    @Test
    void itsOwnNamesAndIpAddressesAreAnswered() throws IOException {
        for (String host : new String[] {"localhost:" + server.getPort(), "127.0.0.1", "[::1]:" + server.getPort(), "LOCALHOST.",
            "10.1.2.3:8080", "dbpick.internal.example", "other-name:443"}) {
            String answer = healthFor(host);
            assertTrue(answer.startsWith("HTTP/1.1 200"), host + ": " + answer);
        }
    }

    /** GET /health with the given Host header, over a plain socket (HTTP clients set Host themselves). */
    private String healthFor(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
