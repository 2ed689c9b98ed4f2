// expect: functional
// Bug: works for one round only: the count is never reset, so in the second round await passes without waiting.
package exercises;

public final class ReusableBarrier {
    private final int parties;
    private final Object lock = new Object();
    private int arrived;

    public ReusableBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, got " + parties);
        }
        this.parties = parties;
    }

    public void await() throws InterruptedException {
        synchronized (lock) {
            arrived++;
            if (arrived % parties == 0) {
                lock.notifyAll();
                return;
            }
            while (arrived < parties) {
                lock.wait();
            }
        }
    }
}
