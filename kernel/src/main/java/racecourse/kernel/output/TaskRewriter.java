package racecourse.kernel.output;

import org.objectweb.asm.Opcodes;
import racecourse.kernel.CallSites;

/**
 * Wraps the task argument of executor calls in cell code with {@link CellTasks#wrap}, so that a
 * task's output goes to the cell that submitted it: {@code execute(r)}, {@code submit(r)},
 * {@code submit(c)} on any java.util.concurrent executor, and {@code CompletableFuture.runAsync /
 * supplyAsync}, with or without an executor argument.
 */
public final class TaskRewriter {
    private static final String TASKS = "racecourse/kernel/output/CellTasks";
    private static final String RUNNABLE = "Ljava/lang/Runnable;";
    private static final String CALLABLE = "Ljava/util/concurrent/Callable;";
    private static final String SUPPLIER = "Ljava/util/function/Supplier;";
    private static final String EXECUTOR = "Ljava/util/concurrent/Executor;";

    private TaskRewriter() {
    }

    public static byte[] rewrite(byte[] classFile) {
        return CallSites.rewrite(classFile, (out, opcode, owner, method, desc, itf) -> {
            String task = owner.startsWith("java/util/concurrent/") ? taskType(owner, method, desc) : null;
            if (task == null) {
                return false;
            }
            // The task is on top of the stack, or just under an Executor argument.
            boolean underExecutor = desc.startsWith("(" + task + EXECUTOR + ")");
            if (underExecutor) {
                out.visitInsn(Opcodes.SWAP);
            }
            out.visitMethodInsn(Opcodes.INVOKESTATIC, TASKS, "wrap", "(" + task + ")" + task, false);
            if (underExecutor) {
                out.visitInsn(Opcodes.SWAP);
            }
            out.visitMethodInsn(opcode, owner, method, desc, itf);
            return true;
        });
    }

    /** The task's type descriptor if this call hands a task over as its last argument (or before an Executor). */
    private static String taskType(String owner, String method, String desc) {
        boolean completable = owner.equals("java/util/concurrent/CompletableFuture");
        if (completable && method.equals("runAsync")
                && (desc.startsWith("(" + RUNNABLE + ")") || desc.startsWith("(" + RUNNABLE + EXECUTOR + ")"))) {
            return RUNNABLE;
        }
        if (completable && method.equals("supplyAsync")
                && (desc.startsWith("(" + SUPPLIER + ")") || desc.startsWith("(" + SUPPLIER + EXECUTOR + ")"))) {
            return SUPPLIER;
        }
        if (method.equals("execute") && desc.equals("(" + RUNNABLE + ")V")) {
            return RUNNABLE;
        }
        if (method.equals("submit")) {
            if (desc.startsWith("(" + RUNNABLE + ")")) {
                return RUNNABLE;
            }
            if (desc.startsWith("(" + CALLABLE + ")")) {
                return CALLABLE;
            }
        }
        return null;
    }
}
