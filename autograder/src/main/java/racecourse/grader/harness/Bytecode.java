package racecourse.grader.harness;

import racecourse.results.Verdict;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of a submission's class files (as compiled, before instrumentation), for rules that no
 * run can show every time: a read without synchronization that the JIT may hoist out of a polling
 * loop, or a class the exercise forbids. Deterministic: the same class always gets the same answer.
 */
public final class Bytecode {
    private final Map<String, ClassNode> nest = new LinkedHashMap<>();

    private Bytecode(Class<?> c) {
        for (Class<?> m : c.getNestHost().getNestMembers()) {
            nest.put(Type.getInternalName(m), read(m));
        }
    }

    /** The class files of {@code c} and of the classes nested in its file. */
    public static Bytecode of(Class<?> c) {
        return new Bytecode(c);
    }

    /** A use of the class in one thread, which must work before its class file is judged. */
    @FunctionalInterface
    public interface Use {
        void run() throws Exception;
    }

    /**
     * The class files of {@code c}, once {@code use} (constructing it and calling the checked
     * method, in one thread) worked: a class file check says nothing good of a class that does not
     * work, so a class whose constructor throws, whose static initializer fails or that lacks a
     * member fails the check too, with the verdict that says so (functional, or compile).
     */
    public static Bytecode of(Class<?> c, Use use) {
        try {
            use.run();
        } catch (Throwable t) {
            throw Stress.asVerdict(t, Verdict.FUNCTIONAL, Thread.currentThread().getName());
        }
        return new Bytecode(c);
    }

    private static ClassNode read(Class<?> c) {
        String file = Type.getInternalName(c) + ".class";
        ClassLoader loader = c.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : c.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the class file " + file + " cannot be read");
            }
            ClassNode n = new ClassNode();
            new ClassReader(in).accept(n, 0);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classes the submission refers to (as Java names), from its fields, methods and instructions. */
    public Set<String> referencedClasses() {
        Set<String> out = new TreeSet<>();
        for (ClassNode c : nest.values()) {
            if (c.superName != null) {
                out.add(c.superName);
            }
            out.addAll(c.interfaces);
            for (FieldNode f : c.fields) {
                addType(out, Type.getType(f.desc));
            }
            for (MethodNode m : c.methods) {
                addType(out, Type.getMethodType(m.desc));
                for (AbstractInsnNode i : m.instructions) {
                    if (i instanceof MethodInsnNode mi) {
                        out.add(mi.owner);
                        addType(out, Type.getMethodType(mi.desc));
                    } else if (i instanceof FieldInsnNode fi) {
                        out.add(fi.owner);
                        addType(out, Type.getType(fi.desc));
                    } else if (i instanceof org.objectweb.asm.tree.TypeInsnNode ti) {
                        out.add(ti.desc);
                    }
                }
            }
        }
        Set<String> names = new TreeSet<>();
        for (String s : out) {
            names.add(s.replace('/', '.'));
        }
        return names;
    }

    private static void addType(Set<String> out, Type t) {
        switch (t.getSort()) {
            case Type.OBJECT -> out.add(t.getInternalName());
            case Type.ARRAY -> addType(out, t.getElementType());
            case Type.METHOD -> {
                addType(out, t.getReturnType());
                for (Type a : t.getArgumentTypes()) {
                    addType(out, a);
                }
            }
            default -> { }
        }
    }

    /** The methods the submission calls, as {@code java.lang.Thread.sleep}, with the line of the first call. */
    public Map<String, String> calls() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ClassNode c : nest.values()) {
            for (MethodNode m : c.methods) {
                int line = -1;
                for (AbstractInsnNode i : m.instructions) {
                    if (i instanceof LineNumberNode ln) {
                        line = ln.line;
                    } else if (i instanceof MethodInsnNode mi) {
                        out.putIfAbsent(mi.owner.replace('/', '.') + "." + mi.name, where(c, line));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The submission's monitors: each {@code synchronized} method as {@code "synchronized method push
     * (LockFreeStack.java)"} and each {@code synchronized} block as {@code "synchronized block
     * (LockFreeStack.java:31)"}. Lambdas and nested classes of the file included.
     */
    public List<String> monitors() {
        List<String> out = new ArrayList<>();
        for (ClassNode c : nest.values()) {
            for (MethodNode m : c.methods) {
                if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                    out.add("synchronized method " + m.name + " (" + where(c, -1) + ")");
                }
                int line = -1;
                for (AbstractInsnNode i : m.instructions) {
                    if (i instanceof LineNumberNode ln) {
                        line = ln.line;
                    } else if (i.getOpcode() == Opcodes.MONITORENTER) {
                        out.add("synchronized block (" + where(c, line) + ")");
                    }
                }
            }
        }
        return out;
    }

    /**
     * The reads of mutable shared state that {@code method} (of the nest host) makes, directly or
     * through the submission's own methods it calls, before any synchronizing action: a field that
     * some method other than a constructor writes, neither {@code volatile} nor read inside a
     * {@code synchronized} method or block, nor after a call into {@code java.util.concurrent}
     * (a lock, a semaphore, an atomic), a {@code VarHandle} or a read of a {@code volatile} field. Such a read has no happens-before
     * edge from the writes of other threads: the JIT may keep the value in a register, and a
     * caller that polls may never see an update. Each as {@code "field count (SafeCounter.java:21)"}.
     */
    public List<String> unsynchronizedReads(String method, String descriptor) {
        Set<String> mutable = mutableFields();
        Set<String> found = new LinkedHashSet<>();
        ClassNode host = nest.values().iterator().next();
        for (ClassNode c : nest.values()) {
            if (c.nestHostClass == null) {
                host = c;
            }
        }
        MethodNode m = find(host.name, method, descriptor);
        if (m == null) {
            throw new IllegalStateException(host.name + " has no method " + method + descriptor);
        }
        scan(host, m, false, mutable, found, new HashSet<>());
        return new ArrayList<>(found);
    }

    /**
     * Scans {@code m}; returns whether a synchronizing action came before its end (in instruction
     * order), so that a read after a call of a helper that takes a lock or reads a volatile counts
     * as synchronized in the caller too.
     */
    private boolean scan(ClassNode c, MethodNode m, boolean synced, Set<String> mutable, Set<String> found, Set<String> seen) {
        if (!seen.add(c.name + "." + m.name + m.desc + synced)) {
            return synced;
        }
        synced |= (m.access & Opcodes.ACC_SYNCHRONIZED) != 0;
        int line = -1;
        for (AbstractInsnNode i : m.instructions) {
            if (i instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (i.getOpcode() == Opcodes.MONITORENTER) {
                synced = true;
            } else if (i instanceof FieldInsnNode f && (f.getOpcode() == Opcodes.GETFIELD || f.getOpcode() == Opcodes.GETSTATIC)) {
                String key = f.owner + "." + f.name;
                if (isVolatile(f.owner, f.name)) {
                    synced = true;      // a volatile read acquires, as a lock does (a seqlock's version)
                } else if (!synced && mutable.contains(key)) {
                    found.add("field " + f.name + " (" + where(c, line) + ")");
                }
            } else if (i instanceof MethodInsnNode call) {
                if (call.owner.startsWith("java/util/concurrent/") || call.owner.equals("java/lang/invoke/VarHandle")) {
                    synced = true;
                } else if (nest.containsKey(call.owner)) {
                    MethodNode callee = find(call.owner, call.name, call.desc);
                    if (callee != null) {
                        synced |= scan(nest.get(call.owner), callee, synced, mutable, found, seen);
                    }
                }
            }
        }
        return synced;
    }

    /**
     * Fields written outside their own class's constructors and static initializer, and fields a
     * {@code VarHandle} or an atomic field updater is made for (written through it, never by a
     * field instruction): the name is the string constant loaded for {@code findVarHandle} or
     * {@code newUpdater}.
     */
    private Set<String> mutableFields() {
        Set<String> out = new HashSet<>();
        for (ClassNode c : nest.values()) {
            for (MethodNode m : c.methods) {
                boolean constructing = m.name.equals("<init>") || m.name.equals("<clinit>");
                String lastString = null;
                for (AbstractInsnNode i : m.instructions) {
                    if (i instanceof org.objectweb.asm.tree.LdcInsnNode ldc && ldc.cst instanceof String name) {
                        lastString = name;
                    } else if (i instanceof MethodInsnNode call && lastString != null
                            && (call.name.equals("findVarHandle") || call.name.equals("newUpdater"))) {
                        for (ClassNode owner : nest.values()) {
                            for (FieldNode f : owner.fields) {
                                if (f.name.equals(lastString)) {
                                    out.add(owner.name + "." + f.name);
                                }
                            }
                        }
                    }
                    if (i instanceof FieldInsnNode f && (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC)
                            && !(constructing && f.owner.equals(c.name))) {
                        out.add(f.owner + "." + f.name);
                    }
                }
            }
        }
        return out;
    }

    private boolean isVolatile(String owner, String name) {
        ClassNode c = nest.get(owner);
        if (c == null) {
            return false;
        }
        for (FieldNode f : c.fields) {
            if (f.name.equals(name)) {
                return (f.access & Opcodes.ACC_VOLATILE) != 0;
            }
        }
        return false;
    }

    private MethodNode find(String owner, String name, String desc) {
        ClassNode c = nest.get(owner);
        if (c == null) {
            return null;
        }
        for (MethodNode m : c.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private static String where(ClassNode c, int line) {
        String file = c.sourceFile != null ? c.sourceFile : c.name.substring(c.name.lastIndexOf('/') + 1) + ".java";
        return line < 0 ? file : file + ":" + line;
    }
}
