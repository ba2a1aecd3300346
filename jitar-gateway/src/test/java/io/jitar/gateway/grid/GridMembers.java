package io.jitar.gateway.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hazelcast members in the test JVM, configured as the gateways' grid is on Payara Micro: loopback
 * only, TCP/IP members on known ports, no multicast or auto-detection, phone-home off, the failure
 * detection of PAYARA-NOTES. Closing shuts every member down.
 */
final class GridMembers implements AutoCloseable {

    private final List<Integer> ports = new ArrayList<>();
    private final List<HazelcastInstance> members = new ArrayList<>();

    /** Reserves {@code count} member ports below the ephemeral range. */
    GridMembers(int count) {
        while (ports.size() < count) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                if (!ports.contains(port)) {
                    ports.add(socket.getLocalPort());
                }
            } catch (IOException taken) {
                // try another
            }
        }
    }

    /** Starts member {@code index} (0-based) of the cluster {@code clusterName}, listing every reserved port. */
    HazelcastInstance start(int index, String clusterName) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setInstanceName("jitar-test-" + clusterName + "-" + index + "-" + ports.get(index));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        // Expired leases are swept every second instead of every 5 s, so the lease tests end sooner.
        config.setProperty("hazelcast.internal.map.expiration.task.period.seconds", "1");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(ports.get(index)).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int port : ports) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + port);
        }
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        members.add(member);
        return member;
    }

    @Override
    public void close() {
        for (HazelcastInstance member : members) {
            try {
                member.getLifecycleService().terminate();
            } catch (RuntimeException e) {
                // already down
            }
        }
    }
}
