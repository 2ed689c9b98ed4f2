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
            boolean interrupted = false;
            while (writing) {
                try { lock.wait(); } catch (InterruptedException e) { interrupted = true; }
            }
            readers++;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
            boolean interrupted = false;
            while (writing || readers > 0) {
                try { lock.wait(); } catch (InterruptedException e) { interrupted = true; }
            }
            writing = true;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void unlockWrite() {
        synchronized (lock) {
            writing = false;
            lock.notifyAll();
        }
    }
}
