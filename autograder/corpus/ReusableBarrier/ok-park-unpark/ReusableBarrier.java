// expect: pass
// Style: LockSupport.park/unpark: each round keeps its waiting threads; the last arrival unparks them all.
package exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

public final class ReusableBarrier {
    private static final class Round {
        final List<Thread> waiting = new ArrayList<>();
        volatile boolean complete;
    }

    private final int parties;
    private final Object lock = new Object();
    private Round round = new Round(); // guarded by lock

    public ReusableBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, got " + parties);
        }
        this.parties = parties;
    }

    public void await() throws InterruptedException {
        Thread me = Thread.currentThread();
        Round mine;
        synchronized (lock) {
            mine = round;
            if (mine.waiting.size() + 1 == parties) {
                round = new Round();
                mine.complete = true;
                for (Thread t : mine.waiting) {
                    LockSupport.unpark(t);
                }
                return;
            }
            mine.waiting.add(me);
        }
        while (!mine.complete) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                synchronized (lock) {
                    if (mine.complete) {
                        me.interrupt(); // the round finished anyway: keep the interrupt
                        return;
                    }
                    mine.waiting.remove(me);
                }
                throw new InterruptedException();
            }
            // otherwise a spurious wakeup or our unpark: look at complete again
        }
    }
}
