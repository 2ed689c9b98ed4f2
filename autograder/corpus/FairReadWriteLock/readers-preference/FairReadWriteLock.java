// expect: starvation
// Bug: the first readers-writers solution: readers keep coming in while a writer waits, so the writer starves.
package exercises;

public final class FairReadWriteLock {
    private final Object lock = new Object();
    private int readers;
    private boolean writing;

    public FairReadWriteLock() {
    }

    public void lockRead() {
        synchronized (lock) {
            while (writing) {
                try { lock.wait(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            readers++;
        }
    }

    public void unlockRead() {
        synchronized (lock) {
            if (readers == 0) {
                throw new IllegalMonitorStateException();
            }
            readers--;
            lock.notifyAll();
        }
    }

    public void lockWrite() {
        synchronized (lock) {
            while (writing || readers > 0) {
                try { lock.wait(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            writing = true;
        }
    }

    public void unlockWrite() {
        synchronized (lock) {
            writing = false;
            lock.notifyAll();
        }
    }
}
