package racecourse.kernel.exit;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;


/**
 * Rewrites calls that would end the kernel's JVM into calls of {@link ExitTrap}. JDK 24 removed the
 * Security Manager, so the calls are changed in the bytecode of cell code itself: snippet classes as
 * JShell loads them and classes compiled by %%javac.
 */
public final class ExitRewriter {
    private static final String TRAP = "racecourse/kernel/exit/ExitTrap";

    private ExitRewriter() {
    }

    /** The class with its exit calls rewritten; the same bytes if it has none. */
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
                        String trap = trapFor(opcode, owner, method, d);
                        if (trap != null) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, trap,
                                    opcode == Opcodes.INVOKESTATIC ? "(I)V" : "(Ljava/lang/Runtime;I)V", false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, d, itf);
                        }
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    private static String trapFor(int opcode, String owner, String method, String desc) {
        if (!"(I)V".equals(desc)) {
            return null;
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && method.equals("exit")) {
            return "systemExit";
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")) {
            return switch (method) {
                case "exit" -> "runtimeExit";
                case "halt" -> "runtimeHalt";
                default -> null;
            };
        }
        return null;
    }
}
