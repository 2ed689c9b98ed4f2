// expect: pass
// Style: dense bakery with synchronized methods on this: take a ticket, wait for "now serving", consecutive readers share.
package exercises;

public final class FairReadWriteLock {
    private long nextTicket, nowServing; // tickets below nowServing have been let in
    private int readers;
    private Thread writer;

    public FairReadWriteLock() {}

    public synchronized void lockRead() {
        long t = nextTicket++;
        boolean intr = false;
        while (t != nowServing || writer != null) {
            try { wait(); } catch (InterruptedException e) { intr = true; }
        }
        readers++;
        nowServing++; // the next ticket may be a reader too: it can join us
        notifyAll();
        if (intr) Thread.currentThread().interrupt();
    }

    public synchronized void unlockRead() {
        if (readers == 0) throw new IllegalMonitorStateException("no reader holds the lock");
        if (--readers == 0) notifyAll();
    }

    public synchronized void lockWrite() {
        long t = nextTicket++;
        boolean intr = false;
        while (t != nowServing || writer != null || readers > 0) {
            try { wait(); } catch (InterruptedException e) { intr = true; }
        }
        writer = Thread.currentThread();
        nowServing++;
        if (intr) Thread.currentThread().interrupt();
    }

    public synchronized void unlockWrite() {
        if (writer != Thread.currentThread()) throw new IllegalMonitorStateException("not the writer");
        writer = null;
        notifyAll();
    }
}
