// expect: pass
// Style: explicit FIFO queue of request nodes, each with its own Condition (specific notification), ReentrantLock, ownership checks.
package exercises;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Requests are served strictly in arrival order: the head of the queue is admitted as soon as it
 * is compatible with the holders, and an admitted reader lets the readers right behind it in too.
 */
public final class FairReadWriteLock {
    private static final class Request {
        final Thread thread = Thread.currentThread();
        final boolean write;
        final Condition admittedSignal;
        boolean admitted;

        Request(boolean write, Condition admittedSignal) {
            this.write = write;
            this.admittedSignal = admittedSignal;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private int activeReaders;
    private Thread writer; // the thread holding the write lock, or null

    public FairReadWriteLock() {
    }

    public void lockRead() {
        enter(false);
    }

    public void lockWrite() {
        enter(true);
    }

    public void unlockRead() {
        lock.lock();
        try {
            if (activeReaders == 0) {
                throw new IllegalMonitorStateException("no reader holds the lock");
            }
            activeReaders--;
            admitFromHead();
        } finally {
            lock.unlock();
        }
    }

    public void unlockWrite() {
        lock.lock();
        try {
            if (writer != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the calling thread does not hold the write lock");
            }
            writer = null;
            admitFromHead();
        } finally {
            lock.unlock();
        }
    }

    private void enter(boolean write) {
        boolean interrupted = false;
        lock.lock();
        try {
            Request me = new Request(write, lock.newCondition());
            queue.addLast(me);
            admitFromHead();
            while (!me.admitted) {
                try {
                    me.admittedSignal.await();
                } catch (InterruptedException e) {
                    interrupted = true; // keep our place in the queue; restore the status once in
                }
            }
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Admits requests from the head of the queue for as long as they are compatible with the holders. */
    private void admitFromHead() {
        Request head;
        while ((head = queue.peekFirst()) != null) {
            if (writer != null || (head.write && activeReaders > 0)) {
                return;
            }
            queue.pollFirst();
            if (head.write) {
                writer = head.thread;
            } else {
                activeReaders++;
            }
            head.admitted = true;
            head.admittedSignal.signal();
        }
    }
}
