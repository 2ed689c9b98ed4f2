// expect: starvation
// Bug: waiting writers always go first, so a reader starves while writers keep arriving.
package exercises;

public final class FairReadWriteLock {
    private final Object lock = new Object();
    private int readers;
    private boolean writing;
    private int waitingWriters;

    public FairReadWriteLock() {
    }

    public void lockRead() {
        synchronized (lock) {
            boolean interrupted = false;
            while (writing || waitingWriters > 0) {
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
            waitingWriters++;
            while (writing || readers > 0) {
                try { lock.wait(); } catch (InterruptedException e) { interrupted = true; }
            }
            waitingWriters--;
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
