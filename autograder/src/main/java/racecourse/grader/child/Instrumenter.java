package racecourse.grader.child;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.Set;

/**
 * Rewrites a submission class (only submission classes): a call to the perturbation point before
 * every field read and write, around monitor enter and exit, around calls to
 * wait/notify/lock/unlock/acquire/release and friends, after every call into
 * java.util.concurrent and java.util's collections; a probe before array element loads and
 * before calls that are handed a primitive array (JDK code such as {@code Arrays.stream(values, lo,
 * hi)} reads it where we cannot see), and at every method's entry (which threads run submission
 * code); threads it starts reported to {@code TestScope}; and
 * System.exit / Runtime.exit / Runtime.halt replaced by a throw. Only no-argument static calls are
 * inserted, so the operand stack at every original instruction, and with it every stack map frame,
 * stays valid (COMPUTE_MAXS suffices; COMPUTE_FRAMES would need to load classes). Without
 * perturbation (the Lincheck explain step, whose model checker does its own scheduling) only the
 * exit calls are rewritten.
 */
public final class Instrumenter {
    private static final String PERTURB = "racecourse/grader/harness/Perturb";
    private static final String PROBE = "racecourse/grader/harness/Probe";
    private static final String EXIT = "racecourse/grader/harness/SubmissionExit";
    private static final String SCOPE = "racecourse/grader/harness/TestScope";
    /** Classes of java.util (no subpackage) that hold no state shared between threads. */
    private static final Set<String> UNSHARED_UTIL = Set.of("java/util/Objects", "java/util/Optional",
            "java/util/OptionalInt", "java/util/OptionalLong", "java/util/OptionalDouble", "java/util/Locale",
            "java/util/StringJoiner", "java/util/UUID");
    private static final Set<String> SYNC_CALLS = Set.of("wait", "notify", "notifyAll", "lock",
            "lockInterruptibly", "tryLock", "unlock", "acquire", "acquireUninterruptibly", "tryAcquire",
            "release", "await", "signal", "signalAll", "put", "take", "offer", "poll", "join",
            "compareAndSet", "getAndIncrement", "incrementAndGet", "putIfAbsent");

    /** A parameter of primitive array type, e.g. the {@code [J} of {@code (\[JII)Ljava/util/stream/LongStream;}. */
    private static final java.util.regex.Pattern PRIMITIVE_ARRAY_ARGUMENT = java.util.regex.Pattern.compile("^\\([^)]*\\[+[JIDFSBCZ]");

    private Instrumenter() {
    }

    static byte[] instrument(byte[] original) {
        return instrument(original, true);
    }

    public static byte[] instrument(byte[] original, boolean perturb) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        int classHash = reader.getClassName().hashCode();
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new PerturbingMethod(mv, classHash * 31 + name.hashCode(), perturb);
            }
        }, 0);
        return writer.toByteArray();
    }

    /**
     * A JDK class whose calls read or write state other threads may share: all of
     * java.util.concurrent (atomics, concurrent collections, locks) and java.util's collections.
     * A check-then-act across two such calls ({@code get} then {@code set}, {@code containsKey} then
     * {@code put}) has its window only between the calls, where no field access of the submission is.
     */
    static boolean sharedStateJdk(String owner) {
        return owner.startsWith("java/util/concurrent/")
                || owner.startsWith("java/util/") && owner.indexOf('/', "java/util/".length()) < 0 && !UNSHARED_UTIL.contains(owner);
    }

    private static final class PerturbingMethod extends MethodVisitor {
        private final boolean perturb;
        private int site;

        PerturbingMethod(MethodVisitor mv, int firstSite, boolean perturb) {
            super(Opcodes.ASM9, mv);
            this.site = firstSite;
            this.perturb = perturb;
        }

        private void point() {
            if (!perturb) {
                return;
            }
            super.visitLdcInsn(site++);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PERTURB, "point", "(I)V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (perturb) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "enter", "()V", false);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            point();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitInsn(int opcode) {
            switch (opcode) {
                case Opcodes.MONITORENTER -> {
                    point();
                    super.visitInsn(opcode);
                    point();
                }
                case Opcodes.MONITOREXIT -> {
                    point();
                    super.visitInsn(opcode);
                }
                case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.DALOAD -> {
                    if (perturb) {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "arrayLoad", "()V", false);
                    }
                    super.visitInsn(opcode);
                }
                case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.AASTORE -> {
                    point();
                    super.visitInsn(opcode);
                }
                default -> super.visitInsn(opcode);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, EXIT, "exit", "(I)V", false);
                return;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                    && (name.equals("exit") || name.equals("halt")) && descriptor.equals("(I)V")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, EXIT, name.equals("exit") ? "runtimeExit" : "runtimeHalt",
                        "(Ljava/lang/Runtime;I)V", false);
                return;
            }
            if (perturb && (owner.startsWith("[") || PRIMITIVE_ARRAY_ARGUMENT.matcher(descriptor).find())) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "arrayLoad", "()V", false);
            }
            if (!perturb) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/util/concurrent/Executors")
                    && name.equals("newVirtualThreadPerTaskExecutor") && descriptor.equals("()Ljava/util/concurrent/ExecutorService;")) {
                // The same executor, its virtual threads reported to the running test's scope.
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SCOPE, name, descriptor, false);
                return;
            }
            boolean sync = SYNC_CALLS.contains(name) && !owner.startsWith("exercises/") && !name.equals("<init>");
            // After (not also before) a shared-state JDK call: between two such calls one point is
            // enough to open the window, and every point costs time (a yield can cost a time slice
            // on a loaded machine), which makes slow-but-correct code hit its bounds.
            boolean shared = !sync && sharedStateJdk(owner) && !name.equals("<init>");
            if (sync) {
                point();
            }
            if (opcode != Opcodes.INVOKESTATIC && name.equals("start") && descriptor.equals("()V")) {
                // thread.start(): the receiver (any type; TestScope ignores non-threads) joins the test's threads.
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SCOPE, "track", "(Ljava/lang/Object;)V", false);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (descriptor.endsWith(")Ljava/lang/Thread;") && !name.equals("currentThread")) {
                // Thread.Builder.start/unstarted, Thread.startVirtualThread, ThreadFactory.newThread.
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SCOPE, "track", "(Ljava/lang/Object;)V", false);
            }
            if (sync || shared) {
                point();
            }
        }
    }
}
