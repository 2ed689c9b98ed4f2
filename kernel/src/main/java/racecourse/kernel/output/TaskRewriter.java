package racecourse.kernel.output;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import racecourse.kernel.CallSites;

import java.util.Set;

/**
 * Wraps the task argument of calls in cell code that hand a task to another thread with
 * {@link CellTasks#wrap}, so that the task's output goes to the cell that handed it over and its
 * thread counts as that cell's: {@code execute}, {@code submit}, {@code invokeAll}, {@code invokeAny}
 * on any java.util.concurrent executor, {@code CompletableFuture.runAsync / supplyAsync} and every
 * {@code ...Async} stage (with or without an executor argument), {@code ThreadFactory.newThread},
 * {@code StructuredTaskScope.fork}, {@code Thread.Builder.unstarted}; and replaces thread starts
 * ({@code thread.start()}, {@code Thread.startVirtualThread}, {@code Thread.Builder.start}) by
 * CellTasks methods that make a virtual thread the cell's before it starts.
 */
public final class TaskRewriter {
    private static final String TASKS = "racecourse/kernel/output/CellTasks";
    private static final String EXECUTOR = "Ljava/util/concurrent/Executor;";
    private static final String COLLECTION = "Ljava/util/Collection;";
    private static final Set<String> TASK_TYPES = Set.of(
            "Ljava/lang/Runnable;", "Ljava/util/concurrent/Callable;", "Ljava/util/function/Supplier;",
            "Ljava/util/function/Function;", "Ljava/util/function/Consumer;",
            "Ljava/util/function/BiFunction;", "Ljava/util/function/BiConsumer;");
    private static final Set<String> HANDING_OVER = Set.of("execute", "submit", "fork", "newThread",
            "runAsync", "supplyAsync");
    private static final Set<String> THREAD_BUILDERS = Set.of(
            "java/lang/Thread$Builder", "java/lang/Thread$Builder$OfVirtual", "java/lang/Thread$Builder$OfPlatform");

    private TaskRewriter() {
    }

    public static byte[] rewrite(byte[] classFile) {
        return CallSites.rewrite(classFile, (out, opcode, owner, method, desc, itf) -> {
            Type[] args = Type.getArgumentTypes(desc);
            // Not super.start() (INVOKESPECIAL) in a Thread subclass: that would call its own start() again.
            String replacement = opcode == Opcodes.INVOKESPECIAL ? null : threadStart(owner, method, desc);
            if (replacement != null) {
                out.visitMethodInsn(Opcodes.INVOKESTATIC, TASKS, method, replacement, false);
                return true;
            }
            if (isInvokeAllOrAny(owner, method, args)) {
                out.visitMethodInsn(Opcodes.INVOKESTATIC, TASKS, "wrapAll", "(" + COLLECTION + ")" + COLLECTION, false);
                out.visitMethodInsn(opcode, owner, method, desc, itf);
                return true;
            }
            String task = taskType(owner, method, args);
            if (task == null) {
                return false;
            }
            // The task is on top of the stack, or just under an Executor argument.
            boolean underExecutor = args[args.length - 1].getDescriptor().equals(EXECUTOR);
            if (underExecutor) {
                out.visitInsn(Opcodes.SWAP);
            }
            boolean wholeThread = THREAD_BUILDERS.contains(owner) || method.equals("newThread");
            out.visitMethodInsn(Opcodes.INVOKESTATIC, TASKS, wholeThread ? "wrapThread" : "wrap", "(" + task + ")" + task, false);
            if (underExecutor) {
                out.visitInsn(Opcodes.SWAP);
            }
            out.visitMethodInsn(opcode, owner, method, desc, itf);
            return true;
        });
    }

    /**
     * The descriptor of the CellTasks method (of the same name) that replaces a thread start:
     * {@code thread.start()}, {@code builder.start(task)}, {@code Thread.startVirtualThread(task)}.
     */
    private static String threadStart(String owner, String method, String desc) {
        if (owner.equals("java/lang/Thread") && method.equals("start") && desc.equals("()V")) {
            return "(Ljava/lang/Thread;)V";
        }
        if (owner.equals("java/lang/Thread") && method.equals("startVirtualThread")
                && desc.equals("(Ljava/lang/Runnable;)Ljava/lang/Thread;")) {
            return desc;
        }
        if (THREAD_BUILDERS.contains(owner) && method.equals("start") && desc.equals("(Ljava/lang/Runnable;)Ljava/lang/Thread;")) {
            return "(Ljava/lang/Thread$Builder;Ljava/lang/Runnable;)Ljava/lang/Thread;";
        }
        return null;
    }

    private static boolean isInvokeAllOrAny(String owner, String method, Type[] args) {
        return owner.startsWith("java/util/concurrent/") && (method.equals("invokeAll") || method.equals("invokeAny"))
                && args.length == 1 && args[0].getDescriptor().equals(COLLECTION);
    }

    /** The task's type descriptor if this call hands a task over as its last argument (or before an Executor). */
    private static String taskType(String owner, String method, Type[] args) {
        boolean handsOver;
        if (owner.equals("java/lang/Thread")) {
            handsOver = false;
        } else if (THREAD_BUILDERS.contains(owner)) {
            handsOver = method.equals("unstarted");
        } else {
            handsOver = owner.startsWith("java/util/concurrent/")
                    && (HANDING_OVER.contains(method) || method.endsWith("Async"));
        }
        if (!handsOver || args.length == 0) {
            return null;
        }
        int at = args.length - 1;
        if (args[at].getDescriptor().equals(EXECUTOR) && at > 0) {
            at--;
        }
        String type = args[at].getDescriptor();
        return TASK_TYPES.contains(type) ? type : null;
    }
}
