package io.jitar.repository.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request target byte for byte ({@code /../x}, {@code /a\b}): java.net.http normalizes or
 * refuses such paths before they leave the test, so an attack would never reach the server.
 */
final class RawHttp {

    /** Status line code and the rest of the answer, headers included. */
    record Answer(int status, String text) {
    }

    private RawHttp() {
    }

    static Answer get(int port, String target) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + target, e);
        }
    }
}
