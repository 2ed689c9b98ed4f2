// expect: functional
// Bug: wraps java.util.concurrent.CyclicBarrier, which breaks for everybody when one party is interrupted.
package exercises;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

public final class ReusableBarrier {
    private final CyclicBarrier inner;

    public ReusableBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, got " + parties);
        }
        inner = new CyclicBarrier(parties);
    }

    public void await() throws InterruptedException {
        try {
            inner.await();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
