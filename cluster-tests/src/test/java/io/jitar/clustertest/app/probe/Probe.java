package io.jitar.clustertest.app.probe;

/** Tells which worker answered, adds numbers (idempotent), and switches the worker's readiness. */
public interface Probe {

    String whoAmI();

    int add(int a, int b);

    void setReady(boolean ready);
}
