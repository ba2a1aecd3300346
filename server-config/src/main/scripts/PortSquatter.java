import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * For start-stress.sh (STRESS_SQUAT=1): for at most SECONDS, tries again and again to bind a TCP
 * socket to 127.0.0.1:PORT without listening on it, as any other program choosing a free port may
 * do at a bad moment. The bind succeeds only while nobody holds the port, for example while a
 * running server closes its listener to restart it; the socket is then held for HOLD_MS and
 * released, so that afterwards the port is free again. Prints "squatted" or "never free".
 * Run with: java PortSquatter.java PORT SECONDS HOLD_MS
 */
public class PortSquatter {
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        long hold = Long.parseLong(args[2]);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.setReuseAddress(false);
                socket.bind(address);
                System.out.println("squatted");
                Thread.sleep(hold);
                return;
            } catch (IOException taken) {
                Thread.onSpinWait();
            }
        }
        System.out.println("never free");
    }
}
