package io.patchbay.devstack;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection sending the same GET again and again: the load client of {@code ./patchbay bench}.
 * Deliberately small (a request written once, the answer's status, headers and body read and dropped) so that the load
 * generator costs the 2-core machine as little CPU as {@code wrk} would and the service, not the client, is measured.
 * Reads bodies framed by {@code Content-Length} or chunked; reconnects when the server closes.
 */
final class KeepAliveGet implements Load.Call {

    private final int port;
    private final byte[] request;
    private final int expectedStatus;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveGet(int port, String pathAndQuery, String bearerToken, int expectedStatus) {
        this.port = port;
        this.expectedStatus = expectedStatus;
        this.request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: application/json\r\n"
                + "Authorization: Bearer " + bearerToken + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void call() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        try {
            out.write(request);
            out.flush();
            readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void readResponse() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (closing) {
            close();
        }
        if (status != expectedStatus) {
            throw new IOException("GET answered " + status + ", expected " + expectedStatus);
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed in a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
