package racecourse.kernel.threads;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Lock cycles that involve virtual threads, which {@code ThreadMXBean.findDeadlockedThreads} does
 * not see. Each waiting thread has at most one edge, "waits for lock L held by thread O":
 * <ul>
 * <li>parked on a java.util.concurrent lock: the blocker ({@link LockSupport#getBlocker}) and its
 * exclusive owner ({@link LockOwners});</li>
 * <li>BLOCKED on a monitor: from the JDK's JSON thread dump
 * ({@link HotSpotDiagnosticMXBean#dumpThreads}), which since JDK 25 names the monitor a thread is
 * blocked on and the monitors each thread owns. On older JDKs these edges are missing, so such a
 * cycle is not claimed; the stall check then reports every stuck thread instead.</li>
 * </ul>
 * The dump costs tens of milliseconds, so it is taken only when a virtual thread of the cell was
 * BLOCKED at two scans in a row. The edges are read thread by thread, not at one instant, so a
 * cycle counts only when a second, fresh search finds the same one.
 */
final class LockCycles {
    /** Since JDK 25 the JSON thread dump says which monitor a thread is blocked on and who owns it. */
    static final boolean MONITOR_OWNERS_KNOWN = Runtime.version().feature() >= 25;

    private record Edge(String lock, long owner) {
    }

    private Set<Thread> blockedBefore = Set.of();

    void reset() {
        blockedBefore = Set.of();
    }

    /** A cycle among {@code live} (the cell's threads) that involves a virtual thread, if there is one now. */
    Optional<List<ThreadSnapshot>> find(List<Thread> live) {
        Set<Thread> blocked = new HashSet<>();
        boolean waitingVirtual = false;
        for (Thread t : live) {
            if (t.isVirtual()) {
                Thread.State s = t.getState();
                if (s == Thread.State.BLOCKED) {
                    blocked.add(t);
                } else if (s == Thread.State.WAITING) {
                    waitingVirtual = true;
                }
            }
        }
        boolean dump = MONITOR_OWNERS_KNOWN && blocked.stream().anyMatch(blockedBefore::contains);
        blockedBefore = blocked;
        if (!dump && !waitingVirtual) {
            return Optional.empty();
        }
        Optional<List<Thread>> first = search(live, dump);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<Thread>> again = search(live, dump);
        if (again.isEmpty() || !Set.copyOf(again.get()).equals(Set.copyOf(first.get()))) {
            return Optional.empty();
        }
        return Optional.of(snapshots(again.get(), live, dump));
    }

    private Optional<List<Thread>> search(List<Thread> live, boolean dump) {
        Map<Long, Edge> edges = edges(live, dump);
        Map<Long, Thread> byId = live.stream().collect(Collectors.toMap(Thread::threadId, t -> t, (a, b) -> a));
        for (Thread start : live) {
            if (!start.isVirtual() || !edges.containsKey(start.threadId())) {
                continue;
            }
            // Each thread waits for at most one lock, so following owners either ends or loops.
            List<Long> path = new ArrayList<>();
            long at = start.threadId();
            while (edges.containsKey(at) && !path.contains(at)) {
                path.add(at);
                at = edges.get(at).owner();
            }
            int loop = path.indexOf(at);
            if (loop >= 0) {
                List<Thread> cycle = new ArrayList<>();
                for (long id : path.subList(loop, path.size())) {
                    Thread t = byId.get(id);
                    if (t == null) {
                        break; // a thread of no cell in the loop: not this cell's to report
                    }
                    cycle.add(t);
                }
                if (cycle.size() == path.size() - loop && cycle.stream().anyMatch(Thread::isVirtual)) {
                    return Optional.of(cycle);
                }
            }
        }
        return Optional.empty();
    }

    /** thread id -> the lock it waits for and the id of that lock's owner. */
    private static Map<Long, Edge> edges(List<Thread> live, boolean dump) {
        Map<Long, Edge> edges = new HashMap<>();
        for (Thread t : live) {
            if (t.getState() != Thread.State.WAITING) {
                continue;
            }
            Object blocker = LockSupport.getBlocker(t);
            Optional<Thread> owner = LockOwners.ownerOf(blocker);
            if (owner.isPresent() && owner.get() != t) {
                edges.put(t.threadId(), new Edge(ThreadReport.describe(blocker), owner.get().threadId()));
            }
        }
        if (dump) {
            edges.putAll(monitorEdges());
        }
        return edges;
    }

    /** From the JDK's thread dump: each thread BLOCKED on a monitor, and who owns that monitor. */
    private static Map<Long, Edge> monitorEdges() {
        JsonObject root = threadDump();
        if (root == null) {
            return Map.of();
        }
        Map<String, Long> ownerOf = new HashMap<>();
        Map<Long, String> blockedOn = new LinkedHashMap<>();
        for (JsonElement container : root.getAsJsonObject("threadDump").getAsJsonArray("threadContainers")) {
            for (JsonElement e : container.getAsJsonObject().getAsJsonArray("threads")) {
                JsonObject thread = e.getAsJsonObject();
                long tid = Long.parseLong(thread.get("tid").getAsString());
                if (thread.has("blockedOn")) {
                    blockedOn.put(tid, thread.get("blockedOn").getAsString());
                }
                if (thread.has("monitorsOwned")) {
                    for (JsonElement frame : thread.getAsJsonArray("monitorsOwned")) {
                        for (JsonElement lock : frame.getAsJsonObject().getAsJsonArray("locks")) {
                            if (!lock.isJsonNull()) {
                                ownerOf.put(lock.getAsString(), tid);
                            }
                        }
                    }
                }
            }
        }
        Map<Long, Edge> edges = new HashMap<>();
        blockedOn.forEach((tid, lock) -> {
            Long owner = ownerOf.get(lock);
            if (owner != null && owner.longValue() != tid) {
                edges.put(tid, new Edge(ThreadReport.describe(lock), owner));
            }
        });
        return edges;
    }

    private static JsonObject threadDump() {
        Path file = null;
        try {
            file = Files.createTempFile("racecourse-threads-", ".json");
            Files.delete(file); // dumpThreads will not overwrite a file
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return JsonParser.parseReader(in).getAsJsonObject();
            }
        } catch (IOException | RuntimeException e) {
            return null; // no dump, no monitor edges: a cycle on monitors then shows as a stall
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }

    /** The cycle's threads for the report, each with the lock it waits for, its owner and what it holds. */
    private static List<ThreadSnapshot> snapshots(List<Thread> cycle, List<Thread> live, boolean dump) {
        Map<Long, Edge> edges = edges(live, dump);
        Map<Long, String> names = new HashMap<>();
        for (Thread t : cycle) {
            names.put(t.threadId(), ThreadSnapshot.nameOf(t));
        }
        List<ThreadSnapshot> platform = ThreadReport.snapshots(cycle.stream().filter(t -> !t.isVirtual()).toList());
        List<ThreadSnapshot> out = new ArrayList<>();
        for (Thread t : cycle) {
            ThreadSnapshot s = t.isVirtual() ? ThreadReport.ofVirtual(t)
                    : platform.stream().filter(p -> p.id() == t.threadId()).findFirst().orElse(ThreadReport.ofVirtual(t));
            Edge edge = edges.get(t.threadId());
            Set<String> held = new LinkedHashSet<>(s.holds());
            for (Edge other : edges.values()) {
                if (other.owner() == t.threadId()) {
                    held.add(other.lock());
                }
            }
            out.add(edge == null ? s.withLock(s.waitsFor(), s.lockOwner(), List.copyOf(held))
                    : s.withLock(edge.lock(), names.get(edge.owner()), List.copyOf(held)));
        }
        return out;
    }
}
