// expect: pass
// Style: a Round object per round whose own monitor its waiters wait on (specific notification); arrivals are counted under a separate lock.
package exercises;

public final class ReusableBarrier {
    private static final class Round {
        int arrived;      // guarded by ReusableBarrier.this.arrivals
        boolean tripped;  // guarded by arrivals; set once, when the round completes
        boolean open;     // guarded by this Round's monitor; the waiters' condition
    }

    private final int parties;
    private final Object arrivals = new Object();
    private Round current = new Round(); // guarded by arrivals

    public ReusableBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, got " + parties);
        }
        this.parties = parties;
    }

    public void await() throws InterruptedException {
        Round mine;
        boolean last = false;
        synchronized (arrivals) {
            mine = current;
            if (++mine.arrived == parties) {
                last = true;
                mine.tripped = true;
                current = new Round(); // a fast thread coming straight back joins the new round
            }
        }
        if (last) {
            synchronized (mine) {
                mine.open = true;
                mine.notifyAll();
            }
            return;
        }
        try {
            synchronized (mine) {
                while (!mine.open) {
                    mine.wait();
                }
            }
        } catch (InterruptedException e) {
            synchronized (arrivals) {
                if (mine.tripped) {
                    Thread.currentThread().interrupt(); // completed anyway: pass, keep the status
                    return;
                }
                mine.arrived--; // withdraw from the round
            }
            throw e;
        }
    }
}
