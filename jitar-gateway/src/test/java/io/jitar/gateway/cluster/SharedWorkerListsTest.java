package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SECOND_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static io.jitar.gateway.cluster.GatewayFixtures.checkSecretWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedWorkerListsTest {

    private final RegisteredWorker first = checkSecretWorker(FIRST_WORKER_URL);
    private final RegisteredWorker second = checkSecretWorker(SECOND_WORKER_URL);
    private final SharedWorkerLists lists = new SharedWorkerLists();

    @Test
    void sameWorkersInTheSameOrderShareOneImmutableList() {
        List<RegisteredWorker> shared = lists.acquire(new ArrayList<>(List.of(first, second)));

        assertThat(lists.acquire(List.of(first, second))).isSameAs(shared);
        assertThat(lists.acquire(List.of(second, first))).isNotSameAs(shared);
        assertThat(lists.size()).isEqualTo(2);
        assertThat(lists.users(shared)).isEqualTo(2);
        assertThatThrownBy(() -> shared.add(first)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void workersAreComparedByIdentityNotByEquality() {
        RegisteredWorker equalCopy = first.withReport(WorkerState.AVAILABLE, START);
        List<RegisteredWorker> shared = lists.acquire(List.of(first));

        assertThat(equalCopy).isEqualTo(first).isNotSameAs(first);

        assertThat(lists.acquire(List.of(equalCopy))).isNotSameAs(shared);
    }

    @Test
    void aListIsForgottenWhenItsLastUserReleasesIt() {
        List<RegisteredWorker> shared = lists.acquire(List.of(first));
        lists.retain(shared, 2);

        lists.release(shared, 2);
        assertThat(lists.size()).isEqualTo(1);
        assertThat(lists.users(shared)).isEqualTo(1);
        lists.release(shared, 1);

        assertThat(lists.size()).isZero();
        assertThat(lists.users(shared)).isZero();
        assertThat(lists.acquire(List.of(first))).isNotSameAs(shared);
    }

    @Test
    void theEmptyListIsNeitherStoredNorCounted() {
        List<RegisteredWorker> empty = lists.acquire(new ArrayList<>());

        lists.retain(empty, 1);
        lists.release(empty, 1);
        lists.release(empty, 1);

        assertThat(empty).isSameAs(List.of());
        assertThat(lists.size()).isZero();
    }

    @Test
    void releasingAListItDoesNotHoldIsABug() {
        assertThatThrownBy(() -> lists.release(List.of(first), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Not a shared worker list");
    }
}
