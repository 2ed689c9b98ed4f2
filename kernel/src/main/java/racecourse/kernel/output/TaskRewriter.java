package racecourse.kernel.output;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

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
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, sig, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String d, boolean itf) {
                        if (owner.startsWith("java/util/concurrent/")) {
                            String task = taskType(owner, method, d);
                            if (task != null) {
                                changed[0] = true;
                                boolean underExecutor = d.startsWith("(" + task + EXECUTOR + ")");
                                if (underExecutor) {
                                    super.visitInsn(Opcodes.SWAP);
                                }
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, TASKS, "wrap",
                                        "(" + task + ")" + task, false);
                                if (underExecutor) {
                                    super.visitInsn(Opcodes.SWAP);
                                }
                            }
                        }
                        super.visitMethodInsn(opcode, owner, method, d, itf);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
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
