package io.jitar.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import io.jitar.testing.ListeningSockets;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A Payara Server domain of its own for a system test, under {@code target/}: created with
 * {@code asadmin create-domain --portbase N} on a free block of 100 loopback ports, locked down
 * before its first start (loopback only, Hazelcast, phone-home, JMS and JMX off, small heap), started
 * and stopped with asadmin. Every asadmin call runs the distribution's CLI jar with the JDK that
 * runs the test and {@code HZ_PHONE_HOME_ENABLED=false}; its output goes to
 * {@code target/payara-domains/asadmin.log}.
 * <p>
 * <b>Ports.</b> {@code --portbase N} gives admin = N+48, HTTP = N+80, HTTPS = N+81, IIOP = N+37..39,
 * JMS = N+76, JMX = N+86, OSGi shell = N+66, debugger = N+9, Hazelcast = N+49 and N+59. N is a
 * multiple of 100 below the kernel's ephemeral port range (so no port a client or a
 * {@code FreePorts.next()} elsewhere in the build gets at random), and every one of its 100 ports
 * must be free for a bind on all interfaces when it is chosen.
 * <p>
 * <b>Why domain.xml is edited and not set with asadmin.</b> {@code set}, {@code create-jvm-options},
 * {@code set-hazelcast-configuration} and {@code disable-phone-home} are remote commands: they need
 * a running server, and a first start with the defaults would already have listened on 0.0.0.0,
 * started Hazelcast and phoned home (at SERVER_READY). So the same settings are written into the
 * new domain's {@code domain.xml} before its first start; once it runs, asadmin reads them back
 * ({@link #asadmin}) and the test checks what really listens ({@link #listeningSockets()}).
 */
final class PayaraServerDomain implements AutoCloseable {

    static final int ADMIN_OFFSET = 48;
    static final int HTTP_OFFSET = 80;
    private static final String NAME = "jitar";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** The JVM flags of PAYARA-NOTES for tests (fast start-up, small heap) plus Hazelcast's phone-home off. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dhazelcast.phone.home.enabled=false");
    private static final String HEAP = "-Xmx384m";

    private final Path home;
    private final Path domains;
    private final Path asadminLog;
    private final int portBase;
    private final Thread killOnExit;
    private boolean started;

    private PayaraServerDomain(Path home, Path domains, int portBase) {
        this.home = home;
        this.domains = domains;
        this.asadminLog = domains.resolve("asadmin.log");
        this.portBase = portBase;
        this.killOnExit = new Thread(this::killServer, "kill-payara-" + NAME);
    }

    /** Creates and locks down the domain in {@code domains} (a fresh folder); does not start it. */
    static PayaraServerDomain create(Path home, Path domains) {
        if (!Files.isRegularFile(home.resolve("glassfish/lib/client/appserver-cli.jar"))) {
            throw new IllegalStateException("No Payara Server at " + home + " (mvn verify unpacks it in pre-integration-test)");
        }
        try {
            deleteRecursively(domains);
            Files.createDirectories(domains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PayaraServerDomain domain = new PayaraServerDomain(home, domains, freePortBase());
        domain.asadminLocal("create-domain", "--nopassword", "--checkports=true",
                "--portbase", Integer.toString(domain.portBase), "--domaindir", domains.toString(), NAME);
        domain.lockDown();
        return domain;
    }

    int portBase() {
        return portBase;
    }

    int adminPort() {
        return portBase + ADMIN_OFFSET;
    }

    int httpPort() {
        return portBase + HTTP_OFFSET;
    }

    Path domainXml() {
        return domains.resolve(NAME).resolve("config/domain.xml");
    }

    Path serverLog() {
        return domains.resolve(NAME).resolve("logs/server.log");
    }

    /** {@code asadmin start-domain}: returns when the DAS answers. */
    void start() {
        Runtime.getRuntime().addShutdownHook(killOnExit);
        started = true;
        asadminLocal("start-domain", "--domaindir", domains.toString(), NAME);
    }

    /** A remote asadmin command against this domain's admin port on 127.0.0.1; returns its output. */
    String asadmin(String... command) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(adminPort()),
                "--user", "admin", "--interactive=false"));
        args.addAll(List.of(command));
        return run(args, COMMAND_TIMEOUT);
    }

    /** The server's PID, from the pid file the server writes. */
    OptionalLong pid() {
        Path pidFile = domains.resolve(NAME).resolve("config/pid");
        try {
            return Files.isRegularFile(pidFile)
                    ? OptionalLong.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** What the server process listens on (Linux only; empty elsewhere). */
    Optional<List<InetSocketAddress>> listeningSockets() {
        OptionalLong pid = pid();
        return pid.isPresent() ? ListeningSockets.of(pid.getAsLong()) : Optional.empty();
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(serverLog(), StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no server log at " + serverLog() + ")";
        }
    }

    /**
     * {@code asadmin stop-domain}; if the server is still alive after that, it is ended by its PID
     * (never by name): first SIGTERM, then SIGKILL.
     */
    @Override
    public void close() {
        if (!started) {
            return;
        }
        try {
            asadminLocal("stop-domain", "--domaindir", domains.toString(), NAME);
        } catch (RuntimeException e) {
            System.err.println("stop-domain failed, ending the server by its PID: " + e.getMessage());
        } finally {
            killServer();
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
        }
    }

    private void killServer() {
        OptionalLong pid = pid();
        if (pid.isEmpty()) {
            return;
        }
        ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).ifPresent(server -> {
            server.destroy();
            if (!waitForExit(server, Duration.ofSeconds(20))) {
                server.destroyForcibly();
                waitForExit(server, Duration.ofSeconds(10));
            }
        });
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private String asadminLocal(String... command) {
        return run(List.of(command), command[0].equals("stop-domain") ? STOP_TIMEOUT : COMMAND_TIMEOUT);
    }

    /** Runs the CLI jar directly (the {@code bin/asadmin} script does the same; an unpacked zip may lack exec bits). */
    private String run(List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", home.resolve("glassfish/lib/client/appserver-cli.jar").toString()));
        command.addAll(args);
        try {
            Path output = Files.createTempFile(domains, "asadmin-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            Map<String, String> env = builder.environment();
            env.put("AS_JAVA", System.getProperty("java.home"));
            env.put("HZ_PHONE_HOME_ENABLED", "false");
            long begin = System.nanoTime();
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.ISO_8859_1);
            Files.delete(output);
            String shown = args.stream().map(a -> a.contains("trust-key") ? a.replaceAll("trust-key=[^:]*", "trust-key=***") : a)
                    .collect(Collectors.joining(" "));
            Files.writeString(asadminLog, String.format("$ asadmin %s   (%d ms)%n%s%n", shown,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), text), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (!finished) {
                throw new IllegalStateException("asadmin " + shown + " did not finish within " + timeout.toSeconds() + " s:\n" + text);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + shown + " failed (exit " + process.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The first start must already be loopback-only and quiet: see the class comment. */
    private void lockDown() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(domainXml().toFile());
            Element config = serverConfig(document);

            // Every listener of the DAS on 127.0.0.1 only: HTTP, HTTPS, admin, IIOP, JMX.
            for (String tag : List.of("network-listener", "iiop-listener", "jmx-connector")) {
                for (Element listener : elements(config, tag)) {
                    listener.setAttribute("address", "127.0.0.1");
                }
            }
            // Nothing here uses JMX (asadmin talks HTTP to the admin port); on 127.0.0.1 its RMI connector
            // also logs a SEVERE NotBoundException at every stop.
            for (Element jmx : elements(config, "jmx-connector")) {
                jmx.setAttribute("enabled", "false");
            }
            // The Hazelcast data grid off (set-hazelcast-configuration --enabled=false).
            child(config, "hazelcast-config-specific-configuration").setAttribute("enabled", "false");
            // Payara's phone-home off (disable-phone-home); it would call out at SERVER_READY.
            child(config, "phone-home-runtime-configuration").setAttribute("enabled", "false");
            // No JMS broker: its lazy listener binds 0.0.0.0:N+76 whatever the host says, and nothing here uses JMS.
            child(config, "jms-service").setAttribute("type", "DISABLED");
            // The embedded H2 databases (the default datasource the showcase's JPA uses, the EJB timer
            // store) come with AUTO_SERVER=TRUE, which opens an H2 TCP server on every interface at the
            // first connection: one process uses them here, so no server is needed.
            for (Element property : elements(document.getDocumentElement(), "property")) {
                if ("URL".equals(property.getAttribute("name")) && property.getAttribute("value").contains(";AUTO_SERVER=TRUE")) {
                    property.setAttribute("value", property.getAttribute("value").replace(";AUTO_SERVER=TRUE", ""));
                }
            }
            // Small heap and fast start-up flags, Hazelcast's own phone-home off (create-jvm-options).
            Element javaConfig = child(config, "java-config");
            for (Element option : elements(javaConfig, "jvm-options")) {
                if (option.getTextContent().trim().startsWith("-Xmx")) {
                    option.setTextContent(HEAP);
                }
            }
            for (String option : JVM_OPTIONS) {
                Element element = document.createElement("jvm-options");
                element.setTextContent(option);
                javaConfig.appendChild(element);
            }

            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(domainXml().toFile()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot lock down " + domainXml(), e);
        }
    }

    private static Element serverConfig(Document document) {
        for (Element config : elements(document.getDocumentElement(), "config")) {
            if ("server-config".equals(config.getAttribute("name"))) {
                return config;
            }
        }
        throw new IllegalStateException("domain.xml has no server-config");
    }

    /** The first direct child named {@code tag}, created when there is none. */
    private static Element child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        Element element = parent.getOwnerDocument().createElement(tag);
        parent.appendChild(element);
        return element;
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    /** A multiple of 100 below the ephemeral range whose 100 ports are all free. */
    static int freePortBase() {
        int ceiling = Math.min(ephemeralLow(), 65_536) - 100;
        int lowest = 10_000;
        int blocks = (ceiling - lowest) / 100;
        int first = ThreadLocalRandom.current().nextInt(blocks);
        for (int i = 0; i < blocks; i++) {
            int base = lowest + ((first + i) % blocks) * 100;
            if (allFree(base, 100)) {
                return base;
            }
        }
        throw new IllegalStateException("No block of 100 free ports between " + lowest + " and " + ceiling);
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            if (!free(port)) {
                return false;
            }
        }
        return true;
    }

    /** Free when a bind on all interfaces succeeds (that fails if any address, 127.0.0.1 too, holds the port). */
    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress((InetAddress) null, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralLow() {
        try {
            // readAllLines, not readString: a /proc file reports size 0, and some kernels (gVisor) then give one byte
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
