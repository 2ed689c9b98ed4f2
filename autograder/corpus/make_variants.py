import os, sys
SOL = 'solutions/src/main/java/exercises'
OUT = 'autograder/corpus'
V = []
def v(ex, name, expect, why, *reps):
    V.append((ex, name, expect, why, reps))

# BoundedBuffer
v('BoundedBuffer','no-mutex','race','the array and indices are updated without the mutex: two putters write the same slot, two takers take the same item',
  ('        mutex.acquireUninterruptibly();\n        try {\n            items[rear] = item;', '        try {\n            items[rear] = item;'),
  ('            count++;\n        } finally {\n            mutex.release();\n        }', '            count++;\n        } finally {\n        }'),
  ('        mutex.acquireUninterruptibly();\n        try {\n            @SuppressWarnings', '        try {\n            @SuppressWarnings'),
  ('            count--;\n        } finally {\n            mutex.release();\n        }', '            count--;\n        } finally {\n        }'))
v('BoundedBuffer','lifo','functional','take returns the newest item (a stack), not the oldest',
  ('            @SuppressWarnings("unchecked")\n            T oldest = (T) items[front];\n            item = oldest;\n            items[front] = null;         // let the garbage collector have it\n            front = (front + 1) % items.length;',
   '            rear = (rear - 1 + items.length) % items.length;\n            @SuppressWarnings("unchecked")\n            T newest = (T) items[rear];\n            item = newest;\n            items[rear] = null;'))
v('BoundedBuffer','capacity-plus-one','functional','the slots semaphore starts with one permit too many, so the buffer holds capacity + 1 items',
  ('        items = new Object[capacity];\n        slots = new Semaphore(capacity);', '        items = new Object[capacity + 1];\n        slots = new Semaphore(capacity + 1);'))
v('BoundedBuffer','mutex-before-wait','hang','take holds the mutex while it waits for an item, so no putter can ever add one',
  ('        available.acquire();             // P(items): wait for an item; it is ours from now on\n        T item;\n        mutex.acquireUninterruptibly();\n        try {',
   '        T item;\n        mutex.acquireUninterruptibly();\n        try {\n            available.acquire();'))
# CountingSemaphore
v('CountingSemaphore','if-not-while','exclusion','a woken acquirer does not re-check, and release wakes everybody: more holders than permits',
  ('            while (permits == 0) {\n                lock.wait();\n            }', '            if (permits == 0) {\n                lock.wait();\n            }'),
  ('            lock.notify();', '            lock.notifyAll();'))
v('CountingSemaphore','no-notify','hang','release never wakes a waiter (lost wakeup)',
  ('            lock.notify();', ''))
v('CountingSemaphore','no-decrement','functional','acquire never takes the permit',
  ('            permits--;\n        }', '        }'))
# FairReadWriteLock
READPREF = '''    private final Object lock = new Object();
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
'''
WRITEPREF = READPREF.replace('    private boolean writing;\n', '    private boolean writing;\n    private int waitingWriters;\n').replace(
    '            while (writing) {', '            while (writing || waitingWriters > 0) {').replace(
    '            while (writing || readers > 0) {\n                try { lock.wait(); } catch (InterruptedException e) { interrupted = true; }\n            }\n            writing = true;',
    '            waitingWriters++;\n            while (writing || readers > 0) {\n                try { lock.wait(); } catch (InterruptedException e) { interrupted = true; }\n            }\n            waitingWriters--;\n            writing = true;')
V.append(('FairReadWriteLock','readers-preference','starvation','the first readers-writers solution: readers keep coming in while a writer waits, so the writer starves',('WHOLE', 'package exercises;\n\npublic final class FairReadWriteLock {\n' + READPREF)))
V.append(('FairReadWriteLock','writers-preference','starvation','waiting writers always go first, so a reader starves while writers keep arriving',('WHOLE', 'package exercises;\n\npublic final class FairReadWriteLock {\n' + WRITEPREF)))
v('FairReadWriteLock','writer-ignores-readers','exclusion','lockWrite does not wait for the readers inside to leave',
  ('            while (ticket != nowServing || writer != null || readers > 0) {', '            while (ticket != nowServing || writer != null) {'))
v('FairReadWriteLock','unlock-read-no-notify','hang','the last reader leaves without waking the writer waiting for it',
  ('            readers--;\n            if (readers == 0) {\n                lock.notifyAll();   // a writer may be waiting for the last reader to leave\n            }', '            readers--;'))
# ParallelSum
v('ParallelSum','caller-does-all','serialized','starts the threads but sums the whole array in the calling thread',
  ('                long s = 0;                       // a local accumulator: no sharing in the loop\n                for (int i = from; i < to; i++) {\n                    s += values[i];\n                }\n                partial[slot] = s;', '                partial[slot] = 0;'),
  ('        long total = 0;\n', '        long total = 0;\n        for (long x : values) {\n            total += x;\n        }\n'))
v('ParallelSum','join-in-loop','serialized','joins each thread right after starting it, so they run one after the other',
  ('                partial[slot] = s;\n            });', '                partial[slot] = s;\n            });\n            workers[t].join();'))
v('ParallelSum','shared-accumulator','race','all threads add every element into one shared slot without synchronization (psum-bad)',
  ('                long s = 0;                       // a local accumulator: no sharing in the loop\n                for (int i = from; i < to; i++) {\n                    s += values[i];\n                }\n                partial[slot] = s;', '                for (int i = from; i < to; i++) {\n                    partial[0] += values[i];\n                }'))
v('ParallelSum','slice-off-by-one','functional','each slice stops one element early',
  ('                for (int i = from; i < to; i++) {', '                for (int i = from; i < to - 1; i++) {'))
v('ParallelSum','stream-join-in-loop','serialized','each thread sums its part with Arrays.stream, but is joined right after it starts, so they run one after the other',
  ('                long s = 0;                       // a local accumulator: no sharing in the loop\n                for (int i = from; i < to; i++) {\n                    s += values[i];\n                }\n                partial[slot] = s;\n            });',
   '                partial[slot] = java.util.Arrays.stream(values, from, to).sum();\n            });\n            workers[t].join();'))
v('ParallelSum','caller-sums-a-part','serialized','starts threads - 1 threads and sums the last part in the calling thread',
  ('        for (int t = 0; t < threads; t++) {\n            // Slice t', '        for (int t = 0; t < threads - 1; t++) {\n            // Slice t'),
  ('        long total = 0;\n        for (int t = 0; t < threads; t++) {', '        long total = 0;\n        for (int i = (int) ((long) n * (threads - 1) / threads); i < n; i++) {\n            total += values[i];\n        }\n        for (int t = 0; t < threads - 1; t++) {'))
v('ParallelSum','fewer-threads-when-short','serialized','starts no more threads than there are values (at least one), though the rule asks for exactly threads',
  ('        int n = values.length;\n', '        int n = values.length;\n        threads = Math.max(1, Math.min(threads, n));\n'))
v('ParallelSum','null-is-zero','functional','a null array sums to 0 instead of throwing NullPointerException',
  ('        int n = values.length;\n', '        if (values == null) {\n            return 0;\n        }\n        int n = values.length;\n'))
v('ParallelSum','interrupt-partial-total','functional','when interrupted it stops waiting and returns the total of the parts joined so far',
  ('            workers[t].join();\n            total += partial[t];', '            try {\n                workers[t].join();\n            } catch (InterruptedException e) {\n                Thread.currentThread().interrupt();\n                break;\n            }\n            total += partial[t];'))
v('ParallelSum','interrupt-swallowed','functional','when interrupted it keeps waiting and returns the right total, but clears the interrupt status',
  ('            workers[t].join();\n            total += partial[t];', '            while (true) {\n                try {\n                    workers[t].join();\n                    break;\n                } catch (InterruptedException e) {\n                    // ignored\n                }\n            }\n            total += partial[t];'))
# ReusableBarrier
NOTREUSE = '''    private final Object lock = new Object();
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
'''
V.append(('ReusableBarrier','not-reusable','functional','works for one round only: the count is never reset, so in the second round await passes without waiting',('WHOLE','package exercises;\n\npublic final class ReusableBarrier {\n    private final int parties;\n' + NOTREUSE)))
v('ReusableBarrier','notify-one','hang','the last thread wakes only one waiter; the others wait forever',
  ('                lock.notifyAll();\n                return;', '                lock.notify();\n                return;'))
v('ReusableBarrier','no-wait','functional','await counts arrivals but never waits',
  ('            while (round == myRound) {', '            while (round == myRound && parties < 0) {'))
# DiningTable
v('DiningTable','left-then-right','deadlock','everybody takes the left fork first: all hold one fork and wait for the other',
  ('        ReentrantLock first = forks[Math.min(left, right)];\n        ReentrantLock second = forks[Math.max(left, right)];', '        ReentrantLock first = forks[left];\n        ReentrantLock second = forks[right];'))
v('DiningTable','one-table-lock','serialized','one lock for the whole table: no two philosophers ever eat together',
  ('        ReentrantLock first = forks[Math.min(left, right)];\n        ReentrantLock second = forks[Math.max(left, right)];', '        ReentrantLock first = forks[0];\n        ReentrantLock second = forks[0];'))
v('DiningTable','left-fork-only','exclusion','takes only the left fork: neighbours share the right one while eating',
  ('            second.lockInterruptibly();\n            try {\n                eat.run();\n            } finally {\n                second.unlock();\n            }', '            eat.run();'),
  ('        ReentrantLock first = forks[Math.min(left, right)];', '        ReentrantLock first = forks[left];'))
v('DiningTable','no-unlock-on-throw','hang','forks are not put down when eat throws, so the neighbours wait forever',
  ('            try {\n                eat.run();\n            } finally {\n                second.unlock();\n            }\n        } finally {\n            first.unlock();\n        }', '            eat.run();\n            second.unlock();\n        } catch (InterruptedException e) {\n            throw e;\n        }\n        first.unlock();'))
# Memoizer
v('Memoizer','synchronized-get','serialized','get is synchronized: different keys wait for each other',
  ('    public V get(K key) throws InterruptedException {', '    public synchronized V get(K key) throws InterruptedException {'))
v('Memoizer','check-then-act','race','get then put: two threads that both miss both compute',
  ('            future = cache.putIfAbsent(key, task);\n            if (future == null) {', '            cache.put(key, task);\n            future = null;\n            if (future == null) {'))
v('Memoizer','caches-failures','functional','a failed computation stays in the cache: the key fails forever',
  ('            cache.remove(key, future);\n', ''))
v('Memoizer','uninterruptible-wait','functional','a get waiting for another thread\'s computation ignores interrupts and keeps waiting',
  ('            return future.get();\n', '            while (true) {\n                try {\n                    return future.get();\n                } catch (InterruptedException ignored) {\n                    // keep waiting\n                }\n            }\n'))
v('Memoizer','interrupt-cancels','functional','an interrupted waiter cancels the computation and forgets the key, so its computing caller fails too',
  ('            return future.get();\n        } catch (ExecutionException e) {', '            return future.get();\n        } catch (InterruptedException e) {\n            cache.remove(key, future);\n            future.cancel(true);\n            throw e;\n        } catch (ExecutionException e) {'))
v('Memoizer','null-function-accepted','functional','the constructor accepts a null function',
  ('        this.compute = Objects.requireNonNull(compute, "compute");', '        this.compute = compute;'))
# PrethreadedEchoServer
v('PrethreadedEchoServer','one-worker','serialized','starts one worker whatever workers says',
  ('        for (int i = 0; i < workers; i++) {\n            workerThreads.add(', '        for (int i = 0; i < 1; i++) {\n            workerThreads.add('))
v('PrethreadedEchoServer','close-leaves-workers','resources','close stops accepting but never ends the workers',
  ('        for (Thread w : workerThreads) {\n            w.interrupt();           // wakes the workers blocked in queue.take\n        }\n        for (Thread w : workerThreads) {\n            interrupted |= joinUninterruptibly(w);\n        }', ''),
  ('        while (!closed) {\n            Socket s;\n            try {\n                s = queue.take();', '        while (true) {\n            Socket s;\n            try {\n                s = queue.take();'),
  ('            } catch (InterruptedException e) {\n                return;              // close() interrupted us', '            } catch (InterruptedException e) {\n                continue;'))
v('PrethreadedEchoServer','no-newline','functional','echoes the line without its newline',
  ("            out.write(line);\n            out.write('\\n');", '            out.write(line);'))
v('PrethreadedEchoServer','thread-per-client','resources','the acceptor starts a new thread for every client instead of queueing it for the workers',
  ('            open.add(s);\n            try {\n                queue.put(s);        // blocks while all workers are busy and the buffer is full\n            } catch (InterruptedException e) {\n                open.remove(s);\n                closeQuietly(s);\n                return;\n            }',
   '            open.add(s);\n            Thread.ofPlatform().daemon().start(() -> {\n                try {\n                    echo(s);\n                } catch (IOException | UncheckedIOException e) {\n                    // gone\n                } finally {\n                    open.remove(s);\n                    closeQuietly(s);\n                }\n            });'))
v('PrethreadedEchoServer','unbounded-queue','resources','the connection queue is unbounded, so the acceptor accepts every client however busy the workers are',
  ('        queue = new ArrayBlockingQueue<>(Math.max(16, 4 * workers));', '        queue = new java.util.concurrent.LinkedBlockingQueue<>();'))
v('PrethreadedEchoServer','binds-all-interfaces','functional','binds every interface instead of 127.0.0.1 only',
  ('        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());', '        server = new ServerSocket(port, 50);'))
v('PrethreadedEchoServer','workers-not-checked','functional','accepts workers < 1 (and then serves nobody)',
  ('        if (workers < 1) {\n            throw new IllegalArgumentException("workers must be at least 1, got " + workers);\n        }\n', ''))
# SelectorEchoServer
v('SelectorEchoServer','blocking-client','serialized','serves each accepted client to the end with blocking I/O inside the selector thread',
  ('        client.configureBlocking(false);\n        client.register(selector, SelectionKey.OP_READ, new Connection());',
   '        ByteBuffer buf = ByteBuffer.allocate(4096);\n        while (client.read(buf) >= 0) {\n            buf.flip();\n            while (buf.hasRemaining()) {\n                client.write(buf);\n            }\n            buf.clear();\n        }\n        client.close();'))
v('SelectorEchoServer','close-no-stop','resources','close() returns without stopping the serving thread or closing the port',
  ('        closed = true;\n        selector.wakeup();           // select() returns; the loop sees closed and cleans up\n        boolean interrupted = false;\n        while (true) {\n            try {\n                loop.join();\n                break;\n            } catch (InterruptedException e) {\n                interrupted = true;\n            }\n        }\n        if (interrupted) {\n            Thread.currentThread().interrupt();\n        }', '        // nothing to do'))
v('SelectorEchoServer','drops-when-full','functional','when a slow reader\'s buffer is full, new bytes overwrite the pending ones instead of waiting',
  ('        if (key.isReadable() && c.pending.hasRemaining()) {', '        if (key.isReadable()) {\n            if (!c.pending.hasRemaining()) {\n                c.pending.clear();\n            }'),
  ('        if (!c.inputDone && c.pending.hasRemaining()) {', '        if (!c.inputDone) {'))
v('SelectorEchoServer','unbounded-buffer','resources','when a client\'s pending buffer is full it grows the buffer and keeps reading, so a client that never reads fills the memory',
  ('        final ByteBuffer pending = ByteBuffer.allocate(PENDING_LIMIT); // in "fill" mode', '        ByteBuffer pending = ByteBuffer.allocate(PENDING_LIMIT); // in "fill" mode'),
  ('        if (key.isReadable() && c.pending.hasRemaining()) {', '        if (key.isReadable()) {\n            if (!c.pending.hasRemaining()) {\n                ByteBuffer bigger = ByteBuffer.allocate(c.pending.capacity() * 2);\n                c.pending.flip();\n                bigger.put(c.pending);\n                c.pending = bigger;\n            }'),
  ('        if (!c.inputDone && c.pending.hasRemaining()) {', '        if (!c.inputDone) {'))
v('SelectorEchoServer','binds-all-interfaces','functional','binds every interface instead of 127.0.0.1 only',
  ('        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));', '        server.bind(new InetSocketAddress(port));'))
# Pipeline
v('Pipeline','write-then-read','hang','writes all the input before reading any output: both pipes fill up and everybody waits',
  ('        Thread feeder = Thread.ofPlatform().name("pipeline-stdin").daemon().start(() -> {', '        Thread feeder = Thread.ofPlatform().name("pipeline-stdin").daemon().unstarted(() -> {'),
  ('        ByteArrayOutputStream out = new ByteArrayOutputStream();', '        feeder.run();\n        ByteArrayOutputStream out = new ByteArrayOutputStream();'))
v('Pipeline','stdin-never-closed','hang','the first command\'s stdin is never closed, so cat never sees end of input',
  ('            try (OutputStream stdin = first.getOutputStream()) {\n                stdin.write(in);', '            try {\n                OutputStream stdin = first.getOutputStream();\n                stdin.write(in);\n                stdin.flush();'))
v('Pipeline','ignores-status','functional','the exit status of the last command is never checked',
  ('        if (status != 0) {', '        if (status != 0 && false) {'))
v('Pipeline','interrupt-leaves-processes','resources','when interrupted it rethrows without killing the processes',
  ('            for (Process p : processes) {\n                p.destroyForcibly();\n            }\n            feeder.join(1000);', '            feeder.join(1000);'))
v('Pipeline','interrupt-swallowed','functional','when interrupted it ignores the interrupt and keeps waiting for the processes',
  ('            for (Process p : processes) {\n                p.waitFor();         // a shell waits for every command of the pipeline\n            }',
   '            for (Process p : processes) {\n                while (true) {\n                    try {\n                        p.waitFor();\n                        break;\n                    } catch (InterruptedException ignored) {\n                        // keep waiting\n                    }\n                }\n            }'))
v('Pipeline','start-leaks-on-failure','resources','starts the commands one by one and, when one cannot start, leaves those already started running',
  ('        List<Process> processes = ProcessBuilder.startPipeline(builders);', '        List<Process> processes = new ArrayList<>();\n        for (int i = 0; i < builders.size(); i++) {\n            if (i > 0) {\n                builders.get(i).redirectInput(ProcessBuilder.Redirect.PIPE);\n            }\n            processes.add(builders.get(i).start());\n        }\n        for (int i = 0; i + 1 < processes.size(); i++) {\n            Process from = processes.get(i);\n            Process to = processes.get(i + 1);\n            Thread.ofPlatform().daemon().start(() -> {\n                try (InputStream a = from.getInputStream(); OutputStream b = to.getOutputStream()) {\n                    a.transferTo(b);\n                } catch (IOException e) {\n                    // the next command exited\n                }\n            });\n        }'))

# OutcomeTable
v('OutcomeTable','state-reused','functional','setup is called once and its state reused by every round: the second round\'s actors find the first round\'s writes (R1)',
  ('        for (int r = 0; r < rounds; r++) {\n            S state = setup.get();                     // a fresh state per round\n',
   '        S state = setup.get();\n        for (int r = 0; r < rounds; r++) {\n'))
v('OutcomeTable','arbiter-before-join','race','the arbiter is applied as soon as the actors are released, before they have finished (R3)',
  ('            playRound(state, all, roundTimeout);\n            // playRound returned after every actor thread ended: their writes are visible here.\n            counts.merge(arbiter.apply(state), 1L, Long::sum);',
   '            Object[] outcome = new Object[1];\n            playRound(state, all, roundTimeout, () -> outcome[0] = arbiter.apply(state));\n            @SuppressWarnings("unchecked")\n            R early = (R) outcome[0];\n            counts.merge(early, 1L, Long::sum);'),
  ('    private static <S> void playRound(S state, List<Consumer<S>> actors, Duration timeout)',
   '    private static <S> void playRound(S state, List<Consumer<S>> actors, Duration timeout, Runnable afterStart)'),
  ('            gate.countDown();\n', '            gate.countDown();\n            afterStart.run();\n'))
v('OutcomeTable','exception-swallowed','functional','an actor\'s exception is caught and dropped: the round counts as if it had returned (R4)',
  ('                        ends.add(Optional.of(t));', '                        ends.add(Optional.empty());'))
v('OutcomeTable','timeout-leaves-threads','resources','a round that times out throws TimeoutException but neither interrupts nor waits for its actors, which run on (R5, R7)',
  ('                    throw new TimeoutException(', '                    threads.clear();         // forgets them: nobody interrupts or joins them\n                    throw new TimeoutException('))
v('OutcomeTable','interrupt-swallowed','functional','an interrupt of the calling thread is caught and the wait goes on, so run keeps waiting for actors that wait for it (R6)',
  ('                Optional<Throwable> end = ends.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);',
   '                Optional<Throwable> end;\n                try {\n                    end = ends.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);\n                } catch (InterruptedException e) {\n                    i--;             // keep waiting\n                    continue;\n                }'))

# Interrupts, unsynchronized reads and forbidden classes (the contract of each statement)
v('SafeCounter','interrupt-skips-increment','functional','increment takes its lock interruptibly and returns without counting when its thread is interrupted (the interrupt swallowed)',
  ('import java.util.concurrent.atomic.AtomicLong;', 'import java.util.concurrent.locks.ReentrantLock;'),
  ('    private final AtomicLong count = new AtomicLong();', '    private final ReentrantLock lock = new ReentrantLock();\n    private volatile long count;'),
  ('        count.incrementAndGet();', '        try {\n            lock.lockInterruptibly();\n        } catch (InterruptedException e) {\n            return;\n        }\n        try {\n            count++;\n        } finally {\n            lock.unlock();\n        }'),
  ('        return count.get();', '        return count;'))
v('SafeCounter','unsynchronized-get','race','increment is synchronized but get reads the plain field without the lock: a polling reader may never see an update',
  ('import java.util.concurrent.atomic.AtomicLong;\n\n', ''),
  ('    private final AtomicLong count = new AtomicLong();', '    private long count;'),
  ('        count.incrementAndGet();', '        synchronized (this) {\n            count++;\n        }'),
  ('        return count.get();', '        return count;'))
v('BoundedBuffer','interrupt-ignored','functional','put waits for a slot uninterruptibly: an interrupted producer keeps waiting',
  ('        slots.acquire();                 // P(slots)', '        slots.acquireUninterruptibly();  // P(slots)'))
v('BoundedBuffer','interrupted-take-frees-slot','functional','take gives a slot back in a finally, also when it was interrupted before taking an item: the buffer then holds one item too many',
  ('        available.acquire();             // P(items): wait for an item; it is ours from now on\n        T item;',
   '        T item;\n        try {\n        available.acquire();             // P(items): wait for an item; it is ours from now on'),
  ('        slots.release();                 // V(slots): announce the free slot to one putter\n        return item;',
   '        } finally {\n            slots.release();             // V(slots): announce the free slot to one putter\n        }\n        return item;'))
v('BoundedBuffer','unsynchronized-size','race','size reads the count without the mutex: a polling reader may never see a put or take',
  ('        mutex.acquireUninterruptibly();\n        try {\n            return count;\n        } finally {\n            mutex.release();\n        }', '        return count;'))
v('CountingSemaphore','interrupt-swallowed','functional','acquire catches the InterruptedException of wait and keeps waiting: an interrupted acquire never throws',
  ('                lock.wait();\n', '                try {\n                    lock.wait();\n                } catch (InterruptedException e) {\n                    // keep waiting\n                }\n'))
v('CountingSemaphore','unsynchronized-available','race','availablePermits reads the count without the lock: a polling reader may never see a release',
  ('        synchronized (lock) {\n            return permits;\n        }', '        return permits;'))
v('FairReadWriteLock','interrupt-status-lost','functional','an interrupt that arrives while a thread waits is swallowed: the thread gets the lock with its interrupt status cleared',
  ('            readers++;\n            nowServing++;           // the next in line may be a reader too: let it check\n            lock.notifyAll();\n            if (interrupted) {\n                Thread.currentThread().interrupt();\n            }',
   '            readers++;\n            nowServing++;           // the next in line may be a reader too: let it check\n            lock.notifyAll();'),
  ('            writer = Thread.currentThread();\n            nowServing++;           // the next in line now waits for this writer to leave\n            if (interrupted) {\n                Thread.currentThread().interrupt();\n            }',
   '            writer = Thread.currentThread();\n            nowServing++;           // the next in line now waits for this writer to leave'))
v('FairReadWriteLock','interrupt-enters-early','exclusion','an interrupted reader stops waiting and goes in while the writer still holds the lock',
  ('            while (ticket != nowServing || writer != null) {\n                interrupted |= waitUninterruptibly();\n            }',
   '            while ((ticket != nowServing || writer != null) && !interrupted) {\n                interrupted |= waitUninterruptibly();\n            }'))
v('ReusableBarrier','interrupted-still-counted','functional','an interrupted party throws but stays counted: the next round passes with one party too few',
  ('                    arrived--;      // withdraw, so the others still need parties arrivals\n', ''))
v('ReusableBarrier','interrupt-swallowed','functional','await catches the InterruptedException and keeps waiting: an interrupted party never leaves',
  ('                    arrived--;      // withdraw, so the others still need parties arrivals\n                    throw e;', '                    continue;'))
v('DiningTable','interrupt-keeps-fork','hang','interrupted while waiting for the second fork, dine throws without putting the first one down',
  ('        first.lockInterruptibly();\n        try {\n            second.lockInterruptibly();\n            try {',
   '        first.lockInterruptibly();\n        second.lockInterruptibly();\n        try {\n            try {'))
v('DiningTable','interrupt-ignored','functional','waits for the forks with lock(), which ignores interrupts: an interrupted philosopher keeps waiting',
  ('        first.lockInterruptibly();', '        first.lock();'),
  ('            second.lockInterruptibly();', '            second.lock();'))

HANDOFF = """package exercises;

public final class CountingSemaphore {
    private final Object lock = new Object();
    private int permits;
    private int waiting;
    private int handedOver;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        synchronized (lock) {
            if (permits > 0) {
                permits--;
                return;
            }
            waiting++;
            try {
                while (handedOver == 0) {
                    lock.wait();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                handedOver--;
            } finally {
                waiting--;
            }
        }
    }

    public void release() {
        synchronized (lock) {
            if (waiting > handedOver) {
                handedOver++;
                lock.notify();
            } else {
                permits++;
            }
        }
    }

    public int availablePermits() {
        synchronized (lock) {
            return permits;
        }
    }
}
"""
V.append(('CountingSemaphore','interrupt-loses-permit','functional','release hands its permit to a waiter; a waiter that finds itself interrupted when it wakes throws without giving the handed-over permit back, so availablePermits() no longer counts it',('WHOLE', HANDOFF)))
V.append(('CountingSemaphore','uses-semaphore','functional','wraps java.util.concurrent.Semaphore instead of building one',('WHOLE', """package exercises;

import java.util.concurrent.Semaphore;

public final class CountingSemaphore {
    private final Semaphore inner;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        }
        inner = new Semaphore(permits, true);
    }

    public void acquire() throws InterruptedException {
        inner.acquire();
    }

    public void release() {
        inner.release();
    }

    public int availablePermits() {
        return inner.availablePermits();
    }
}
""")))
V.append(('FairReadWriteLock','uses-reentrantreadwritelock','functional','wraps a fair java.util.concurrent.locks.ReentrantReadWriteLock instead of building the lock',('WHOLE', """package exercises;

import java.util.concurrent.locks.ReentrantReadWriteLock;

public final class FairReadWriteLock {
    private final ReentrantReadWriteLock inner = new ReentrantReadWriteLock(true);

    public FairReadWriteLock() {
    }

    public void lockRead() {
        inner.readLock().lock();
    }

    public void unlockRead() {
        inner.readLock().unlock();
    }

    public void lockWrite() {
        inner.writeLock().lock();
    }

    public void unlockWrite() {
        inner.writeLock().unlock();
    }
}
""")))
V.append(('ReusableBarrier','uses-cyclicbarrier','functional','wraps java.util.concurrent.CyclicBarrier, which breaks for everybody when one party is interrupted',('WHOLE', """package exercises;

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
""")))
V.append(('BoundedBuffer','uses-blockingqueue','functional','wraps java.util.concurrent.ArrayBlockingQueue instead of building the buffer',('WHOLE', """package exercises;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;

public final class BoundedBuffer<T> {
    private final ArrayBlockingQueue<T> inner;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        inner = new ArrayBlockingQueue<>(capacity, true);
    }

    public void put(T item) throws InterruptedException {
        inner.put(Objects.requireNonNull(item, "item"));
    }

    public T take() throws InterruptedException {
        return inner.take();
    }

    public int size() {
        return inner.size();
    }
}
""")))
v('FairReadWriteLock','interrupt-restored-in-loop','hang','an interrupted waiter restores its interrupt status inside the wait loop: every wait() then throws at once, and it spins holding the monitor, so the holder can never unlock',
  ('        } catch (InterruptedException e) {\n            return true;\n        }', '        } catch (InterruptedException e) {\n            Thread.currentThread().interrupt();\n            return false;\n        }'))

# LockFreeStack
PUSH_LOOP = '        Node<T> seen;\n        Node<T> mine;\n        do {\n            seen = top.get();\n            mine = new Node<>(item, seen);\n            // The CAS fails only if another push or pop moved the top since we read it: that thread\n            // made progress, so we did not wait for anybody; read the new top and try again.\n        } while (!top.compareAndSet(seen, mine));'
v('LockFreeStack','read-then-set','race','push reads the top and then sets it, two atomic calls but not one atomic step: a push between them is lost',
  (PUSH_LOOP, '        top.set(new Node<>(item, top.get()));'))
v('LockFreeStack','ignores-cas-failure','race','push tries its compare-and-set once and ignores a failure: the item of a push that lost the race is silently dropped',
  (PUSH_LOOP, '        Node<T> seen = top.get();\n        top.compareAndSet(seen, new Node<>(item, seen));'))
v('LockFreeStack','pop-gives-up','race','pop returns null when its compare-and-set fails instead of retrying, so it reports an empty stack that is not empty',
  ('            if (top.compareAndSet(seen, seen.next())) {\n                return seen.item();\n            }', '            return top.compareAndSet(seen, seen.next()) ? seen.item() : null;'))
v('LockFreeStack','cas-wrong-reference','race','pop compares the top with a second read of it, not with the node it read first: its CAS succeeds though the top moved, so items are popped twice or lost',
  ('            if (top.compareAndSet(seen, seen.next())) {', '            if (top.compareAndSet(top.get(), seen.next())) {'))
V.append(('LockFreeStack','synchronized','functional','every method is synchronized: a correct stack, but a lock, so a thread descheduled inside push stops every other one.\n// also: hang: the lock-freedom test stops a thread inside push or pop, and the others wait for its monitor until it goes on',('WHOLE', """package exercises;

import java.util.Objects;

public final class LockFreeStack<T> {
    private static final class Node<T> {
        final T item;
        final Node<T> next;

        Node(T item, Node<T> next) {
            this.item = item;
            this.next = next;
        }
    }

    private Node<T> top;

    public LockFreeStack() {
    }

    public synchronized void push(T item) {
        Objects.requireNonNull(item, "item");
        top = new Node<>(item, top);
    }

    public synchronized T pop() {
        if (top == null) {
            return null;
        }
        T item = top.item;
        top = top.next;
        return item;
    }

    public synchronized boolean isEmpty() {
        return top == null;
    }
}
""")))
V.append(('LockFreeStack','spin-lock','hang','a flag set by compare-and-set guards the list, a lock in all but name: a thread stopped while it holds the flag leaves every other thread spinning',('WHOLE', """package exercises;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

public final class LockFreeStack<T> {
    private record Node<T>(T item, Node<T> next) {
    }

    private final AtomicBoolean busy = new AtomicBoolean();
    private Node<T> top;

    public LockFreeStack() {
    }

    private void enter() {
        while (!busy.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
    }

    private void leave() {
        busy.set(false);
    }

    public void push(T item) {
        Objects.requireNonNull(item, "item");
        enter();
        try {
            top = new Node<>(item, top);
        } finally {
            leave();
        }
    }

    public T pop() {
        enter();
        try {
            if (top == null) {
                return null;
            }
            T item = top.item();
            top = top.next();
            return item;
        } finally {
            leave();
        }
    }

    public boolean isEmpty() {
        enter();
        try {
            return top == null;
        } finally {
            leave();
        }
    }
}
""")))
V.append(('LockFreeStack','plain-isempty','race','push and pop use a VarHandle, but isEmpty reads the plain field: a thread polling isEmpty may never see a push',('WHOLE', """package exercises;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

public final class LockFreeStack<T> {
    private record Node<T>(T item, Node<T> next) {
    }

    private static final VarHandle TOP;

    static {
        try {
            TOP = MethodHandles.lookup().findVarHandle(LockFreeStack.class, "top", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Node<T> top;

    public LockFreeStack() {
    }

    public void push(T item) {
        Objects.requireNonNull(item, "item");
        while (true) {
            @SuppressWarnings("unchecked")
            Node<T> seen = (Node<T>) TOP.getAcquire(this);
            if (TOP.compareAndSet(this, seen, new Node<>(item, seen))) {
                return;
            }
        }
    }

    public T pop() {
        while (true) {
            @SuppressWarnings("unchecked")
            Node<T> seen = (Node<T>) TOP.getAcquire(this);
            if (seen == null) {
                return null;
            }
            if (TOP.compareAndSet(this, seen, seen.next())) {
                return seen.item();
            }
        }
    }

    public boolean isEmpty() {
        return top == null;
    }
}
""")))

# BoundedFetcher
BF_HEAD = """package exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public final class BoundedFetcher {
    private BoundedFetcher() {
    }

    public static <T> List<T> fetchAll(List<? extends Callable<? extends T>> tasks, int maxConcurrent, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(tasks, "tasks");
        for (Callable<? extends T> task : tasks) {
            Objects.requireNonNull(task, "a task is null");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (tasks.isEmpty()) {
            return new ArrayList<>();
        }
"""
v('BoundedFetcher','unbounded','resources','ignores maxConcurrent: every task is started at once',
  ('                while (next < tasks.size() && slots.tryAcquire()) {', '                while (next < tasks.size()) {'))
v('BoundedFetcher','leaks-running-tasks','resources','on a failure, a timeout or an interrupt it throws without interrupting the running tasks or waiting for them: they run on after fetchAll returned',
  ('            threads.shutdownNow();\n            awaitUninterruptibly(threads);', '            threads.shutdown();      // no more tasks; those running run on'))
v('BoundedFetcher','interrupt-swallowed','functional','an interrupt of the caller is caught and the wait goes on until the tasks end or the timeout',
  ('                Future<T> f = left > 0 ? ended.poll(left, TimeUnit.NANOSECONDS) : null;   // throws if interrupted',
   '                Future<T> f = null;\n                while (f == null && budget - (System.nanoTime() - start) > 0) {\n                    try {\n                        f = ended.poll(budget - (System.nanoTime() - start), TimeUnit.NANOSECONDS);\n                    } catch (InterruptedException ignored) {\n                        // keep waiting\n                    }\n                }'))
v('BoundedFetcher','results-by-ending','functional','returns the results in the order the tasks ended, not in the order of the list',
  ('        List<Future<T>> futures = new ArrayList<>(tasks.size());', '        List<Future<T>> futures = new ArrayList<>(tasks.size());\n        List<T> byEnd = new ArrayList<>();'),
  ('                f.get();             // rethrows a failure as ExecutionException with the task\'s exception as cause', '                byEnd.add(f.get());'),
  ('            List<T> results = new ArrayList<>(tasks.size());\n            for (Future<T> f : futures) {\n                results.add(f.resultNow());\n            }\n            return results;', '            return byEnd;'))
v('BoundedFetcher','one-at-a-time','serialized','its semaphore has one permit whatever maxConcurrent says: the tasks run one at a time.\n// also: functional: the failure tests\' failing task waits behind a 10 s task, and the thread test\'s failing batch times out instead',
  ('        Semaphore slots = new Semaphore(maxConcurrent);', '        Semaphore slots = new Semaphore(1);'))
V.append(('BoundedFetcher','invokeall-waits-for-all','functional','invokeAll with the timeout on a fixed pool: it cancels on timeout, but after a failure it waits for every other task (or the timeout) before reporting it',('WHOLE', BF_HEAD + """        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxConcurrent, tasks.size()));
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (Callable<? extends T> task : tasks) {
                calls.add(task::call);
            }
            List<Future<T>> futures = pool.invokeAll(calls, timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                if (f.isCancelled()) {
                    throw new TimeoutException("timed out after " + timeout);
                }
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
""")))
V.append(('BoundedFetcher','pool-never-shut-down','resources','a fixed pool that is shut down only when something went wrong: after a normal return its idle threads stay alive for good',('WHOLE', BF_HEAD + """        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxConcurrent, tasks.size()));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<T>> futures = new ArrayList<>();
        boolean ok = false;
        try {
            java.util.concurrent.ExecutorCompletionService<T> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
            for (Callable<? extends T> task : tasks) {
                futures.add(done.submit(task::call));
            }
            for (int i = 0; i < tasks.size(); i++) {
                Future<T> f = done.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (f == null) {
                    throw new TimeoutException("timed out after " + timeout);
                }
                f.get();
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            ok = true;
            return results;
        } finally {
            if (!ok) {
                pool.shutdownNow();
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // the tests' tasks end when interrupted
                }
            }
        }
    }
}
""")))

v('LockFreeStack','null-accepted','functional','push accepts null, and a popped null then reads as an empty stack',
  ('        Objects.requireNonNull(item, "item");\n', ''))
v('LockFreeStack','interrupt-cancels-pop','functional','pop treats an interrupt as a cancellation: an interrupted thread gets null from a stack that holds items, and loses its interrupt status',
  ('        while (true) {\n            Node<T> seen = top.get();\n            if (seen == null) {', '        if (Thread.interrupted()) {\n            return null;             // cancelled\n        }\n        while (true) {\n            Node<T> seen = top.get();\n            if (seen == null) {'))
v('BoundedFetcher','zero-timeout-accepted','functional','a zero or negative timeout is not refused: the call starts tasks and then times out at once',
  ('        if (timeout.isNegative() || timeout.isZero()) {\n            throw new IllegalArgumentException("timeout must be positive, got " + timeout);\n        }\n', ''))

# CachingProxy
v('CachingProxy','double-fetch','race','a miss always fetches: a client that misses a key another client is fetching fetches it again instead of waiting for that fetch (check-then-act between the lookup and the fetch)',
  ('        CompletableFuture<String> other = inFlight.putIfAbsent(request, mine);\n        if (other != null) {\n            return await(other);                 // someone is fetching it: wait for that fetch\n        }\n',
   '        inFlight.put(request, mine);\n'))
v('CachingProxy','unbounded-cache','resources','the cache never evicts: it grows with every new key, whatever maxEntries says',
  ('            if (!cache.containsKey(request) && cache.size() >= maxEntries) {\n                // Evict the least recently used entry: a scan, fine for the small caches here (a\n                // large one would keep an ordered structure, at the price of a write per hit).\n                String eldest = null;\n                long oldest = Long.MAX_VALUE;\n                for (Map.Entry<String, Entry> e : cache.entrySet()) {\n                    if (e.getValue().used < oldest) {\n                        oldest = e.getValue().used;\n                        eldest = e.getKey();\n                    }\n                }\n                cache.remove(eldest);\n            }\n', ''))
v('CachingProxy','thread-per-client','resources','the acceptor starts a thread for every client it accepts, with no bound on how many are served at once',
  ('            try {\n                slots.acquire();\n            } catch (InterruptedException e) {\n                return;              // close()\n            }\n', ''),
  ('                slots.release();\n                if (closed) {', '                if (closed) {'),
  ('                } finally {\n                    slots.release();\n                    workers.remove', '                } finally {\n                    workers.remove'))
v('CachingProxy','fetch-under-lock','serialized','the whole lookup-or-fetch is one synchronized method: every hit and every other key waits while one client fetches from a slow origin',
  ('    private String get(String request) throws InterruptedException {', '    private synchronized String get(String request) throws InterruptedException {'))
v('CachingProxy','close-leaves-fetches','resources','close() neither closes the connections to the origin nor interrupts or waits for its threads: a fetch waiting on a silent origin, and the clients waiting for it, outlive close()',
  ('            if (!register(origin)) {\n                throw new IOException("the proxy is closing");\n            }\n', ''),
  ('        for (Thread w : workers) {\n            w.interrupt();\n        }\n        for (Thread w : workers) {\n            interrupted |= joinUninterruptibly(w);\n        }\n', ''))
v('CachingProxy','caches-errors','functional','a failed fetch\'s ERROR line is cached like a response: the key stays broken though the origin would answer',
  ('                    response = "ERROR origin: " + e.getMessage();   // not cached: the next request retries',
   '                    response = "ERROR origin: " + e.getMessage();\n                    store(request, response);'))
v('CachingProxy','failure-strands-waiters','hang','the in-flight future is completed only when the fetch succeeds: when it fails, the clients waiting for it wait for ever',
  ('                    response = fetch(request);\n                    store(request, response);', '                    response = fetch(request);\n                    store(request, response);\n                    mine.complete(response);'),
  ('            inFlight.remove(request, mine);\n            mine.complete(response != null ? response : "ERROR proxy failed");', '            inFlight.remove(request, mine);'))

for ex, name, expect, why, reps in V:
    if reps and reps[0] == 'WHOLE':
        text = reps[1]
    else:
        text = open(f'{SOL}/{ex}.java').read()
        for old, new in reps:
            if text.count(old) != 1:
                sys.exit(f'{ex}/{name}: {old[:60]!r} occurs {text.count(old)} times')
            text = text.replace(old, new)
    d = f'{OUT}/{ex}/{name}'
    os.makedirs(d, exist_ok=True)
    open(f'{d}/{ex}.java', 'w').write(f'// expect: {expect}\n// Bug: {why}.\n' + text)
print(len(V), 'variants')
